// What the server knows between requests: open documents with their checks, settings, the workspace
// dictionary and index, and how to publish. Handlers (server.ts, features/*.ts) share one Session.
import type { Connection } from 'vscode-languageserver';
import { toDiagnostic } from './convert.ts';
import { NotesDocument, type Analysis, type Engine } from './core/check/document.ts';
import { DEFAULT_SETTINGS, validateSettings, type Settings } from './core/check/settings.ts';
import { catalogFilesChanged, engineWithCatalogs, type EngineWithCatalogs } from './catalog/files.ts';
import { WorkspaceDictionary } from './dictionary.ts';
import { ProjectConfigs } from './project-configs.ts';
import { ScheduleFiles } from './schedule-files.ts';
import { Programs, type Program, type TalkSpeakers } from './programs.ts';
import { guarded, looksBinary } from './guards.ts';

export { looksBinary };
import type { EditorDocument } from './editor-document.ts';
import type { Platform } from './platform/types.ts';
import { PROBLEM_CAP, TALKS_CHANGED, type ProblemCapParams } from './protocol.ts';
import type { Span } from './core/check/analysis.ts';
import { summarize, WorkspaceIndex, type FileSummary } from './workspace.ts';
import { WorkspaceProblems } from './features/workspace-problems.ts';

export type { Program };

export interface DocState {
  /** The editor's view of the text (versions, positions). */
  document: EditorDocument;
  /** The same text kept ready for checking. */
  notes: NotesDocument;
  analysis?: Analysis;
  analyzedVersion?: number;
  settings: Settings;
  /** Where the user last edited: with a capped problem list, the problems nearest it are shown. */
  lastEdit: number;
  /** When the user last edited it (Date.now()); undefined while it is as opened. */
  editedAt?: number;
  /** The schedule's speakers of the file's talks, as of an outline (see Session.talkSpeakers). */
  talkSpeakers?: TalkSpeakers;
  /** The cap was reported to the user for this document. */
  capReported?: boolean;
  /** Its problems are more than talkNotes.maxProblems (the last publish showed some of them). */
  capped?: boolean;
  /** When its diagnostics were last published (performance.now()), and a publish waiting for a capped list. */
  publishedAt?: number;
  publishTimer?: ReturnType<typeof setTimeout>;
  /** What the editor shows of it (offsets), when the client says: those problems are shown first. */
  visible?: Span[];
  summary?: { version: number; value: FileSummary };
  /** The outline version last announced, to tell the Talks view only about real changes. */
  talksKey?: string;
  /** Not Markdown notes (binary content): never checked. */
  binary?: boolean;
  /** A big file still being read into `notes` in slices; edits that arrive meanwhile wait here. */
  loading?: { queued: { start: number; end: number; text: string }[] };
}

/**
 * How long a check may spend on blocks far from the edit (verifying or re-matching them after learned names
 * changed) before it answers; the rest is done in idle slices of IDLE_SLICE_MS and published when done.
 * Short: the blocks on screen are done anyway, and a person typing pauses long enough between keys for the
 * idle slices.
 */
const CHECK_BUDGET_MS = 1;
/** …and at most this many blocks around the edit (a screenful and more). */
const NEAR_BLOCKS = 48;
const IDLE_SLICE_MS = 3;
/** Background work starts only after this long without a message from the client: it never competes with typing. */
const QUIET_MS = 40;

/** Documents longer than this are read into the checker in slices of this size. */
const LOAD_SLICE = 512 * 1024;
/** A document whose problems are capped is published at most this often while it is edited. */
const CAPPED_PUBLISH_MS = 60;
/** Documents longer than this are announced as large. */
const LARGE_FILE = 4 * 1024 * 1024;

