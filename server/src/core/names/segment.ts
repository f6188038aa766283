// What the stages of matching a segment share: the context, the findings they make, the names they see
// written right, and how tokens join into phrases.
import type { Catalog, NameEntry } from './catalog.ts';
import { describeKind } from './describe.ts';
import type { WordList } from '../english/english.ts';
import type { Token } from '../markdown/tokens.ts';
import type { CheckCode, Finding } from '../types.ts';

export interface MatchContext {
  catalog: Catalog;
  /** Names learned from this document and the workspace dictionary. */
  learned: Catalog;
  words: WordList;
  /** Lowercase words the user told us to leave alone. */
  ignored: Set<string>;
  /** Words of catalog names this file capitalizes mid-sentence, in lowercase: its lowercase uses are slips. */
  written?: ReadonlySet<string>;
}

/** A name written correctly (or as an accepted form): what references and highlighting need. */
export interface Mention {
  start: number;
  end: number;
  /** Canonical name of the catalog entry. */
  name: string;
  kind: NameEntry['kind'];
}

export interface SegmentResult {
  findings: Finding[];
  /** Names written right; wrong ones are the findings with a subject. */
  mentions: Mention[];
}

// Collected while one segment is matched (matching is synchronous, so one sink suffices).
let mentionSink: Mention[] = [];

/** Where the mentions of the segment being matched go (set before each segment). */
export function collectMentionsIn(sink: Mention[]): void {
  mentionSink = sink;
}

/** The mentions collected so far in the segment being matched. */
export function mentionsSoFar(): readonly Mention[] {
  return mentionSink;
}
export function mention(entry: NameEntry, start: number, end: number): void {
  if (entry.kind !== 'learned') mentionSink.push({ start, end, name: entry.canonical, kind: entry.kind });
}

/** Tokens i..i+n-1 written as one phrase (single spaces between them). */
export function joinable(tokens: Token[], i: number, n: number): boolean {
  if (i + n > tokens.length) return false;
  for (let k = i + 1; k < i + n; k++) {
    if (tokens[k].gap !== ' ') return false;
    if (tokens[k - 1].text !== tokens[k - 1].base) return false; // a possessive ends the phrase
    if (tokens[k].dotted || tokens[k - 1].dotted) return false;
  }
  return true;
}

export function surface(tokens: Token[], i: number, n: number): string {
  let text = tokens[i].base;
  for (let k = i + 1; k < i + n; k++) text += tokens[k].gap + tokens[k].base;
  return text;
}

/** Names with this key, learned ones first (no copy when only one catalog has any). */
export function lookupBoth(ctx: MatchContext, key: string): NameEntry[] {
  const learned = ctx.learned.lookupKey(key);
  const known = ctx.catalog.lookupKey(key);
  if (!learned.length) return known;
  return known.length ? learned.concat(known) : learned;
}

export function finding(code: CheckCode, start: number, end: number, wrong: string, fixes: string[], preferred: boolean, entry?: NameEntry): Finding {
  const fix = fixes[0];
  const about = entry ? ` (${describeKind(entry)})` : '';
  const message =
    code === 'short-form'
      ? `'${wrong}' is short for ${fix}${about}`
      : fixes.length > 1 && !preferred
        ? `'${wrong}' may be ${fixes.join(', ')}`
        : `'${wrong}' → ${fix}${about}`;
  return { code, start, end, wrong, fixes, preferred, message, subject: entry?.canonical };
}

export function best(entries: NameEntry[]): NameEntry {
  return entries.reduce((a, b) => (b.weight > a.weight ? b : a));
}

export function isNameLike(t: Token): boolean {
  return (t.shape === 'capitalized' || t.shape === 'mixed') && !t.hasDigit && !t.dotted;
}

export function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
