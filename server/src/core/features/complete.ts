// Completion of known names while typing prose: projects, ecosystem names, people, and names learned from the
// file. Editors ask on every keystroke (quick suggestions), so it answers only where a name can start: in
// prose (not code, links or front matter), after three letters, and for a common English word ("open", "The")
// only with a name that is that word. Ranked: names starting with the typed text first, by fame (maturity,
// community, use in the notes), then curated names with a later word starting so, then close slips.
import { Catalog, nameKey, type NameEntry } from '../names/catalog.ts';
import { cardOf, describeKind } from '../names/describe.ts';
import { editDistance } from '../names/distance.ts';
import type { WordList } from '../english/english.ts';
import { proseBefore } from './complete-context.ts';

export interface CompletionEntry {
  label: string;
  detail: string;
  /** Offsets of the text the completion replaces (the words typed for the name). */
  start: number;
  end: number;
  sortText: string;
  /** Starts with the typed text itself, so the editor's own filtering scores every item alike and keeps our order. */
  filterText: string;
}

export interface Completions {
  items: CompletionEntry[];
  /** Always true: the answer depends on the whole typed text (tiers, common words), so ask again per keystroke. */
  isIncomplete: boolean;
}

export interface CompletionOptions {
  /** How many community people list a project, by name key (built into the catalog). */
  community?: ReadonlyMap<string, number>;
  /** Names (canonical) used in this document, with how often. */
  usedHere?: ReadonlyMap<string, number>;
  /** Names (canonical) used in other notes of the workspace, with in how many files. */
  usedElsewhere?: ReadonlyMap<string, number>;
  /** The English word list: a common word typed in lowercase is prose, not a name being started. */
  words?: Pick<WordList, 'isEnglish' | 'commonness' | 'startsCommonWord'>;
}

const MIN_TYPED = 3;
const MAX_ITEMS = 25;
/** A lowercase word this common (natural log of its count in 51 million words, about 150) is prose. */
const COMMON_LOWER = 5;
/** A capitalized word this common ("The", "And", "For") starts sentences, not names. */
const COMMON_CAPITALIZED = 10;
const MATURITY_FAME: Record<string, number> = { graduated: 3, incubating: 2, sandbox: 1 };

/** The card of a completed name without what the item's detail line already says (kind, maturity, category). */
export function completionCard(name: string, catalogs: Catalog[]): string | undefined {
  for (const catalog of catalogs) {
    const entry = catalog.lookup(name).find((e) => e.canonical === name);
    if (!entry) continue;
    const card = cardOf(entry);
    const lines: string[] = [];
    if (card.description) lines.push(card.description);
    if (card.aliases.length) lines.push(`Also written: ${card.aliases.join(', ')}`);
    const links = [card.homepage && `[Homepage](${card.homepage})`, card.repo && `[Repository](${card.repo})`].filter(Boolean);
    if (links.length) lines.push(links.join(' · '));
    return lines.length ? lines.join('\n\n') : undefined;
  }
  return undefined;
}

/** The item's one-line detail: kind and category ("CNCF graduated · Orchestration & Management"). */
export function completionDetail(entry: NameEntry): string {
  return [describeKind(entry), entry.category].filter(Boolean).join(' · ');
}

/** One written form of a name (canonical, alias, short form) in key letters, with where its words start. */
interface Form {
  entry: NameEntry;
  text: string;
  key: string;
  /** Key offsets where a later word starts (after a space or hyphen, at a camel hump or a digit run). */
  starts: number[];
  /** Curated (CNCF, hand-kept, people of the file): matched by word starts and close slips too. */
  curated: boolean;
}

function formOf(entry: NameEntry, text: string): Form {
  let key = '';
  const starts: number[] = [];
  let prev = '';
  for (const c of text) {
    const k = nameKey(c);
    if (!k) {
      prev = ' ';
      continue;
    }
    const upper = c !== c.toLowerCase();
    const digit = c >= '0' && c <= '9';
    const prevLower = prev !== '' && prev !== ' ' && prev === prev.toLowerCase() && !(prev >= '0' && prev <= '9');
    const prevDigit = prev >= '0' && prev <= '9';
    if (key.length > 0 && (prev === ' ' || (upper && prevLower) || digit !== prevDigit)) starts.push(key.length);
    key += k;
    prev = c;
  }
  return { entry, text, key, starts, curated: (entry.reach ?? 'sound') === 'sound' };
}

/** Every form of a catalog's names, made once per catalog (a file's learned names make a new one per check). */
const formsByCatalog = new WeakMap<Catalog, { size: number; forms: Form[] }>();

