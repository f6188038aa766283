// talk-notes check [files, folders or globs…] [--fix] [--format text|json|github|sarif] [--max-warnings N] …
// The same core as the editor: prints `file:line:col severity message [code]` (or annotations, SARIF, JSON);
// exit 0 clean, 1 problems, 2 bad usage or unreadable input (nothing is written then).
// Each file's settings come from its project config file (.talk-notes.json), under the command line's.
// talk-notes init: a starter config file and dictionary (cli-init.ts).
// talk-notes catalog …: builds a catalog file from the public sources (server/src/catalog/command.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { version } from '../../package.json';
import { engineWithCatalogs } from './catalog/files.ts';
import { FORMATS, parseCommandLine, type CheckOptions } from './cli-args.ts';
import { OutputBuffer, UsageError, fileErrorReason, writeAtomically } from './cli-files.ts';
import { init } from './cli-init.ts';
import { expandInputs, GitIgnores, markdownFilesIn } from './cli-inputs.ts';
import { githubLines, reported, sarifLog, type ReportedFile } from './cli-report.ts';
import { catalogMain } from './catalog/command.ts';
import { type Analysis, type Engine } from './core/check/document.ts';
import { applyEdits, fixAllEdits } from './core/check/fixes.ts';
import { applyProjectConfig, configIncludes, CONFIG_FILE, type ProjectConfig } from './core/check/project-config.ts';
import { LineCursor } from './core/positions.ts';
import { DEFAULT_SETTINGS, type Settings } from './core/check/settings.ts';
import { isGroup, type Talk } from './core/features/talks.ts';
import type { Finding } from './core/types.ts';
import { loadEngine } from './data.ts';
import { WorkspaceDictionary } from './dictionary.ts';
import { readTextFile } from './node-files.ts';
import { ProjectConfigs } from './project-configs.ts';
import { findScheduleFiles, readScheduleFiles } from './schedule-files.ts';
import { SessionIndex } from './core/schedule/program.ts';
import { knownTitleNames } from './programs.ts';
import { analyzeWithSchedule } from './core/schedule/talk-speakers.ts';
import type { Session as ScheduledSession } from './core/schedule/types.ts';

const USAGE = `Usage: talk-notes check [files, folders or globs…] [--fix] [--format ${FORMATS.join('|')}] [--max-warnings N]
                         [--outline] [--catalog FILE]… [--schedule FILE]… [--config FILE | --no-config]
       talk-notes init [folder]
       talk-notes catalog --landscape FILE [--maintainers FILE] [--people FILE] [--extra FILE] --out FILE

check: reports misspelled, mis-cased and misheard names in Markdown notes. Folders and globs expand to their
  Markdown files, leaving out what .gitignore ignores, node_modules and hidden folders. Without paths: the
  Markdown files of the project whose ${CONFIG_FILE} is in the working folder or above.
  --fix             apply every preferred fix and write each file (atomically)
  --format FORMAT   text (default), json, github (workflow-command annotations) or sarif (SARIF 2.1.0)
  --max-warnings N  exit 0 with up to N problems below error level (default: any problem exits 1)
  --outline         also print each file's talks, speakers and sections (text and json)
  --catalog FILE    also know the names of this catalog file (the format 'catalog' writes); repeatable
  --schedule FILE   also know the speakers and companies of this conference schedule (.ics or Pretalx
                    schedule.json); repeatable
  --config FILE     use this config file for every file instead of the nearest ${CONFIG_FILE}
  --no-config       use no config file
  -h, --help        show this help

init: writes a starter ${CONFIG_FILE} and an empty .talk-notes-dictionary.txt (never over existing files)

catalog: builds a catalog file from the CNCF's public sources (talk-notes catalog --help for details)

Exit status: check: 0 no problems, 1 problems found, 2 bad usage or unreadable input;
init: 0 done (existing files are left as they are), 2 a file could not be written;
catalog: 0 written, 2 bad usage or unreadable or malformed input.`;

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

/** Reads the files' config files, catalogs and schedules, each once, and gives each file its settings and names. */
class Project {
  readonly configs: ProjectConfigs;
  private explicit?: ProjectConfig;
  private readonly engines = new Map<string, Engine>();
  private readonly programs = new Map<string, { names: string[]; index: SessionIndex }>();
  private readonly told = new Set<string>();
  private base?: Engine;
  /** Speakers and companies of the schedules given with --schedule, and their sessions. */
  flagNames: string[] = [];
  flagSessions: ScheduledSession[] = [];

