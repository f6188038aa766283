// Builds a catalog (see format.ts) from the raw public sources: the CNCF landscape (landscape.yml), the CNCF's
// project-maintainers.csv and cncf/people's people.json, plus an optional hand-kept file in the catalog format
// (events such as KubeCon, which no source lists). Pure: it takes the files' text and returns the catalog, so
// the command line (`talk-notes catalog`) and the tests share it.
//
// Libraries, not hand parsing: landscape.yml is YAML with quirks a line-based reader gets wrong (empty
// `subcategories:`/`items:` that are null rather than lists, quoted and unquoted scalars, names such as "No" or
// "On" that a YAML 1.1 reader turns into booleans; `yaml` reads YAML 1.2, where they stay strings), and
// project-maintainers.csv has quoted fields with commas in them ("Carabiner Systems, Inc") and ragged rows,
// which `csv-parse` handles as the CSV rules say.
import { parseDocument } from 'yaml';
import { parse as parseCsv } from 'csv-parse/sync';
import {
  CATALOG_FORMAT_VERSION,
  CATALOG_KINDS,
  MATURITIES,
  lineColumn,
  parseCatalogFile,
  scanJson,
  type CatalogFile,
  type CatalogKind,
  type CatalogName,
  type CatalogSource,
  type Maturity,
} from './format.ts';

export type SourceKey = 'landscape' | 'maintainers' | 'people' | 'extra';

export interface CatalogInputs {
  /** landscape.yml (YAML text). */
  landscape: string;
  /** project-maintainers.csv (CSV text). */
  maintainers?: string;
  /** cncf/people's people.json (JSON text). */
  people?: string;
  /** A hand-kept file in the catalog format (JSON text), merged in: events and other names no source has. */
  extra?: string;
  /** File names for messages and the `sources` list (default landscape.yml, project-maintainers.csv, …). */
  fileNames?: Partial<Record<SourceKey, string>>;
  /** Where each source came from (repository, commit, license), kept in the `sources` list. */
  sourceNotes?: Partial<Record<SourceKey, string>>;
  /**
   * Whether a lowercase word is ordinary English (a dictionary lookup). Given, names made only of such words
   * get `everyday: true`; not given, no name is marked.
   */
  isEnglishWord?: (lowercaseWord: string) => boolean;
}

/** Input that cannot be read as what it should be; the message names the file (and the line when known). */
export class CatalogInputError extends Error {}

export interface CatalogBuild {
  catalog: CatalogFile;
  /** What was left out or guessed, one line each (skipped people, projects no source name matches, …). */
  notes: string[];
}

const DEFAULT_FILE_NAMES: Record<SourceKey, string> = {
  landscape: 'landscape.yml',
  maintainers: 'project-maintainers.csv',
  people: 'cncf-people.json',
  extra: 'catalog-extra.json',
};

export function buildCatalog(inputs: CatalogInputs): CatalogFile {
  return buildCatalogWithNotes(inputs).catalog;
}

export function buildCatalogWithNotes(inputs: CatalogInputs): CatalogBuild {
  const files = { ...DEFAULT_FILE_NAMES, ...inputs.fileNames };
  const notes: string[] = [];
  const sources: CatalogSource[] = [];
  const source = (key: SourceKey, summary: string): void => {
    const note = [inputs.sourceNotes?.[key], summary].filter(Boolean).join('; ');
    sources.push(note ? { file: files[key], note } : { file: files[key] });
  };

  const names = new Registry();
  const landscape = readLandscape(inputs.landscape, files.landscape, notes);
  for (const d of landscape.drafts) names.add(d);
  const projects = new ProjectIndex(names.all());
  for (const d of names.all()) {
    if (d.kind !== 'component' || !d.parent) continue;
    const parent = projects.resolve(d.parent);
    if (parent) d.parent = parent;
    else notes.push(`${files.landscape}: ${d.name}: parent project "${d.parent}" is not in the landscape; kept as written`);
  }
  source('landscape', `${landscape.items} items`);

  const people: Draft[] = [];
  if (inputs.maintainers !== undefined) {
    const read = readMaintainers(inputs.maintainers, files.maintainers, projects, notes);
    people.push(...read.people);
    source('maintainers', `${read.rows} maintainer rows`);
  }
  if (inputs.people !== undefined) {
    const read = readPeople(inputs.people, files.people, projects, notes);
    people.push(...read.people);
    source('people', [inputs.sourceNotes?.people ? undefined : read.origin, `${read.records} people`].filter(Boolean).join('; '));
  }
  for (const person of mergePeople(people)) names.add(person);
  addPeoplesCompanies(names);

  if (inputs.extra !== undefined) {
    const parsed = parseCatalogFile(inputs.extra, files.extra);
    const fatal = parsed.problems.filter((p) => !/ ignored$/.test(p));
    if (!parsed.file || fatal.length) {
      const all = parsed.file ? fatal : parsed.problems;
      throw new CatalogInputError(all[0] + (all.length > 1 ? ` (and ${all.length - 1} more problem${all.length > 2 ? 's' : ''})` : ''));
    }
    notes.push(...parsed.problems);
    for (const entry of parsed.file.names) names.add(draftOf(entry));
    source('extra', [...parsed.file.sources.map((s) => s.note), `${parsed.file.names.length} hand-kept names`].filter(Boolean).join('; '));
  }

  const isEnglishWord = inputs.isEnglishWord;
  const out = names.all().map((d) => finish(d, isEnglishWord));
  out.sort(compareNames);
  return { catalog: { talkNotesCatalog: CATALOG_FORMAT_VERSION, sources, names: out }, notes };
}

