// talk-notes check [files, folders or globs…] [--fix] [--format text|json] [--outline] [--catalog FILE]…
// The same core as the editor: prints `file:line:col severity message [code]`; exit 0 clean, 1 problems,
// 2 bad usage or unreadable input (nothing is written then).
// talk-notes catalog --landscape FILE [--maintainers FILE] [--people FILE] [--extra FILE] --out FILE
// Builds a catalog file (server/src/catalog/format.ts) from the public sources; exit 0 written, 2 bad usage or
// unreadable or malformed input (nothing is written then).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { engineWithCatalogs } from './catalog/files.ts';
import { CatalogInputError, buildCatalogWithNotes, countKinds, formatCatalogFile, type SourceKey } from './catalog/build.ts';
import { analyzeText, type Analysis } from './core/check/document.ts';
import { applyEdits, fixAllEdits } from './core/check/fixes.ts';
import { LineIndex } from './core/positions.ts';
import { DEFAULT_SETTINGS, type Settings } from './core/check/settings.ts';
import { isGroup, type Talk } from './core/features/talks.ts';
import type { Finding } from './core/types.ts';
import { findDataDir, loadCompiledSpeller, loadEngine } from './data.ts';
import { EnglishWords } from './core/english/english.ts';
import { WorkspaceDictionary } from './dictionary.ts';

const CATALOG_USAGE = `Usage: talk-notes catalog --landscape FILE [--maintainers FILE] [--people FILE] [--extra FILE] --out FILE

Builds a catalog of names (JSON, one name a line) from the public sources:
  --landscape FILE    the CNCF landscape, landscape.yml (cncf/landscape)
  --maintainers FILE  project-maintainers.csv (cncf/foundation)
  --people FILE       people.json (cncf/people)
  --extra FILE        a hand-kept file in the catalog format to merge in (events such as KubeCon)
  --out FILE          where to write it (atomically: a temporary file, then a rename)
  --note NAME=TEXT    where a source came from, kept in the file (NAME: landscape, maintainers, people, extra)
  --verbose           list the source records left out (people without a full name, unknown projects)

Exit status: 0 written, 2 bad usage or unreadable or malformed input (nothing is written then).`;

const USAGE = `Usage: talk-notes check [files, folders or globs…] [--fix] [--format text|json] [--outline] [--catalog FILE]…
       talk-notes catalog --landscape FILE [--maintainers FILE] [--people FILE] [--extra FILE] --out FILE

check: reports misspelled, mis-cased and misheard names in Markdown notes
  --fix            apply every preferred fix and write each file (atomically)
  --format FORMAT  text (default) or json
  --outline        also print each file's talks, speakers and sections
  --catalog FILE   also know the names of this catalog file (the format 'catalog' writes); repeatable
  -h, --help       show this help

catalog: builds a catalog file from the CNCF's public sources (talk-notes catalog --help for details)

Exit status: check: 0 no problems, 1 problems found, 2 bad usage or unreadable input;
catalog: 0 written, 2 bad usage or unreadable or malformed input.`;

class UsageError extends Error {}

interface Options {
  files: string[];
  catalogs: string[];
  fix: boolean;
  format: 'text' | 'json';
  outline: boolean;
}

function parseArgs(argv: string[]): Options | 'help' {
  const [command, ...rest] = argv;
  if (command === '-h' || command === '--help' || command === 'help') return 'help';
  if (command !== 'check') throw new UsageError(command ? `unknown command '${command}' (expected 'check' or 'catalog')` : "no command given (expected 'check' or 'catalog')");
  const options: Options = { files: [], catalogs: [], fix: false, format: 'text', outline: false };
  for (let k = 0; k < rest.length; k++) {
    const arg = rest[k];
    if (arg === '--fix') options.fix = true;
    else if (arg === '--outline') options.outline = true;
    else if (arg === '-h' || arg === '--help') return 'help';
    else if (arg === '--catalog' || arg.startsWith('--catalog=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : rest[++k];
      if (!value) throw new UsageError('--catalog takes a file');
      options.catalogs.push(value);
    } else if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : rest[++k];
      if (value !== 'text' && value !== 'json') throw new UsageError(`--format takes 'text' or 'json', not '${value ?? ''}'`);
      options.format = value;
    } else if (arg.startsWith('-')) throw new UsageError(`unknown option '${arg}'`);
    else options.files.push(arg);
  }
  if (!options.files.length) throw new UsageError('no files given');
  return options;
}

const MARKDOWN = /\.(md|markdown|mdown|mkd)$/i;
const SKIP_DIRS = new Set(['node_modules', '.git']);

