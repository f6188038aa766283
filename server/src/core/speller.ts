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

/** The JSON written by scripts/compile-dictionary.mjs. */
export interface CompiledDictionary {
  format: 1;
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
  /** Lowercase forms of entries that are not entries themselves ("mastercard" for "MasterCard"), one a line. */
  lowered: string;
}

/**
 * A sorted word list, one a line, searched where it lies: loading it makes no string per word and no index
 * (a Set of the 120,000 forms took most of the start-up). A lookup is a binary search over the text's
 * characters, each step reading the line around the middle; EnglishWords memoizes lookups.
 */
export class SortedWords {
  /** `text` must be sorted by UTF-16 code units, as Array.prototype.sort leaves strings. */
  constructor(private readonly text: string) {}

  has(word: string): boolean {
    const text = this.text;
    // Lines that start within [low, high] are still candidates.
    let low = 0;
    let high = text.length;
    if (!text.length) return false;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const start = text.lastIndexOf('\n', mid - 1) + 1;
      // The line holding `mid` may start before `low` only when it is a line already ruled out: then the
      // next line is the candidate.
      const lineStart = start < low ? text.indexOf('\n', mid) + 1 || text.length + 1 : start;
      if (lineStart > high) {
        high = mid - 1;
        continue;
      }
      let end = text.indexOf('\n', lineStart);
      if (end < 0) end = text.length;
      const order = compare(word, text, lineStart, end);
      if (order === 0) return true;
      if (order < 0) high = lineStart - 1;
      else low = end + 1;
    }
    return false;
  }
}

/** The word against text[start, end), in code unit order. */
function compare(word: string, text: string, start: number, end: number): number {
  const shared = Math.min(word.length, end - start);
  for (let i = 0; i < shared; i++) {
    const d = word.charCodeAt(i) - text.charCodeAt(start + i);
    if (d) return d;
  }
  return word.length - (end - start);
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
    if (data.format !== 1 || typeof data.words !== 'string') throw new Error('not a compiled dictionary (format 1)');
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
