// talkNotes.problems = "workspace": the problems of every indexed notes file, not only the open ones. The index
// hands each file's analysis here as it reads it (at start, on a change on disk, when the file is closed); the
// diagnostics of a file that is not open are made then and published a few at a time. They are not kept: the
// file is read and checked again when they are needed again, so a big workspace costs no memory for them.
// Open files keep their live diagnostics; a deleted file, or every file when the setting goes back to
// "openFiles", gets an empty list.
import type { Diagnostic } from 'vscode-languageserver';
import { toDiagnostic } from '../convert.ts';
import { NotesDocument, type Analysis } from '../core/check/document.ts';
import { applyProjectConfig } from '../core/check/project-config.ts';
import { validateSettings, type Settings } from '../core/check/settings.ts';
import type { Catalog } from '../core/names/catalog.ts';
import { LineIndex } from '../core/positions.ts';
import type { Session } from '../session.ts';

/** Publishes sent per turn of the event loop: a workspace's worth at once would hold up the client's other messages. */
const PUBLISHES_PER_TICK = 20;

export class WorkspaceProblems {
  /**
   * The client's settings of each workspace folder: files that are not open are checked with their folder's
   * settings under their project config file (a file's own editor settings are asked for when it opens).
   */
  private folderSettings = new Map<string, Settings>();
  /** Files not open whose last published list was not empty (by URI): what to clear. */
  private readonly published = new Set<string>();
  /** Lists waiting for their turn, by URI (a newer one replaces an older). */
  private readonly queue = new Map<string, Diagnostic[]>();
  private flushScheduled = false;
  /** The file being indexed and its settings, from `check` to `indexed`. */
  private current?: { file: string; settings: Settings };

  constructor(private readonly session: Session) {}

  /** How the index checks a file: with the settings, catalog files and extra names an open file would have. */
  check(file: string, text: string): { analysis: Analysis; catalog: Catalog } {
    const { session } = this;
    const settings = this.settingsFor(file);
    const uri = session.platform.toUri(file);
    const engine = session.engineFor(uri, settings);
    const dictionary = session.dictionaryFile(uri, settings);
    const state = dictionary ? session.dictionary.read(dictionary) : undefined;
    state?.problems.forEach((p) => session.warnOnce(p));
    const extra = [...(state?.names ?? []), ...session.scheduleNames(settings)];
    this.current = { file, settings };
    return { analysis: new NotesDocument(engine, text).check(settings, extra), catalog: engine.catalog };
  }

  /** A file was indexed (with its analysis, valid during this call) or dropped from the index (undefined). */
  indexed(file: string, analysis: Analysis | undefined): void {
    const { session } = this;
    const settings = this.current?.file === file ? this.current.settings : this.settingsFor(file);
    this.current = undefined;
    const uri = session.platform.toUri(file);
    if (session.states.has(uri)) return; // open: the editor's text is checked live
    let diagnostics: Diagnostic[] = [];
    if (analysis && settings.enable && settings.problems === 'workspace') {
      // As for an open file that was not edited: the first maxProblems.
      const lines = new LineIndex(analysis.text);
      diagnostics = analysis.findingsNear(0, settings.maxProblems).findings.flatMap((f) => toDiagnostic(f, lines, settings) ?? []);
    }
    if (diagnostics.length) this.published.add(uri);
    else if (!this.published.delete(uri)) return; // nothing shown for it: nothing to clear
    this.send(uri, diagnostics);
  }

  /** Whether any workspace folder asks for workspace problems (its settings, or its top project config file). */
  wanted(): boolean {
    return this.session.folders.some((folder) => applyProjectConfig(this.clientSettings(folder), this.session.configs.forFolder(folder)).problems === 'workspace');
  }

  /** Asks the client for each folder's settings again (before indexing, and when settings change). */
  async refresh(): Promise<void> {
    const { session } = this;
    const next = new Map<string, Settings>();
    if (session.canPullConfig) {
      await Promise.all(
        session.folders.map(async (folder) => {
          try {
            const raw = await session.connection.workspace.getConfiguration({ scopeUri: session.platform.toUri(folder), section: 'talkNotes' });
            const { settings, problems } = validateSettings(raw);
            problems.forEach((p) => session.warnOnce(p));
            next.set(folder, settings);
          } catch (error) {
            session.log(`could not read the settings of ${folder}: ${String(error)}`);
          }
        }),
      );
    }
    this.folderSettings = next;
  }

  /**
   * Settings or a project config file changed: with workspace problems wanted, every file is checked again
   * (its problems may have changed too); without, the unopened files' problems are cleared at once.
   */
  async settingsChanged(): Promise<void> {
    await this.refresh();
    if (this.wanted()) await this.session.reindex();
    else this.clear();
  }

  /** Empty lists for every unopened file that has problems shown. */
  clear(): void {
    for (const uri of this.published) if (!this.session.states.has(uri)) this.send(uri, []);
    this.published.clear();
  }

  private clientSettings(folder: string): Settings {
    return this.folderSettings.get(folder) ?? this.session.pushedSettings;
  }

  /** A file's settings: its workspace folder's, under its project config file. */
  private settingsFor(file: string): Settings {
    let folder: string | undefined;
    for (const f of this.session.folders) {
      const inside = file.startsWith(f) && (f.endsWith('/') || file[f.length] === '/' || file[f.length] === '\\');
      if (inside && (!folder || f.length > folder.length)) folder = f;
    }
    return this.session.configs.settingsFor(file, folder ? this.clientSettings(folder) : this.session.pushedSettings);
  }

  private send(uri: string, diagnostics: Diagnostic[]): void {
    this.queue.set(uri, diagnostics);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    this.session.platform.setImmediate(() => this.flush());
  }

  private flush(): void {
    this.flushScheduled = false;
    let sent = 0;
    for (const [uri, diagnostics] of this.queue) {
      if (sent++ >= PUBLISHES_PER_TICK) break;
      this.queue.delete(uri);
      // Opened meanwhile: its live diagnostics win.
      if (!this.session.states.has(uri)) void this.session.connection.sendDiagnostics({ uri, diagnostics });
    }
    if (this.queue.size && !this.flushScheduled) {
      this.flushScheduled = true;
      this.session.platform.setImmediate(() => this.flush());
    }
  }
}