function walk(dir: string, out: string[]): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && !SKIP_DIRS.has(entry.name)) walk(full, out);
    else if (entry.isFile() && MARKDOWN.test(entry.name)) out.push(full);
  }
}

function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      re += '.*';
      i++;
      if (glob[i + 1] === '/') i++;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Files named on the command line: plain paths, folders (their Markdown files) and globs. */
export function expandInputs(inputs: string[], cwd: string = process.cwd()): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    if (/[*?]/.test(input)) {
      const base = input.slice(0, input.search(/[*?]/)).replace(/[^/]*$/, '') || '.';
      const pattern = globToRegExp(path.posix.normalize(input.replace(/\\/g, '/')));
      const found: string[] = [];
      if (fs.existsSync(path.resolve(cwd, base))) walk(path.resolve(cwd, base), found);
      const matches = found.filter((f) => pattern.test(path.relative(cwd, f).split(path.sep).join('/')));
      if (!matches.length) throw new UsageError(`no Markdown files match '${input}'`);
      for (const m of matches) files.push(m);
      continue;
    }
    const full = path.resolve(cwd, input);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(`cannot read '${input}': ${code === 'ENOENT' || code === 'ENOTDIR' ? 'no such file or folder' : reason(error)}`);
    }
    if (stat.isDirectory()) {
      const found: string[] = [];
      walk(full, found);
      if (!found.length) throw new UsageError(`no Markdown files in folder '${input}'`);
      for (const f of found) files.push(f);
    } else files.push(full);
  }
  return [...new Set(files)];
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EIO: 'input/output error',
  EISDIR: 'it is a folder',
  ELOOP: 'too many symbolic links (a link loop?)',
  ERR_FS_FILE_TOO_LARGE: 'the file is larger than 2 GiB',
};

/** A short, human reason for a file system error (its code kept for searching). */
function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code ? `${REASONS[code] ?? 'read error'} (${code})` : String(error);
}

function readInput(file: string): string {
  const shown = path.relative(process.cwd(), file) || file;
  let buffer: Buffer;
  try {
    buffer = fs.readFileSync(file);
  } catch (error) {
    throw new UsageError(`cannot read '${shown}': ${reason(error)}`);
  }
  if (buffer.includes(0)) throw new UsageError(`'${shown}' is a binary file, not Markdown notes`);
  return buffer.toString('utf8');
}

