// The catalog file format: names built from public sources (`talk-notes catalog`, data/catalog.json) or kept by
// hand (data/catalog-extra.json), and a validator for such files. Pure: no file system, no editor API.
//
//   { "talkNotesCatalog": 1,
//     "sources": [ { "file": "landscape.yml", "note": "cncf/landscape@153d699…" } ],
//     "names": [ { "name": "Open Policy Agent", "kind": "project", "maturity": "graduated", "aliases": ["OPA"], … }, … ] }

import type { BuiltName } from '../core/names/catalog-data.ts';

/** The format version this code writes and reads. A file with a higher number is refused. */
export const CATALOG_FORMAT_VERSION = 1;

export const CATALOG_KINDS = ['project', 'product', 'company', 'person', 'event', 'component'] as const;
export type CatalogKind = (typeof CATALOG_KINDS)[number];

export const MATURITIES = ['graduated', 'incubating', 'sandbox', 'archived'] as const;
export type Maturity = (typeof MATURITIES)[number];

/**
 * One name. Only `name` and `kind` are required; every other field is left out when empty. The fields the
 * checker reads are documented on BuiltName (the core's view of a name); these add the people's details.
 */
export interface CatalogName extends Omit<BuiltName, 'kind' | 'maturity'> {
  kind: CatalogKind;
  /** CNCF projects only. */
  maturity?: Maturity;
  /** People: GitHub handle, without "@" or URL. */
  github?: string;
  /** People: projects they maintain or work on (catalog names). */
  projects?: string[];
  /** People: maintainer, ambassador, toc, governing-board, staff, end-user-tab, marketing-committee, … */
  roles?: string[];
}

export interface CatalogSource {
  /** The file name it was built from (no folder). */
  file: string;
  /** Where it came from (repository, commit), license, counts. */
  note?: string;
}

export interface CatalogFile {
  talkNotesCatalog: typeof CATALOG_FORMAT_VERSION;
  sources: CatalogSource[];
  names: CatalogName[];
}

export interface ParsedCatalog {
  /** Undefined when the file cannot be used at all (not JSON, not a catalog, a newer format). */
  file?: CatalogFile;
  /** One message per problem, each starting with the file name; the entries they name are left out. */
  problems: string[];
}

const STRING_FIELDS = ['homepage', 'repo', 'category', 'description', 'parent', 'company', 'github'] as const;
const LIST_FIELDS = ['aliases', 'projects', 'roles'] as const;
const KNOWN_FIELDS = new Set<string>(['name', 'kind', 'maturity', 'everyday', 'community', ...STRING_FIELDS, ...LIST_FIELDS]);

/**
 * Reads a catalog file. Keeps every valid entry of a partly bad file and says what is wrong with the others:
 * "extra.json:3:14: JSON syntax error: …", "extra.json: names[2] ("Foo", line 5): 'kind' must be one of …".
 */
