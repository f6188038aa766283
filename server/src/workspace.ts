// The workspace index: every Markdown notes file in the workspace folders, summarized (talks, mentions) so
// Go to Talk, the Talks view and references work across all notes. Files are read and checked in the
// background in small steps; a changed file is re-indexed alone; open documents are summarized from the
// editor's text instead of the disk. Only summaries are kept: each file's text and analysis are dropped once
// it is summarized (and handed to `onIndexed`, which publishes its problems when asked to).
import type { Analysis } from './core/check/document.ts';
import type { Catalog } from './core/names/catalog.ts';
import { projectsByTalk } from './core/features/mentions.ts';
import { LineIndex } from './core/positions.ts';
import type { Section } from './core/features/talks.ts';
import type { FileTalks, Rng, SectionInfo, TalkInfo } from './protocol.ts';
import type { DirEntry, Platform } from './platform/types.ts';

/**
 * A file's mentions of known names (right or wrong), packed: an index of thousands of files holds hundreds of
 * thousands of them, and four numbers each cost far less memory and garbage collection than range objects.
 */
export interface Mentions {
  /** Each mention's name, in order (the catalog's strings, shared). */
  names: readonly string[];
  /** Per mention: line, character, end line, end character. */
  at: Uint32Array;
}

export interface FileSummary extends FileTalks {
  mentions: Mentions;
}

/** The ranges of a file's mentions of one name. */
export function mentionRanges(mentions: Mentions, name: string): Rng[] {
  const out: Rng[] = [];
  const { names, at } = mentions;
  for (let k = 0; k < names.length; k++) {
    if (names[k] === name) out.push({ start: { line: at[4 * k], character: at[4 * k + 1] }, end: { line: at[4 * k + 2], character: at[4 * k + 3] } });
  }
  return out;
}

/** How a file is checked for the index: its engine, settings and extra names are the caller's. */
export type CheckFile = (file: string, text: string) => { analysis: Analysis; catalog: Catalog };

const MARKDOWN = /\.(md|markdown|mdown|mkd)$/i;
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.vscode-test']);
const MAX_FILES = 10_000;
const MAX_BYTES = 10 * 1024 * 1024;

function sections(list: Section[], lines: LineIndex): SectionInfo[] {
  return list.map((s) => ({
    title: s.title,
    range: lines.rangeOf(s.start, Math.max(s.end, s.blockEnd)),
    selectionRange: lines.rangeOf(s.start, s.end),
    sections: sections(s.sections, lines),
  }));
}

/** Talks and mentions of one analysed text, in LSP positions (with the catalog, talks list projects only, no companies). */
export function summarize(uri: string, analysis: Analysis, modified: number, catalog?: Catalog): FileSummary {
  const lines = new LineIndex(analysis.text);
  const mentions = analysis.mentions;
  const perTalk = projectsByTalk(analysis.outline, mentions, catalog);
  const talks: TalkInfo[] = analysis.outline.talks.map((t) => ({
    title: t.title,
    speaker: t.speaker,
    subtitle: t.subtitle,
    range: lines.rangeOf(t.start, Math.max(t.end, t.blockEnd)),
    selectionRange: lines.rangeOf(t.start, t.end),
    projects: (perTalk.find((p) => p.talk === t)?.projects ?? []).map((p) => p.name),
    sections: sections(t.sections, lines),
  }));
  const at = new Uint32Array(4 * mentions.length);
  for (let k = 0; k < mentions.length; k++) {
    const start = lines.positionAt(mentions[k].start);
    const end = lines.positionAt(mentions[k].end);
    at[4 * k] = start.line;
    at[4 * k + 1] = start.character;
    at[4 * k + 2] = end.line;
    at[4 * k + 3] = end.character;
  }
  return { uri, modified, talks, mentions: { names: mentions.map((m) => m.name), at } };
}

export class WorkspaceIndex {
  /** Files on disk, by path. */
  readonly files = new Map<string, FileSummary>();
  private generation = 0;
  /**
   * Told of every file indexed, with its analysis (valid during the call only), and of every file dropped
   * (undefined): workspace problems are published from here.
   */
  onIndexed?: (file: string, analysis: Analysis | undefined) => void;

  constructor(
    private readonly check: CheckFile,
    private readonly log: (message: string) => void,
    private readonly platform: Pick<Platform, 'fs' | 'path' | 'toUri' | 'setImmediate'>,
  ) {}

  /** Markdown files under the folders (bounded, skipping dependency and VCS folders). */
  listFiles(folders: string[]): string[] {
    const { fs, path } = this.platform;
    const out: string[] = [];
    const walk = (dir: string): void => {
      let entries: DirEntry[];
      try {
        entries = fs.list(dir);
      } catch {
        return;
      }
      for (const e of entries) {
        if (out.length >= MAX_FILES) return;
        const full = path.join(dir, e.name);
        if (e.isDirectory()) {
          if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) walk(full);
        } else if (e.isFile() && MARKDOWN.test(e.name)) out.push(full);
      }
    };
    for (const f of folders) walk(f);
    if (out.length >= MAX_FILES) this.log(`indexing the first ${MAX_FILES} Markdown files only`);
    return out;
  }

  /** Reads and summarizes one file; a missing, unreadable, binary or huge file is dropped from the index. */
  indexFile(file: string): boolean {
    const { fs, toUri } = this.platform;
    try {
      const stat = fs.stat(file);
      if (stat.size > MAX_BYTES) {
        this.log(`${file} is larger than ${MAX_BYTES / 1024 / 1024} MB; not indexed`);
        this.remove(file);
        return false;
      }
      // A NUL character: a NUL byte in the file (UTF-8 writes no other character with one).
      const text = fs.readText(file);
      if (text.includes('\0')) {
        this.remove(file);
        return false;
      }
      const { analysis, catalog } = this.check(file, text);
      this.files.set(file, summarize(toUri(file), analysis, stat.mtimeMs, catalog));
      this.onIndexed?.(file, analysis);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.log(`could not index ${file}: ${String(error)}`);
      this.remove(file);
      return false;
    }
  }

  /**
   * Indexes every file of the folders, a few at a time so requests are served in between. A newer build
   * supersedes an older one still running. Resolves with the number of files indexed.
   */
  async build(folders: string[], progress?: (done: number, total: number) => void): Promise<number> {
    const generation = ++this.generation;
    const list = this.listFiles(folders);
    const keep = new Set(list);
    for (const file of [...this.files.keys()]) if (!keep.has(file)) this.remove(file);
    let done = 0;
    for (const file of list) {
      if (generation !== this.generation) return done;
      this.indexFile(file);
      done++;
      if (done % 5 === 0) {
        progress?.(done, list.length);
        await new Promise<void>((resolve) => this.platform.setImmediate(resolve));
      }
    }
    progress?.(done, list.length);
    return done;
  }

  remove(file: string): void {
    this.files.delete(file);
    this.onIndexed?.(file, undefined);
  }
}