/** Writes through a temporary file and a rename, so a crash never leaves half a file. */
function writeAtomically(file: string, text: string): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.talk-notes-${process.pid}.tmp`);
  fs.writeFileSync(tmp, text);
  try {
    fs.renameSync(tmp, file);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw error;
  }
}

function severityLabel(settings: Settings, code: keyof Settings['severity']): string {
  return settings.severity[code];
}

function outlineLines(analysis: Analysis): string[] {
  const lines = new LineIndex(analysis.text);
  const out: string[] = [];
  const talk = (t: Talk, indent: string): void => {
    const where = lines.positionAt(t.start).line + 1;
    out.push(`${indent}${t.title}  (line ${where})${t.speaker ? ` — speaker: ${t.speaker}` : ''}${t.subtitle ? ` — ${t.subtitle}` : ''}`);
    const sections = (list: Talk['sections'], ind: string): void => {
      for (const s of list) {
        out.push(`${ind}- ${s.title}`);
        sections(s.sections, ind + '  ');
      }
    };
    sections(t.sections, indent + '    ');
  };
  for (const item of analysis.outline.items) {
    if (isGroup(item)) {
      out.push(`  ${item.title}`);
      item.talks.forEach((t) => talk(t, '    '));
    } else talk(item, '  ');
  }
  return out;
}

export function main(argv: string[], write: (s: string) => void = (s) => process.stdout.write(s), writeError: (s: string) => void = (s) => process.stderr.write(s)): number {
  if (argv[0] === 'catalog') return catalogMain(argv.slice(1), write, writeError);
  let options: Options | 'help';
  let files: string[];
  const texts = new Map<string, string>();
  try {
    options = parseArgs(argv);
    if (options === 'help') {
      write(USAGE + '\n');
      return 0;
    }
    files = expandInputs(options.files);
    for (const f of files) texts.set(f, readInput(f));
  } catch (error) {
    if (error instanceof UsageError) {
      writeError(`talk-notes: ${error.message}\n`);
      return 2;
    }
    throw error;
  }

  let engine = loadEngine();
  if (options.catalogs.length) {
    const withCatalogs = engineWithCatalogs(engine, options.catalogs.map((f) => path.resolve(f)));
    const missing = withCatalogs.files.find((f) => f.modified < 0);
    if (missing) {
      writeError(`talk-notes: cannot read catalog file '${missing.file}': no such file\n`);
      return 2;
    }
    withCatalogs.problems.forEach((m) => writeError(`talk-notes: ${m}\n`));
    engine = withCatalogs.engine;
  }
  const dictionary = new WorkspaceDictionary();
  const settings = DEFAULT_SETTINGS;
  const json: unknown[] = [];
  let problems = 0;
  for (const file of files) {
    const text = texts.get(file)!;
    const names = dictionary.read(dictionary.fileFor(file, [process.cwd()], settings.dictionaryFile)).names;
    let analysis = analyzeText(engine, text, settings, names);
    let fixed = 0;
    if (options.fix) {
      const edits = fixAllEdits(analysis.findings);
      if (edits.length) {
        writeAtomically(file, applyEdits(text, edits));
        fixed = edits.length;
        analysis = analyzeText(engine, applyEdits(text, edits), settings, names);
      }
    }
    const lines = new LineIndex(analysis.text);
    const shown = path.relative(process.cwd(), file) || file;
    const reportable = (f: Finding): boolean => settings.severity[f.code] !== 'hint' && settings.severity[f.code] !== 'off';
    if (options.format === 'json') {
      problems += analysis.findings.filter(reportable).length;
      json.push({
        file: shown,
        fixed,
        problems: analysis.findings.map((f) => {
          const p = lines.positionAt(f.start);
          return { line: p.line + 1, column: p.character + 1, severity: severityLabel(settings, f.code), code: f.code, message: f.message, wrong: f.wrong, fixes: f.fixes, preferred: f.preferred };
        }),
        outline: options.outline ? analysis.outline.talks.map((t) => ({ talk: t.title, line: lines.positionAt(t.start).line + 1, speaker: t.speaker, subtitle: t.subtitle, sections: t.sections.map((s) => s.title) })) : undefined,
      });
      continue;
    }
    // Visited rather than copied: a big file's report has tens of thousands of lines. Equal lines of notes
    // share their findings, so each finding's text after the position is built once.
    const tails = new Map<Finding, string>();
    analysis.eachFinding((f, start) => {
      if (reportable(f)) problems++;
      const p = lines.positionAt(start);
      let tail = tails.get(f);
      if (tail === undefined) tails.set(f, (tail = ` ${severityLabel(settings, f.code)} ${f.message} [${f.code}]\n`));
      write(`${shown}:${p.line + 1}:${p.character + 1}${tail}`);
    });
    if (fixed) write(`${shown}: fixed ${fixed} problem${fixed === 1 ? '' : 's'}\n`);
    if (options.outline) {
      write(`${shown}: outline\n`);
      for (const l of outlineLines(analysis)) write(l + '\n');
    }
  }
  if (options.format === 'json') write(JSON.stringify(json, null, 2) + '\n');
  else write(problems ? `${problems} problem${problems === 1 ? '' : 's'} in ${files.length} file${files.length === 1 ? '' : 's'}\n` : `no problems in ${files.length} file${files.length === 1 ? '' : 's'}\n`);
  return problems ? 1 : 0;
}

interface CatalogOptions {
  files: Partial<Record<SourceKey, string>>;
  out?: string;
  notes: Partial<Record<SourceKey, string>>;
  verbose: boolean;
}

const SOURCE_FLAGS: Record<string, SourceKey> = { '--landscape': 'landscape', '--maintainers': 'maintainers', '--people': 'people', '--extra': 'extra' };

function parseCatalogArgs(args: string[]): CatalogOptions | 'help' {
  const options: CatalogOptions = { files: {}, notes: {}, verbose: false };
  for (let k = 0; k < args.length; k++) {
    const arg = args[k];
    if (arg === '-h' || arg === '--help') return 'help';
    if (arg === '--verbose') {
      options.verbose = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (!(flag in SOURCE_FLAGS) && flag !== '--out' && flag !== '--note') {
      throw new UsageError(arg.startsWith('-') ? `unknown option '${arg}' for 'catalog'` : `unexpected argument '${arg}' (give each file with its option, e.g. --landscape FILE)`);
    }
    const value = flag !== arg ? arg.slice(eq + 1) : args[++k];
    if (value === undefined || value === '' || (flag === arg && value.startsWith('--'))) throw new UsageError(`${flag} needs a value`);
    if (flag === '--out') options.out = value;
    else if (flag === '--note') {
      const at = value.indexOf('=');
      const name = value.slice(0, at) as SourceKey;
      if (at < 0 || !Object.values(SOURCE_FLAGS).includes(name)) throw new UsageError(`--note takes NAME=TEXT, NAME one of ${Object.values(SOURCE_FLAGS).join(', ')}`);
      options.notes[name] = value.slice(at + 1);
    } else options.files[SOURCE_FLAGS[flag]] = value;
  }
  if (!options.files.landscape) throw new UsageError('catalog: --landscape FILE is required');
  if (!options.out) throw new UsageError('catalog: --out FILE is required');
  return options;
}

/** A source file's text; a UsageError when it cannot be read or is not text. */
function readSource(file: string): string {
  let buffer: Buffer;
  try {
    buffer = fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read '${file}': ${code === 'ENOENT' || code === 'ENOTDIR' ? 'no such file' : reason(error)}`);
  }
  if (buffer.includes(0)) throw new UsageError(`'${file}' is a binary file, not a text source`);
  return buffer.toString('utf8');
}