function formsOf(catalog: Catalog): Form[] {
  let f = formsByCatalog.get(catalog);
  if (!f || f.size !== catalog.entries.length) {
    const forms: Form[] = [];
    for (const entry of catalog.entries) for (const text of [entry.canonical, ...entry.aliases, ...entry.shortForms]) forms.push(formOf(entry, text));
    f = { size: catalog.entries.length, forms };
    formsByCatalog.set(catalog, f);
  }
  return f.forms;
}

/** Computes the completion keys of every entry ahead of the first completion (a server's idle start-up). */
export function prepareCompletion(catalog: Catalog): void {
  formsOf(catalog);
}

/** How well known a name is: CNCF maturity, how many community people list it, its use in these notes. */
function fame(entry: NameEntry, options: CompletionOptions): number {
  let f = 0;
  if (entry.kind === 'cncf') f += entry.parent ? 1 : (MATURITY_FAME[entry.maturity ?? ''] ?? 0);
  else if (entry.kind === 'learned') f += 2;
  else if ((entry.reach ?? 'sound') === 'sound' && entry.kind === 'ecosystem') f += 0.5;
  const community = options.community?.get(entry.key);
  if (community) f += 0.5 * Math.log2(1 + community);
  const here = options.usedHere?.get(entry.canonical);
  if (here) f += Math.min(3, 1 + Math.log2(here));
  else {
    const files = options.usedElsewhere?.get(entry.canonical);
    if (files) f += Math.min(1.5, 0.5 + 0.25 * Math.log2(files));
  }
  return f;
}

/**
 * How a form matches the typed key: 0 it is the name, 1 the name starts so, 2 a later word of the name does
 * (curated names), 3 a close slip of the start (curated names, six letters typed or more); undefined if not.
 * Returns the key offset the typed text matches at.
 */
function match(q: string, form: Form, fuzzy: boolean): { tier: number; at: number } | undefined {
  const key = form.key;
  if (key.charCodeAt(0) === q.charCodeAt(0) && key.startsWith(q)) return { tier: key.length === q.length ? 0 : 1, at: 0 };
  if (!form.curated) return undefined;
  for (const s of form.starts) if (key.startsWith(q, s)) return { tier: 2, at: s };
  // A slip while typing ("Kubernets", "Promethus"): close to the start, the first half of it typed right.
  if (!fuzzy || key.charCodeAt(0) !== q.charCodeAt(0) || key.length < q.length - 1) return undefined;
  let same = 0;
  while (same < q.length && key.charCodeAt(same) === q.charCodeAt(same)) same++;
  if (same * 2 < q.length) return undefined;
  const slips = q.length >= 8 ? 2 : 1;
  for (let len = q.length - 1; len <= q.length + 1; len++) if (editDistance(q, key.slice(0, len), slips) <= slips) return { tier: 3, at: 0 };
  return undefined;
}

/** The typed text, then the rest of the name after the letters typed (so the editor filters as we rank). */
function filterTextOf(typed: string, form: Form, at: number): string {
  // Walk the name's letters to where the typed key ends (counted from the word it matched at).
  const end = at + nameKey(typed).length;
  let keyCount = 0;
  let i = 0;
  const chars = [...form.text];
  for (; i < chars.length && keyCount < end; i++) keyCount += nameKey(chars[i]).length;
  let rest = chars.slice(i).join('');
  if (!nameKey(typed.slice(-1))) rest = rest.replace(/^[^\p{L}\p{N}]+/u, '');
  return typed + rest;
}

function isCommon(word: string, words: CompletionOptions['words']): boolean {
  if (!words) return false;
  const lower = word.toLowerCase();
  const threshold = word === lower ? COMMON_LOWER : /^\p{Lu}\p{Ll}+$/u.test(word) ? COMMON_CAPITALIZED : Infinity;
  return threshold !== Infinity && words.isEnglish(lower) && (words.commonness(lower) ?? 0) >= threshold;
}

const WORD_BEFORE = /[\p{L}\p{N}][\p{L}\p{N}\-.]*$/u;
/** Up to three words before the current one, each followed by one space: a name written in words ("open tele"). */
const PHRASE_BEFORE = /(?:[\p{L}\p{N}][\p{L}\p{N}\-.]* ){1,3}[\p{L}\p{N}][\p{L}\p{N}\-.]*$/u;

