// Reads the CNCF landscape (landscape.yml): projects with their maturity, components of projects, other
// projects and products, and the companies listed as members or partners.
//
// A library, not hand parsing: landscape.yml is YAML with quirks a line-based reader gets wrong (empty
// `subcategories:`/`items:` that are null rather than lists, quoted and unquoted scalars, names such as "No" or
// "On" that a YAML 1.1 reader turns into booleans; `yaml` reads YAML 1.2, where they stay strings).
import { parseDocument } from 'yaml';
import { MATURITIES, type Maturity } from './format.ts';
import { draft, type Draft } from './drafts.ts';
import { stripLegalSuffix } from './names.ts';
import { CatalogInputError, isObject, list, text1, url } from './source-input.ts';

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

export function readLandscape(text: string, file: string, notes: string[]): { drafts: Draft[]; items: number } {
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
