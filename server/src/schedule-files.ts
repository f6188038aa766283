// Schedule files on disk (talkNotes.schedules, the CLI's --schedule): found by path or glob, read, parsed by
// the core, and turned into the names the checker knows. The server keeps them in a ScheduleFiles cache that
// a changed file empties.
import type { Catalog } from './core/names/catalog.ts';
import { parseSchedule, scheduleNames, type Session } from './core/schedule/schedule.ts';
import { MAX_SCHEDULE_CHARS } from './core/schedule/types.ts';
import { nodeFiles } from './platform/node-files.ts';
import type { DirEntry, FileSystem, HostFiles } from './platform/types.ts';

export interface LoadedSchedules {
  sessions: Session[];
  /** Speakers' full names and companies, for the check's extra names. */
  names: string[];
  /** Problems by file, each line naming the file (and line). */
  problems: Map<string, string[]>;
  /** The files read, with their modification times (-1: missing). */
  files: { file: string; modified: number }[];
}

/** Reads schedule files. `strict`: a file that is no schedule at all is a problem (not so for glob matches). */
export function readScheduleFiles(files: readonly string[], catalog?: Catalog, strict: ReadonlySet<string> = new Set(files), { fs }: HostFiles = nodeFiles): LoadedSchedules {
  const out: LoadedSchedules = { sessions: [], names: [], problems: new Map(), files: [] };
  for (const file of files) {
    let text: string;
    try {
      const stat = fs.stat(file);
      out.files.push({ file, modified: stat.mtimeMs });
      if (!stat.isFile()) throw new Error('it is not a file');
      if (stat.size > MAX_SCHEDULE_CHARS) throw new Error(`larger than ${MAX_SCHEDULE_CHARS / 1024 / 1024} MB, not read (is it a schedule?)`);
      text = fs.readText(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') out.files.push({ file, modified: -1 });
      out.problems.set(file, [`${file}: ${code === 'ENOENT' ? 'not found' : (error as Error).message}`]);
      continue;
    }
    const parsed = parseSchedule(text, file);
    if (parsed.foreign && !strict.has(file)) continue;
    if (parsed.problems.length) out.problems.set(file, parsed.problems);
    for (const s of parsed.sessions) out.sessions.push(s);
  }
  out.names = scheduleNames(out.sessions, catalog ? (name) => catalog.lookup(name).length > 0 : undefined);
  return out;
}

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out']);
const MAX_VISITED = 20_000;

/** A glob as a regular expression over '/'-separated relative paths: `**` any folders, `*` and `?` within one. */
function globRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'i');
}

/**
 * A pattern's test on a path relative to its folder. A pattern without '/' ("*.ics", "schedule.json") matches
 * a file name in any folder, as in .gitignore; with one, the path from the folder.
 */
export function patternTest(pattern: string): (relative: string) => boolean {
  const re = globRegExp(pattern.replace(/\\/g, '/').replace(/^\.\//, ''));
  return pattern.includes('/') ? (rel) => re.test(rel) : (rel) => re.test(rel.slice(rel.lastIndexOf('/') + 1));
}

/** Whether a pattern is a path (with a folder in it) rather than a glob or a file name matched in any folder. */
const isPath = (pattern: string): boolean => !/[*?]/.test(pattern) && /[/\\]/.test(pattern);

/** The files the patterns name in a folder: paths as they are (`named`), the others by walking it. */
export function findScheduleFiles(folder: string, patterns: readonly string[], { fs, path }: HostFiles = nodeFiles): { files: string[]; named: Set<string> } {
  const named = new Set<string>();
  const tests: ((rel: string) => boolean)[] = [];
  for (const p of patterns) {
    if (isPath(p)) named.add(path.resolve(folder, p));
    else tests.push(patternTest(p));
  }
  const found = new Set<string>();
  let visited = 0;
  const walk = (dir: string, rel: string): void => {
    let entries: DirEntry[];
    try {
      entries = fs.list(dir);
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (++visited > MAX_VISITED) return;
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) walk(path.join(dir, e.name), r);
      } else if (e.isFile() && tests.some((t) => t(r))) found.add(path.join(dir, e.name));
    }
  };
  if (tests.length) walk(folder, '');
  return { files: [...found, ...named].filter((f, k, all) => all.indexOf(f) === k), named };
}

function modifiedTime(fs: FileSystem, file: string): number {
  try {
    return fs.stat(file).mtimeMs;
  } catch {
    return -1;
  }
}

/** The server's schedules: loaded once per folders and patterns, again after one of their files changed. */
export class ScheduleFiles {
  private cache = new Map<string, LoadedSchedules>();
  private checkedAt = Date.now();

  constructor(
    private readonly log: (message: string) => void,
    private readonly warn: (message: string) => void,
    private readonly host: HostFiles = nodeFiles,
  ) {}

  /** Every problem of a file logged; the first told to the user (once: the same message is not repeated). */
  private report(problems: string[]): void {
    problems.forEach((p) => this.log(`schedule: ${p}`));
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problems: see the Talk Notes output)` : '';
    this.warn(`schedule ${problems[0]}${more}; what could be read is used.`);
  }

  /** The schedules of the folders (each pattern relative to each folder). */
  load(folders: readonly string[], patterns: readonly string[], catalog: Catalog): LoadedSchedules {
    const key = `${folders.join('\u0000')}\u0001${patterns.join('\u0000')}`;
    let loaded = this.cache.get(key);
    // Without file watching (some clients), a file edited since is noticed by its time, looked at now and then.
    if (loaded && Date.now() - this.checkedAt > 2000) {
      this.checkedAt = Date.now();
      if (loaded.files.some((f) => modifiedTime(this.host.fs, f.file) !== f.modified)) loaded = undefined;
    }
    if (!loaded) {
      const files = new Set<string>();
      const named = new Set<string>();
      for (const folder of folders) {
        const found = findScheduleFiles(folder, patterns, this.host);
        found.files.forEach((f) => files.add(f));
        found.named.forEach((f) => named.add(f));
      }
      loaded = readScheduleFiles([...files], catalog, named, this.host);
      loaded.problems.forEach((problems) => this.report(problems));
      if (this.cache.size > 8) this.cache.clear();
      this.cache.set(key, loaded);
    }
    return loaded;
  }

  /** A file changed on disk: whether schedules were read from it or a pattern names it (they are read again). */
  changed(file: string, folders: readonly string[], patterns: readonly string[]): boolean {
    const read = [...this.cache.values()].some((l) => l.files.some((f) => f.file === file));
    const path = this.host.path;
    const fits = folders.some((folder) => {
      const rel = path.relative(folder, file).split(path.sep).join('/');
      if (rel.startsWith('..')) return false;
      return patterns.some((p) => (isPath(p) ? path.resolve(folder, p) === file : patternTest(p)(rel)));
    });
    if (read || fits) this.cache.clear();
    return read || fits;
  }
}
