// The error model that ranks corrections: how likely a typist is to turn the intended word into the typed one.
// Edits cost less where slips are common: a key next to the intended one, a vowel for a vowel, a doubled
// letter typed once or a key struck twice, two letters swapped, a letter dropped next to one dropped already;
// they cost more on the first letter, which people rarely get wrong. Words that sound alike (Double Metaphone)
// are closer still. A candidate's score adds how common it is (scoreOf).
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

// Costs, in edits.
const SWAP = 0.5;
const SUB_ADJACENT = 0.6;
const SUB_VOWEL = 0.65;
const SUB_SOUND = 0.75;
const EXTRA_DOUBLED = 0.45;
const EXTRA_ADJACENT = 0.75;
const EXTRA_VOWEL = 0.85;
const MISSING_DOUBLED = 0.45;
const MISSING_VOWEL = 0.8;
/** A letter missing (or one too many) right after another: a skipped or repeated syllable is one slip, not two. */
const MISSING_RUN = 0.5;
const FIRST_LETTER = 0.7;
/** Taken off when the typed word sounds like the candidate. */
export const SOUNDS_ALIKE_BONUS = 0.3;

function substitution(typed: string, meant: string): number {
  if (ADJACENT.has(typed + meant)) return SUB_ADJACENT;
  if (VOWELS.has(typed) && VOWELS.has(meant)) return SUB_VOWEL;
  if (SOUND_ALIKE.has(typed + meant)) return SUB_SOUND;
  return 1;
}

let table = new Float64Array(0);
let runs = new Uint8Array(0);

/**
 * The cheapest way to type `intended` as `typed` (both lowercase), in edits weighted by how common each
 * slip is: a weighted optimal-string-alignment distance.
 */
export function typoCost(typed: string, intended: string): number {
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
    table[j] = table[j - 1] + missing(intended, j - 1, runs[j - 1] === 1);
    runs[j] = 1;
  }
  for (let i = 1; i <= n; i++) {
    const row = i * width;
    const up = row - width;
    table[row] = table[up] + extra(typed, i - 1, runs[up] === 2);
    runs[row] = 2;
    const t = typed[i - 1];
    for (let j = 1; j <= m; j++) {
      const c = intended[j - 1];
      let best = table[up + j - 1] + (t === c ? 0 : substitution(t, c) + (i === 1 && j === 1 ? FIRST_LETTER : 0));
      let run = 0;
      const ex = table[up + j] + extra(typed, i - 1, runs[up + j] === 2);
      if (ex < best) {
        best = ex;
        run = 2;
      }
      const mi = table[row + j - 1] + missing(intended, j - 1, runs[row + j - 1] === 1);
      if (mi < best) {
        best = mi;
        run = 1;
      }
      if (i > 1 && j > 1 && t === intended[j - 2] && typed[i - 2] === c && t !== c) {
        const sw = table[up - width + j - 2] + SWAP + (i === 2 ? FIRST_LETTER / 2 : 0);
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
function extra(typed: string, i: number, afterExtra: boolean): number {
  const c = typed[i];
  const before = typed[i - 1];
  const after = typed[i + 1];
  let cost = 1;
  if (c === before || c === after) cost = EXTRA_DOUBLED;
  else if ((before && ADJACENT.has(c + before)) || (after && ADJACENT.has(c + after))) cost = EXTRA_ADJACENT;
  else if (VOWELS.has(c)) cost = EXTRA_VOWEL;
  if (afterExtra) cost = Math.min(cost, MISSING_RUN);
  return i === 0 ? cost + FIRST_LETTER : cost;
}

/** The intended letter at j was not typed. */
function missing(intended: string, j: number, afterMissing: boolean): number {
  const c = intended[j];
  let cost = 1;
  if (c === intended[j - 1] || c === intended[j + 1]) cost = MISSING_DOUBLED;
  else if (VOWELS.has(c) || (c === 'h' && /[cgpstw]/.test(intended[j - 1] ?? ''))) cost = MISSING_VOWEL;
  if (afterMissing) cost = Math.min(cost, MISSING_RUN);
  return j === 0 ? cost + FIRST_LETTER : cost;
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