  constructor(
    private readonly options: CheckOptions,
    private readonly writeError: (s: string) => void,
  ) {
    this.configs = new ProjectConfigs(readTextFile, (problems) => problems.forEach((m) => this.tell(m)));
    if (options.config) {
      const file = path.resolve(options.config);
      if (!fs.existsSync(file)) throw new UsageError(`cannot read config file '${options.config}': no such file`);
      this.explicit = this.configs.load(file);
    }
  }

  /** Each message once on stderr (several files share a config, a catalog, a schedule). */
  tell(message: string): void {
    if (this.told.has(message)) return;
    this.told.add(message);
    this.writeError(`talk-notes: ${message}\n`);
  }

  configOf(file: string): ProjectConfig | undefined {
    return this.options.noConfig ? undefined : (this.explicit ?? this.configs.forFile(file));
  }

  /** The config of the working folder, whose files `check` without paths reads. */
  configHere(): ProjectConfig | undefined {
    return this.options.noConfig ? undefined : (this.explicit ?? this.configs.forFolder(process.cwd()));
  }

  settingsOf(file: string): Settings {
    return applyProjectConfig(DEFAULT_SETTINGS, this.configOf(file), file);
  }

  engineFor(settings: Settings, base: Engine): Engine {
    const files = [...new Set([...settings.catalogFiles, ...this.options.catalogs.map((f) => path.resolve(f))])];
    if (!files.length) return base;
    const key = files.join('\u0000');
    let engine = this.engines.get(key);
    if (!engine) {
      const withCatalogs = engineWithCatalogs(base, files);
      withCatalogs.problems.forEach((m) => this.tell(m));
      this.engines.set(key, (engine = withCatalogs.engine));
    }
    return engine;
  }

  /**
   * The schedules of a file: --schedule's and those its config names, as the speakers and companies they make
   * known and their sessions (a talk heading that names one makes its speakers the file's own).
   */
  programFor(settings: Settings, engine: Engine): { names: string[]; index: SessionIndex } {
    const key = settings.scheduleFolder ? `${settings.scheduleFolder}\u0000${settings.schedules.join('\u0000')}` : '';
    let program = this.programs.get(key);
    if (!program) {
      const sessions = [...this.flagSessions];
      const names = [...this.flagNames];
      if (settings.scheduleFolder) {
        const found = findScheduleFiles(settings.scheduleFolder, settings.schedules);
        const loaded = readScheduleFiles(found.files, engine.catalog, found.named);
        loaded.problems.forEach((lines) => lines.forEach((m) => this.tell(m)));
        sessions.push(...loaded.sessions);
        names.push(...loaded.names, ...knownTitleNames(loaded.sessions, engine));
      }
      this.programs.set(key, (program = { names, index: new SessionIndex(sessions) }));
    }
    return program;
  }

  get engine(): Engine {
    return (this.base ??= loadEngine());
  }
}

