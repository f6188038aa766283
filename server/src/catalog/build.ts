// Builds a catalog (see format.ts) from the raw public sources: the CNCF landscape (landscape.yml), the CNCF's
// project-maintainers.csv and cncf/people's people.json, plus an optional hand-kept file in the catalog format
// (events such as KubeCon, which no source lists). Pure: it takes the files' text and returns the catalog, so
// the command line (`talk-notes catalog`) and the tests share it.
//
// The sources are read by landscape.ts and people.ts into drafts (drafts.ts); this merges them and writes the
// catalog's entries.
import {
  CATALOG_FORMAT_VERSION,
  CATALOG_KINDS,
  parseCatalogFile,
  type CatalogFile,
  type CatalogKind,
  type CatalogName,
  type CatalogSource,
} from './format.ts';
import { draftOf, ProjectIndex, Registry, type Draft } from './drafts.ts';
import { readLandscape } from './landscape.ts';
import { dedupKey, isEverydayName } from './names.ts';
import { addPeoplesCompanies, mergePeople, readMaintainers, readPeople } from './people.ts';
import { CatalogInputError } from './source-input.ts';

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
    // A project that styles itself in lowercase (its records and its repository say "kgateway") gets that
    // name; the landscape's capitalized one stays an accepted form.
    for (const [name, styled] of read.lowercaseStyled) {
      const d = names.get(name);
      if (!d || d.name !== name || !d.repo || d.repo.replace(/\/+$/, '').split('/').pop() !== styled) continue;
      d.aliases.add(d.name);
      d.name = styled;
    }
    // A sub-project already in the landscape keeps its entry there.
    for (const sub of read.subProjects) if (!names.get(sub.name)) names.add(sub);
    source('maintainers', `${read.rows} maintainer rows, ${read.subProjects.length} sub-projects`);
  }
  let community = new Map<string, number>();
  if (inputs.people !== undefined) {
    const read = readPeople(inputs.people, files.people, projects, notes);
    people.push(...read.people);
    community = communityCounts(read.people);
    source('people', [inputs.sourceNotes?.people ? undefined : read.origin, `${read.records} people`].filter(Boolean).join('; '));
  }
  for (const person of mergePeople(people)) names.add(person);
  addPeoplesCompanies(names);
  for (const [project, count] of community) {
    const d = names.get(project);
    if (d && d.kind !== 'person' && d.kind !== 'company') d.community = count;
  }

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

/** How many people (each once, as the same name may have two records) list each project. */
function communityCounts(people: Draft[]): Map<string, number> {
  const listed = new Map<string, Set<string>>();
  for (const person of people) {
    for (const project of person.projects) {
      let who = listed.get(project);
      if (!who) listed.set(project, (who = new Set()));
      who.add(dedupKey(person.name));
    }
  }
  return new Map([...listed].map(([project, who]) => [project, who.size]));
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

/**
 * Fields each kind carries in the file (others are dropped). The catalog ships in the extension, so it keeps
 * what a hover card needs for CNCF projects and their components, and a link for the other projects and
 * products (the landscape's descriptions of those are mostly long marketing text).
 */
const FIELDS: Record<CatalogKind | 'cncf', readonly (keyof CatalogName)[]> = {
  cncf: ['maturity', 'aliases', 'category', 'homepage', 'repo', 'description', 'community'],
  component: ['parent', 'aliases', 'category', 'homepage', 'repo', 'description', 'community'],
  project: ['aliases', 'homepage', 'community'],
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
    community: d.community,
  };
  for (const field of FIELDS[d.kind === 'project' && d.maturity ? 'cncf' : d.kind]) if (value[field] !== undefined) (out as any)[field] = value[field];
  const everyday = d.everyday ?? (isEnglishWord ? isEverydayName(d.name, isEnglishWord) : false);
  if (everyday) out.everyday = true;
  return out;
}

const KIND_ORDER = new Map<CatalogKind, number>([['project', 0], ['component', 1], ['product', 2], ['company', 3], ['person', 4], ['event', 5]]);

function compareText(a: string, b: string): number {
  return a.localeCompare(b, 'en', { sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0);
}

function compareNames(a: CatalogName, b: CatalogName): number {
  return KIND_ORDER.get(a.kind)! - KIND_ORDER.get(b.kind)! || compareText(a.name, b.name);
}
