// The project config file, `.talk-notes.json`: the talkNotes.* settings without the prefix, checked in with the
// notes so that every editor and the CLI check them alike. Parsed here (comments and trailing commas allowed),
// each problem with its file and line, and laid under the user's own settings (applyProjectConfig).
// No file system here: the caller reads the file. Paths are strings, '/' or '\' separated.
import ignore, { type Ignore } from 'ignore';
// The ESM build: the UMD one requires its parts through a wrapper that bundlers cannot follow.
import { getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import { DEFAULT_SETTINGS, validateSettings, type Settings } from './settings.ts';

export const CONFIG_FILE = '.talk-notes.json';

/** The settings the file takes, by their key there (the talkNotes.* name without the prefix). */
export const CONFIG_SETTING_KEYS = {
  enable: 'enable',
  severity: 'severity',
  knownNames: 'knownNames',
  ignoredWords: 'ignoredWords',
  dictionaryFile: 'dictionaryFile',
  catalogFiles: 'catalogFiles',
  schedules: 'schedules',
  scheduleClock: 'scheduleClock',
  maxProblems: 'maxProblems',
  highlightNames: 'highlightNames',
  'fixAll.include': 'fixAllInclude',
  problems: 'problems',
} as const satisfies Record<string, keyof Settings>;

/** Keys of the file that are no setting: which files are checked, and an editor's schema hint. */
export const CONFIG_ONLY_KEYS = ['include', 'exclude', '$schema'] as const;

export interface ProjectConfig {
  file: string;
  /** The folder holding the file: its relative paths and patterns start here. */
  dir: string;
  /** What the file sets, validated, with dictionaryFile and catalogFiles resolved against `dir`. */
  values: Partial<Settings>;
  /** Patterns as in .gitignore, relative to `dir`: only matching files are checked (when given). */
  include?: string[];
  /** …and matching files never are. */
  exclude?: string[];
  /** One line per problem: `file:line: what`. */
  problems: string[];
  /** False when the file is no valid JSON: none of it is used. */
  parsed: boolean;
  /** Matchers for include and exclude, built on first use. */
  matchers?: { include?: Ignore; exclude?: Ignore };
}

// ------------------------------------------------------------------ paths

const isSeparator = (c: string): boolean => c === '/' || c === '\\';

export function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || p.startsWith('\\\\') || /^[A-Za-z]:[\\/]/.test(p);
}

/** The folder holding a path, or undefined at the root. */
export function parentFolder(p: string): string | undefined {
  let end = p.length;
  while (end > 1 && isSeparator(p[end - 1]) && !/^[A-Za-z]:[\\/]$/.test(p.slice(0, end))) end--;
  const trimmed = p.slice(0, end);
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  if (cut < 0) return undefined;
  const parent = cut === 0 ? trimmed[0] : /^[A-Za-z]:$/.test(trimmed.slice(0, cut)) ? trimmed.slice(0, cut + 1) : trimmed.slice(0, cut);
  return parent === trimmed ? undefined : parent;
}

/** `rel` resolved against `dir` ('.' and '..' removed); an absolute `rel` as it is. */
export function joinPath(dir: string, rel: string): string {
  if (isAbsolutePath(rel)) return rel;
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  const parts = dir.split(/[\\/]/);
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  for (const part of rel.split(/[\\/]/)) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length > 1) parts.pop();
    } else parts.push(part);
  }
  return parts.length === 1 ? parts[0] + sep : parts.join(sep);
}

/** The '/'-separated path of `file` inside `dir`, or undefined when it is not inside. */
export function pathInside(dir: string, file: string): string | undefined {
  const base = isSeparator(dir[dir.length - 1] ?? '') ? dir : dir + (dir.includes('\\') && !dir.includes('/') ? '\\' : '/');
  if (!file.startsWith(base)) return undefined;
  const rel = file.slice(base.length).replace(/\\/g, '/');
  return rel || undefined;
}

// ------------------------------------------------------------------ parsing

