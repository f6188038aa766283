// English words: a Hunspell dictionary (bundled en_US) plus the cloud-native vocabulary. Used to know which
// words are ordinary English (so everyday "helm" is left alone) and to suggest fixes for English typos.
import nspell from 'nspell';
import type { Speller } from './speller.ts';

export interface WordList {
  /** Whether the word is correct English or vocabulary, in any casing a sentence may give it. */
  isWord(word: string): boolean;
  /** Whether the lowercase form is a word (so "Helm" at a sentence start may be the word "helm"). */
  isLowercaseWord(word: string): boolean;
  /** Whether the word is in the cloud-native vocabulary (a domain term rather than plain English). */
  isVocabulary(word: string): boolean;
  /** Corrections one edit away, best first; casing follows the word. */
  suggest(word: string): string[];
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

export class EnglishWords implements WordList {
  private readonly vocabulary: Map<string, string>;
  private readonly memo = new Map<string, boolean>();

  constructor(private readonly speller: Speller, vocabulary: Iterable<string>) {
    this.vocabulary = new Map();
    for (const v of vocabulary) {
      const t = v.trim();
      if (t) this.vocabulary.set(t.toLowerCase(), t);
    }
  }

  /** From the .aff/.dic files themselves (nspell expands them: slower to start than a compiled dictionary). */
  static fromHunspell(aff: Uint8Array | string, dic: Uint8Array | string, vocabulary: Iterable<string>): EnglishWords {
    const spell = nspell(toBuffer(aff), toBuffer(dic));
    const lower = new Set<string>();
    for (const form of Object.keys(spell.data)) lower.add(form.toLowerCase());
    return new EnglishWords({ correct: (w) => spell.correct(w), hasLowercaseForm: (w) => lower.has(w) }, vocabulary);
  }

  isVocabulary(word: string): boolean {
    return this.vocabulary.has(word.toLowerCase());
  }

  isLowercaseWord(word: string): boolean {
    const lower = word.toLowerCase();
    return this.vocabulary.has(lower) || this.check(lower);
  }

  isWord(word: string): boolean {
    const lower = word.toLowerCase();
    if (this.vocabulary.has(lower) || this.check(word)) return true;
    if (americanSpellings(word).some((w) => this.check(w))) return true;
    if (word === lower) return false; // "prometheus" is not a word even though "Prometheus" is
    // A capitalized ordinary word (sentence start), or a brand written with other inner capitals (Mastercard).
    return this.check(lower) || this.speller.hasLowercaseForm(lower);
  }

  private check(word: string): boolean {
    let result = this.memo.get(word);
    if (result === undefined) {
      result = this.speller.correct(word);
      if (this.memo.size > 50_000) this.memo.clear();
      this.memo.set(word, result);
    }
    return result;
  }

  private readonly suggestions = new Map<string, string[]>();

  suggest(word: string): string[] {
    let found = this.suggestions.get(word);
    if (!found) {
      found = this.computeSuggestions(word);
      if (this.suggestions.size > 20_000) this.suggestions.clear();
      this.suggestions.set(word, found);
    }
    return [...found];
  }

  private computeSuggestions(word: string): string[] {
    const lower = word.toLowerCase();
    const capitalized = /^\p{Lu}/u.test(word);
    const found: { word: string; rank: number }[] = [];
    const seen = new Set<string>();
    const consider = (candidate: string, rank: number): void => {
      if (candidate.length < 2 || seen.has(candidate)) return;
      seen.add(candidate);
      const vocab = this.vocabulary.get(candidate);
      if (vocab) found.push({ word: vocab, rank: rank - 0.5 });
      // A lowercase candidate, or its capitalized form, is a word only if some entry lowercases to it:
      // one lookup rules out most of the hundreds of candidates.
      else if (!this.speller.hasLowercaseForm(candidate)) return;
      else if (this.check(candidate)) found.push({ word: candidate, rank });
      else if (this.check(capitalize(candidate))) found.push({ word: capitalize(candidate), rank: rank + 0.2 });
    };
    // A proper noun written in lowercase ("starbucks").
    if (!capitalized && this.check(capitalize(lower))) found.push({ word: capitalize(lower), rank: -1 });
    // A contraction typed without its apostrophe ("didnt", "doesnt").
    for (let i = 1; i < lower.length; i++) {
      const withApostrophe = lower.slice(0, i) + "'" + lower.slice(i);
      if (/'(t|s|ll|re|ve|d|m)$/.test(withApostrophe) && this.check(withApostrophe)) found.push({ word: withApostrophe, rank: -0.5 });
    }
    for (let i = 1; i < lower.length - 1; i++) {
      consider(lower.slice(0, i) + lower[i + 1] + lower[i] + lower.slice(i + 2), 0);
    }
    // Edits keep the first letter: people rarely mistype it, and changing it turns names into words
    // (Pinterest -> Interest).
    for (let i = 1; i <= lower.length; i++) {
      for (const c of LETTERS) consider(lower.slice(0, i) + c + lower.slice(i), 1);
    }
    for (let i = 1; i < lower.length; i++) consider(lower.slice(0, i) + lower.slice(i + 1), 1.1);
    for (let i = 1; i < lower.length; i++) {
      for (const c of LETTERS) if (c !== lower[i]) consider(lower.slice(0, i) + c + lower.slice(i + 1), 2);
    }
    found.sort((a, b) => a.rank - b.rank);
    return found.slice(0, 3).map((f) => (capitalized && f.word === f.word.toLowerCase() ? capitalize(f.word) : f.word));
  }
}

// British and Commonwealth spellings are correct too: the dictionary is en_US, so map them over.
const BRITISH: [RegExp, string][] = [
  [/our(s|ed|ing|ite|ites|able|er|ers)?$/, 'or$1'],
  [/our(?=[a-z]{2,})/, 'or'],
  [/is(e|es|ed|ing|er|ers|ation|ations|able)$/, 'iz$1'],
  [/ys(e|es|ed|ing)$/, 'yz$1'],
  [/tre(s)?$/, 'ter$1'],
  [/ogue(s)?$/, 'og$1'],
  [/ence(s)?$/, 'ense$1'],
  [/ll(ed|ing|er|ers)$/, 'l$1'],
  [/amme(s)?$/, 'am$1'],
];

function americanSpellings(word: string): string[] {
  const out: string[] = [];
  for (const [pattern, replacement] of BRITISH) {
    if (pattern.test(word)) out.push(word.replace(pattern, replacement));
  }
  return out;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function toBuffer(data: Uint8Array | string): Buffer {
  return typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
}
