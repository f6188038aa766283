// Words of a prose segment, with the facts the matcher keys on (casing, digits, sentence position) and the
// spans to leave alone (URLs, paths, e-mail addresses, @mentions).

export interface Token {
  /** The word as written, possessive included. */
  text: string;
  /** The word without a possessive ('s, ’s or a trailing apostrophe). */
  base: string;
  start: number;
  /** End of `base` (a fix never touches the possessive). */
  end: number;
  /** Characters between the previous token and this one ('' for the first). */
  gap: string;
  sentenceStart: boolean;
  shape: 'lower' | 'capitalized' | 'upper' | 'mixed' | 'other';
  hasDigit: boolean;
  /** Contains a dot between letters (Dapr.io, com.acme.order, e.g). */
  dotted: boolean;
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:(?:['’][\p{L}]+)|(?:[.\-_][\p{L}\p{M}\p{N}]+))*['’]?/gu;
// Whitespace-delimited chunks that are addresses or paths, not prose.
// A bare domain with a path ("github.com/acme/Widget") is an address too.
const NOT_PROSE = /\S*(?::\/\/|^www\.|\swww\.)\S*|(?:^|(?<=\s))[~.]{0,2}\/\S*|\S+@\S+\.\S+|(?:^|(?<=\s))[@#$]\S+|\S+\/\S*\.[a-z]{1,5}\b\S*|[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.[a-z]{2,}\/\S*/giu;
const SENTENCE_OPENERS = /^[\s>*+\-#\d.)(\["'“‘_|:•–—]*$/u;

/** `plain`: whether the caller knows already that the word is plain ASCII letters (PLAIN). */
export function shapeOf(word: string, plain = PLAIN.test(word)): Token['shape'] {
  // Fast path for plain ASCII letters, the common case.
  if (plain) {
    const c0 = word.charCodeAt(0);
    let upper = 0;
    for (let i = 1; i < word.length; i++) if (word.charCodeAt(i) < 97) upper++;
    if (c0 >= 97) return upper ? 'mixed' : 'lower';
    if (upper === word.length - 1) return word.length > 1 ? 'upper' : 'capitalized';
    return upper ? 'mixed' : 'capitalized';
  }
  const letters = word.replace(/[^\p{L}]/gu, '');
  if (!letters) return 'other';
  if (letters === letters.toLowerCase()) return 'lower';
  if (letters === letters.toUpperCase()) return letters.length > 1 ? 'upper' : 'capitalized';
  const first = letters.charAt(0);
  const rest = letters.slice(1);
  if (first === first.toUpperCase() && rest === rest.toLowerCase()) return 'capitalized';
  return 'mixed';
}

const PLAIN = /^[A-Za-z]+$/;

/** The word without a possessive: 's, ’s or a trailing apostrophe. */
function withoutPossessive(raw: string): string {
  const last = raw.charCodeAt(raw.length - 1);
  if (last === 39 || last === 0x2019) return raw.slice(0, -1);
  if (last === 115 /* s */ && raw.length > 1) {
    const before = raw.charCodeAt(raw.length - 2);
    if (before === 39 || before === 0x2019) return raw.slice(0, -2);
  }
  return raw;
}

/** Spans of addresses and paths in the text (to leave alone). */
function notProse(text: string): [number, number][] {
  const skip: [number, number][] = [];
  // Addresses and paths need one of these characters; most lines have none.
  if (/[/@#$]|www\./.test(text)) {
    for (const m of text.matchAll(NOT_PROSE)) {
      const s = m.index ?? 0;
      skip.push([s, s + m[0].length]);
    }
  }
  return skip;
}

/**
 * Counts the words that could be names: the bases of the tokens `tokenize` would give that are capitalized
 * or mixed-case, four letters or more (three for the mid-sentence counts), without digits or dots. The same words, without building tokens
 * (learning runs over every line of a file).
 */
export function countNameLikeWords(text: string, counts: Map<string, number>): void {
  if (!HAS_UPPER.test(text)) return;
  const skip = notProse(text);
  // Only tokens with a capital letter can count, and most words have none: the scan starts from each capital
  // rather than going through every word. A token never holds whitespace, so scanning from the start of the
  // capital's whitespace-delimited chunk finds the same tokens as scanning the whole line.
  UPPER.lastIndex = 0;
  let scanned = 0;
  for (let u = UPPER.exec(text); u; u = UPPER.exec(text)) {
    const capital = u.index;
    if (capital < scanned) continue;
    let from = capital;
    while (from > scanned && !WHITESPACE.test(text[from - 1])) from--;
    SCAN.lastIndex = from;
    for (let m = SCAN.exec(text); m; m = SCAN.exec(text)) {
      const raw = m[0];
      const start = m.index;
      const end = start + raw.length;
      scanned = end;
      if (HAS_UPPER.test(raw)) countIfNameLike(text, raw, start, end, skip, counts);
      if (end > capital) break;
    }
    if (scanned <= capital) scanned = capital + 1;
    UPPER.lastIndex = Math.max(UPPER.lastIndex, scanned);
  }
}

function countIfNameLike(text: string, raw: string, start: number, end: number, skip: [number, number][], counts: Map<string, number>): void {
  if (skip.length && skip.some(([s, e]) => start < e && end > s)) return;
  const base = withoutPossessive(raw);
  if (base.length < 3) return;
  const shape = shapeOf(base);
  if (shape !== 'capitalized' && shape !== 'mixed') return;
  if (!PLAIN.test(base) && (/\p{N}/u.test(base) || /\p{L}\.\p{L}/u.test(base))) return;
  // Three-letter words ("Git") are too short to learn as names; only their mid-sentence capitals are counted.
  if (base.length > 3) counts.set(base, (counts.get(base) ?? 0) + 1);
  if (!opensSentence(text, start)) {
    const mid = MID_SENTENCE + base;
    counts.set(mid, (counts.get(mid) ?? 0) + 1);
  }
}

/**
 * Counts of name-like words also hold, under this prefix, how often a word is capitalized in the middle of a
 * sentence: the mark of a proper noun (a capital at a sentence or heading start says nothing).
 */
export const MID_SENTENCE = '\u0001';

/** Whether the word at `start` opens a sentence: only list, quote or heading marks before it on the line, or a full stop, colon or dash. */
function opensSentence(text: string, start: number): boolean {
  let j = start - 1;
  while (j >= 0 && OPENER.test(text[j])) j--;
  return j < 0 || CLOSER.test(text[j]);
}

const OPENER = /[\s"'“‘(*_\[>#+\-•|]/u;
const CLOSER = /[.!?:;—–\d]/u;

const UPPER = /\p{Lu}|\p{Lt}/gu;
const SCAN = new RegExp(WORD.source, 'gu');
const WHITESPACE = /\s/;

const HAS_UPPER = /\p{Lu}|\p{Lt}/u;

export function tokenize(text: string): Token[] {
  const skip = notProse(text);
  const tokens: Token[] = [];
  let prevEnd = 0;
  // exec rather than matchAll: no iterator steps to allocate (this runs for every distinct line).
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const start = m.index;
    const raw = m[0];
    const end = start + raw.length;
    if (skip.length && skip.some(([s, e]) => start < e && end > s)) continue;
    const base = withoutPossessive(raw);
    if (!base) continue;
    const gap = text.slice(prevEnd, start);
    let sentenceStart: boolean;
    if (tokens.length === 0) sentenceStart = SENTENCE_OPENERS.test(text.slice(0, start));
    // One space, the usual gap, neither ends a sentence nor holds a dash.
    else sentenceStart = gap !== ' ' && (/[.!?:;]\s*[\s"'“‘(*_]*$/u.test(gap) || /\s[-–—]\s+$/u.test(gap));
    const plain = PLAIN.test(base);
    tokens.push({
      text: raw,
      base,
      start,
      end: start + base.length,
      gap: tokens.length === 0 ? '' : gap,
      sentenceStart,
      shape: shapeOf(base, plain),
      hasDigit: !plain && /\p{N}/u.test(base),
      dotted: !plain && /\p{L}\.\p{L}/u.test(base),
    });
    prevEnd = end;
  }
  return tokens;
}
