// Completion of known names: projects, ecosystem names, people, and names learned from the file and the
// workspace dictionary. Case-insensitive prefix matches rank first, then word-start and fuzzy matches.
import { Catalog, nameKey, type NameEntry } from '../names/catalog.ts';
import { describeKind } from '../names/describe.ts';
import { cardMarkdown } from './hover.ts';

/** The card of a completed name, asked for when the editor shows the item's details. */
export function completionCard(name: string, catalogs: Catalog[]): string | undefined {
  for (const catalog of catalogs) {
    const entry = catalog.lookup(name).find((e) => e.canonical === name);
    if (entry) return cardMarkdown(entry);
  }
  return undefined;
}

export interface CompletionEntry {
  label: string;
  detail: string;
  /** Offsets of the text the completion replaces (the word typed so far). */
  start: number;
  end: number;
  sortText: string;
  filterText: string;
}

const WORD_BEFORE = /[\p{L}\p{N}][\p{L}\p{N}\-.]*$/u;
const MAX_ITEMS = 60;

/** The word being typed that ends at `offset`, or '' when the cursor is not after a word. */
export function wordBefore(text: string, offset: number): { word: string; start: number } {
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1) + 1, offset - 200);
  const m = WORD_BEFORE.exec(text.slice(lineStart, offset));
  return m ? { word: m[0], start: offset - m[0].length } : { word: '', start: offset };
}

function fuzzyScore(query: string, target: string): number {
  // Subsequence match: every query letter in order. Returns 0 when it does not match.
  let j = 0;
  let gaps = 0;
  for (let i = 0; i < target.length && j < query.length; i++) {
    if (target[i] === query[j]) j++;
    else if (j > 0) gaps++;
  }
  return j === query.length ? 1 / (1 + gaps) : 0;
}

/** Keys of an entry's forms and of their words, computed once per entry. */
const formKeys = new WeakMap<NameEntry, { keys: string[]; words: string[] }>();

function keysOf(entry: NameEntry): { keys: string[]; words: string[] } {
  let k = formKeys.get(entry);
  if (!k) {
    const forms = [entry.canonical, ...entry.aliases, ...entry.shortForms];
    k = { keys: forms.map(nameKey), words: forms.flatMap((f) => f.toLowerCase().split(/[\s-]+/).map(nameKey)) };
    formKeys.set(entry, k);
  }
  return k;
}

/** Computes the completion keys of every entry ahead of the first completion (a server's idle start-up). */
export function prepareCompletion(catalog: Catalog): void {
  for (const entry of catalog.entries) keysOf(entry);
  completeNames('k', 1, [catalog]);
}

function rank(q: string, entry: NameEntry): number {
  if (!q) return 0.1 + entry.weight * 0.01;
  const { keys, words } = keysOf(entry);
  let best = 0;
  if (keys.some((key) => key.startsWith(q))) best = 3;
  else if (words.some((w) => w.startsWith(q))) best = 2;
  // Letters in order anywhere (fuzzy) for the curated names only: the landscape's thousands would fill the
  // list with chance matches, and cost a keystroke's time.
  else if (q.length >= 3 && (entry.reach ?? 'sound') === 'sound') for (const key of keys) best = Math.max(best, fuzzyScore(q, key));
  return best ? best + entry.weight * 0.5 : 0;
}

export function completeNames(text: string, offset: number, catalogs: Catalog[]): CompletionEntry[] {
  const { word, start } = wordBefore(text, offset);
  if (word.length < 1) return [];
  const query = nameKey(word);
  const seen = new Set<string>();
  const scored: { entry: NameEntry; score: number }[] = [];
  for (const catalog of catalogs) {
    for (const entry of catalog.entries) {
      if (seen.has(entry.canonical)) continue;
      const score = rank(query, entry);
      if (score > 0) {
        seen.add(entry.canonical);
        scored.push({ entry, score });
      }
    }
  }
  scored.sort((a, b) => b.score - a.score || a.entry.canonical.localeCompare(b.entry.canonical));
  return scored.slice(0, MAX_ITEMS).map(({ entry }, k) => ({
    label: entry.canonical,
    detail: [describeKind(entry), entry.category].filter(Boolean).join(' · '),
    start,
    end: offset,
    sortText: String(k).padStart(4, '0'),
    // Editors filter on this against the typed word: make every ranked item pass.
    filterText: word + ' ' + entry.canonical,
  }));
}