/** How many names of each kind (all kinds listed, zero included). */
export function countKinds(file: CatalogFile): Record<CatalogKind, number> {
  const counts = Object.fromEntries(CATALOG_KINDS.map((k) => [k, 0])) as Record<CatalogKind, number>;
  for (const n of file.names) counts[n.kind]++;
  return counts;
}

/** The catalog as JSON text, one name a line (small diffs, still readable). */
export function formatCatalogFile(file: CatalogFile): string {
  const lines = file.names.map((n) => '    ' + JSON.stringify(n));
  return (
    `{\n  "talkNotesCatalog": ${file.talkNotesCatalog},\n` +
    `  "sources": [\n${file.sources.map((s) => '    ' + JSON.stringify(s)).join(',\n')}\n  ],\n` +
    `  "names": [\n${lines.join(',\n')}\n  ]\n}\n`
  );
}

// ---------------------------------------------------------------------------------------------------------
// Names while they are built: list fields as sets, so merging is a union.

interface Draft {
  name: string;
  kind: CatalogKind;
  maturity?: Maturity;
  aliases: Set<string>;
  homepage?: string;
  repo?: string;
  category?: string;
  description?: string;
  parent?: string;
  company?: string;
  github?: string;
  projects: Set<string>;
  roles: Set<string>;
  /** Set by the hand-kept file only; otherwise worked out from the words. */
  everyday?: boolean;
  /** People: other forms of their company's name ("ETRI"), for the company's entry. */
  companyAliases?: string[];
  /** How many source records gave this spelling (the more used spelling of a person wins a tie). */
  seen: number;
}

function draft(name: string, kind: CatalogKind, fields: Partial<Omit<Draft, 'name' | 'kind' | 'aliases' | 'projects' | 'roles'>> = {}, aliases: string[] = []): Draft {
  const d: Draft = { name, kind, aliases: new Set(), projects: new Set(), roles: new Set(), seen: 1 };
  for (const [k, v] of Object.entries(fields)) if (v !== undefined && v !== '') (d as any)[k] = v;
  for (const a of aliases) addAlias(d, a);
  return d;
}

function draftOf(entry: CatalogName): Draft {
  const { name, kind, aliases, projects, roles, ...rest } = entry;
  const d = draft(name, kind, rest, aliases ?? []);
  for (const p of projects ?? []) d.projects.add(p);
  for (const r of roles ?? []) d.roles.add(r);
  return d;
}

function addAlias(d: Draft, alias: string): void {
  const a = alias.replace(/\s+/g, ' ').trim();
  if (a && dedupKey(a) !== dedupKey(d.name)) d.aliases.add(a);
}

/** Names are the same when they differ only in case or spaces. */
export function dedupKey(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(/\s+/g, '');
}

