// The "Talks" tree view in the Explorer: notes files → talks (speaker in the description) → sections. It is
// the talk-aware outline (VS Code's own Outline lists the Markdown headings, see server/src/features/symbols.ts):
// it follows the cursor, selecting the talk or section the cursor is in. A file with many talks starts collapsed.
// Fed by the server's talkNotes/workspaceTalks request; refreshed on talkNotes/talksChanged (debounced) and by
// the view's refresh button (talkNotes.refreshTalks, which also asks the server to re-index).
import * as vscode from 'vscode';
// The common client type: the Node and the browser LanguageClient both are one.
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import {
  REINDEX, TALKS_CHANGED, WORKSPACE_TALKS,
  type FileTalks, type Rng, type SectionInfo, type TalkInfo, type WorkspaceTalksParams,
} from '../../server/src/protocol';

export const TALKS_VIEW_ID = 'talkNotes.talks';
export const REVEAL_COMMAND = 'talkNotes.revealTalk';
const REFRESH_DEBOUNCE_MS = 300;
const FOLLOW_DEBOUNCE_MS = 150;
/** Files with more talks than this start collapsed (a conference's 488 talks would fill the view). */
const EXPANDED_TALKS = 30;

export function toRange(r: Rng): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

/** Open `uri` and put the cursor on `range` (a talk's or section's heading), scrolled to the top. */
export async function revealInFile(uri: vscode.Uri, range: vscode.Range): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document, { preview: true });
  editor.selection = new vscode.Selection(range.start, range.start);
  editor.revealRange(range, vscode.TextEditorRevealType.AtTop);
}

/** The workspace's talks from the server, or undefined when there is no server or the request failed. */
export async function fetchWorkspaceTalks(client: LanguageClient | undefined, query?: string): Promise<FileTalks[] | undefined> {
  if (!client || !client.isRunning()) return undefined;
  const params: WorkspaceTalksParams = query ? { query } : {};
  try {
    const files = await client.sendRequest<FileTalks[] | null>(WORKSPACE_TALKS, params);
    return Array.isArray(files) ? files : undefined;
  } catch {
    return undefined;
  }
}

/** A file's name relative to its workspace folder (the full path outside any folder). */
export function fileLabel(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
}

export function talkDescription(talk: TalkInfo): string | undefined {
  // The schedule's time and room when the talk is a session of it (the speaker line may be missing).
  const when = talk.session && [talk.session.time, talk.session.room].filter(Boolean).join(', ');
  const parts = [talk.speaker ?? talk.session?.speakers, talk.subtitle, when].filter((s): s is string => !!s && !!s.trim());
  return parts.length ? parts.join(' — ') : undefined;
}

type FileNode = { kind: 'file'; uri: vscode.Uri; file: FileTalks };
type Node =
  | FileNode
  | { kind: 'talk'; uri: vscode.Uri; talk: TalkInfo; parent: Node }
  | { kind: 'section'; uri: vscode.Uri; section: SectionInfo; parent: Node };

function contains(r: Rng, line: number): boolean {
  return r.start.line <= line && line <= r.end.line;
}

class TalksProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined | void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly drawn = new vscode.EventEmitter<void>();
  /** The tree's top level was fetched with other talks than before (the cursor's talk may be a new node). */
  readonly onDidShowOtherTalks = this.drawn.event;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The talks last shown, as fetched: a refresh that finds the same talks leaves the tree alone. */
  private files: FileTalks[] | undefined;
  private shown = '';
  /** The files the tree shows now: what following the cursor looks in. */
  private showing: FileTalks[] = [];

  constructor(private readonly client: () => LanguageClient | undefined) {}

  refresh(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.files = undefined;
    this.changed.fire();
  }

  /**
   * Refresh after a quiet period (many talksChanged notifications while typing make one refresh), and only if
   * the talks really changed: rebuilding the tree under the user's pointer would swallow a click.
   */
  refreshSoon(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void fetchWorkspaceTalks(this.client()).then((files) => {
        if (!files || JSON.stringify(files.map((f) => [f.uri, f.talks])) === this.shown) return;
        this.files = files;
        this.changed.fire();
      });
    }, REFRESH_DEBOUNCE_MS);
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      const files = this.files ?? (await fetchWorkspaceTalks(this.client())) ?? [];
      this.files = undefined;
      const shown = JSON.stringify(files.map((f) => [f.uri, f.talks]));
      this.showing = files.filter((f) => f.talks.length > 0);
      if (shown !== this.shown) setTimeout(() => this.drawn.fire(), 0);
      this.shown = shown;
      return this.showing.map((file) => ({ kind: 'file' as const, uri: vscode.Uri.parse(file.uri), file }));
    }
    if (node.kind === 'file') return node.file.talks.map((talk) => ({ kind: 'talk' as const, uri: node.uri, talk, parent: node }));
    const sections = node.kind === 'talk' ? node.talk.sections : node.section.sections;
    return sections.map((section) => ({ kind: 'section' as const, uri: node.uri, section, parent: node }));
  }

  getParent(node: Node): Node | undefined {
    return node.kind === 'file' ? undefined : node.parent;
  }

  /** The deepest talk or section of a shown file that holds the line, as a node reveal() accepts. */
  nodeAt(uri: vscode.Uri, line: number): Node | undefined {
    const key = uri.toString();
    const file = this.showing.find((f) => vscode.Uri.parse(f.uri).toString() === key);
    const talk = file?.talks.find((t) => contains(t.range, line));
    if (!file || !talk) return undefined;
    let node: Node = { kind: 'talk', uri, talk, parent: { kind: 'file', uri, file } };
    for (let sections = talk.sections; ;) {
      const section = sections.find((s) => contains(s.range, line));
      if (!section) return node;
      node = { kind: 'section', uri, section, parent: node };
      sections = section.sections;
    }
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const C = vscode.TreeItemCollapsibleState;
    if (node.kind === 'file') {
      const n = node.file.talks.length;
      const item = new vscode.TreeItem(fileLabel(node.uri), n > EXPANDED_TALKS ? C.Collapsed : C.Expanded);
      item.id = `file:${node.file.uri}`;
      item.resourceUri = node.uri;
      item.description = `${n} talk${n === 1 ? '' : 's'}`;
      item.tooltip = `${node.uri.scheme === 'file' ? node.uri.fsPath : node.uri.toString()} — ${item.description}`;
      item.iconPath = vscode.ThemeIcon.File;
      item.contextValue = 'talkNotes.file';
      return item;
    }
    if (node.kind === 'talk') {
      const { talk } = node;
      const item = new vscode.TreeItem(talk.title || '(untitled talk)', talk.sections.length ? C.Collapsed : C.None);
      item.id = nodeId(node);
      item.description = talkDescription(talk);
      const tip = new vscode.MarkdownString();
      tip.appendMarkdown(`**${escapeMd(talk.title)}**  \n`);
      if (talk.speaker) tip.appendMarkdown(`Speaker: ${escapeMd(talk.speaker)}  \n`);
      if (talk.subtitle) tip.appendMarkdown(`${escapeMd(talk.subtitle)}  \n`);
      if (talk.session) {
        const where = [talk.session.time, talk.session.room].filter(Boolean).join(' · ');
        tip.appendMarkdown(`Schedule: ${escapeMd(where)}${talk.session.speakers ? ` — ${escapeMd(talk.session.speakers)}` : ''}  \n`);
      }
      tip.appendMarkdown(talk.projects.length ? `Projects: ${talk.projects.map(escapeMd).join(', ')}  \n` : '_No projects mentioned_  \n');
      tip.appendMarkdown(`Line ${talk.selectionRange.start.line + 1}`);
      item.tooltip = tip;
      item.iconPath = new vscode.ThemeIcon('symbol-event');
      item.contextValue = 'talkNotes.talk';
      item.command = { command: REVEAL_COMMAND, title: 'Go to Talk', arguments: [node.uri, toRange(talk.selectionRange)] };
      return item;
    }
    const { section } = node;
    const item = new vscode.TreeItem(section.title || '(untitled section)', section.sections.length ? C.Collapsed : C.None);
    item.id = nodeId(node);
    item.tooltip = `${section.title} (line ${section.selectionRange.start.line + 1})`;
    item.iconPath = new vscode.ThemeIcon('symbol-string');
    item.contextValue = 'talkNotes.section';
    item.command = { command: REVEAL_COMMAND, title: 'Go to Section', arguments: [node.uri, toRange(section.selectionRange)] };
    return item;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.changed.dispose();
    this.drawn.dispose();
  }
}