/** The en_US dictionary next to the CLI, to mark names made of ordinary words; undefined when it is missing. */
function englishWordCheck(): ((word: string) => boolean) | undefined {
  try {
    const dataDir = findDataDir();
    const aff = fs.readFileSync(path.join(dataDir, 'dictionary', 'en_US.aff'));
    const dic = fs.readFileSync(path.join(dataDir, 'dictionary', 'en_US.dic'));
    const compiled = loadCompiledSpeller(dataDir, aff, dic);
    const words = compiled ? new EnglishWords(compiled, []) : EnglishWords.fromHunspell(aff, dic, []);
    // A dictionary form, not a word made with a prefix ("crossplane") or known from a jargon list.
    return (word) => words.commonness(word.toLowerCase()) !== undefined;
  } catch {
    return undefined;
  }
}

function catalogMain(args: string[], write: (s: string) => void, writeError: (s: string) => void): number {
  let options: CatalogOptions | 'help';
  const texts: Partial<Record<SourceKey, string>> = {};
  try {
    options = parseCatalogArgs(args);
    if (options === 'help') {
      write(CATALOG_USAGE + '\n');
      return 0;
    }
    for (const [key, file] of Object.entries(options.files) as [SourceKey, string][]) texts[key] = readSource(file);
  } catch (error) {
    if (error instanceof UsageError) {
      writeError(`talk-notes: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const isEnglishWord = englishWordCheck();
  if (!isEnglishWord) writeError('talk-notes: the English dictionary (data/dictionary) was not found: no name is marked "everyday"\n');
  let built: ReturnType<typeof buildCatalogWithNotes>;
  try {
    built = buildCatalogWithNotes({
      landscape: texts.landscape!,
      maintainers: texts.maintainers,
      people: texts.people,
      extra: texts.extra,
      fileNames: Object.fromEntries(Object.entries(options.files).map(([k, f]) => [k, path.basename(f)])),
      sourceNotes: options.notes,
      isEnglishWord,
    });
  } catch (error) {
    if (error instanceof CatalogInputError) {
      writeError(`talk-notes: ${error.message.split('\n')[0]}\n`);
      return 2;
    }
    throw error;
  }
  const text = formatCatalogFile(built.catalog);
  try {
    writeAtomically(path.resolve(options.out!), text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    writeError(`talk-notes: cannot write '${options.out}': ${code === 'ENOENT' || code === 'ENOTDIR' ? 'no such folder' : reason(error).replace('read error', 'write error')}\n`);
    return 2;
  }
  if (options.verbose) for (const note of built.notes) write(`${note}\n`);
  const counts = Object.entries(countKinds(built.catalog)).map(([kind, n]) => `${kind} ${n}`).join(', ');
  const left = !options.verbose && built.notes.length ? `; ${built.notes.length} source records left out or unmatched (--verbose lists them)` : '';
  write(`wrote ${options.out}: ${built.catalog.names.length} names (${counts}), ${Math.round(Buffer.byteLength(text) / 1024)} KB${left}\n`);
  return 0;
}

/** Standard output written in 64 KB pieces: a line per write costs a system call each on big reports. */
function bufferedStdout(): { write: (s: string) => void; flush: () => void } {
  let pending = '';
  const flush = (): void => {
    if (pending) process.stdout.write(pending);
    pending = '';
  };
  return {
    write: (s) => {
      pending += s;
      if (pending.length >= 64 * 1024) flush();
    },
    flush,
  };
}

if (require.main === module) {
  const out = bufferedStdout();
  try {
    process.exitCode = main(process.argv.slice(2), out.write);
  } catch (error) {
    process.stderr.write(`talk-notes: ${(error as Error).message}\n`);
    process.exitCode = 2;
  } finally {
    out.flush();
  }
}