/** Looser: also without accents, hyphens and dots (for matching a project named by another source). */
function foldKey(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Which of two same-named entries is kept: a CNCF project, then a component, project, product, event, company, person. */
function rank(d: Draft): number {
  if (d.kind === 'project' && d.maturity) return 0;
  return { component: 1, project: 2, product: 3, event: 4, company: 5, person: 6 }[d.kind];
}

class Registry {
  private readonly byKey = new Map<string, Draft>();

  add(d: Draft): Draft {
    const key = dedupKey(d.name);
    const had = this.byKey.get(key);
    if (!had) {
      this.byKey.set(key, d);
      return d;
    }
    const kept = mergeInto(had, d);
    this.byKey.set(key, kept);
    return kept;
  }

  get(name: string): Draft | undefined {
    return this.byKey.get(dedupKey(name));
  }

  all(): Draft[] {
    return [...this.byKey.values()];
  }
}

/** One entry for two: the higher-ranked keeps its name and fields, the other fills gaps and adds its aliases. */
function mergeInto(a: Draft, b: Draft): Draft {
  const [keep, other] = rank(b) < rank(a) ? [b, a] : [a, b];
  for (const field of ['maturity', 'homepage', 'repo', 'category', 'description', 'parent', 'company', 'github', 'everyday'] as const) {
    if (keep[field] === undefined && other[field] !== undefined) (keep as any)[field] = other[field];
  }
  addAlias(keep, other.name);
  for (const a of other.aliases) addAlias(keep, a);
  for (const p of other.projects) keep.projects.add(p);
  for (const r of other.roles) keep.roles.add(r);
  keep.seen += other.seen;
  return keep;
}

/**
 * Fields each kind carries in the file (others are dropped). The catalog ships in the extension, so it keeps
 * what a hover card needs for CNCF projects and their components, and a link for the other projects and
 * products (the landscape's descriptions of those are mostly long marketing text).
 */
const FIELDS: Record<CatalogKind | 'cncf', readonly (keyof CatalogName)[]> = {
  cncf: ['maturity', 'aliases', 'category', 'homepage', 'repo', 'description'],
  component: ['parent', 'aliases', 'category', 'homepage', 'repo', 'description'],
  project: ['aliases', 'homepage'],
  product: ['aliases', 'homepage'],
  company: ['aliases', 'homepage'],
  person: ['aliases', 'company', 'github', 'roles', 'projects'],
  event: ['aliases', 'homepage', 'description'],
};

function finish(d: Draft, isEnglishWord?: (w: string) => boolean): CatalogName {
  const out: CatalogName = { name: d.name, kind: d.kind };
  const value: Partial<CatalogName> = {
    maturity: d.maturity,
    parent: d.parent,
    aliases: d.aliases.size ? [...d.aliases].sort(compareText) : undefined,
    company: d.company,
    github: d.github,
    roles: d.roles.size ? [...d.roles].sort(compareText) : undefined,
    projects: d.projects.size ? [...d.projects].sort(compareText) : undefined,
    category: d.category,
    homepage: d.homepage,
    repo: d.repo,
    description: d.description,
  };
  for (const field of FIELDS[d.kind === 'project' && d.maturity ? 'cncf' : d.kind]) if (value[field] !== undefined) (out as any)[field] = value[field];
  const everyday = d.everyday ?? (isEnglishWord ? isEverydayName(d.name, isEnglishWord) : false);
  if (everyday) out.everyday = true;
  return out;
}

/** Every word of the name, in lowercase, is an English word ("Fleet", "Open Source Consulting"). */
export function isEverydayName(name: string, isEnglishWord: (w: string) => boolean): boolean {
  const words = name.split(' ');
  return words.every((w) => /^\p{L}+$/u.test(w) && isEnglishWord(w.toLowerCase()));
}

const KIND_ORDER = new Map<CatalogKind, number>([['project', 0], ['component', 1], ['product', 2], ['company', 3], ['person', 4], ['event', 5]]);

function compareText(a: string, b: string): number {
  return a.localeCompare(b, 'en', { sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0);
}

function compareNames(a: CatalogName, b: CatalogName): number {
  return KIND_ORDER.get(a.kind)! - KIND_ORDER.get(b.kind)! || compareText(a.name, b.name);
}

// ---------------------------------------------------------------------------------------------------------
// landscape.yml

/** Markers the landscape appends to tell listings apart; not part of the name. */
const QUALIFIERS = new Set(['member', 'supporter', 'contributor', 'kcsp', 'kcntp', 'wasm']);
/** Markers of a company listing: CNCF members and end-user supporters, certified service and training partners. */
const COMPANY_QUALIFIERS = new Set(['member', 'supporter', 'contributor', 'kcsp', 'kcntp']);
const MEMBERS_CATEGORY = 'CNCF Members';

/** "Open Policy Agent (OPA)" → name and alias; "Acme (member)" → "Acme", qualifier "member". */
export function splitLandscapeName(raw: string): { name: string; aliases: string[]; qualifier?: string } {
  let name = raw.replace(/\s+/g, ' ').trim();
  const aliases: string[] = [];
  let qualifier: string | undefined;
  for (;;) {
    const m = /^(.*\S)\s*\(([^()]+)\)$/.exec(name);
    if (!m) break;
    const inner = m[2].trim();
    name = m[1];
    if (QUALIFIERS.has(inner.toLowerCase())) {
      qualifier ??= inner.toLowerCase();
      continue;
    }
    const former = /^formerly\s+(.+)$/i.exec(inner);
    aliases.push(former ? former[1] : inner);
    break;
  }
  return { name, aliases, qualifier };
}

function readLandscape(text: string, file: string, notes: string[]): { drafts: Draft[]; items: number } {
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const at = e.linePos?.[0];
    const message = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new CatalogInputError(`${file}${at ? `:${at.line}:${at.col}` : ''}: YAML syntax error: ${message}`);
  }
  const root = doc.toJS({ maxAliasCount: -1 }) as unknown;
  if (!isObject(root) || !Array.isArray(root.landscape)) {
    throw new CatalogInputError(`${file}: no top-level "landscape" list (expected the CNCF landscape.yml)`);
  }
  const drafts: Draft[] = [];
  let items = 0;
  for (const category of root.landscape) {
    if (!isObject(category)) continue;
    const categoryName = text1(category.name);
    for (const sub of list(category.subcategories)) {
      if (!isObject(sub)) continue;
      for (const item of list(sub.items)) {
        if (!isObject(item)) continue;
        items++;
        const raw = text1(item.name);
        if (!raw) {
          notes.push(`${file}: an item without a name in ${categoryName} / ${text1(sub.name)} skipped`);
          continue;
        }
        const { name, aliases, qualifier } = splitLandscapeName(raw);
        const homepage = url(item.homepage_url);
        const repo = url(Array.isArray(item.repo_url) ? item.repo_url[0] : item.repo_url);
        const extra = isObject(item.extra) ? item.extra : {};
        if ((qualifier && COMPANY_QUALIFIERS.has(qualifier)) || categoryName === MEMBERS_CATEGORY) {
          const company = stripLegalSuffix(name);
          drafts.push(draft(company, 'company', { homepage }, aliases));
          continue;
        }
        const fields = { homepage, repo, category: categoryName || undefined, description: shortDescription(text1(item.description)) };
        const maturity = text1(item.project).toLowerCase();
        if (maturity) {
          if (!MATURITIES.includes(maturity as Maturity)) notes.push(`${file}: ${raw}: unknown maturity "${maturity}"; listed as a project without one`);
          drafts.push(draft(name, 'project', { ...fields, maturity: MATURITIES.includes(maturity as Maturity) ? (maturity as Maturity) : undefined }, aliases));
          continue;
        }
        if (extra.project !== undefined) notes.push(`${file}: ${raw}: "project: ${text1(extra.project)}" is under "extra", not on the item; not counted as a CNCF project`);
        const parent = text1(extra.parent_project);
        if (parent) drafts.push(draft(name, 'component', { ...fields, parent: splitLandscapeName(parent).name }, aliases));
        // Open source when it has a repository, unless the landscape says otherwise (source-available products).
        else drafts.push(draft(name, repo && item.open_source !== false ? 'project' : 'product', fields, aliases));
      }
    }
  }
  return { drafts, items };
}

/** At most about 100 characters: the first sentence if it is short enough, else cut at a word. */
export function shortDescription(text: string): string | undefined {
  const s = text.replace(/\s+/g, ' ').trim();
  if (!s) return undefined;
  if (s.length <= 100) return s;
  const sentence = /^(.{20,100}?[.!?])(?:\s|$)/.exec(s);
  if (sentence) return sentence[1];
  const cut = s.slice(0, 99);
  const space = cut.lastIndexOf(' ');
  return (space > 40 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/, '') + '…';
}

// ---------------------------------------------------------------------------------------------------------
// Project names as other sources write them ("Kubernetes steering", "TUF (The Update Framework)", "metal3")

class ProjectIndex {
  private readonly byKey = new Map<string, Draft[]>();
  private readonly cncf = new Map<string, Draft>();

  constructor(drafts: Draft[]) {
    for (const d of drafts) {
      if (d.kind === 'company' || d.kind === 'person') continue;
      for (const form of [d.name, ...d.aliases]) {
        const key = foldKey(form);
        if (!key) continue;
        const list = this.byKey.get(key) ?? [];
        if (!list.includes(d)) list.push(d);
        list.sort((x, y) => rank(x) - rank(y));
        this.byKey.set(key, list);
        if (rank(d) === 0 && !this.cncf.has(key)) this.cncf.set(key, d);
      }
    }
  }

  /** The catalog name of the project a text names, or undefined. */
  resolve(text: string): string | undefined {
    const t = text.replace(/\s+/g, ' ').trim();
    if (!t) return undefined;
    const beforeColon = t.split(':')[0].trim();
    const bare = beforeColon.replace(/\s*\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim();
    const inner = [...t.matchAll(/\(([^)]+)\)/g)].map((m) => m[1]);
    for (const form of [t, beforeColon, bare, ...inner]) {
      const hit = this.byKey.get(foldKey(form))?.[0];
      if (hit) return hit.name;
    }
    // From here on CNCF projects only: a committee or sub-project of one ("Tekton Pipelines-as-Code").
    const words = bare.split(' ');
    for (let n = words.length - 1; n >= 1; n--) {
      const hit = this.cncf.get(foldKey(words.slice(0, n).join(' ')));
      if (hit) return hit.name;
    }
    // One name the start of the other ("metal3" / "metal3-io", "k8sgpt-ai" / "K8sGPT"), when only one fits.
    const key = foldKey(bare);
    const fits = new Set<Draft>();
    for (const [k, d] of this.cncf) {
      if (Math.min(k.length, key.length) >= 5 && (k.startsWith(key) || key.startsWith(k))) fits.add(d);
    }
    return fits.size === 1 ? [...fits][0].name : undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------
// People

/** Words of a role noted after a name ("(Community Maintainer)", "(inactive while on leave)"). */
const ROLE_WORD = /^(?:maintainers?|committee|community|lead|members?|emeritus|reviewers?|approvers?|owners?|tests?|team|chair|steering|inactive|integration)$/i;
const SECOND_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const NAME_WORD = /^['’]?\p{L}[\p{L}\p{M}'’.-]*$/u;

/**
 * A person's name as the catalog keeps it, with other forms the record gives; or why the record is skipped.
 * "Paco Xu 徐俊杰" → "Paco Xu"; "David (Mengqi) Yu" → "David Yu" + "Mengqi Yu"; "Bill Ren (Ren Xudong)" →
 * "Bill Ren" + "Ren Xudong"; "Clayton Coleman (inactive while on leave)" → "Clayton Coleman"; "pacoxu" → skipped.
 */
export function cleanPersonName(raw: string): { name: string; aliases: string[] } | { skip: string } {
  let s = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!s) return { skip: 'no name' };
  s = s.replace(/\s*["“][^"“”]*["”]\s*/g, ' ').trim(); // Satoshi "Moris" Tagomori
  const parens: { inner: string; at: number }[] = [];
  s = s
    .replace(/\s*[(（]([^()（）]*)[)）]\s*/g, (_m, inner: string, offset: number) => {
      parens.push({ inner: inner.replace(/\s+/g, ' ').trim(), at: s.slice(0, offset).trim().split(' ').filter(Boolean).length });
      return ' ';
    })
    .trim();
  const all = s.split(' ').filter(Boolean);
  let words = all.filter((w) => !SECOND_SCRIPT.test(w));
  if (!words.length) return { skip: all.length ? 'written in another script only' : 'no name outside parentheses' };
  words[0] = words[0].replace(/^(?:Dr|Prof)\.(?=\p{Lu})/u, ''); // "Dr.Wei Ding"
  if (/^(?:Dr|Prof)\.?$/.test(words[0])) words = words.slice(1);
  if (words.length < 2) return { skip: 'one word (a handle or a single name)' };
  if (!words.every((w) => NAME_WORD.test(w))) return { skip: 'not letters (a handle?)' };
  const last = words[words.length - 1];
  if (!/^\p{Lu}/u.test(words[0]) || !/\p{Lu}/u.test(last) || last.replace(/[^\p{L}]/gu, '').length < 2) {
    return { skip: 'not written as a name (lowercase, or an initial for the last name)' };
  }
  const aliases: string[] = [];
  for (const { inner, at } of parens) {
    if (!inner || SECOND_SCRIPT.test(inner)) continue;
    const innerWords = inner.split(' ');
    const nameLike = innerWords.every((w) => NAME_WORD.test(w) && /^\p{Lu}/u.test(w) && !ROLE_WORD.test(w));
    if (innerWords.length >= 2 && innerWords.length <= 3 && nameLike) aliases.push(inner);
    else if (innerWords.length === 1 && /^\p{Lu}\p{Ll}+$/u.test(inner) && at === 1) aliases.push([inner, ...words.slice(1)].join(' '));
  }
  return { name: words.join(' '), aliases };
}

/** Values that say "no company". */
const NOT_A_COMPANY = /^(?:independent|individual\b.*|unaffiliated|self|self[- ]employed|none|n\/a|freelance\b.*|retired|student|open source|[-_.\s]*)$/i;
/** Job titles (cncf/people keeps CNCF staff's titles in the company field). */
const JOB_TITLE = /\b(?:manager|director|planner|coordinator|advocate|evangelist|engineer|representative|administrator|lead|head of|vp|cto|ceo|cfo|coo|founder|developer|relations|consultant|architect|officer|president|intern)\b/i;

function stripLegalSuffix(name: string): string {
  let s = name;
  for (;;) {
    const next = s
      .replace(/,?\s+(?:Inc\.?|Incorporated|LLC|L\.L\.C\.|Ltd\.?|Limited|GmbH|S\.p\.A\.|S\.A\.|B\.V\.|SPRL|a\.s\.|Sdn\.? Bhd\.?|Corp\.|Co\.,?(?= Ltd)|Co\.$|Pvt\.?)$/i, '')
      .replace(/,?\s+(?:AG|SA|BV|SIA|KGaA|Oy|AB|AS)$/, '')
      .trim();
    if (next === s || !next) return s;
    s = next;
  }
}

/** A company as a person record names it, or undefined when the field holds no company. */
export function cleanCompany(raw: string): { name: string; aliases: string[] } | undefined {
  let s = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  s = s.split(/\s+\/\s+/)[0].replace(/^@/, '').trim(); // "WireMock Inc / CDF / Jenkins", "@pengutronix"
  if (NOT_A_COMPANY.test(s) || JOB_TITLE.test(s) || s.includes('@') || !/\p{L}/u.test(s)) return undefined;
  s = s.replace(/,\s+an?\s+.+\s+company$/i, ''); // "Nordcloud, an IBM company"
  const aliases: string[] = [];
  const paren = /^(.*\S)\s*\(([^()]+)\)$/.exec(s);
  if (paren) {
    s = paren[1];
    if (/^[\p{Lu}\d&.-]{2,}$/u.test(paren[2].trim())) aliases.push(paren[2].trim()); // "… (ETRI)"
  }
  s = stripLegalSuffix(s);
  return s ? { name: s, aliases } : undefined;
}

function githubHandle(raw: unknown): string | undefined {
  const s = text1(raw).replace(/^@/, '').replace(/\/+$/, '');
  const fromUrl = /^https?:\/\/(?:www\.)?github\.com\/([^/?#\s]+)$/i.exec(s);
  const handle = fromUrl ? fromUrl[1] : s;
  return /^[A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9])?$/.test(handle) ? handle : undefined;
}

function readMaintainers(text: string, file: string, projects: ProjectIndex, notes: string[]): { people: Draft[]; rows: number } {
  let rows: string[][];
  try {
    rows = parseCsv(text, { relax_column_count: true, skip_empty_lines: true, bom: true }) as string[][];
  } catch (error) {
    throw new CatalogInputError(`${file}: CSV error: ${(error as Error).message}`);
  }
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const column = (test: (h: string) => boolean): number => header.findIndex(test);
  const nameAt = column((h) => h.includes('name') && !h.includes('github'));
  const projectAt = column((h) => h === 'project');
  const companyAt = column((h) => h === 'company');
  const githubAt = column((h) => h.includes('github'));
  const maturityAt = column((h) => h === '' || h === 'maturity');
  if (nameAt < 0 || projectAt < 0) {
    throw new CatalogInputError(`${file}: no "Project" and "Maintainer Name" columns in the first row (expected the CNCF project-maintainers.csv)`);
  }
  const people: Draft[] = [];
  const unresolved = new Set<string>();
  let current = '';
  let project: string | undefined;
  let count = 0;
  rows.slice(1).forEach((row, i) => {
    const cell = (at: number): string => (at >= 0 ? (row[at] ?? '').replace(/\s+/g, ' ').trim() : '');
    if (row.every((c) => !c.trim())) return;
    count++;
    // The project (and maturity) is on the first row of each project only; a row naming a project without a
    // maturity is a group of the current one ("Kubernetes maintainers", "Istio: Steering Committee").
    const named = cell(projectAt);
    if (named && (cell(maturityAt) || !current)) {
      current = named;
      project = projects.resolve(named);
      if (!project) unresolved.add(named);
    }
    const name = cleanPersonName(cell(nameAt));
    if ('skip' in name) {
      if (cell(nameAt)) notes.push(`${file}: row ${i + 2}: "${cell(nameAt)}" skipped: ${name.skip}`);
      return;
    }
    const company = cleanCompany(cell(companyAt));
    const person = draft(name.name, 'person', { company: company?.name, companyAliases: company?.aliases, github: githubHandle(cell(githubAt)) }, name.aliases);
    person.roles.add('maintainer');
    if (project) person.projects.add(project);
    people.push(person);
  });
  for (const u of unresolved) notes.push(`${file}: project "${u}" matches no landscape name; its maintainers are listed without it`);
  return { people, rows: count };
}

/** cncf/people categories as roles. */
const ROLE_OF: Record<string, string> = {
  ambassadors: 'ambassador',
  staff: 'staff',
  'governing board': 'governing-board',
  'technical oversight committee': 'toc',
  'end user tab': 'end-user-tab',
  'marketing committee': 'marketing-committee',
};

function readPeople(text: string, file: string, projects: ProjectIndex, notes: string[]): { people: Draft[]; records: number; origin?: string } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const scan = scanJson(body);
  if (scan.error) {
    const { line, column } = lineColumn(body, scan.error.offset);
    throw new CatalogInputError(`${file}:${line}:${column}: JSON syntax error: ${scan.error.message}`);
  }
  const root: unknown = JSON.parse(body);
  const records = Array.isArray(root) ? root : isObject(root) && Array.isArray(root.people) ? root.people : undefined;
  if (!records) throw new CatalogInputError(`${file}: no "people" list (expected cncf/people's people.json)`);
  const src = isObject(root) && isObject(root.source) ? root.source : undefined;
  const origin = src && text1(src.repo) ? `${text1(src.repo)} ${text1(src.path)}${text1(src.commit) ? ` at ${text1(src.commit)}` : ''}`.replace(/\s+/g, ' ').trim() : undefined;
  const people: Draft[] = [];
  const unresolved = new Set<string>();
  records.forEach((p: unknown, i: number) => {
    if (!isObject(p)) {
      notes.push(`${file}: people[${i}] is not an object; skipped`);
      return;
    }
    const raw = text1(p.name);
    const name = cleanPersonName(raw);
    if ('skip' in name) {
      notes.push(`${file}: people[${i}] "${raw}" skipped: ${name.skip}`);
      return;
    }
    const categories = (Array.isArray(p.category) ? p.category : [p.category]).map(text1).filter(Boolean);
    // CNCF staff records hold a job title where others hold a company.
    const company = categories.includes('Staff') ? undefined : cleanCompany(text1(p.company));
    const github = githubHandle(p.github);
    if (text1(p.github) && !github) notes.push(`${file}: ${raw}: "${text1(p.github)}" is not a GitHub profile; left out`);
    const person = draft(name.name, 'person', { company: company?.name, companyAliases: company?.aliases, github }, name.aliases);
    for (const c of categories) person.roles.add(ROLE_OF[c.toLowerCase()] ?? c.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-'));
    for (const named of Array.isArray(p.projects) ? p.projects : []) {
      const project = projects.resolve(text1(named));
      if (project) person.projects.add(project);
      else if (text1(named)) unresolved.add(text1(named));
    }
    people.push(person);
  });
  for (const u of unresolved) notes.push(`${file}: project "${u}" matches no landscape name; left out of the people's projects`);
  return { people, records: records.length, origin };
}

/**
 * People once each: the same name (case and spaces aside) is one person; so are records with one GitHub handle
 * whose names are the same words, accents aside, in any order ("Marko Mudrinić" / "Marko Mudrinic",
 * "Yan Wang" / "Wang Yan") or share a form ("Zefeng (Kevin) Wang" / "Kevin (Zefeng) Wang").
 */
function mergePeople(records: Draft[]): Draft[] {
  const byName = new Registry();
  for (const r of records) byName.add(r);
  const people = byName.all();
  const words = (n: string): string => n.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().split(/[\s-]+/).sort().join(' ');
  const forms = (d: Draft): Set<string> => new Set([d.name, ...d.aliases].map(words));
  const byHandle = new Map<string, Draft[]>();
  for (const p of people) if (p.github) byHandle.set(p.github.toLowerCase(), [...(byHandle.get(p.github.toLowerCase()) ?? []), p]);
  const gone = new Set<Draft>();
  for (const group of byHandle.values()) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const [a, b] = [group[i], group[j]];
        if (a === b || gone.has(a) || gone.has(b)) continue;
        const fa = forms(a);
        if (![...forms(b)].some((f) => fa.has(f))) continue;
        // The spelling with accents is the person's own, else the more used one; the other stays as an alias.
        const accents = (d: Draft): number => d.name.normalize('NFKD').replace(/[^\p{M}]/gu, '').length;
        const [keep, drop] = (accents(b) - accents(a) || b.seen - a.seen) > 0 ? [b, a] : [a, b];
        for (const field of ['company', 'github'] as const) keep[field] ??= drop[field];
        addAlias(keep, drop.name);
        for (const x of drop.aliases) addAlias(keep, x);
        for (const x of drop.projects) keep.projects.add(x);
        for (const x of drop.roles) keep.roles.add(x);
        keep.seen += drop.seen;
        gone.add(drop);
        group[i] = keep;
        group[j] = keep;
      }
    }
  }
  return people.filter((p) => !gone.has(p));
}

/** Companies that people records name become company entries; each person's company takes the catalog's styling. */
function addPeoplesCompanies(names: Registry): void {
  const spellings = new Map<string, Map<string, number>>();
  const aliases = new Map<string, string[]>();
  const people = names.all().filter((d) => d.kind === 'person' && d.company);
  for (const p of people) {
    // "SHANGHAI DAOCLOUD NETWORK TECHNOLOGY CO. LTD. (DAOCLOUD)" is DaoCloud when the catalog has that.
    const known = names.get(p.company!) ? undefined : (p.companyAliases ?? []).map((a) => names.get(a)).find((e) => e?.kind === 'company');
    if (known) p.company = known.name;
    const key = dedupKey(p.company!);
    if (!known) aliases.set(key, [...(aliases.get(key) ?? []), ...(p.companyAliases ?? [])]);
    if (names.get(p.company!)) continue;
    const counts = spellings.get(key) ?? new Map<string, number>();
    counts.set(p.company!, (counts.get(p.company!) ?? 0) + 1);
    spellings.set(key, counts);
  }
  // The most used spelling ("Red Hat" over "RedHat"); on a tie the first seen.
  for (const counts of spellings.values()) {
    const [best] = [...counts].reduce((a, b) => (b[1] > a[1] ? b : a));
    names.add(draft(best, 'company'));
  }
  for (const [key, forms] of aliases) {
    const entry = names.get(key);
    if (entry?.kind === 'company') for (const a of forms) addAlias(entry, a);
  }
  for (const p of people) {
    const entry = names.get(p.company!);
    if (entry && entry.kind !== 'person') p.company = entry.name;
  }
}

// ---------------------------------------------------------------------------------------------------------

function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A scalar as trimmed text ('' for anything else). */
function text1(value: unknown): string {
  return typeof value === 'string' ? value.trim() : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

function url(value: unknown): string | undefined {
  const s = text1(value);
  return /^https?:\/\/\S+$/.test(s) ? s : undefined;
}
