// Reads the people: maintainers from the CNCF's project-maintainers.csv and the community (ambassadors, staff,
// TOC, boards) from cncf/people's people.json; merges the records of one person and makes the companies they
// name into catalog entries.
//
// A library, not hand parsing: project-maintainers.csv has quoted fields with commas in them ("Carabiner
// Systems, Inc") and ragged rows, which `csv-parse` handles as the CSV rules say.
import { parse as parseCsv } from 'csv-parse/sync';
import { lineColumn, scanJson } from './format.ts';
import { addAlias, draft, Registry, type Draft, type ProjectIndex } from './drafts.ts';
import { cleanCompany, dedupKey } from './names.ts';
import { CatalogInputError, isObject, text1 } from './source-input.ts';

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

function githubHandle(raw: unknown): string | undefined {
  const s = text1(raw).replace(/^@/, '').replace(/\/+$/, '');
  const fromUrl = /^https?:\/\/(?:www\.)?github\.com\/([^/?#\s]+)$/i.exec(s);
  const handle = fromUrl ? fromUrl[1] : s;
  return /^[A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9])?$/.test(handle) ? handle : undefined;
}

export interface MaintainerRecords {
  people: Draft[];
  subProjects: Draft[];
  /** Projects the records write all in lowercase where the landscape capitalizes them (kgateway / Kgateway). */
  lowercaseStyled: Map<string, string>;
  rows: number;
}

export function readMaintainers(text: string, file: string, projects: ProjectIndex, notes: string[]): MaintainerRecords {
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
  const subProjects = new Map<string, Draft>();
  const lowercaseStyled = new Map<string, string>();
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
      // Only the first letter differs: an acronym (KCL) written in lowercase is a record's shorthand.
      else if (named === named.toLowerCase() && named !== project && project === named[0].toUpperCase() + named.slice(1)) lowercaseStyled.set(project, named);
    }
    const sub = named && project ? subProjectName(named, project) : undefined;
    if (sub && !subProjects.has(sub)) subProjects.set(sub, draft(sub, 'component', { parent: project }));
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
  return { people, subProjects: [...subProjects.values()], lowercaseStyled, rows: count };
}

/** Words that make a group of a project's people, not a part of the project ("Istio: Steering Committee"). */
const GROUP_WORDS = /\b(?:maintainers?|steering|committee|council|governance|oversight|working|group|leads?|sig|community|members?|owners?|reviewers?|approvers?|emeritus|voting|non-voting|excluding|team)\b/i;

/**
 * The name of a sub-project the maintainer records list under their project: "Tekton Chains" (the project's
 * name and a capitalized part), "Envoy: Gateway (non-voting)" (Envoy Gateway). Groups of people and versioned
 * parts ("Lifecycle Manager v1") are none.
 */
export function subProjectName(named: string, project: string): string | undefined {
  const [head, ...tail] = named.split(':');
  const rest = (tail.length ? tail.join(':') : head.slice(project.length)).replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim();
  if (head.trim().toLowerCase() !== project.toLowerCase() && !(tail.length === 0 && named.toLowerCase().startsWith(project.toLowerCase() + ' '))) return undefined;
  if (!rest || GROUP_WORDS.test(rest) || /\d/.test(rest)) return undefined;
  const words = rest.split(' ');
  // Capitalized words only, and not a kind of thing the project makes ("SDK", "CLI" alone are its tools).
  if (!words.every((w) => /^\p{Lu}[\p{L}-]*$/u.test(w)) || words.every((w) => /^\p{Lu}+$/u.test(w))) return undefined;
  return `${project} ${rest}`;
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

export function readPeople(text: string, file: string, projects: ProjectIndex, notes: string[]): { people: Draft[]; records: number; origin?: string } {
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
export function mergePeople(records: Draft[]): Draft[] {
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
export function addPeoplesCompanies(names: Registry): void {
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
