// The error models that rank corrections: how likely a typist is to turn the intended word into the typed one.
// Edits cost less where slips are common. Two models share one weighted edit distance: finger slips, set by
// hand (a key next to the intended one, a doubled letter, two letters swapped), and misspellings, counted from
// a corpus of real ones (a letter left out is the commonest). Both charge more on the first letter, which people
// rarely get wrong. Words that sound alike (Double Metaphone) are closer still. A candidate's score adds how
// common it is (scoreOf).
import { doubleMetaphone } from 'double-metaphone';

const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/** Letters next to each other on a QWERTY keyboard (each row sits a little right of the one above). */
const ADJACENT: Set<string> = (() => {
  const pairs = new Set<string>();
  const at = new Map<string, [number, number]>();
  ROWS.forEach((row, r) => [...row].forEach((c, i) => at.set(c, [r, i])));
  for (const [a, [ra, ia]] of at) {
    for (const [b, [rb, ib]] of at) {
      if (a === b) continue;
      const near = (ra === rb && Math.abs(ia - ib) === 1) || (rb === ra + 1 && (ib === ia || ib === ia - 1)) || (rb === ra - 1 && (ib === ia || ib === ia + 1));
      if (near) pairs.add(a + b);
    }
  }
  return pairs;
})();

export function adjacentKeys(a: string, b: string): boolean {
  return ADJACENT.has(a + b);
}

const VOWELS = new Set('aeiouy');
/** Consonants that stand for one sound, so one is written for the other (existance, Occurance). */
const SOUND_ALIKE = new Set(['ck', 'kc', 'cs', 'sc', 'sz', 'zs', 'dt', 'td', 'bp', 'pb', 'fv', 'vf', 'gj', 'jg', 'mn', 'nm', 'kq', 'qk', 'iy', 'yi']);

/** What each kind of slip costs, in edits (one edit weighs EDIT_WEIGHT in log odds, see scoreOf). */
export interface ErrorModel {
  swap: number;
  subAdjacent: number;
  subVowel: number;
  subSound: number;
  sub: number;
  extraDoubled: number;
  extraAdjacent: number;
  extraVowel: number;
  extra: number;
  missingDoubled: number;
  /** A vowel, or the h of ch, gh, ph, sh, th, wh. */
  missingVowel: number;
  missing: number;
  /** A letter missing (or one too many) right after another: a skipped or repeated syllable is one slip, not two. */
  run: number;
  /** Added on the first letter, which people rarely get wrong: a letter missing, wrong, too many, swapped. */
  firstMissing: number;
  firstSub: number;
  firstExtra: number;
  firstSwap: number;
  /** Added on the last letter: one missing, wrong, one too many, a last letter doubled. */
  endMissing: number;
  endSub: number;
  endExtra: number;
  endDoubled: number;
}

/**
 * Slips of the fingers, set by hand: a key next to the right one, a doubled letter, a swap. What names are
 * matched with (names/fuzzy.ts) and what `suggest` keeps.
 */
export const FINGER_SLIPS: ErrorModel = {
  swap: 0.5,
  subAdjacent: 0.6,
  subVowel: 0.65,
  subSound: 0.75,
  sub: 1,
  extraDoubled: 0.45,
  extraAdjacent: 0.75,
  extraVowel: 0.85,
  extra: 1,
  missingDoubled: 0.45,
  missingVowel: 0.8,
  missing: 1,
  run: 0.5,
  firstMissing: 0.7,
  firstSub: 0.7,
  firstExtra: 0.7,
  firstSwap: 0.35,
  endMissing: 0,
  endSub: 0,
  endExtra: 0,
  endDoubled: 0,
};

/**
 * How real misspellings of English words are made, which ranks corrections: each kind of slip costs the
 * log of how often it happens per chance to happen (in EDIT_WEIGHT units, a swap 0.5), as counted over the
 * single-slip pairs of @cspell/dict-en-common-misspellings (bench/typo-corpus.ts scores the result). A letter
 * left out is the commonest slip by far, a letter too many is rarer than a wrong one unless it is doubled,
 * and the first and last letters are slipped on less.
 */
export const MISSPELLINGS: ErrorModel = {
  swap: 0.5,
  subAdjacent: 1.2,
  subVowel: 0.87,
  subSound: 0.85,
  sub: 1.69,
  extraDoubled: 0.97,
  extraAdjacent: 1.33,
  extraVowel: 1.17,
  extra: 1.52,
  missingDoubled: 0.32,
  missingVowel: 0.47,
  missing: 0.44,
  run: 0.4,
  firstMissing: 0.45,
  firstSub: 0.25,
  firstExtra: 0.6,
  firstSwap: 0.6,
  endMissing: 0.17,
  endSub: 0.17,
  endExtra: 0.18,
  endDoubled: 1.45,
};

/** Taken off when the typed word sounds like the candidate. */
export const SOUNDS_ALIKE_BONUS = 0.3;

