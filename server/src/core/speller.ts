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
  format: 3;
  /** Fingerprint of the .aff/.dic pair it was compiled from. */
  source: string;
  compoundMin: number;
  compoundRules: { source: string; flags: string }[];
  /** Input conversions (ICONV), applied before lookup. */
  conversions: { source: string; flags: string; replacement: string }[];
  onlyInCompound: string[];
  forbidden: string[];
  keepCase: string[];
  /** Every word form, one a line. */
  words: string;
  /** Hash table of `words` (see WordTable). */
  wordsTable: Int32Array;
  /** Lowercase forms of entries that are not entries themselves ("mastercard" for "MasterCard"), one a line. */
  lowered: string;
  loweredTable: Int32Array;
}

/** FNV-1a over UTF-16 code units, as scripts/compile-dictionary.mjs hashes the words. */
function wordHash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * A word list, one a line, looked up where it lies through a hash table built at compile time: loading it
 * makes no string per word and builds nothing (a Set of the 120,000 forms took most of the start-up), and
 * a lookup hashes the word and compares it with a line or two.
 */
export class WordTable {
  private readonly mask: number;

  /** `slots`: for each slot, the offset of a line start or -1 (empty); twice as many as lines, a power of two. */
  constructor(
    private readonly text: string,
    private readonly slots: Int32Array,
  ) {
    if (!slots.length || slots.length & (slots.length - 1)) throw new Error('not a word table (its size must be a power of two)');
    this.mask = slots.length - 1;
  }

  has(word: string): boolean {
    const text = this.text;
    for (let slot = wordHash(word) & this.mask; ; slot = (slot + 1) & this.mask) {
      const start = this.slots[slot];
      if (start < 0) return false;
      if (start + word.length > text.length) continue;
      let same = true;
      for (let i = 0; i < word.length; i++) {
        if (text.charCodeAt(start + i) !== word.charCodeAt(i)) {
          same = false;
          break;
        }
      }
      // The line must end with the word (a newline or the end of the text follows it).
      if (same && (start + word.length === text.length || text.charCodeAt(start + word.length) === 10)) return true;
    }
  }
}

export class CompiledSpeller implements Speller {
  private readonly words: WordTable;
  private readonly lowered: WordTable;
  private readonly onlyInCompound: Set<string>;
  private readonly forbidden: Set<string>;
  private readonly keepCase: Set<string>;
  private readonly compoundRules: RegExp[];
  private readonly conversions: [RegExp, string][];
  private readonly compoundMin: number;

  constructor(data: CompiledDictionary) {
    if (data.format !== 3 || typeof data.words !== 'string') throw new Error('not a compiled dictionary (format 3)');
    this.words = new WordTable(data.words, data.wordsTable);
    this.lowered = new WordTable(data.lowered, data.loweredTable);
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
