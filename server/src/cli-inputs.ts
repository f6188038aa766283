// The files `talk-notes check` reads: paths as given, folders and globs expanded (tinyglobby) to their Markdown
// files, leaving out what .gitignore ignores, node_modules and hidden folders. A file named on the command line
// is read whatever .gitignore says, as git does with a path it is given.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
// Required, so that the bundle takes tinyglobby's CommonJS build: the ESM one (through fdir) reads
// import.meta.url, which a CommonJS bundle does not have.
import tinyglobby = require('tinyglobby');
import { fileErrorReason, UsageError } from './cli-files.ts';

const { globSync, isDynamicPattern } = tinyglobby;

export const MARKDOWN = /\.(md|markdown|mdown|mkd)$/i;
const MARKDOWN_GLOB = '**/*.{md,markdown,mdown,mkd}';
const SKIPPED = ['**/node_modules/**', '**/.git/**'];

/** The .gitignore rules that apply to files: each folder's file, read once, from the repository's top down. */
export class GitIgnores {
  private readonly rules = new Map<string, Ignore | null>();
  private readonly tops = new Map<string, string>();

  private rulesOf(dir: string): Ignore | null {
    let rules = this.rules.get(dir);
    if (rules === undefined) {
      const texts = [path.join(dir, '.gitignore'), path.join(dir, '.git', 'info', 'exclude')].flatMap((f) => {
        try {
          return [fs.readFileSync(f, 'utf8')];
        } catch {
          return [];
        }
      });
      rules = texts.length ? ignore().add(texts.join('\n')) : null;
      this.rules.set(dir, rules);
    }
    return rules;
  }

  /** The repository's top folder (holding .git), else the file system's root. */
  private top(dir: string): string {
    let top = this.tops.get(dir);
    if (top === undefined) {
      const parent = path.dirname(dir);
      top = fs.existsSync(path.join(dir, '.git')) || parent === dir ? dir : this.top(parent);
      this.tops.set(dir, top);
    }
    return top;
  }

  /** Whether git would ignore the file. A deeper .gitignore overrides a higher one, `!pattern` included. */
  ignores(file: string): boolean {
    const top = this.top(path.dirname(file));
    const folders: string[] = [];
    for (let d = path.dirname(file); ; d = path.dirname(d)) {
      folders.unshift(d);
      if (d === top) break;
    }
    let ignored = false;
    for (const dir of folders) {
      const rules = this.rulesOf(dir);
      if (!rules) continue;
      const result = rules.test(path.relative(dir, file).split(path.sep).join('/'));
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    }
    return ignored;
  }
}

function glob(patterns: string[], cwd: string, caseSensitiveMatch = true): string[] {
  return globSync(patterns, { cwd, absolute: true, onlyFiles: true, dot: false, ignore: SKIPPED, expandDirectories: false, caseSensitiveMatch }).map((f) => path.normalize(f));
}

/** The Markdown files under a folder, sorted, without ignored ones. */
export function markdownFilesIn(folder: string, gitignores: GitIgnores): string[] {
  return glob([MARKDOWN_GLOB], folder, false)
    .filter((f) => MARKDOWN.test(f) && !gitignores.ignores(f))
    .sort();
}

/** Files named on the command line: plain paths, folders (their Markdown files) and globs. */
export function expandInputs(inputs: string[], cwd: string = process.cwd(), gitignores = new GitIgnores()): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    if (isDynamicPattern(input) && !fs.existsSync(path.resolve(cwd, input))) {
      const matches = glob([input.replace(/\\/g, '/')], cwd)
        .filter((f) => MARKDOWN.test(f) && !gitignores.ignores(f))
        .sort();
      if (!matches.length) throw new UsageError(`no Markdown files match '${input}'`);
      files.push(...matches);
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
      const found = markdownFilesIn(full, gitignores);
      if (!found.length) throw new UsageError(`no Markdown files in folder '${input}'`);
      files.push(...found);
    } else files.push(full);
  }
  return [...new Set(files)];
}