export function parseCatalogFile(text: string, fileName: string): ParsedCatalog {
  const problems: string[] = [];
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const scan = scanJson(body);
  if (scan.error) {
    const { line, column } = lineColumn(body, scan.error.offset);
    return { problems: [`${fileName}:${line}:${column}: JSON syntax error: ${scan.error.message}`] };
  }
  const root: unknown = JSON.parse(body);
  if (!isObject(root)) return { problems: [`${fileName}: not a Talk Notes catalog (expected a JSON object, found ${typeName(root)})`] };
  const version = root.talkNotesCatalog;
  if (version === undefined) return { problems: [`${fileName}: not a Talk Notes catalog (no "talkNotesCatalog" field)`] };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { problems: [`${fileName}: "talkNotesCatalog" must be a format version number (1), not ${JSON.stringify(version)}`] };
  }
  if (version > CATALOG_FORMAT_VERSION) {
    return { problems: [`${fileName}: catalog format ${version} is newer than this version of Talk Notes reads (${CATALOG_FORMAT_VERSION}); update Talk Notes`] };
  }
  if (!Array.isArray(root.names)) return { problems: [`${fileName}: "names" must be a list of names, found ${typeName(root.names)}`] };
  for (const key of Object.keys(root)) {
    if (key !== 'talkNotesCatalog' && key !== 'sources' && key !== 'names') problems.push(`${fileName}: unknown top-level field "${key}" ignored`);
  }

  const sources: CatalogSource[] = [];
  if (root.sources !== undefined && !Array.isArray(root.sources)) problems.push(`${fileName}: "sources" must be a list, found ${typeName(root.sources)}; ignored`);
  else {
    (root.sources ?? []).forEach((s: unknown, i: number) => {
      if (isObject(s) && typeof s.file === 'string' && s.file && (s.note === undefined || typeof s.note === 'string')) {
        sources.push(s.note === undefined ? { file: s.file } : { file: s.file, note: s.note });
      } else problems.push(`${fileName}: sources[${i}] must be { "file": "…", "note"?: "…" }; ignored`);
    });
  }

  const names: CatalogName[] = [];
  root.names.forEach((raw: unknown, i: number) => {
    const where = scan.nameOffsets[i] === undefined ? '' : `line ${lineColumn(body, scan.nameOffsets[i]).line}`;
    const label = (n?: unknown): string => {
      const parts = [typeof n === 'string' && n ? JSON.stringify(n) : '', where].filter(Boolean);
      return `${fileName}: names[${i}]${parts.length ? ` (${parts.join(', ')})` : ''}`;
    };
    const checked = checkName(raw);
    if (typeof checked === 'string') problems.push(`${label(isObject(raw) ? raw.name : undefined)}: ${checked}; entry skipped`);
    else {
      for (const note of checked.notes) problems.push(`${label(checked.entry.name)}: ${note}`);
      names.push(checked.entry);
    }
  });
  return { file: { talkNotesCatalog: CATALOG_FORMAT_VERSION, sources, names }, problems };
}

/** The entry in canonical form, with notes on what was ignored; or why it cannot be used. */
function checkName(raw: unknown): { entry: CatalogName; notes: string[] } | string {
  if (!isObject(raw)) return `must be an object, found ${typeName(raw)}`;
  if (typeof raw.name !== 'string' || !raw.name.trim()) return raw.name === undefined ? `no "name"` : `"name" must be a non-empty string`;
  if (raw.name !== raw.name.trim() || /\s{2,}|[\n\r\t]/.test(raw.name)) return `"name" has leading, trailing or repeated spaces`;
  if (raw.kind === undefined) return `no "kind" (one of ${CATALOG_KINDS.join(', ')})`;
  if (!CATALOG_KINDS.includes(raw.kind as CatalogKind)) return `"kind" must be one of ${CATALOG_KINDS.join(', ')}, not ${JSON.stringify(raw.kind)}`;
  const entry: CatalogName = { name: raw.name, kind: raw.kind as CatalogKind };
  const notes: string[] = [];
  if (raw.maturity !== undefined) {
    if (!MATURITIES.includes(raw.maturity as Maturity)) return `"maturity" must be one of ${MATURITIES.join(', ')}, not ${JSON.stringify(raw.maturity)}`;
    if (entry.kind !== 'project') return `"maturity" is for kind "project" only (this is a ${entry.kind})`;
    entry.maturity = raw.maturity as Maturity;
  }
  for (const field of LIST_FIELDS) {
    const value = raw[field];
    if (value === undefined) continue;
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || !v.trim())) return `"${field}" must be a list of non-empty strings`;
    if (value.length) entry[field] = value as string[];
  }
  for (const field of STRING_FIELDS) {
    const value = raw[field];
    if (value === undefined) continue;
    if (typeof value !== 'string') return `"${field}" must be a string, not ${typeName(value)}`;
    if (value) entry[field] = value;
  }
  for (const field of ['homepage', 'repo'] as const) {
    if (entry[field] !== undefined && !/^https?:\/\/\S+$/.test(entry[field]!)) return `"${field}" must be an http(s) URL, not ${JSON.stringify(entry[field])}`;
  }
  if (raw.everyday !== undefined) {
    if (typeof raw.everyday !== 'boolean') return `"everyday" must be true or false`;
    if (raw.everyday) entry.everyday = true;
  }
  if (raw.community !== undefined) {
    if (!Number.isInteger(raw.community) || (raw.community as number) < 0) return `"community" must be a whole number of people, not ${JSON.stringify(raw.community)}`;
    if (raw.community) entry.community = raw.community as number;
  }
  for (const key of Object.keys(raw)) if (!KNOWN_FIELDS.has(key)) notes.push(`unknown field "${key}" ignored`);
  return { entry, notes };
}

