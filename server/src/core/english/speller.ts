// Spell checking against a compiled Hunspell dictionary: every word form the .aff rules expand the .dic
// into, computed once at build time (scripts/compile-dictionary.mjs). It answers exactly as nspell's
// `correct` does (a test compares them) without expanding the affixes at every start.

/** What the engine needs from a spell checker. */
export interface Speller {
  /** Whether the word is spelled right, in the casings Hunspell allows (exact, sentence case, lowercase). */
  correct(word: string): boolean;
  /** Whether the lowercase word is the lowercase form of any dictionary entry (so of "Mastercard" too). */
  hasLowercaseForm(lower: string): boolean;
  /** Every word form, sorted (what suggestions search), when the speller has them listed. */
  readonly forms?: SortedWords;
}

/** What scripts/compile-dictionary.mjs compiles (server/src/data.ts reads it from its file). */
export interface CompiledDictionary {
  format: 4;
  /** Fingerprint of the .aff/.dic pair it was compiled from. */
  source: string;
  compoundMin: number;
  compoundRules: { source: string; flags: string }[];
  /** Input conversions (ICONV), applied before lookup. */
  conversions: { source: string; flags: string; replacement: string }[];
  onlyInCompound: string[];
  forbidden: string[];
  keepCase: string[];
  /** Every word form, one a line, sorted. */
  words: string;
  /** Lowercase forms of entries that are not entries themselves ("mastercard" for "MasterCard"), one a line, sorted. */
  lowered: string;
}

/**
 * A sorted word list, one a line, searched where it lies: loading it makes no string per word (a Set of the
 * 120,000 forms took most of the start-up), only an array of where the lines start. Lookups are binary
 * searches; EnglishWords memoizes them.
 */
export class SortedWords {
  private readonly starts: Int32Array;

  /** `text` must be sorted by UTF-16 code units, as Array.prototype.sort leaves strings. */
  constructor(private readonly text: string) {
    let count = text.length ? 1 : 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
    this.starts = new Int32Array(count);
    for (let k = 1, i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts[k++] = i + 1;
  }

  get size(): number {
    return this.starts.length;
  }

  has(word: string): boolean {
    return this.indexOf(word) >= 0;
  }

  /** Where the word is in the list, or -1. */
  indexOf(word: string): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const order = this.compare(word, mid);
      if (order === 0) return mid;
      if (order < 0) high = mid - 1;
      else low = mid + 1;
    }
    return -1;
  }

  /** The k-th word. */
  at(k: number): string {
    return this.text.slice(this.starts[k], this.end(k));
  }

  private end(k: number): number {
    return k + 1 < this.starts.length ? this.starts[k + 1] - 1 : this.text.length;
  }

  /**
   * Every word at most `max` edits (insertions, deletions, substitutions, swaps of neighbours) from the
   * lowercase `word`, ignoring the list's capitals, as its index and distance. The list is walked as the trie
   * it spells: the rows of the edit-distance table for a shared prefix are computed once, and all words under
   * a prefix already too far are skipped.
   */
  near(word: string, max: number, visit: (k: number, distance: number) => void, from = 0, to = this.starts.length): void {
    const n = word.length;
    const width = n + 1;
    const text = this.text;
    const count = to;
    let depthLimit = 64;
    let table = new Int32Array((depthLimit + 1) * width);
    let rowMin = new Int32Array(depthLimit + 1);
    for (let j = 0; j <= n; j++) table[j] = j;
    let valid = 0; // rows 0..valid hold the prefix of the word at `last`
    let last = -1;
    let k = from;
    while (k < count) {
      const start = this.starts[k];
      const len = this.end(k) - start;
      if (len > depthLimit) {
        const grown = new Int32Array((len + 1) * width);
        grown.set(table);
        table = grown;
        const mins = new Int32Array(len + 1);
        mins.set(rowMin);
        rowMin = mins;
        depthLimit = len;
      }
      if (last >= 0) {
        const lastStart = this.starts[last];
        let shared = 0;
        const bound = Math.min(valid, len);
        while (shared < bound && text.charCodeAt(start + shared) === text.charCodeAt(lastStart + shared)) shared++;
        valid = shared;
      }
      last = k;
      let pruned = 0;
      for (let i = valid + 1; i <= len; i++) {
        const c = lowerCode(text.charCodeAt(start + i - 1));
        const before = i > 1 ? lowerCode(text.charCodeAt(start + i - 2)) : -1;
        const row = i * width;
        const up = row - width;
        const up2 = up - width;
        // Only cells within `max` of the diagonal can be within `max`: the band; the cells just outside it
        // read as too far.
        const from = Math.max(1, i - max);
        const to = Math.min(n, i + max);
        table[row] = i;
        table[row + from - 1] = from === 1 ? i : FAR;
        if (to < n) table[row + to + 1] = FAR;
        let least = from === 1 ? i : FAR;
        for (let j = from; j <= to; j++) {
          const w = word.charCodeAt(j - 1);
          let v = table[up + j - 1] + (w === c ? 0 : 1);
          const del = table[up + j] + 1;
          if (del < v) v = del;
          const ins = table[row + j - 1] + 1;
          if (ins < v) v = ins;
          if (i > 1 && j > 1 && w === before && word.charCodeAt(j - 2) === c) {
            const swap = table[up2 + j - 2] + 1;
            if (swap < v) v = swap;
          }
          table[row + j] = v;
          if (v < least) least = v;
        }
        rowMin[i] = least;
        valid = i;
        // Deeper rows are at least min(this row's least, the row before's least + 1).
        if (least > max && rowMin[i - 1] >= max) {
          pruned = i;
          break;
        }
      }
      if (pruned) {
        k = this.afterPrefix(start, pruned, k);
        continue;
      }
      const d = Math.abs(len - n) <= max ? table[len * width + n] : FAR;
      if (d <= max) visit(k, d);
      k++;
    }
  }

  /** The indexes [from, to) of the words that start with the prefix. */
  prefixRange(prefix: string): [number, number] {
    let low = 0;
    let high = this.starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.compare(prefix, mid) > 0) low = mid + 1;
      else high = mid;
    }
    const from = low;
    high = this.starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      const s = this.starts[mid];
      let same = this.end(mid) - s >= prefix.length;
      for (let i = 0; same && i < prefix.length; i++) same = this.text.charCodeAt(s + i) === prefix.charCodeAt(i);
      if (same) low = mid + 1;
      else high = mid;
    }
    return [from, low];
  }

  /** The first index after k whose word does not start with text[start, start + length). */
  private afterPrefix(start: number, length: number, k: number): number {
    // Galloping: most prefixes cut off deep in the walk hold few words.
    const count = this.starts.length;
    let good = k; // the last index known to start with the prefix
    let step = 1;
    let probe = k + 1;
    while (probe < count && this.startsWith(probe, start, length)) {
      good = probe;
      step *= 2;
      probe = k + step;
    }
    let low = good + 1;
    let high = Math.min(probe, count);
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.startsWith(mid, start, length)) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** Whether the k-th word starts with text[start, start + length). */
  private startsWith(k: number, start: number, length: number): boolean {
    const s = this.starts[k];
    if (this.end(k) - s < length) return false;
    for (let i = 0; i < length; i++) if (this.text.charCodeAt(s + i) !== this.text.charCodeAt(start + i)) return false;
    return true;
  }

  /** The word against the k-th entry, in code unit order. */
  private compare(word: string, k: number): number {
    const start = this.starts[k];
    const end = this.end(k);
    const shared = Math.min(word.length, end - start);
    for (let i = 0; i < shared; i++) {
      const d = word.charCodeAt(i) - this.text.charCodeAt(start + i);
      if (d) return d;
    }
    return word.length - (end - start);
  }
}