/** The word being typed that ends at `offset`, or '' when the cursor is not after a word. */
export function wordBefore(text: string, offset: number): { word: string; start: number } {
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1) + 1, offset - 200);
  const m = WORD_BEFORE.exec(text.slice(lineStart, offset));
  return m ? { word: m[0], start: offset - m[0].length } : { word: '', start: offset };
}

interface Scored {
  entry: NameEntry;
  tier: number;
  fame: number;
  filterText: string;
}

/**
 * Ranks the names matching `typed`; `exactOnly` for a common word; for several words typed, `phraseBreak` is
 * the key offset where the last word starts, which must be where a word of the name starts too.
 */
function rankAll(typed: string, catalogs: Catalog[], options: CompletionOptions, exactOnly: boolean, phraseBreak?: number): Scored[] {
  const q = nameKey(typed);
  const phrase = phraseBreak !== undefined;
  const fuzzy = !exactOnly && !phrase && q.length >= 6;
  const best = new Map<NameEntry, { tier: number; form: Form; at: number }>();
  const seen = new Set<string>();
  for (const catalog of catalogs) {
    const found: NameEntry[] = [];
    for (const form of formsOf(catalog)) {
      if (seen.has(form.entry.canonical)) continue;
      const m = match(q, form, fuzzy);
      // A common word only as a whole name; several words only from a name's start ("open tele").
      if (!m || (exactOnly && m.tier > 0) || (phrase && (m.tier > 1 || !form.starts.includes(phraseBreak)))) continue;
      const had = best.get(form.entry);
      if (!had) found.push(form.entry);
      if (!had || m.tier < had.tier) best.set(form.entry, { tier: m.tier, form, at: m.at });
    }
    // A name the first catalog has (learned from the file) is not offered again from the next.
    for (const entry of found) seen.add(entry.canonical);
  }
  const out: Scored[] = [];
  for (const [entry, m] of best) {
    const filterText = m.tier === 3 ? `${typed} ${entry.canonical}` : filterTextOf(typed, m.form, m.at);
    out.push({ entry, tier: m.tier, fame: fame(entry, options), filterText });
  }
  return out.sort((a, b) => a.tier - b.tier || b.fame - a.fame || a.entry.canonical.length - b.entry.canonical.length || a.entry.canonical.localeCompare(b.entry.canonical));
}

/**
 * Names completing the text typed before `offset`. `text` is the whole document (from its start, so that an open
 * code fence, comment or front matter is seen).
 */
export function completeNames(text: string, offset: number, catalogs: Catalog[], options: CompletionOptions = {}): Completions {
  const none: Completions = { items: [], isIncomplete: true };
  const { word, start } = wordBefore(text, offset);
  // Three letters, or two with a digit ("K8"); a word ending a sentence ("Kube.") is done.
  const typedKey = nameKey(word);
  if (typedKey.length < (/\d/.test(word) ? 2 : MIN_TYPED) || word.endsWith('.')) return none;
  if (!proseBefore(text, start)) return none;

  // The longest phrase of typed words that starts a name ("open tele"), else the word alone.
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1) + 1, offset - 200);
  const phrase = PHRASE_BEFORE.exec(text.slice(lineStart, offset))?.[0];
  let scored: Scored[] = [];
  let from = start;
  if (phrase) {
    const words = phrase.split(' ');
    for (let n = words.length; n >= 2 && !scored.length; n--) {
      const typed = words.slice(-n).join(' ');
      const lower = typed === typed.toLowerCase();
      // All lowercase and ending in a common word ("in to"): prose.
      if (lower && isCommon(words[words.length - 1], options.words)) break;
      scored = rankAll(typed, catalogs, options, false, nameKey(words.slice(-n, -1).join(' ')).length);
      from = offset - typed.length;
    }
  }
  if (!scored.length) {
    // A lowercase beginning of a common word ("conf" of "configure") is prose being typed: only a name it
    // spells whole is offered. Capitalized ("Conf") or no English beginning ("kube"), it may start a name.
    const common = isCommon(word, options.words) || (word === word.toLowerCase() && options.words?.startsCommonWord?.(word, COMMON_LOWER) === true);
    scored = rankAll(word, catalogs, options, common);
    from = start;
  }
  const typedText = text.slice(from, offset);
  return {
    isIncomplete: true,
    items: scored.slice(0, MAX_ITEMS).map((s, k) => ({
      label: s.entry.canonical,
      detail: completionDetail(s.entry),
      start: from,
      end: offset,
      sortText: String(k).padStart(4, '0'),
      filterText: s.filterText.startsWith(typedText) ? s.filterText : `${typedText} ${s.entry.canonical}`,
    })),
  };
}
