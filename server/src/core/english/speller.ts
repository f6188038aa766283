// Spell checking against a compiled Hunspell dictionary: every word form the .aff rules expand the .dic
// into, computed once at build time (scripts/compile-dictionary.mjs). It answers exactly as nspell's
// `correct` does (a test compares them) without expanding the affixes at every start.

/** What the engine needs from a spell checker. */
export interface Speller {
  /** Whether the word is spelled right, in the casings Hunspell allows (exact, sentence case, lowercase). */
  correct(word: string): boolean;
  /** Whether the lowercase word is the lowercase form of any dictionary entry (so of "Mastercard" too). */
  hasLowercaseForm(lower: string): boolean;
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

  has(word: string): boolean {
    let low = 0;
    let high = this.starts.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const order = this.compare(word, mid);
      if (order === 0) return true;
      if (order < 0) high = mid - 1;
      else low = mid + 1;
    }
    return false;
  }

  /** The word against the k-th entry, in code unit order. */
  private compare(word: string, k: number): number {
    const start = this.starts[k];
    const end = k + 1 < this.starts.length ? this.starts[k + 1] - 1 : this.text.length;
    const shared = Math.min(word.length, end - start);
    for (let i = 0; i < shared; i++) {
      const d = word.charCodeAt(i) - this.text.charCodeAt(start + i);
      if (d) return d;
    }
    return word.length - (end - start);
  }
}

export class CompiledSpeller implements Speller {
  private readonly words: SortedWords;
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
