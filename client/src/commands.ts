// Commands as small factories over one context (the running client and the output channel).
import * as vscode from 'vscode';
// The common client type: the Node and the browser LanguageClient both are one.
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { PROJECTS_IN_FILE, type ProjectsInFileParams, type TalkProjects } from '../../server/src/protocol';
import { fixAllNames } from './fixAll';
import { logLine } from './log';
import { fetchWorkspaceTalks, fileLabel, revealInFile, talkDescription, toRange } from './talksView';

export interface CommandContext {
  client(): LanguageClient | undefined;
  output: vscode.OutputChannel;
}

interface TalkPick extends vscode.QuickPickItem {
  range: vscode.Range;
  uri?: vscode.Uri;
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

/** Talks of the active file from its document symbols (the fallback when the workspace request fails). */
async function goToTalkInFile(): Promise<void> {
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
}

/**
 * Talks of the whole workspace (title, speaker, projects), grouped by file, most recently modified file first.
 * VS Code drops the file separators while filtering (keeping them needs the proposed sortByLabel API), so each
 * item's detail starts with its file; the projects that match what is typed come right after it, so a long
 * list never cuts them off.
 */
function goToTalk(ctx: CommandContext): () => Promise<void> {
  return async () => {
    const files = await fetchWorkspaceTalks(ctx.client());
    if (!files) {
      await goToTalkInFile();
      return;
    }
    const sorted = [...files].filter((f) => f.talks.length).sort((a, b) => b.modified - a.modified);
    if (!sorted.length) {
      void vscode.window.showInformationMessage('Talk Notes: no talks found in the workspace (talks are the headings of Markdown notes).');
      return;
    }
    const itemsFor = (query: string): (TalkPick | vscode.QuickPickItem)[] => {
      const words = query.toLowerCase().split(/\s+/).filter(Boolean);
      const matched = (p: string): boolean => words.some((w) => p.toLowerCase().includes(w));
      const items: (TalkPick | vscode.QuickPickItem)[] = [];
      for (const file of sorted) {
        const uri = vscode.Uri.parse(file.uri);
        const where = fileLabel(uri);
        items.push({ label: where, kind: vscode.QuickPickItemKind.Separator });
        for (const talk of file.talks) {
          const projects = [...talk.projects.filter(matched), ...talk.projects.filter((p) => !matched(p))];
          items.push({
            label: talk.title,
            description: talkDescription(talk),
            detail: projects.length ? `${where} · ${projects.join(', ')}` : where,
            range: toRange(talk.selectionRange),
            uri,
          } satisfies TalkPick);
        }
      }
      return items;
    };
    const quickPick = vscode.window.createQuickPick<TalkPick | vscode.QuickPickItem>();
    quickPick.placeholder = 'Go to talk';
    quickPick.title = 'Talks in the workspace: type a title, speaker or project';
    quickPick.matchOnDescription = true;
    quickPick.matchOnDetail = true;
    quickPick.items = itemsFor('');
    const pick = await new Promise<TalkPick | vscode.QuickPickItem | undefined>((resolve) => {
      quickPick.onDidChangeValue((value) => (quickPick.items = itemsFor(value)));
      quickPick.onDidAccept(() => resolve(quickPick.selectedItems[0]));
      quickPick.onDidHide(() => resolve(undefined));
      quickPick.show();
    });
    quickPick.dispose();
    if (!pick || !('range' in pick) || !pick.uri) return;
    await revealInFile(pick.uri, pick.range);
  };
}

/** Projects mentioned per talk of the active file; picking a talk goes to it. */
function projectsInFile(ctx: CommandContext): () => Promise<void> {
  return async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'markdown') {
      void vscode.window.showInformationMessage('Talk Notes: open a Markdown notes file to list the projects its talks mention.');
      return;
    }
    const client = ctx.client();
    if (!client?.isRunning()) {
      void vscode.window.showWarningMessage('Talk Notes: the language server is not running.');
      return;
    }
    const document = editor.document;
    let talks: TalkProjects[];
    try {
      const params: ProjectsInFileParams = { uri: document.uri.toString() };
      talks = (await client.sendRequest<TalkProjects[] | null>(PROJECTS_IN_FILE, params)) ?? [];
    } catch (e) {
      void vscode.window.showErrorMessage(`Talk Notes: could not list the projects of this file (${e instanceof Error ? e.message : String(e)}).`);
      return;
    }
    const withProjects = talks.filter((t) => t.projects.length);
    if (!withProjects.length) {
      void vscode.window.showInformationMessage('Talk Notes: no known projects are mentioned in this file.');
      return;
    }
    const picks: TalkPick[] = withProjects.map((t) => {
      const pos = new vscode.Position(t.line, 0);
      return {
        label: t.talk ?? '(before the first talk)',
        description: `${t.projects.length} project${t.projects.length === 1 ? '' : 's'}`,
        detail: t.projects.map((p) => (p.count > 1 ? `${p.name} ×${p.count}` : p.name)).join(', '),
        range: new vscode.Range(pos, pos),
      };
    });
    const pick = await vscode.window.showQuickPick(picks, { placeHolder: 'Projects in this file, per talk', matchOnDescription: true, matchOnDetail: true });
    if (!pick) return;
    await revealInFile(document.uri, pick.range);
  };
}

function restartServer(ctx: CommandContext): () => Promise<void> {
  return async () => {
    // The Node client restarts its server process; the browser client's worker ends with its server.
    const client = ctx.client() as (LanguageClient & { restart?: () => Promise<void> }) | undefined;
    if (!client) return;
    if (!client.restart) {
      void vscode.window.showInformationMessage('Talk Notes: in the browser the server restarts with the window: run "Developer: Reload Window".');
      return;
    }
    logLine(ctx.output, 'Restarting the Talk Notes server.');
    await client.restart();
  };
}

export function registerCommands(context: vscode.ExtensionContext, ctx: CommandContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('talkNotes.goToTalk', goToTalk(ctx)),
    vscode.commands.registerCommand('talkNotes.projectsInFile', projectsInFile(ctx)),
    vscode.commands.registerCommand('talkNotes.fixAll', () => fixAllNames(ctx.client(), ctx.output)),
    vscode.commands.registerCommand('talkNotes.restartServer', restartServer(ctx)),
  );
}