/** A distance too far to matter (outside the band of the table). */
const FAR = 1 << 20;

/** The lowercase of a Latin-1 letter's code (other characters as they are). */
function lowerCode(c: number): number {
  return (c >= 65 && c <= 90) || (c >= 192 && c <= 222 && c !== 215) ? c + 32 : c;
}

export class CompiledSpeller implements Speller {
  private readonly words: SortedWords;
  get forms(): SortedWords {
    return this.words;
  }
  private readonly lowered: SortedWords;
  private readonly onlyInCompound: Set<string>;
  private readonly forbidden: Set<string>;
  private readonly keepCase: Set<string>;
  private readonly compoundRules: RegExp[];
  private readonly conversions: [RegExp, string][];
  private readonly compoundMin: number;

  constructor(data: CompiledDictionary) {
    if (data.format !== 4 || typeof data.words !== 'string' || typeof data.lowered !== 'string') throw new Error('not a compiled dictionary (format 4)');
    this.words = new SortedWords(data.words);
    this.lowered = new SortedWords(data.lowered);
    this.onlyInCompound = new Set(data.onlyInCompound);
    this.forbidden = new Set(data.forbidden);
    this.keepCase = new Set(data.keepCase);
    this.compoundRules = data.compoundRules.map((r) => new RegExp(r.source, r.flags));
    this.conversions = data.conversions.map((c) => [new RegExp(c.source, c.flags), c.replacement]);
    this.compoundMin = data.compoundMin;
  }

  hasLowercaseForm(lower: string): boolean {
    return this.words.has(lower) || this.lowered.has(lower);
  }

  // Hunspell's casing rules as nspell applies them: the word as written, then sentence case for an
  // all-caps word, then lowercase; a KEEPCASE or forbidden entry stops the search.
  correct(value: string): boolean {
    let normal = value.trim();
    if (!normal) return false;
    for (const [pattern, replacement] of this.conversions) normal = normal.replace(pattern, replacement);
    if (this.exact(normal)) return !this.forbidden.has(normal);
    if (normal.toUpperCase() === normal) {
      const sentence = normal.charAt(0) + normal.slice(1).toLowerCase();
      if (this.ignored(sentence)) return false;
      if (this.exact(sentence)) return true;
    }
    const lower = normal.toLowerCase();
    if (lower !== normal) {
      if (this.ignored(lower)) return false;
      if (this.exact(lower)) return true;
    }
    return false;
  }

  private ignored(word: string): boolean {
    return this.keepCase.has(word) || this.forbidden.has(word);
  }

  private exact(word: string): boolean {
    if (this.words.has(word)) return !this.onlyInCompound.has(word);
    if (word.length >= this.compoundMin) for (const rule of this.compoundRules) if (rule.test(word)) return true;
    return false;
  }
}
