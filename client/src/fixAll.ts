// "Talk Notes: Fix All Names": asks the server which fixes are safe in bulk (talkNotes/fixAllPlan: clear
// name fixes, English spelling only if talkNotes.fixAll.include says so, nothing in speaker lines), applies
// them, and says how many it made, with an Undo button. Applied here rather than by the server so the count
// is what really changed (the preview lets the user untick fixes) and the message can offer Undo.
import * as vscode from 'vscode';
// The common client type: the Node and the browser LanguageClient both are one.
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { FIX_ALL_PLAN, type FixAllPlanParams, type FixAllPlanResult } from '../../server/src/protocol';
import { logLine } from './log';

/**
 * More edits than this are listed first in a multi-select quick pick, every fix ticked: Enter applies them,
 * unticking one leaves it, Escape cancels. (A WorkspaceEdit whose entries need confirmation opens VS Code's
 * Refactor Preview instead, but there such entries start unticked, so its Apply changes nothing until each fix
 * is ticked: the wrong default for fixes already judged clear.) A few are applied at once, as a quick fix is.
 */
export const PREVIEW_OVER = 5;

interface FixPick extends vscode.QuickPickItem {
  index: number;
}

export async function fixAllNames(client: LanguageClient | undefined, output: vscode.OutputChannel): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage('Talk Notes: open a Markdown notes file to fix the names in it.');
    return;
  }
  if (!client?.isRunning()) {
    void vscode.window.showWarningMessage('Talk Notes: the language server is not running.');
    return;
  }
  const document = editor.document;
  let plan: FixAllPlanResult | null;
  try {
    const params: FixAllPlanParams = { uri: document.uri.toString() };
    plan = await client.sendRequest<FixAllPlanResult | null>(FIX_ALL_PLAN, params);
  } catch (e) {
    void vscode.window.showErrorMessage(`Talk Notes: could not fix this file (${e instanceof Error ? e.message : String(e)}).`);
    return;
  }
  if (!plan) return;
  const leftOver = plan.leftOver ? ` ${plan.leftOver}` : '';
  if (document.version !== plan.version) {
    void vscode.window.showWarningMessage('Talk Notes: the file changed while its fixes were worked out; run Fix All Names again.');
    return;
  }
  if (!plan.edits.length) {
    const what = plan.include.includes('spelling') ? 'names or spellings' : 'names';
    void vscode.window.showInformationMessage(`Talk Notes: no ${what} to fix in this file.${leftOver}`);
    return;
  }
  const ranges = plan.edits.map((e) => client.protocol2CodeConverter.asRange(e.range));
  let chosen = plan.edits.map((_, k) => k);
  if (plan.edits.length > PREVIEW_OVER) {
    const picks = await vscode.window.showQuickPick(
      plan.edits.map((e, k): FixPick => ({
        label: `${e.wrong} → ${e.newText}`,
        description: `line ${ranges[k].start.line + 1}${e.kind === 'spelling' ? ' · English spelling' : ''}`,
        detail: document.lineAt(ranges[k].start.line).text.trim().slice(0, 120),
        picked: true,
        index: k,
      })),
      { canPickMany: true, ignoreFocusOut: true, title: `Talk Notes: Fix All Names: ${plan.edits.length} fixes`, placeHolder: 'Enter applies the ticked fixes; untick any to leave it' },
    );
    if (!picks?.length) return;
    if (document.version !== plan.version) {
      void vscode.window.showWarningMessage('Talk Notes: the file changed while the fixes were listed; run Fix All Names again.');
      return;
    }
    chosen = picks.map((p) => p.index).sort((a, b) => a - b);
  }
  const edit = new vscode.WorkspaceEdit();
  for (const k of chosen) edit.replace(document.uri, ranges[k], plan.edits[k].newText);
  const spans = ranges.map((r) => ({ start: document.offsetAt(r.start), length: document.offsetAt(r.end) - document.offsetAt(r.start) }));
  const applied = await vscode.workspace.applyEdit(edit);
  if (!applied) {
    void vscode.window.showInformationMessage('Talk Notes: Fix All Names made no changes.');
    return;
  }
  const done = appliedEdits(document.getText(), plan, spans);
  const summary = summaryOf(done);
  logLine(output, `Fix All: ${summary} (${document.uri.fsPath || document.uri.toString()})`);
  const undoKey = isMac() ? '⌘Z' : 'Ctrl+Z';
  const choice = await vscode.window.showInformationMessage(`Talk Notes: ${summary}. Undo (${undoKey}) reverts them.${leftOver}`, 'Undo');
  if (choice === 'Undo') {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
  }
}

/** The planned edits that are in the text now (the user may untick some in the preview). */
function appliedEdits(after: string, plan: FixAllPlanResult, spans: { start: number; length: number }[]): FixAllPlanResult['edits'] {
  const done: FixAllPlanResult['edits'] = [];
  let shift = 0;
  plan.edits.forEach((e, k) => {
    if (after.startsWith(e.newText, spans[k].start + shift)) {
      done.push(e);
      shift += e.newText.length - spans[k].length;
    }
  });
  return done;
}

function summaryOf(edits: FixAllPlanResult['edits']): string {
  const names = edits.filter((e) => e.kind === 'names').length;
  const spelling = edits.length - names;
  const count = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;
  const parts = [names || !spelling ? count(names, 'name') : '', spelling ? count(spelling, 'spelling') : ''].filter(Boolean);
  return `Fixed ${parts.join(' and ')} in this file`;
}

/** macOS, on Node (process) or in a browser (no process there: the user agent). */
function isMac(): boolean {
  if (typeof process === 'object' && process?.platform) return process.platform === 'darwin';
  return /Mac/.test((globalThis as { navigator?: { userAgent?: string } }).navigator?.userAgent ?? '');
}