export class Session {
  readonly states = new Map<string, DocState>();
  readonly dictionary: WorkspaceDictionary;
  /** talkNotes.schedules, read once per setting; a bad file is logged in full and told once. */
  readonly schedules: ScheduleFiles;
  private readonly programs: Programs;
  readonly index: WorkspaceIndex;
  /** talkNotes.problems "workspace": the index's files' problems. */
  readonly problems: WorkspaceProblems;
  /** The project config files (.talk-notes.json) of the documents; a broken one is logged in full and told once. */
  readonly configs = new ProjectConfigs((file) => this.readTextFile(file), ([first, ...rest]) => {
    // Shown once (which logs it), logged again whenever the file is read broken.
    const told = `${first}${rest.length ? ` (and ${rest.length} more problems: see the Talk Notes output)` : ''}`;
    if (this.reported.has(told)) this.log(first);
    else this.warnOnce(told);
    rest.forEach((m) => this.log(m));
  });
  folders: string[] = [];
  canPullConfig = false;
  canProgress = false;
  canWatch = false;
  /** The client takes change annotations that ask for confirmation (workspace edits with a preview). */
  canAnnotate = false;
  /** The client shows the problem cap itself (talkNotes/problemCap): VS Code's status-bar notice. */
  showsProblemCap = false;
  /** Settings for clients that cannot be asked per resource (initializationOptions, didChangeConfiguration). */
  pushedSettings: Settings = DEFAULT_SETTINGS;
  private engine?: Engine;
  private empty?: Analysis;
  private readonly pending = new Set<string>();
  private readonly reported = new Set<string>();
  private flushScheduled = false;
  private idleScheduled = false;
  /** When the client last sent a request or notification: background work waits for a pause. */
  private lastActivityAt = 0;
  private talksChangedTimer?: ReturnType<typeof setTimeout>;

  readonly connection: Connection;

  /** A file's text through the platform, or undefined when there is no such file. */
  private readTextFile(file: string): string | undefined {
    try {
      return this.platform.fs.readText(file);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      throw error;
    }
  }