/** Stable ids: VS Code keeps a node's expansion and selection by id, and reveal() finds a node by it. */
function nodeId(node: Node): string {
  if (node.kind === 'file') return `file:${node.file.uri}`;
  const range = node.kind === 'talk' ? node.talk.selectionRange : node.section.selectionRange;
  return `${node.kind}:${node.uri.toString()}#${range.start.line}`;
}

/** Selects the talk (or section) the cursor is in while the view is visible, without taking the focus. */
function followCursor(view: vscode.TreeView<Node>, provider: TalksProvider): vscode.Disposable {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let revealed: string | undefined;
  const follow = (): void => {
    timer = undefined;
    const editor = vscode.window.activeTextEditor;
    if (!view.visible || !editor || editor.document.languageId !== 'markdown') return;
    const node = provider.nodeAt(editor.document.uri, editor.selection.active.line);
    const id = node && nodeId(node);
    if (!node || id === revealed || view.selection.some((n) => nodeId(n) === id)) return;
    revealed = id;
    view.reveal(node, { select: true, focus: false }).then(undefined, () => (revealed = undefined));
  };
  const soon = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(follow, FOLLOW_DEBOUNCE_MS);
  };
  const again = (): void => {
    revealed = undefined;
    soon();
  };
  return vscode.Disposable.from(
    vscode.window.onDidChangeTextEditorSelection((e) => e.textEditor === vscode.window.activeTextEditor && soon()),
    vscode.window.onDidChangeActiveTextEditor(again),
    view.onDidChangeVisibility(again),
    // The first fetch, or a refresh with other talks: select again once they are known.
    provider.onDidShowOtherTalks(again),
    { dispose: () => timer && clearTimeout(timer) },
  );
}

function escapeMd(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

/**
 * Registers the Talks view, its commands and the talksChanged handler. Call before client.start(): the
 * notification handler is then in place for the first notification.
 */
export function registerTalksView(
  context: vscode.ExtensionContext,
  client: () => LanguageClient | undefined,
  /** Runs before the server re-indexes (the web client sends the workspace's files again). */
  beforeReindex?: () => Promise<void>,
): vscode.Disposable {
  const provider = new TalksProvider(client);
  const view = vscode.window.createTreeView(TALKS_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const disposables: vscode.Disposable[] = [provider, view, followCursor(view, provider)];
  const c = client();
  if (c) disposables.push(c.onNotification(TALKS_CHANGED, () => provider.refreshSoon()));
  disposables.push(
    vscode.commands.registerCommand('talkNotes.refreshTalks', async () => {
      const lc = client();
      if (lc?.isRunning()) {
        try {
          await beforeReindex?.();
          await lc.sendRequest(REINDEX, {});
        } catch { /* an older server: still refresh */ }
      }
      provider.refresh();
    }),
    vscode.commands.registerCommand(REVEAL_COMMAND, (uri: vscode.Uri, range: vscode.Range) => revealInFile(uri, range)),
    // The server comes up after the view may have asked for its children: ask again once it runs.
    ...(c ? [c.onDidChangeState(() => provider.refreshSoon())] : []),
  );
  const all = vscode.Disposable.from(...disposables);
  context.subscriptions.push(all);
  return all;
}