function substitution(typed: string, meant: string, m: ErrorModel): number {
  if (ADJACENT.has(typed + meant)) return m.subAdjacent;
  if (VOWELS.has(typed) && VOWELS.has(meant)) return m.subVowel;
  if (SOUND_ALIKE.has(typed + meant)) return m.subSound;
  return m.sub;
}

let table = new Float64Array(0);
let runs = new Uint8Array(0);

/**
 * The cheapest way to type `intended` as `typed` (both lowercase), in edits weighted by how common each
 * slip is (the model): a weighted optimal-string-alignment distance.
 */
export function typoCost(typed: string, intended: string, model: ErrorModel = FINGER_SLIPS): number {
  const n = typed.length;
  const m = intended.length;
  const width = m + 1;
  if (table.length < (n + 1) * width) {
    table = new Float64Array((n + 1) * width * 2);
    runs = new Uint8Array((n + 1) * width * 2);
  }
  // runs: 1 when the cheapest way to (i, j) ends with a missing letter, 2 with a letter too many.
  table[0] = 0;
  runs[0] = 0;
  for (let j = 1; j <= m; j++) {
    table[j] = table[j - 1] + missing(intended, j - 1, runs[j - 1] === 1, model);
    runs[j] = 1;
  }
  for (let i = 1; i <= n; i++) {
    const row = i * width;
    const up = row - width;
    table[row] = table[up] + extra(typed, i - 1, runs[up] === 2, model);
    runs[row] = 2;
    const t = typed[i - 1];
    for (let j = 1; j <= m; j++) {
      const c = intended[j - 1];
      let best = table[up + j - 1];
      if (t !== c) best += substitution(t, c, model) + (i === 1 && j === 1 ? model.firstSub : i === n && j === m ? model.endSub : 0);
      let run = 0;
      const ex = table[up + j] + extra(typed, i - 1, runs[up + j] === 2, model);
      if (ex < best) {
        best = ex;
        run = 2;
      }
      const mi = table[row + j - 1] + missing(intended, j - 1, runs[row + j - 1] === 1, model);
      if (mi < best) {
        best = mi;
        run = 1;
      }
      if (i > 1 && j > 1 && t === intended[j - 2] && typed[i - 2] === c && t !== c) {
        const sw = table[up - width + j - 2] + model.swap + (i === 2 ? model.firstSwap : 0);
        if (sw < best) {
          best = sw;
          run = 0;
        }
      }
      table[row + j] = best;
      runs[row + j] = run;
    }
  }
  return table[n * width + m];
}

/** The typed letter at i is one too many. */
function extra(typed: string, i: number, afterExtra: boolean, m: ErrorModel): number {
  const c = typed[i];
  const before = typed[i - 1];
  const after = typed[i + 1];
  const last = i === typed.length - 1;
  let cost = m.extra;
  if (c === before || c === after) cost = m.extraDoubled + (last && c === before ? m.endDoubled : 0);
  else if ((before && ADJACENT.has(c + before)) || (after && ADJACENT.has(c + after))) cost = m.extraAdjacent;
  else if (VOWELS.has(c)) cost = m.extraVowel;
  if (afterExtra) cost = Math.min(cost, m.run);
  return i === 0 ? cost + m.firstExtra : last ? cost + m.endExtra : cost;
}

/** The intended letter at j was not typed. */
function missing(intended: string, j: number, afterMissing: boolean, m: ErrorModel): number {
  const c = intended[j];
  let cost = m.missing;
  if (c === intended[j - 1] || c === intended[j + 1]) cost = m.missingDoubled;
  else if (VOWELS.has(c) || (c === 'h' && /[cgpstw]/.test(intended[j - 1] ?? ''))) cost = m.missingVowel;
  if (afterMissing) cost = Math.min(cost, m.run);
  return j === 0 ? cost + m.firstMissing : j === intended.length - 1 ? cost + m.endMissing : cost;
}

const sounds = new Map<string, [string, string]>();

function soundKeys(word: string): [string, string] {
  let keys = sounds.get(word);
  if (!keys) {
    keys = doubleMetaphone(word);
    if (sounds.size > 20_000) sounds.clear();
    sounds.set(word, keys);
  }
  return keys;
}

/** Whether two words share a Double Metaphone key (of two sounds or more). */
export function soundAlike(a: string, b: string): boolean {
  const [a1, a2] = soundKeys(a);
  const [b1, b2] = soundKeys(b);
  return a1.length >= 2 && (a1 === b1 || a1 === b2 || (a2 !== '' && (a2 === b1 || a2 === b2)));
}

/** How much one edit weighs against a candidate's log count: one edit is about a 50-fold less likely word. */
export const EDIT_WEIGHT = 4;

/**
 * A candidate's score, lower is better: its weighted edits (cheaper when it sounds like the typed word) against
 * the natural log of how often it is used. Differences are log odds: 1.5 apart is about 4.5 times as likely.
 */
export function scoreOf(cost: number, alike: boolean, logCount: number): number {
  return EDIT_WEIGHT * Math.max(0.1, cost - (alike ? SOUNDS_ALIKE_BONUS : 0)) - logCount;
}
