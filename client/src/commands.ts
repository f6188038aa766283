// Commands as small factories over one context (the running client and the output channel).
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';

export interface CommandContext {
  client(): LanguageClient | undefined;
  output: vscode.OutputChannel;
}

interface TalkPick extends vscode.QuickPickItem {
  range: vscode.Range;
}

const TALK_KIND = vscode.SymbolKind.Event;

/** Talks of a document, from its outline (document symbols), groups flattened. */
async function talksOf(document: vscode.TextDocument): Promise<vscode.DocumentSymbol[]> {
  const symbols = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri)) ?? [];
  const talks: vscode.DocumentSymbol[] = [];
  const walk = (list: vscode.DocumentSymbol[]): void => {
    for (const s of list) {
      if (s.kind === TALK_KIND) talks.push(s);
      else walk(s.children ?? []);
    }
  };
  walk(symbols);
  return talks;
}

function goToTalk(): () => Promise<void> {
  return async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'markdown') {
      void vscode.window.showInformationMessage('Talk Notes: open a Markdown notes file to go to one of its talks.');
      return;
    }
    const talks = await talksOf(editor.document);
    if (!talks.length) {
      void vscode.window.showInformationMessage('Talk Notes: no talks found in this file (talks are its headings).');
      return;
    }
    const picks: TalkPick[] = talks.map((t) => ({
      label: t.name,
      description: t.detail || undefined,
      detail: `line ${t.selectionRange.start.line + 1}`,
      range: t.selectionRange,
    }));
    const pick = await vscode.window.showQuickPick(picks, { placeHolder: 'Go to talk', matchOnDescription: true });
    if (!pick) return;
    editor.selection = new vscode.Selection(pick.range.start, pick.range.start);
    editor.revealRange(pick.range, vscode.TextEditorRevealType.AtTop);
  };
}

function fixAllNames(ctx: CommandContext): () => Promise<void> {
  return async () => {
    const editor = vscode.window.activeTextEditor;
    const client = ctx.client();
    if (!editor || !client) return;
    await client.sendRequest(ExecuteCommandRequest.type, { command: 'talkNotes.applyFixAll', arguments: [editor.document.uri.toString()] });
  };
}

function restartServer(ctx: CommandContext): () => Promise<void> {
  return async () => {
    const client = ctx.client();
    if (!client) return;
    ctx.output.appendLine('Restarting the Talk Notes server.');
    await client.restart();
  };
}

export function registerCommands(context: vscode.ExtensionContext, ctx: CommandContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('talkNotes.goToTalk', goToTalk()),
    vscode.commands.registerCommand('talkNotes.fixAll', fixAllNames(ctx)),
    vscode.commands.registerCommand('talkNotes.restartServer', restartServer(ctx)),
  );
}