function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeName(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** 1-based line and column (in UTF-16 units, as editors count) of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

interface Scan {
  error?: { offset: number; message: string };
  /** Where each element of the top-level "names" list starts. */
  nameOffsets: number[];
}

/**
 * A JSON syntax check that says where the first error is (Node 20's JSON.parse does not always), and notes
 * where each entry of the top-level "names" list starts so problems can name its line.
 */
export function scanJson(text: string): Scan {
  const nameOffsets: number[] = [];
  let i = 0;
  class Stop extends Error {
    constructor(readonly offset: number, message: string) {
      super(message);
    }
  }
  const fail = (message: string, at = i): never => {
    throw new Stop(at, message);
  };
  const describe = (at: number): string => (at >= text.length ? 'end of file' : `'${text[at]}'`);
  const space = (): void => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };
  const string = (): string => {
    const start = i++;
    let value = '';
    while (true) {
      if (i >= text.length) fail('unterminated string', start);
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return value;
      }
      if (c < 0x20) fail(c === 10 ? 'line break inside a string (unterminated string?)' : 'control character inside a string');
      if (c === 92) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('bad \\u escape in a string');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else fail(`bad escape '\\${e ?? ''}' in a string`);
        value += '?';
        continue;
      }
      value += text[i++];
    }
  };
  const value = (depth: number, inNames: boolean): void => {
    if (depth > 200) fail('nested more than 200 levels deep');
    space();
    const c = text[i];
    if (c === '{') {
      i++;
      space();
      if (text[i] === '}') {
        i++;
        return;
      }
      while (true) {
        space();
        if (text[i] !== '"') fail(text[i] === '}' ? 'trailing comma before }' : `expected a "quoted" field name, found ${describe(i)}`);
        const key = string();
        space();
        if (text[i] !== ':') fail(`expected ':' after the field name "${key}", found ${describe(i)}`);
        i++;
        value(depth + 1, depth === 0 && key === 'names');
        space();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return;
        } else fail(`expected ',' or '}' after a field value, found ${describe(i)}`);
      }
    }
    if (c === '[') {
      i++;
      space();
      if (text[i] === ']') {
        i++;
        return;
      }
      while (true) {
        space();
        if (text[i] === ']') fail('trailing comma before ]');
        if (inNames) nameOffsets.push(i);
        value(depth + 1, false);
        space();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return;
        } else fail(`expected ',' or ']' after a list element, found ${describe(i)}`);
      }
    }
    if (c === '"') {
      string();
      return;
    }
    const number = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 64));
    if (number) {
      i += number[0].length;
      return;
    }
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, i)) {
        i += literal.length;
        return;
      }
    }
    fail(i >= text.length ? 'unexpected end of file (expected a value)' : `unexpected ${describe(i)} (expected a value)`);
  };
  try {
    value(0, false);
    space();
    if (i < text.length) fail(`unexpected ${describe(i)} after the end of the JSON value`);
  } catch (error) {
    if (error instanceof Stop) return { error: { offset: error.offset, message: error.message }, nameOffsets };
    throw error;
  }
  return { nameOffsets };
}