export function main(argv: string[], out: OutputBuffer, writeError: (s: string) => void = (s) => process.stderr.write(s)): number {
  const write = (s: string): void => out.text(s);
  if (argv[0] === 'catalog') return catalogMain(argv.slice(1), write, writeError);
  let options: CheckOptions;
  let project: Project;
  let files: string[];
  const texts = new Map<string, string>();
  try {
    const parsed = parseCommandLine(argv);
    if (parsed === 'help') {
      write(USAGE + '\n');
      return 0;
    }
    if (parsed.command === 'init') return init(parsed.folder, write, writeError);
    options = parsed;
    project = new Project(options, writeError);
    const gitignores = new GitIgnores();
    if (options.files.length) files = expandInputs(options.files, process.cwd(), gitignores);
    else {
      const config = project.configHere();
      if (!config) throw new UsageError(`no files given (nor a ${CONFIG_FILE} in this folder or above to check its project)`);
      files = markdownFilesIn(config.dir, gitignores);
    }
    // What the config files leave out (include, exclude) is not read, even when named (pre-commit names files).
    files = files.filter((f) => {
      const config = project.configOf(f);
      return !config || configIncludes(config, f);
    });
    for (const f of files) texts.set(f, readInput(f));
  } catch (error) {
    if (error instanceof UsageError) {
      writeError(`talk-notes: ${error.message}\n`);
      return 2;
    }
    throw error;
  }

  const missingCatalog = options.catalogs.map((f) => path.resolve(f)).find((f) => !fs.existsSync(f));
  if (missingCatalog) {
    writeError(`talk-notes: cannot read catalog file '${missingCatalog}': no such file\n`);
    return 2;
  }
  // Schedules: a missing file is bad usage; a broken one is reported and what parsed of it is used.
  const schedules = readScheduleFiles(options.schedules.map((f) => path.resolve(f)), project.engine.catalog);
  const missingSchedule = schedules.files.find((f) => f.modified < 0);
  if (missingSchedule) {
    writeError(`talk-notes: cannot read schedule file '${missingSchedule.file}': no such file\n`);
    return 2;
  }
  schedules.problems.forEach((lines) => lines.forEach((m) => writeError(`talk-notes: ${m}\n`)));
  project.flagNames = [...schedules.names, ...knownTitleNames(schedules.sessions, project.engine)];
  project.flagSessions = schedules.sessions;

  const dictionary = new WorkspaceDictionary();
  const json: unknown[] = [];
  const reports: ReportedFile[] = [];
  let errors = 0;
  let warnings = 0;
  let checked = 0;
  for (const file of files) {
    const settings = project.settingsOf(file);
    if (!settings.enable) continue;
    checked++;
    const engine = project.engineFor(settings, project.engine);
    const text = texts.get(file)!;
    const dictionaryState = dictionary.read(dictionary.fileFor(file, [process.cwd()], settings.dictionaryFile));
    dictionaryState.problems.forEach((m) => project.tell(m));
    const program = project.programFor(settings, engine);
    const names = [...dictionaryState.names, ...program.names];
    let analysis = analyzeWithSchedule(engine, text, settings, names, program.index);
    let fixed = 0;
    if (options.fix) {
      const edits = fixAllEdits(analysis.findings);
      if (edits.length) {
        writeAtomically(file, applyEdits(text, edits));
        fixed = edits.length;
        analysis = analyzeWithSchedule(engine, applyEdits(text, edits), settings, names, program.index);
      }
    }
    const shown = path.relative(process.cwd(), file) || file;
    const count = (f: Finding): void => {
      const severity = settings.severity[f.code];
      if (severity === 'error') errors++;
      else if (reported(severity)) warnings++;
    };
    if (options.format !== 'text') {
      analysis.findings.forEach(count);
      const lines = new LineCursor(analysis.text);
      if (options.format === 'json') {
        const talkLines = new LineCursor(analysis.text);
        json.push({
          file: shown,
          fixed,
          problems: analysis.findings.map((f) => {
            const p = lines.positionAt(f.start);
            return { line: p.line + 1, column: p.character + 1, severity: settings.severity[f.code], code: f.code, message: f.message, wrong: f.wrong, fixes: f.fixes, preferred: f.preferred };
          }),
          outline: options.outline ? analysis.outline.talks.map((t) => ({ talk: t.title, line: talkLines.positionAt(t.start).line + 1, speaker: t.speaker, subtitle: t.subtitle, sections: t.sections.map((s) => s.title) })) : undefined,
        });
        continue;
      }
      reports.push({
        file: shown,
        absolute: file,
        problems: analysis.findings.map((f) => {
          const start = lines.positionAt(f.start);
          const end = lines.positionAt(f.end);
          const fix = f.preferred && f.fixes.length ? f.fixes[0] : undefined;
          return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1, severity: settings.severity[f.code], code: f.code, message: f.message, fix };
        }),
      });
      if (fixed && options.format === 'github') write(`${shown}: fixed ${fixed} problem${fixed === 1 ? '' : 's'}\n`);
      continue;
    }
    // Visited rather than copied: a big file's report has tens of thousands of lines. Equal lines of notes
    // share their findings, so each finding's text after the position is encoded once, and so is the name.
    const tails = new Map<Finding, Uint8Array>();
    const name = Buffer.from(`${shown}:`, 'utf8');
    const lines = new LineCursor(analysis.text);
    analysis.eachFinding((f, start) => {
      count(f);
      const p = lines.positionAt(start);
      let tail = tails.get(f);
      if (tail === undefined) tails.set(f, (tail = Buffer.from(` ${settings.severity[f.code]} ${f.message} [${f.code}]\n`, 'utf8')));
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
  const problems = errors + warnings;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (options.format === 'json') write(JSON.stringify(json, null, 2) + '\n');
  else if (options.format === 'sarif') write(JSON.stringify(sarifLog(reports, process.cwd(), version), null, 2) + '\n');
  else {
    if (options.format === 'github') for (const l of githubLines(reports)) write(l + '\n');
    write(problems ? `${plural(problems, 'problem')} in ${plural(checked, 'file')}\n` : `no problems in ${plural(checked, 'file')}\n`);
  }
  if (options.maxWarnings === undefined) return problems ? 1 : 0;
  if (warnings > options.maxWarnings) writeError(`talk-notes: ${plural(warnings, 'problem')} below error level, more than --max-warnings ${options.maxWarnings}\n`);
  return errors || warnings > options.maxWarnings ? 1 : 0;
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
