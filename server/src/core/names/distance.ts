// String similarity used to rank name candidates: optimal string alignment distance (Damerau-Levenshtein
// with adjacent transpositions), bounded so that hopeless pairs are rejected early.

type Rows = [Int32Array, Int32Array, Int32Array];
let rows: Rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (la === 0) return lb;
  if (lb === 0) return la;
  // Rows are reused between calls (matching compares many words): no garbage per comparison.
  if (rows[0].length < lb + 1) rows = [0, 1, 2].map(() => new Int32Array(Math.max(lb + 1, 2 * rows[0].length))) as Rows;
  let [prevPrev, prev, cur] = rows;
  prevPrev.fill(0, 0, lb + 1);
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        v = Math.min(v, prevPrev[j - 2] + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const oldest = prevPrev;
    prevPrev = prev;
    prev = cur;
    cur = oldest;
  }
  return prev[lb];
}

/** How many edits a word of this length may be away from a name and still be taken for it. */
export function allowedEdits(length: number): number {
  if (length <= 3) return 0;
  if (length <= 8) return 1;
  if (length <= 12) return 2;
  return 3;
}

export function commonPrefixLength(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Longest pattern `Distances` handles with bit vectors (one bit per letter in 32-bit integers). */
const MAX_BITS = 30;

/**
 * Optimal string alignment distances from one word to many (Hyyrö's bit-parallel form of Myers' algorithm,
 * with transpositions): a column of the table is a few integer operations instead of a loop over the word.
 * `near` measures each looked-up word against hundreds of names. Words longer than 30 letters use
 * `editDistance`.
 */
export class DistancesFrom {
  private readonly ascii = new Int32Array(128);
  private readonly other = new Map<number, number>();
  private readonly last: number;

  constructor(private readonly pattern: string) {
    this.last = 1 << (pattern.length - 1);
    if (pattern.length > MAX_BITS) return;
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern.charCodeAt(i);
      if (c < 128) this.ascii[c] |= 1 << i;
      else this.other.set(c, (this.other.get(c) ?? 0) | (1 << i));
    }
  }

  to(text: string): number {
    const m = this.pattern.length;
    if (m > MAX_BITS) return editDistance(this.pattern, text);
    if (m === 0) return text.length;
    const mask = m === 32 ? -1 : (1 << m) - 1;
    let vp = mask;
    let vn = 0;
    let score = m;
    let previousD0 = 0;
    let previousPm = 0;
    for (let j = 0; j < text.length; j++) {
      const c = text.charCodeAt(j);
      const pm = c < 128 ? this.ascii[c] : (this.other.get(c) ?? 0);
      const transposed = ((~previousD0 & pm) << 1) & previousPm;
      const d0 = ((((pm & vp) + vp) ^ vp) | pm | vn | transposed) & mask;
      const hp = vn | ~(d0 | vp);
      const hn = d0 & vp;
      if (hp & this.last) score++;
      else if (hn & this.last) score--;
      const x = ((hp << 1) | 1) & mask;
      vn = x & d0;
      vp = ((hn << 1) | ~(x | d0)) & mask;
      previousD0 = d0;
      previousPm = pm;
    }
    return score;
  }
}
