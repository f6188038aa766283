// talk-notes check [files, folders or globs…] [--fix] [--format text|json] [--outline] [--catalog FILE]… [--schedule FILE]…
// The same core as the editor: prints `file:line:col severity message [code]`; exit 0 clean, 1 problems,
// 2 bad usage or unreadable input (nothing is written then).
// talk-notes catalog …: builds a catalog file from the public sources (server/src/catalog/command.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { engineWithCatalogs } from './catalog/files.ts';
import { OutputBuffer, UsageError, fileErrorReason, writeAtomically } from './cli-files.ts';
import { catalogMain } from './catalog/command.ts';
import { analyzeText, type Analysis } from './core/check/document.ts';
import { applyEdits, fixAllEdits } from './core/check/fixes.ts';
import { LineCursor } from './core/positions.ts';
import { DEFAULT_SETTINGS, type Settings } from './core/check/settings.ts';
import { isGroup, type Talk } from './core/features/talks.ts';
import type { Finding } from './core/types.ts';
import { loadEngine } from './data.ts';
import { WorkspaceDictionary } from './dictionary.ts';
import { readScheduleFiles } from './schedule-files.ts';

const USAGE = `Usage: talk-notes check [files, folders or globs…] [--fix] [--format text|json] [--outline] [--catalog FILE]… [--schedule FILE]…
       talk-notes catalog --landscape FILE [--maintainers FILE] [--people FILE] [--extra FILE] --out FILE

check: reports misspelled, mis-cased and misheard names in Markdown notes
  --fix            apply every preferred fix and write each file (atomically)
  --format FORMAT  text (default) or json
  --outline        also print each file's talks, speakers and sections
  --catalog FILE   also know the names of this catalog file (the format 'catalog' writes); repeatable
  --schedule FILE  also know the speakers and companies of this conference schedule (.ics or Pretalx
                   schedule.json); repeatable
  -h, --help       show this help

catalog: builds a catalog file from the CNCF's public sources (talk-notes catalog --help for details)

Exit status: check: 0 no problems, 1 problems found, 2 bad usage or unreadable input;
catalog: 0 written, 2 bad usage or unreadable or malformed input.`;

interface Options {
  files: string[];
  catalogs: string[];
  schedules: string[];
  fix: boolean;
  format: 'text' | 'json';
  outline: boolean;
}