/** 1-based line and column of an offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let k = text.indexOf('\n'); k >= 0 && k < offset; k = text.indexOf('\n', k + 1)) {
    line++;
    start = k + 1;
  }
  return { line, column: offset - start + 1 };
}

/** "CloseBraceExpected" → "'}' expected": what jsonc-parser calls each syntax error, in words. */
function syntaxProblem(error: ParseError): string {
  const name = printParseErrorCode(error.error);
  const words: Record<string, string> = {
    CloseBraceExpected: "'}' expected",
    CloseBracketExpected: "']' expected",
    ColonExpected: "':' expected",
    CommaExpected: "',' expected",
    PropertyNameExpected: 'a property name in double quotes expected',
    EndOfFileExpected: 'nothing expected after the end',
  };
  return words[name] ?? name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** Reads a config file's text. Never throws: problems are listed, a broken value is left out. */
export function parseProjectConfig(text: string, file: string): ProjectConfig {
  const dir = parentFolder(file) ?? file;
  const config: ProjectConfig = { file, dir, values: {}, problems: [], parsed: true };
  const at = (offset: number, what: string): void => {
    config.problems.push(`${file}:${lineAndColumn(text, offset).line}: ${what}`);
  };
  if (!text.trim()) return config; // an empty file sets nothing
  const errors: ParseError[] = [];
  const root = parseTree(text.replace(/^\uFEFF/, ''), errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length) {
    for (const e of errors.slice(0, 5)) {
      const where = lineAndColumn(text, e.offset);
      config.problems.push(`${file}:${where.line}:${where.column}: not valid JSON: ${syntaxProblem(e)}`);
    }
    config.parsed = false;
    return config;
  }
  if (!root) return config;
  if (root.type !== 'object') {
    at(root.offset, 'the file should hold an object such as { "ignoredWords": ["Acme"] }; it was ignored.');
    config.parsed = false;
    return config;
  }
  for (const property of root.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || !valueNode) continue;
    const key = String(keyNode.value);
    const value: unknown = getNodeValue(valueNode);
    if (key === '$schema') continue;
    if (key === 'include' || key === 'exclude') {
      const list = patternList(value);
      if (!list) at(valueNode.offset, `${key} should be a list of patterns such as ["drafts/", "*.draft.md"]; it was ignored.`);
      else config[key] = list;
      continue;
    }
    const field = (CONFIG_SETTING_KEYS as Record<string, keyof Settings>)[key];
    if (!field) {
      at(keyNode.offset, `unknown key '${key}' (known: ${[...Object.keys(CONFIG_SETTING_KEYS), 'include', 'exclude'].join(', ')}); it was ignored.`);
      continue;
    }
    if (key === 'severity' && valueNode.type === 'object') {
      readSeverities(valueNode, config, at);
      continue;
    }
    const checked = validateSettings({ [key]: value });
    checked.problems.forEach((p) => at(valueNode.offset, withoutPrefix(p)));
    if (!checked.problems.length || Array.isArray(value)) (config.values as Record<string, unknown>)[field] = checked.settings[field];
  }
  if (config.values.dictionaryFile !== undefined) config.values.dictionaryFile = joinPath(dir, config.values.dictionaryFile);
  if (config.values.catalogFiles) config.values.catalogFiles = config.values.catalogFiles.map((f) => joinPath(dir, f));
  return config;
}

function readSeverities(node: Node, config: ProjectConfig, at: (offset: number, what: string) => void): void {
  const severity: Partial<Settings['severity']> = {};
  for (const property of node.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || !valueNode) continue;
    const code = String(keyNode.value);
    const checked = validateSettings({ severity: { [code]: getNodeValue(valueNode) } });
    if (checked.problems.length) checked.problems.forEach((p) => at(valueNode.offset, withoutPrefix(p)));
    else Object.assign(severity, { [code]: checked.settings.severity[code as keyof Settings['severity']] });
  }
  config.values.severity = severity as Settings['severity'];
}

/** The settings' messages name `talkNotes.x`; in the file the key is `x`. */
const withoutPrefix = (problem: string): string => problem.replace(/^talkNotes\./, '');

function patternList(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) return undefined;
  return (value as string[]).map((s) => s.trim()).filter(Boolean);
}

// ------------------------------------------------------------------ applying

/** Whether the config checks a file: inside its folder, matching include (if any) and no exclude pattern. */
export function configIncludes(config: ProjectConfig, file: string): boolean {
  const rel = pathInside(config.dir, file);
  if (!rel || (!config.include && !config.exclude)) return true;
  const m = (config.matchers ??= {
    include: config.include && ignore({ allowRelativePaths: true }).add(config.include),
    exclude: config.exclude && ignore({ allowRelativePaths: true }).add(config.exclude),
  });
  if (m.exclude?.ignores(rel)) return false;
  return !m.include || m.include.ignores(rel);
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const union = (a: readonly string[], b: readonly string[]): string[] => [...new Set([...a, ...b])];

/**
 * The settings for a file: the config file's values under the user's. A user setting left at its default lets
 * the file decide; one the user changed wins; word lists (knownNames, ignoredWords) and catalogFiles are joined.
 * The file's dictionary sits in its folder unless the user named another. A file the config leaves out
 * (include, exclude) is not checked.
 */
export function applyProjectConfig(user: Settings, config: ProjectConfig | undefined, file?: string): Settings {
  if (!config) return user;
  const values = config.values;
  const defaults = DEFAULT_SETTINGS;
  const out: Settings = { ...user, severity: { ...user.severity } };
  const pick = <K extends 'enable' | 'maxProblems' | 'highlightNames' | 'fixAllInclude' | 'scheduleClock' | 'problems'>(key: K): void => {
    if (values[key] !== undefined && same(user[key], defaults[key])) out[key] = values[key] as Settings[K];
  };
  pick('enable');
  pick('maxProblems');
  pick('highlightNames');
  pick('fixAllInclude');
  pick('scheduleClock');
  pick('problems');
  for (const [code, severity] of Object.entries(values.severity ?? {}) as [keyof Settings['severity'], Settings['severity'][keyof Settings['severity']]][]) {
    if (user.severity[code] === defaults.severity[code]) out.severity[code] = severity;
  }
  out.knownNames = union(user.knownNames, values.knownNames ?? []);
  out.ignoredWords = union(user.ignoredWords, values.ignoredWords ?? []);
  out.catalogFiles = union(user.catalogFiles, values.catalogFiles ?? []);
  if (user.dictionaryFile === defaults.dictionaryFile) out.dictionaryFile = values.dictionaryFile ?? joinPath(config.dir, defaults.dictionaryFile);
  if (values.schedules && same(user.schedules, defaults.schedules)) {
    out.schedules = values.schedules;
    out.scheduleFolder = config.dir;
  }
  if (file && !configIncludes(config, file)) out.enable = false;
  return out;
}
