// Schedule commands: "New Talk" (pick a session, the one running now first, and insert its heading, speakers and
// time as a snippet), "Open Talk in Schedule" (the session of the talk under the cursor) and "Add Schedule
// File…" (copy a downloaded .ics or schedule.json into the workspace, where talkNotes.schedules finds it).
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  SCHEDULE_SESSIONS,
  TALK_SESSION,
  type ScheduledSessionItem,
  type ScheduleSessionsParams,
  type ScheduleSessionsResult,
  type SessionInfo,
  type TalkSessionParams,
} from '../../server/src/protocol';

interface SessionPick extends vscode.QuickPickItem {
  item?: ScheduledSessionItem;
}

const WHEN_LABEL: Record<ScheduledSessionItem['when'], string> = { now: 'Running now', next: 'Next', later: 'Later', earlier: 'Earlier' };

function markdownEditor(action: string): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor && editor.document.languageId === 'markdown') return editor;
  void vscode.window.showInformationMessage(`Talk Notes: open a Markdown notes file to ${action}.`);
  return undefined;
}

/** Quick pick items grouped under "Running now", "Next", "Later", "Earlier". */
function sessionPicks(sessions: ScheduledSessionItem[]): SessionPick[] {
  const picks: SessionPick[] = [];
  let group: string | undefined;
  for (const s of sessions) {
    if (s.when !== group) {
      group = s.when;
      picks.push({ label: WHEN_LABEL[s.when], kind: vscode.QuickPickItemKind.Separator });
    }
    picks.push({
      label: s.title,
      description: [s.time, s.room].filter(Boolean).join(' · '),
      detail: s.speakers || undefined,
      item: s,
    });
  }
  return picks;
}

/** Where a new talk goes: the cursor's line when it is empty, else after it; a blank line above it either way. */
async function insertTalk(editor: vscode.TextEditor, snippet: string): Promise<void> {
  const line = editor.document.lineAt(editor.selection.active.line);
  if (line.isEmptyOrWhitespace) {
    const above = line.lineNumber > 0 && !editor.document.lineAt(line.lineNumber - 1).isEmptyOrWhitespace;
    await editor.insertSnippet(new vscode.SnippetString(above ? `\n${snippet}` : snippet), line.range);
    return;
  }
  await editor.insertSnippet(new vscode.SnippetString(`\n\n${snippet}`), line.range.end);
}

function newTalk(client: () => BaseLanguageClient | undefined): () => Promise<void> {
  return async () => {
    const editor = markdownEditor('add a talk to it');
    const lc = client();
    if (!editor || !lc) return;
    const params: ScheduleSessionsParams = { uri: editor.document.uri.toString(), now: Date.now(), localOffset: -new Date().getTimezoneOffset() };
    const result = await lc.sendRequest<ScheduleSessionsResult>(SCHEDULE_SESSIONS, params);
    if (!result.sessions.length) {
      const add = 'Add Schedule File…';
      const answer = await vscode.window.showInformationMessage(`Talk Notes: ${result.message}`, add);
      if (answer === add) await vscode.commands.executeCommand('talkNotes.addScheduleFile');
      return;
    }
    const pick = await vscode.window.showQuickPick(sessionPicks(result.sessions), {
      placeHolder: 'Session to take notes on (search by title, speaker, company or room)',
      matchOnDescription: true,
      matchOnDetail: true,
    });
    if (!pick?.item) return;
    await insertTalk(editor, pick.item.snippet);
  };
}

function openTalkInSchedule(client: () => BaseLanguageClient | undefined): () => Promise<void> {
  return async () => {
    const editor = markdownEditor('open one of its talks in the schedule');
    const lc = client();
    if (!editor || !lc) return;
    const params: TalkSessionParams = { uri: editor.document.uri.toString(), position: editor.selection.active };
    const session = await lc.sendRequest<SessionInfo | null>(TALK_SESSION, params);
    if (!session) {
      void vscode.window.showInformationMessage('Talk Notes: the talk at the cursor matches no session of the schedule.');
      return;
    }
    if (!session.url) {
      void vscode.window.showInformationMessage(`Talk Notes: "${session.title}" (${session.time}) has no link in the schedule.`);
      return;
    }
    await vscode.env.openExternal(vscode.Uri.parse(session.url));
  };
}

/** Copies a schedule file into the workspace folder (never over an existing file) and opens nothing else. */
async function addScheduleFile(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showInformationMessage('Talk Notes: open the folder of your notes first; the schedule is copied into it.');
    return;
  }
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: 'Add Schedule',
    filters: { 'Conference schedules': ['ics', 'json'] },
    title: 'A conference schedule: an iCalendar export (.ics) or Pretalx schedule.json',
  });
  const source = picked?.[0];
  if (!source) return;
  const name = source.path.slice(source.path.lastIndexOf('/') + 1);
  // A JSON file is found by the default patterns only under the name schedule.json.
  const targetName = /\.json$/i.test(name) ? 'schedule.json' : name;
  const target = vscode.Uri.joinPath(folder.uri, targetName);
  try {
    await vscode.workspace.fs.stat(target);
    void vscode.window.showWarningMessage(`Talk Notes: ${targetName} already exists in ${folder.name}; nothing was copied.`);
    return;
  } catch {
    // Not there yet: copy it.
  }
  try {
    await vscode.workspace.fs.copy(source, target, { overwrite: false });
  } catch (error) {
    void vscode.window.showErrorMessage(`Talk Notes: could not copy ${name}: ${(error as Error).message}`);
    return;
  }
  void vscode.window.showInformationMessage(`Talk Notes: the schedule is now ${targetName} in ${folder.name}; its speakers are known names, and "New Talk" offers its sessions.`);
}

export function registerScheduleCommands(context: vscode.ExtensionContext, client: () => BaseLanguageClient | undefined): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('talkNotes.newTalk', newTalk(client)),
    vscode.commands.registerCommand('talkNotes.openTalkInSchedule', openTalkInSchedule(client)),
    vscode.commands.registerCommand('talkNotes.addScheduleFile', addScheduleFile),
  );
}