  constructor(
    connection: Connection,
    /** Files, data, URIs and timers: Node's or the web worker's. */
    readonly platform: Platform,
  ) {
    this.connection = guarded(
      connection,
      (name, error) => connection.console.error(`[talk-notes] ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
      () => (this.lastActivityAt = performance.now()),
    );
    this.dictionary = new WorkspaceDictionary(platform);
    this.schedules = new ScheduleFiles((m) => this.log(m), (m) => this.warnOnce(m), platform);
    this.programs = new Programs(this.schedules, () => this.folders, () => this.getEngine());
    this.problems = new WorkspaceProblems(this);
    this.index = new WorkspaceIndex((file, text) => this.problems.check(file, text), (m) => this.log(m), platform);
    this.index.onIndexed = (file, analysis) => this.problems.indexed(file, analysis);
  }

  log(message: string): void {
    // Info rather than Log: the VS Code client stamps Info lines with the time (Log lines go out bare).
    this.connection.console.info(`[talk-notes] ${message}`);
  }

  /** Tells the user once about a problem with their settings or files, and logs it. */
  warnOnce(message: string): void {
    if (this.reported.has(message)) return;
    this.reported.add(message);
    this.connection.console.warn(`[talk-notes] ${message}`);
    void this.connection.window.showWarningMessage(`Talk Notes: ${message}`);
  }

  getEngine(): Engine {
    return (this.engine ??= this.platform.loadEngine());
  }

  /** Engines with extra catalog files, by the files' resolved paths. */
  private readonly catalogEngines = new Map<string, EngineWithCatalogs>();

  /** The engine for a document's settings: the bundled catalog, plus its talkNotes.catalogFiles. */
  engineFor(uri: string, settings: Settings): Engine {
    if (!settings.catalogFiles.length) return this.getEngine();
    const p = this.filePath(uri);
    const files = settings.catalogFiles.map((f) => (p ? this.dictionary.fileFor(p, this.folders, f) : this.platform.path.resolve(this.folders[0] ?? '.', f)));
    const key = files.join('\u0000');
    let entry = this.catalogEngines.get(key);
    if (!entry) {
      entry = engineWithCatalogs(this.getEngine(), files, this.platform);
      entry.problems.forEach((m) => this.warnOnce(m));
      if (this.catalogEngines.size > 20) this.catalogEngines.clear();
      this.catalogEngines.set(key, entry);
    }
    return entry.engine;
  }

  /** A watched file changed: engines built from it are built again. Returns whether any was. */
  catalogFileChanged(file: string): boolean {
    let changed = false;
    for (const [key, entry] of this.catalogEngines) {
      if (entry.files.some((f) => f.file === file) && catalogFilesChanged(entry.files, this.platform)) {
        this.catalogEngines.delete(key);
        changed = true;
      }
    }
    return changed;
  }

  open(): DocState[] {
    return [...this.states.values()];
  }

  filePath(uri: string): string | undefined {
    return this.platform.toPath(uri);
  }

  dictionaryFile(uri: string, settings: Settings): string | undefined {
    const p = this.filePath(uri);
    return p ? this.dictionary.fileFor(p, this.folders, settings.dictionaryFile) : undefined;
  }

  private dictionaryNames(uri: string, settings: Settings): string[] {
    const file = this.dictionaryFile(uri, settings);
    if (!file) return [];
    const state = this.dictionary.read(file);
    state.problems.forEach((p) => this.warnOnce(p));
    return state.names;
  }

  /** Speakers and companies of the workspace's schedules (talkNotes.schedules). */
  scheduleNames(settings: Settings): string[] {
    return this.programs.names(settings);
  }

  /** The sessions of the workspace's schedules, with an index to match talk headings (empty without any). */
  program(settings: Settings): Program {
    return this.programs.program(settings);
  }

  /** A document's settings: the client's, over its project config file's. */
  async fetchSettings(uri: string): Promise<Settings> {
    // Without file watching, a config file edited since is noticed when a document opens.
    if (!this.canWatch) this.configs.invalidate();
    return this.configs.settingsFor(this.filePath(uri), await this.clientSettings(uri));
  }

  private async clientSettings(uri: string): Promise<Settings> {
    if (!this.canPullConfig) return this.pushedSettings;
    try {
      const raw = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'talkNotes' });
      const { settings, problems } = validateSettings(raw);
      problems.forEach((p) => this.warnOnce(p));
      return settings;
    } catch (error) {
      this.log(`could not read settings for ${uri}: ${String(error)}`);
      return DEFAULT_SETTINGS;
    }
  }

  async refreshSettings(state: DocState): Promise<void> {
    state.settings = await this.fetchSettings(state.document.uri);
    state.analyzedVersion = undefined;
  }

  /** The analysis of the document's current text (reusing the last one when nothing changed). */
  analysisOf(state: DocState, idle = false): Analysis {
    // Until a big file is fully read (or for binary content), answer as for an empty document.
    if (state.loading || state.binary) return (this.empty ??= new NotesDocument(this.getEngine(), '').check(DEFAULT_SETTINGS));
    if (!state.analysis || state.analyzedVersion !== state.document.version) {
      // After an edit, the blocks around it; in idle time, as many as fit in a slice.
      const options = idle ? { near: state.lastEdit, deadline: performance.now() + IDLE_SLICE_MS } : { near: state.lastEdit, deadline: performance.now() + CHECK_BUDGET_MS, maxBlocks: NEAR_BLOCKS };
      state.notes.useEngine(this.engineFor(state.document.uri, state.settings));
      const extra = [...this.dictionaryNames(state.document.uri, state.settings), ...this.scheduleNames(state.settings)];
      const speakers = this.programs.talkSpeakers(state.settings, state.analysis, state);
      state.analysis = state.notes.check(state.settings, extra, { ...options, speakers });
      // A talk heading typed or changed may name another session: check again with its speakers.
      const now = this.programs.talkSpeakers(state.settings, state.analysis, state);
      if (now !== speakers) state.analysis = state.notes.check(state.settings, extra, { ...options, speakers: now });
      state.analyzedVersion = state.document.version;
    }
    return state.analysis;
  }

  summaryOf(state: DocState): FileSummary {
    if (state.summary?.version !== state.document.version) {
      // Opening a file does not make it recent (the Talks view would reorder under the mouse); editing does.
      const onDisk = this.index.files.get(this.filePath(state.document.uri) ?? '')?.modified;
      const modified = state.editedAt ?? onDisk ?? Date.now();
      state.summary = { version: state.document.version, value: summarize(state.document.uri, this.analysisOf(state), modified, this.getEngine().catalog) };
    }
    return state.summary.value;
  }

  /** Every notes file: open documents from the editor, the rest from the index. */
  allSummaries(): FileSummary[] {
    const byUri = new Map<string, FileSummary>();
    for (const f of this.index.files.values()) byUri.set(f.uri, f);
    for (const state of this.open()) byUri.set(state.document.uri, this.summaryOf(state));
    return [...byUri.values()];
  }

  /** Tells the client (the Talks view) that talks changed, at most every 200 ms. */
  announceTalks(): void {
    if (this.talksChangedTimer) return;
    this.talksChangedTimer = setTimeout(() => {
      this.talksChangedTimer = undefined;
      void this.connection.sendNotification(TALKS_CHANGED);
    }, 200);
  }

  private publish(state: DocState): void {
    const { document } = state;
    const connection = this.connection;
    if (state.loading) return; // published when the whole file is read
    if (!state.settings.enable || state.binary) {
      void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: [] });
      return;
    }
    try {
      const analysis = this.analysisOf(state);
      const limit = state.settings.maxProblems;
      const { findings, total } = analysis.findingsNear(state.lastEdit, limit, state.visible);
      const diagnostics = findings.flatMap((f) => toDiagnostic(f, document, state.settings) ?? []);
      void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
      if (analysis.outlineVersion !== state.talksKey) {
        state.talksKey = analysis.outlineVersion;
        this.announceTalks();
      }
      const capped = total > limit;
      // Our client shows a status-bar notice (told every change); other editors get one message.
      if (this.showsProblemCap && (capped || state.capped)) {
        void connection.sendNotification(PROBLEM_CAP, { uri: document.uri, shown: diagnostics.length, total, limit } satisfies ProblemCapParams);
      }
      state.capped = capped;
      state.publishedAt = performance.now();
      if (capped && !state.capReported) {
        state.capReported = true;
        const message = `${document.uri} has about ${total} problems; the ${limit} nearest what is on screen and your edits are shown. Raise talkNotes.maxProblems to see more, or run 'talk-notes check' for the full list.`;
        this.log(message);
        if (!this.showsProblemCap) void connection.window.showInformationMessage(`Talk Notes: ${message}`);
      }
    } catch (error) {
      connection.console.error(`[talk-notes] checking ${document.uri} failed: ${(error as Error).stack ?? String(error)}`);
    }
    // Quiet is counted from this answer too: a long check (opening a big file) is not a pause in typing.
    this.lastActivityAt = performance.now();
    this.scheduleIdleWork();
  }

  /**
   * Work that waits until no edit is queued, a slice at a time: finishing a check that left far blocks for
   * later (then publishing it).
   */
  private scheduleIdleWork(): void {
    if (this.idleScheduled) return;
    this.idleScheduled = true;
    const quietFor = performance.now() - this.lastActivityAt;
    const run = (): void => {
      this.idleScheduled = false;
      if (this.pending.size) return; // the edits' publish schedules this again
      if (performance.now() - this.lastActivityAt < QUIET_MS) return this.scheduleIdleWork();
      try {
        for (const state of this.states.values()) {
          if (state.loading || state.binary || !state.analysis?.pending || state.analyzedVersion !== state.document.version) continue;
          state.analyzedVersion = undefined;
          if (this.analysisOf(state, true).pending) this.scheduleIdleWork();
          else this.publish(state);
          return;
        }
      } catch (error) {
        this.connection.console.error(`[talk-notes] background work failed: ${(error as Error).stack ?? String(error)}`);
      }
    };
    if (quietFor >= QUIET_MS) this.platform.setImmediate(run);
    else setTimeout(run, QUIET_MS - quietFor);
  }

  /** Checks run after the messages already queued have been read, so a burst of edits costs one check. */
  schedule(uri: string): void {
    // A capped list (a big file) is hundreds of problems for the editor to take in: a burst of keystrokes gets
    // one publish at its end rather than one per key, at most one per CAPPED_PUBLISH_MS.
    const state = this.states.get(uri);
    if (state?.capped) {
      const wait = CAPPED_PUBLISH_MS - (performance.now() - (state.publishedAt ?? 0));
      if (wait > 0) {
        if (!state.publishTimer) {
          state.publishTimer = setTimeout(() => {
            state.publishTimer = undefined;
            state.publishedAt = 0;
            this.schedule(uri);
          }, wait);
        }
        return;
      }
    }
    this.pending.add(uri);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    this.platform.setImmediate(() => {
      this.flushScheduled = false;
      const uris = [...this.pending];
      this.pending.clear();
      for (const u of uris) {
        const state = this.states.get(u);
        if (state) this.publish(state);
      }
    });
  }

  unschedule(uri: string): void {
    this.pending.delete(uri);
  }

  recheckAll(): void {
    for (const state of this.open()) {
      state.analyzedVersion = undefined;
      this.schedule(state.document.uri);
    }
  }

  /**
   * Opens a document. A big one is read into the checker in slices, so requests and other documents are
   * served in between and the user is told; edits that arrive meanwhile are applied once it is read.
   */
  async load(state: DocState, text: string): Promise<void> {
    const uri = state.document.uri;
    if (looksBinary(text)) {
      state.binary = true;
      this.warnOnce(`${uri} looks like a binary file, not Markdown notes: Talk Notes does not check it.`);
      return;
    }
    if (text.length <= LOAD_SLICE) {
      state.notes.applyChanges([{ start: 0, end: 0, text }]);
      state.document.useNotesText();
      return;
    }
    state.loading = { queued: [] };
    if (text.length > LARGE_FILE) {
      const mb = (text.length / 1024 / 1024).toFixed(1);
      this.log(`${uri} is large (${mb} MB): checking it in the background`);
      void this.connection.window.showInformationMessage(`Talk Notes: ${uri.split('/').pop()} is large (${mb} MB); its problems appear once it is checked.`);
    }
    let at = 0;
    while (at < text.length) {
      let end = Math.min(text.length, at + LOAD_SLICE);
      const newline = text.indexOf('\n', end);
      end = newline < 0 ? text.length : newline + 1;
      state.notes.applyChanges([{ start: at, end: at, text: text.slice(at, end) }]);
      at = end;
      await new Promise<void>((resolve) => this.platform.setImmediate(resolve));
      if (this.states.get(uri) !== state) return; // closed meanwhile
    }
    state.notes.applyChanges(state.loading.queued);
    state.loading = undefined;
    state.document.useNotesText();
  }

  async reindex(): Promise<void> {
    if (!this.folders.length) return;
    await this.problems.refresh();
    const progress = this.canProgress ? await this.connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
    progress?.begin('Talk Notes: indexing notes', 0, undefined, false);
    const t = Date.now();
    const count = await this.index.build(this.folders, (done, total) => progress?.report(total ? Math.round((done / total) * 100) : 100, `${done}/${total} files`));
    progress?.done();
    this.log(`indexed ${count} notes files in ${Date.now() - t} ms`);
    this.announceTalks();
  }
}
