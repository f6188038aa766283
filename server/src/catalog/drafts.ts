// Names while the catalog is built: list fields as sets, so merging two records of one name is a union; and an
// index that finds the project another source means by the way it writes it.
import type { CatalogKind, CatalogName, Maturity } from './format.ts';
import { dedupKey, foldKey } from './names.ts';

export interface Draft {
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
  /** Projects: how many cncf/people records list it. */
  community?: number;
  /** How many source records gave this spelling (the more used spelling of a person wins a tie). */
  seen: number;
}

export function draft(name: string, kind: CatalogKind, fields: Partial<Omit<Draft, 'name' | 'kind' | 'aliases' | 'projects' | 'roles'>> = {}, aliases: string[] = []): Draft {
  const d: Draft = { name, kind, aliases: new Set(), projects: new Set(), roles: new Set(), seen: 1 };
  for (const [k, v] of Object.entries(fields)) if (v !== undefined && v !== '') (d as any)[k] = v;
  for (const a of aliases) addAlias(d, a);
  return d;
}

export function draftOf(entry: CatalogName): Draft {
  const { name, kind, aliases, projects, roles, ...rest } = entry;
  const d = draft(name, kind, rest, aliases ?? []);
  for (const p of projects ?? []) d.projects.add(p);
  for (const r of roles ?? []) d.roles.add(r);
  return d;
}

export function addAlias(d: Draft, alias: string): void {
  const a = alias.replace(/\s+/g, ' ').trim();
  if (a && dedupKey(a) !== dedupKey(d.name)) d.aliases.add(a);
}

/** Which of two same-named entries is kept: a CNCF project, then a component, project, product, event, company, person. */
function rank(d: Draft): number {
  if (d.kind === 'project' && d.maturity) return 0;
  return { component: 1, project: 2, product: 3, event: 4, company: 5, person: 6 }[d.kind];
}

/** The names so far, one entry per name (case and spaces aside). */
export class Registry {
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
  for (const field of ['maturity', 'homepage', 'repo', 'category', 'description', 'parent', 'company', 'github', 'everyday', 'community'] as const) {
    if (keep[field] === undefined && other[field] !== undefined) (keep as any)[field] = other[field];
  }
  addAlias(keep, other.name);
  for (const a of other.aliases) addAlias(keep, a);
  for (const p of other.projects) keep.projects.add(p);
  for (const r of other.roles) keep.roles.add(r);
  keep.seen += other.seen;
  return keep;
}

/** Project names as other sources write them ("Kubernetes steering", "TUF (The Update Framework)", "metal3"). */
export class ProjectIndex {
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
