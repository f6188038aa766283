// English typos in prose, reported at a lower severity than names, only where a correction is likely enough:
// an unknown word alone stays quiet (it may be jargon or a name), and never on acronyms, identifiers or words
// of the jargon lists. Corrections come ranked by the error model and word frequency (english.ts, typos.ts);
// how likely the best one must be depends on the word: short words and capitalized words (often names) need
// a clear, common correction, long lowercase words very rarely happen to be near a word by chance.
import type { Correction, WordList } from './english.ts';
import type { Token } from '../markdown/tokens.ts';
import type { Finding } from '../types.ts';

/** What the English check needs: the words, and the words the user told us to leave alone (lowercase). */
export interface EnglishContext {
  words: WordList;
  ignored: Set<string>;
}

/** A second correction this close (in log odds) to the first is as likely: the fix is not preferred. */
const CLEAR_LEAD = 1;
/**
 * A capital opening a line says little: a word there is judged as in lowercase when one of the cheapest finger
 * slips (a letter doubled or not, two swapped) explains it ("Fuzing:", "Recieve"); names rarely differ from a
 * word by so little.
 */
const OPENING_SLIP = 0.5;
/** Corrections shown beside the first are at most this much less likely. */
const SHOWN_WITHIN = 3;

/** English typos, where a likely correction exists: unknown words alone stay quiet. */
export function matchEnglish(t: Token, ctx: EnglishContext, out: Finding[]): void {
  if (t.hasDigit || t.dotted) return;
  if (t.shape === 'mixed') {
    matchCasingSlip(t, ctx, out);
    return;
  }
  if (t.shape !== 'lower' && t.shape !== 'capitalized') return;
  if (ctx.words.isWord(t.base) || ctx.words.isJargon(t.base)) return;
  // A dropped letter marked by an apostrophe ("Livin'", "rock 'n' roll") is spelled as meant.
  if (t.text !== t.base && /['’]$/.test(t.text)) return;
  const parts = t.base.split('-');
  let at = t.start;
  for (const part of parts) {
    const shape: Shape = t.shape === 'capitalized' && part === parts[0] ? (t.sentenceStart ? 'opening' : 'capitalized') : 'lower';
    checkEnglishWord(part, at, shape, ctx, out);
    at += part.length + 1;
  }
}

/** How the word is written, for how much evidence a correction needs. */
export type Shape = 'lower' | 'opening' | 'capitalized';

/**
 * The score (typos.ts) the best correction needs. A short word is near some word by chance, and a
 * capitalized word is most often a name: one of eight letters or fewer needs a common correction
 * (Stallings is no slip of stalling). A capital opening a sentence says nothing: a long word there is
 * judged as in lowercase. A capitalized word is judged by its finger slips (Correction.slipScore).
 */
function scoreLimit(length: number, shape: Shape): number {
  if (shape !== 'lower') return length >= 9 ? (shape === 'opening' ? 3.5 : 2) : -2;
  if (length <= 3) return -4;
  if (length === 4) return -3;
  if (length <= 8) return length - 5;
  return 4.5;
}

/**
 * The weighted edits a correction may be away. In lowercase (the misspelling model): one or two common slips
 * for a word of six letters or fewer, two or three for a longer one. A capitalized word is judged by its
 * finger slips (Correction.slip): two for a long word opening a sentence, else one, and in the middle of a
 * sentence, a word of eight letters or fewer gets only a slip of the fingers (a key next to the right one, a
 * doubled or swapped letter): names differ from words by their vowels.
 */
function costLimit(length: number, shape: Shape): number {
  if (shape === 'lower') return length <= 4 ? 2 : length <= 6 ? 1.45 : length <= 8 ? 1.8 : 2.15;
  if (length >= 9) return shape === 'opening' ? 1.8 : 1;
  return shape === 'opening' ? 1 : 0.6;
}

export function checkEnglishWord(word: string, start: number, shape: Shape, ctx: EnglishContext, out: Finding[]): void {
  // No word is this long: it is a hash, an ID or keyboard mashing.
  if (word.length < 3 || word.length > 40 || /['’]/.test(word)) return;
  if (shape !== 'lower' && word.length < 5) return;
  if (ctx.words.isWord(word) || ctx.words.isJargon(word) || ctx.ignored.has(word.toLowerCase())) return;
  const limit = costLimit(word.length, shape);
  const all = ctx.words.corrections(word, limit);
  if (word.length <= 4 && all.some((c) => c.proper)) return; // a name in lowercase (a handle, "andy")
  const scoreMax = scoreLimit(word.length, shape);
  // Three letters are near too many words (wrt, doo): only swapped letters are taken for a slip ("teh").
  const ranked =
    shape === 'lower'
      ? all.filter((c) => c.cost <= limit && (word.length > 3 || sameLetters(word, c.word)))
      : all.filter((c) => (c.slip <= limit && c.slipScore <= scoreMax) || (shape === 'opening' && c.slip <= OPENING_SLIP && c.score <= scoreLimit(word.length, 'lower')));
  const first = ranked[0];
  // (A capitalized word's candidates passed their limits one by one; the order is the misspelling model's.)
  if (!first || (shape === 'lower' && first.score > scoreMax)) {
    if (shape === 'lower') matchRunTogether(word, start, ctx, out);
    return;
  }
  const fixes = ranked.filter((c) => c.score <= first.score + SHOWN_WITHIN).slice(0, 3);
  report(word, start, fixes, ctx, out);
}

/**
 * Two words typed without the space between them ("softwaretesting"), when no slip of one word explains it:
 * both halves common words of three letters or more. The most common pair wins.
 */
function matchRunTogether(word: string, start: number, ctx: EnglishContext, out: Finding[]): void {
  if (word.length < 8 || !/^[a-z]+$/.test(word)) return;
  let best: { split: string; score: number } | undefined;
  for (let at = 3; at <= word.length - 3; at++) {
    const a = ctx.words.commonness(word.slice(0, at));
    const b = ctx.words.commonness(word.slice(at));
    if (a === undefined || b === undefined || Math.min(a, b) < COMMON_HALF) continue;
    const score = Math.min(a, b);
    if (!best || score > best.score) best = { split: `${word.slice(0, at)} ${word.slice(at)}`, score };
  }
  if (best) report(word, start, [{ word: best.split, cost: 1, score: 0, slip: 1, slipScore: 0, proper: false }], ctx, out);
}

/** A half of a run-together pair is a common word: fifty uses or more in the frequency list. */
const COMMON_HALF = Math.log(50);

function sameLetters(a: string, b: string): boolean {
  const sorted = (w: string): string => [...w.toLowerCase()].sort().join('');
  return sorted(a) === sorted(b);
}

function report(word: string, start: number, fixes: Correction[], ctx: EnglishContext, out: Finding[]): void {
  const preferred = fixes.length === 1 || fixes[1].score - fixes[0].score >= CLEAR_LEAD;
  const words = fixes.map((f) => f.word);
  const term = ctx.words.isVocabulary(words[0]) ? ' (cloud-native term)' : '';
  out.push({
    code: 'spelling',
    start,
    end: start + word.length,
    wrong: word,
    fixes: words,
    preferred,
    message: preferred ? `'${word}' → ${words[0]}${term}` : `'${word}' may be ${words.join(', ')}`,
  });
}

/**
 * A capital slipped into a word: the Shift key held a letter too long ("ANnual", "COntrol", "THe": the word
 * with one capital) or let go a letter too early ("SDk": an acronym). Plural acronyms (APIs, IDs) are no slip.
 */
function matchCasingSlip(t: Token, ctx: EnglishContext, out: Finding[]): void {
  const word = t.base;
  const m = /^(\p{Lu}{2,})(\p{Ll}+)$/u.exec(word);
  if (!m || ctx.ignored.has(word.toLowerCase())) return;
  const [, capitals, rest] = m;
  if (rest === 's') return;
  const lower = word.toLowerCase();
  let fix: string | undefined;
  if (rest.length === 1 && capitals.length <= 5 && ctx.words.isAcronym(word.toUpperCase())) fix = word.toUpperCase();
  else if ((capitals.length === 2 || rest.length === 1) && ctx.words.isEnglish(lower)) fix = word.charAt(0) + lower.slice(1);
  if (fix) report(word, t.start, [{ word: fix, cost: 0, score: 0, slip: 0, slipScore: 0, proper: false }], ctx, out);
}
