// Big notes files, whose problems are capped at talkNotes.maxProblems: the client tells the server what is on
// screen (those problems are shown first, so scrolling brings them back), shows "N of M problems" in the status
// bar for the file in front, and "Talk Notes: List All Problems" lists every one of them.
import * as vscode from 'vscode';
import { State, type BaseLanguageClient } from 'vscode-languageclient';
import {
  ALL_PROBLEMS,
  PROBLEM_CAP,
  VISIBLE_RANGES,
  type AllProblemsParams,
  type ListedProblem,
  type ProblemCapParams,
  type VisibleRangesParams,
} from '../../server/src/protocol';

const LIST_COMMAND = 'talkNotes.listProblems';
/** Scrolling sends the ranges once it pauses this long. */
const SCROLL_PAUSE_MS = 120;
const ICONS = ['$(error)', '$(error)', '$(warning)', '$(info)', '$(lightbulb)'];

function fileName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1) || uri.toString();
}

export function registerProblemCap(context: vscode.ExtensionContext, client: () => BaseLanguageClient | undefined): void {
  const caps = new Map<string, ProblemCapParams>();
  const item = vscode.window.createStatusBarItem('talkNotes.problemCap', vscode.StatusBarAlignment.Left, 10);
  item.name = 'Talk Notes: problems shown';
  item.command = LIST_COMMAND;

  const showFor = (editor: vscode.TextEditor | undefined): void => {
    const cap = editor && caps.get(editor.document.uri.toString());
    if (!cap || cap.shown >= cap.total) {
      item.hide();
      return;
    }
    item.text = `$(warning) ${cap.shown} of ${cap.total} problems`;
    item.tooltip = new vscode.MarkdownString(
      `**Talk Notes:** ${fileName(editor.document.uri)} has ${cap.total} problems; the ${cap.limit} nearest what is on screen and your last edit are shown (\`talkNotes.maxProblems\`).\n\nClick to list all of them.`,
    );
    item.show();
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  const sendVisible = (editor: vscode.TextEditor | undefined): void => {
    if (timer) clearTimeout(timer);
    if (!editor || editor.document.languageId !== 'markdown') return;
    timer = setTimeout(() => {
      const lc = client();
      if (!lc?.isRunning()) return;
      const params: VisibleRangesParams = {
        uri: editor.document.uri.toString(),
        ranges: editor.visibleRanges.map((r) => ({ start: r.start, end: r.end })),
      };
      void lc.sendNotification(VISIBLE_RANGES, params).catch(() => undefined);
    }, SCROLL_PAUSE_MS);
  };

  const listProblems = async (): Promise<void> => {
    const editor = vscode.window.activeTextEditor;
    const lc = client();
    if (!editor || editor.document.languageId !== 'markdown' || !lc) {
      void vscode.window.showInformationMessage('Talk Notes: open a Markdown notes file to list its problems.');
      return;
    }
    const params: AllProblemsParams = { uri: editor.document.uri.toString() };
    const problems = (await lc.sendRequest<ListedProblem[]>(ALL_PROBLEMS, params)) ?? [];
    if (!problems.length) {
      void vscode.window.showInformationMessage(`Talk Notes: no problems in ${fileName(editor.document.uri)}.`);
      return;
    }
    const pick = await vscode.window.showQuickPick(
      problems.map((p) => ({
        label: `${ICONS[p.severity] ?? ''} ${p.message}`,
        description: `Ln ${p.range.start.line + 1}, Col ${p.range.start.character + 1} · ${p.code}`,
        problem: p,
      })),
      { placeHolder: `${problems.length} problems in ${fileName(editor.document.uri)}`, matchOnDescription: true },
    );
    if (!pick) return;
    const { start, end } = pick.problem.range;
    const range = new vscode.Range(start.line, start.character, end.line, end.character);
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  };

  context.subscriptions.push(
    item,
    vscode.commands.registerCommand(LIST_COMMAND, listProblems),
    vscode.window.onDidChangeTextEditorVisibleRanges((e) => sendVisible(e.textEditor)),
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      showFor(editor);
      sendVisible(editor);
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => caps.delete(doc.uri.toString())),
  );
  // Registered before the client starts (it keeps the handler); the ranges are sent once it runs.
  const lc = client();
  if (!lc) return;
  context.subscriptions.push(
    lc.onNotification(PROBLEM_CAP, (cap: ProblemCapParams) => {
      caps.set(cap.uri, cap);
      showFor(vscode.window.activeTextEditor);
    }),
    lc.onDidChangeState((e) => {
      if (e.newState === State.Running) sendVisible(vscode.window.activeTextEditor);
    }),
  );
}