function parseArgs(argv: string[]): Options | 'help' {
  const [command, ...rest] = argv;
  if (command === '-h' || command === '--help' || command === 'help') return 'help';
  if (command !== 'check') throw new UsageError(command ? `unknown command '${command}' (expected 'check' or 'catalog')` : "no command given (expected 'check' or 'catalog')");
  const options: Options = { files: [], catalogs: [], schedules: [], fix: false, format: 'text', outline: false };
  for (let k = 0; k < rest.length; k++) {
    const arg = rest[k];
    if (arg === '--fix') options.fix = true;
    else if (arg === '--outline') options.outline = true;
    else if (arg === '-h' || arg === '--help') return 'help';
    else if (arg === '--catalog' || arg.startsWith('--catalog=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : rest[++k];
      if (!value) throw new UsageError('--catalog takes a file');
      options.catalogs.push(value);
    } else if (arg === '--schedule' || arg.startsWith('--schedule=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : rest[++k];
      if (!value) throw new UsageError('--schedule takes a file');
      options.schedules.push(value);
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
      throw new UsageError(`cannot read '${input}': ${code === 'ENOENT' || code === 'ENOTDIR' ? 'no such file or folder' : fileErrorReason(error)}`);
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

function readInput(file: string): string {
  const shown = path.relative(process.cwd(), file) || file;
  let buffer: Buffer;
  try {
    buffer = fs.readFileSync(file);
  } catch (error) {
    throw new UsageError(`cannot read '${shown}': ${fileErrorReason(error)}`);
  }
  if (buffer.includes(0)) throw new UsageError(`'${shown}' is a binary file, not Markdown notes`);
  return buffer.toString('utf8');
}

function severityLabel(settings: Settings, code: keyof Settings['severity']): string {
  return settings.severity[code];
}

function outlineLines(analysis: Analysis): string[] {
  const lines = new LineCursor(analysis.text);
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

export function main(argv: string[], out: OutputBuffer, writeError: (s: string) => void = (s) => process.stderr.write(s)): number {
  const write = (s: string): void => out.text(s);
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
  // Schedules: a missing file is bad usage; a broken one is reported and what parsed of it is used.
  const schedules = readScheduleFiles(options.schedules.map((f) => path.resolve(f)), engine.catalog);
  const missingSchedule = schedules.files.find((f) => f.modified < 0);
  if (missingSchedule) {
    writeError(`talk-notes: cannot read schedule file '${missingSchedule.file}': no such file\n`);
    return 2;
  }
  schedules.problems.forEach((lines) => lines.forEach((m) => writeError(`talk-notes: ${m}\n`)));
  const dictionary = new WorkspaceDictionary();
  const settings = DEFAULT_SETTINGS;
  const json: unknown[] = [];
  let problems = 0;
  for (const file of files) {
    const text = texts.get(file)!;
    const names = [...dictionary.read(dictionary.fileFor(file, [process.cwd()], settings.dictionaryFile)).names, ...schedules.names];
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
    const shown = path.relative(process.cwd(), file) || file;
    const reportable = (f: Finding): boolean => settings.severity[f.code] !== 'hint' && settings.severity[f.code] !== 'off';
    if (options.format === 'json') {
      const lines = new LineCursor(analysis.text);
      const talkLines = new LineCursor(analysis.text);
      problems += analysis.findings.filter(reportable).length;
      json.push({
        file: shown,
        fixed,
        problems: analysis.findings.map((f) => {
          const p = lines.positionAt(f.start);
          return { line: p.line + 1, column: p.character + 1, severity: severityLabel(settings, f.code), code: f.code, message: f.message, wrong: f.wrong, fixes: f.fixes, preferred: f.preferred };
        }),
        outline: options.outline ? analysis.outline.talks.map((t) => ({ talk: t.title, line: talkLines.positionAt(t.start).line + 1, speaker: t.speaker, subtitle: t.subtitle, sections: t.sections.map((s) => s.title) })) : undefined,
      });
      continue;
    }
    // Visited rather than copied: a big file's report has tens of thousands of lines. Equal lines of notes
    // share their findings, so each finding's text after the position is encoded once, and so is the name.
    const tails = new Map<Finding, Uint8Array>();
    const name = Buffer.from(`${shown}:`, 'utf8');
    const lines = new LineCursor(analysis.text);
    analysis.eachFinding((f, start) => {
      if (reportable(f)) problems++;
      const p = lines.positionAt(start);
      let tail = tails.get(f);
      if (tail === undefined) tails.set(f, (tail = Buffer.from(` ${severityLabel(settings, f.code)} ${f.message} [${f.code}]\n`, 'utf8')));
      out.bytes(name);
      out.integer(p.line + 1);
      out.byte(58 /* : */);
      out.integer(p.character + 1);
      out.bytes(tail);
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

if (require.main === module) {
  // A run allocates much and keeps little: a young generation kept at its first size is swept more often but
  // touches far less fresh memory, which costs more (page faults) than the extra sweeps. (node:v8 is loaded
  // after stdout, which it shares modules with: cheaper in that order.)
  const stdout = process.stdout;
  (require('node:v8') as typeof import('node:v8')).setFlagsFromString('--semi-space-growth-factor=1');
  // Done with the bytes when they went out at once (always for a file or a terminal), not queued.
  const out = new OutputBuffer((bytes) => (stdout.write(bytes), stdout.writableLength === 0));
  try {
    process.exitCode = main(process.argv.slice(2), out);
  } catch (error) {
    process.stderr.write(`talk-notes: ${(error as Error).message}\n`);
    process.exitCode = 2;
  } finally {
    out.flush();
  }
  // Nothing is left to run: exit now rather than after tearing down a big heap, unless output waits in a
  // stream's buffer (a pipe is written asynchronously on POSIX), which exiting would drop.
  if (!stdout.writableLength && !process.stderr.writableLength) process.exit();
}
