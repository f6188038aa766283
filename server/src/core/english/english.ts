// English words: a Hunspell dictionary (bundled en_US) plus the cloud-native vocabulary, and the lexicon
// compiled beside it (lexicon.ts: derivations and British spellings en_US lacks, jargon word lists, word
// frequencies). Used to know which words are ordinary English (so everyday "helm" is left alone) and to rank
// corrections for English typos: dictionary forms and derivations up to two edits away, scored by the
// misspelling model of typos.ts and how common each is.
import nspell from 'nspell';
import { americanSpellings, DERIVATION, derivationStems, type Lexicon } from './lexicon.ts';
import { SortedWords, type Speller } from './speller.ts';
import { FINGER_SLIPS, MISSPELLINGS, scoreOf, soundAlike, typoCost, type ErrorModel } from './typos.ts';

export interface WordList {
  /** Whether the word is correct English or vocabulary, in any casing a sentence may give it. */
  isWord(word: string): boolean;
  /** Whether the lowercase form is a word (so "Helm" at a sentence start may be the word "helm"). */
  isLowercaseWord(word: string): boolean;
  /** Whether the word is in the cloud-native vocabulary (a domain term rather than plain English). */
  isVocabulary(word: string): boolean;
  /** Whether the word (any casing) is in the software, Kubernetes or company word lists: jargon, never a typo. */
  isJargon(word: string): boolean;
  /** Whether the lowercase word is plain English (the dictionary, its derivations, British spellings), vocabulary aside. */
  isEnglish(lower: string): boolean;
  /** Whether the all-capitals word is an acronym of the vocabulary, the dictionary or the jargon lists (SDK). */
  isAcronym(upper: string): boolean;
  /** Corrections about one finger slip away (typos.ts), best first; casing follows the word. */
  suggest(word: string): string[];
  /**
   * How common a lowercase dictionary word is in everyday English: the natural log of its count in the
   * frequency list (51 million words of subtitles); 0 when the list lacks it, undefined when it is no form.
   */
  commonness(lower: string): number | undefined;
  /**
   * Whether a dictionary word at least this common (natural log of its count) starts with the lowercase
   * prefix and goes on ("conf" of "confirm"): the prefix is likely an English word being typed.
   */
  startsCommonWord?(prefix: string, minLogCount: number): boolean;
  /**
   * Ranked corrections (the best 8), with the evidence the English check decides on: up to two edits away
   * when `maxCost` (weighted edits, typos.ts) allows more than one slip, else one edit.
   */
  corrections(word: string, maxCost?: number): Correction[];
}

/** A correction of a typed word. */
export interface Correction {
  /** As it would replace the typed word (its casing follows the typed word's). */
  word: string;
  /** Weighted edits from the typed word (the misspelling model, typos.ts); 0.2 for a proper noun written in lowercase. */
  cost: number;
  /** Edits against how common the word is, lower is better (scoreOf in typos.ts). */
  score: number;
  /** Weighted edits as slips of the fingers (FINGER_SLIPS), what a capitalized word is judged by. */
  slip: number;
  /** The score with those. */
  slipScore: number;
  /** A name (Christmas): only offered for its own letters in lowercase. */
  proper: boolean;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * Prefixes that make new words of any word (coworking, multicluster, nonblocking). Not those that would
 * pass common misspellings: un-, in-, dis-, mis- ("untill", "infact", "dissapear"), pre- ("presense"),
 * super- ("superceded"), nor co- before the letters com-, con-, cor- and col- double ("coresponding").
 */
const PREFIX = /^(?:anti|auto|co(?![lmnr])|counter|cross|hyper|inter|meta|micro|multi|non|over|post|re|self|semi|sub|under)-?/;

/** Suffixes that make an adjective or adverb of any word (flagless, charlike, clockwise). */
const SUFFIX = /-?(?:less|like|wise)$/;

/** Log counts given to words the frequency list lacks: vocabulary terms are common in notes, jargon less so. */
const VOCABULARY_LOG_COUNT = Math.log(200);
const JARGON_LOG_COUNT = Math.log(30);
/** The endings of a dictionary form whose count is its stem's when the frequency list lacks it (fuzzing). */
const INFLECTION = /(?:e?s|ers?|ations?|ables?|ly|e?d|ing)$/;
/** A derivation the frequency list lacks is this much rarer (log) than its stem. */
const DERIVED_RARITY = 4;
/** A proper noun written in lowercase ("christmas"): nearly no slip at all. */
const CASE_ONLY_COST = 0.2;
/** `suggest` keeps corrections this close (a weighted edit). */
const ONE_EDIT = 1.05;
/**
 * From this many weighted edits on (seven letters or more in lowercase, spelling.ts), corrections are looked for
 * two edits deep: a shorter word is near too many words two edits away, and walking them all is slow.
 */
const TWO_SLIPS = 1.5;

export class EnglishWords implements WordList {
  private readonly vocabulary: Map<string, string>;
  private readonly vocabularyWords: SortedWords;
  private readonly memo = new Map<string, boolean>();

  constructor(
    private readonly speller: Speller,
    vocabulary: Iterable<string>,
    private readonly lexicon?: Lexicon,
  ) {
    this.vocabulary = new Map();
    for (const v of vocabulary) {
      const t = v.trim();
      if (t) this.vocabulary.set(t.toLowerCase(), t);
    }
    this.vocabularyWords = new SortedWords([...this.vocabulary.keys()].filter((w) => /^[\p{Ll}-]+$/u.test(w)).sort().join('\n'));
  }

  /** From the .aff/.dic files themselves (nspell expands them: slower to start than a compiled dictionary). */
  static fromHunspell(aff: Uint8Array | string, dic: Uint8Array | string, vocabulary: Iterable<string>, lexicon?: Lexicon): EnglishWords {
    const spell = nspell(toBuffer(aff), toBuffer(dic));
    const all = Object.keys(spell.data).sort();
    const lower = new Set<string>();
    for (const form of all) lower.add(form.toLowerCase());
    const forms = new SortedWords(all.join('\n'));
    return new EnglishWords({ correct: (w) => spell.correct(w), hasLowercaseForm: (w) => lower.has(w), forms }, vocabulary, lexicon);
  }

  isVocabulary(word: string): boolean {
    return this.vocabulary.has(word.toLowerCase());
  }

  isJargon(word: string): boolean {
    return !!this.lexicon?.jargon.has(word.toLowerCase());
  }

  isEnglish(lower: string): boolean {
    return this.check(lower) || this.derived(lower);
  }

  isAcronym(upper: string): boolean {
    return this.vocabulary.get(upper.toLowerCase()) === upper || !!this.speller.forms?.has(upper) || !!this.lexicon?.acronyms.has(upper);
  }

  isLowercaseWord(word: string): boolean {
    const lower = word.toLowerCase();
    return this.vocabulary.has(lower) || this.check(lower) || this.derived(lower);
  }

  isWord(word: string): boolean {
    const lower = word.toLowerCase();
    if (this.vocabulary.has(lower) || this.check(word)) return true;
    if (americanSpellings(word).some((w) => this.check(w))) return true;
    if (word === lower) return this.derived(lower); // "prometheus" is not a word even though "Prometheus" is
    // A capitalized ordinary word (sentence start), or a brand written with other inner capitals (Mastercard).
    return this.check(lower) || this.speller.hasLowercaseForm(lower) || (/^\p{Lu}?[^\p{Lu}]*$/u.test(word) && this.derived(lower));
  }

  /**
   * A derivation or British spelling that the en_US forms lack (lexicon.ts), a word with a productive prefix
   * or suffix (coworking, flagless), the plural of a jargon term (polyfills), or a word with its accents
   * (naïve).
   */
  private derived(lower: string): boolean {
    const lexicon = this.lexicon;
    if (lexicon?.english.has(lower)) return true;
    const prefix = PREFIX.exec(lower);
    if (prefix && lower.length - prefix[0].length >= 4 && this.check(lower.slice(prefix[0].length))) return true;
    const suffix = SUFFIX.exec(lower);
    if (suffix && suffix.index >= 3 && this.check(lower.slice(0, suffix.index))) return true;
    if (lexicon && /[^s]s$/.test(lower) && lexicon.jargon.has(lower.slice(0, -1))) return true;
    if (/[^\u0000-\u007f]/.test(lower)) {
      const plain = lower.normalize('NFD').replace(/\p{M}/gu, '');
      if (plain !== lower && (this.check(plain) || !!lexicon?.english.has(plain))) return true;
    }
    return false;
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

  private readonly ranked = new Map<string, Correction[]>();

  startsCommonWord(prefix: string, minLogCount: number): boolean {
    const forms = this.speller.forms;
    if (!forms || !this.lexicon || !prefix) return false;
    const key = `${minLogCount}\u0000${prefix}`;
    let found = this.commonPrefixes.get(key);
    if (found === undefined) {
      found = false;
      const [from, to] = forms.prefixRange(prefix);
      for (let k = from; k < to && !found; k++) found = this.lexicon.logCount(k) >= minLogCount && forms.at(k).length > prefix.length;
      if (this.commonPrefixes.size > 20_000) this.commonPrefixes.clear();
      this.commonPrefixes.set(key, found);
    }
    return found;
  }

  private readonly commonPrefixes = new Map<string, boolean>();

  commonness(lower: string): number | undefined {
    const k = this.speller.forms?.indexOf(lower) ?? -1;
    if (k < 0) return undefined;
    return this.lexicon ? this.lexicon.logCount(k) : 0;
  }

  /**
   * A derivation's log count, which the frequency list lacks: its stem's, less a derivation's rarity; undefined
   * for a word of no known stem or other ending (British spellings, daemon names, -er), which is no correction.
   */
  private derivedLogCount(form: string, endings = DERIVATION): number | undefined {
    for (const s of derivationStems(form, endings)) {
      const count = this.commonness(s);
      if (count !== undefined) return Math.max(0, count - DERIVED_RARITY);
    }
    return undefined;
  }

  suggest(word: string): string[] {
    // Most words asked about (unknown names) have no correction this close: that is found out first, in a
    // small part of the dictionary, and the whole ranking is made only when there may be one.
    // The finger slips (typos.ts) keep what names/ asks of it as it was.
    if (!this.ranked.has('f' + word) && !this.mayHaveOneSlipCorrection(word)) return [];
    return this.ranking(word, 1, FINGER_SLIPS)
      .filter((c) => c.cost <= ONE_EDIT)
      .slice(0, 3)
      .map((c) => c.word);
  }

  corrections(word: string, maxCost = Infinity): Correction[] {
    const max = word.length <= 4 || maxCost < TWO_SLIPS ? 1 : 2;
    return this.ranking(word, max, MISSPELLINGS);
  }

  private ranking(word: string, max: number, model: ErrorModel): Correction[] {
    const key = (model === FINGER_SLIPS ? 'f' : max) + word;
    let found = this.ranked.get(key);
    if (!found) {
      found = this.rank(word, max, model);
      if (this.ranked.size > 20_000) this.ranked.clear();
      this.ranked.set(key, found);
    }
    return found.map((c) => ({ ...c }));
  }

  /**
   * Whether `rank(word, 1)` may hold a correction within ONE_EDIT: one does when some candidate is that close.
   * Any first letter but the word's own costs more (typos.ts), bar the first two letters swapped, so only the
   * dictionary forms that start with the word's first or second letter are searched (a–z; for other letters,
   * the answer is yes).
   */
  private mayHaveOneSlipCorrection(word: string): boolean {
    const lower = word.toLowerCase();
    if (lower.length < 2 || lower.length > 40) return false;
    if (!this.speller.forms || !/^[a-z]{2}/.test(lower)) return true;
    const capitalized = /^\p{Lu}/u.test(word);
    let close = false;
    this.candidates(word, lower, 1, FINGER_SLIPS, (display, cost) => {
      if (cost <= ONE_EDIT && shownAs(display, capitalized) !== word) close = true;
    }, [lower[0], lower[1]]);
    return close;
  }

  /** Candidates up to `max` edits away, scored by the error model and how common they are. */
  private rank(word: string, max: number, model: ErrorModel): Correction[] {
    const lower = word.toLowerCase();
    if (lower.length < 2 || lower.length > 40) return [];
    const capitalized = /^\p{Lu}/u.test(word);
    const best = new Map<string, Correction & { alike: boolean; logCount: number }>();
    this.candidates(word, lower, max, model, (display, cost, logCount, proper) => {
      const shown = shownAs(display, capitalized);
      if (shown === word) return;
      const alike = soundAlike(lower, display.toLowerCase());
      const score = scoreOf(cost, alike, logCount);
      const seen = best.get(shown);
      if (!seen || score < seen.score) best.set(shown, { word: shown, cost, score, slip: cost, slipScore: score, proper, alike, logCount });
    });
    const top = [...best.values()].sort((a, b) => a.score - b.score || a.cost - b.cost || (a.word < b.word ? -1 : 1)).slice(0, 8);
    return top.map(({ alike, logCount, ...c }) => {
      // A name in lowercase and a contraction cost what they cost; other words, their finger slips.
      if (model !== FINGER_SLIPS && !c.proper && !/'/.test(c.word)) {
        c.slip = typoCost(lower, c.word.toLowerCase(), FINGER_SLIPS);
        c.slipScore = scoreOf(c.slip, alike, logCount);
      }
      return c;
    });
  }

  /**
   * Offers every candidate correction up to `max` edits away with its weighted edits and log count; a word may
   * be offered more than once. With `firstLetters`, only the dictionary forms that start with one of them
   * (in either case) are among them, one edit away.
   */
  private candidates(word: string, lower: string, max: number, model: ErrorModel, offer: (display: string, cost: number, logCount: number, proper: boolean) => void, firstLetters?: string[]): void {
    const capitalized = /^\p{Lu}/u.test(word);
    // A contraction typed without its apostrophe ("didnt", "doesnt"); never a possessive ('s).
    for (let i = 1; i < lower.length; i++) {
      const withApostrophe = lower.slice(0, i) + "'" + lower.slice(i);
      if (/'(t|ll|re|ve|d|m)$/.test(withApostrophe) && this.check(withApostrophe)) offer(withApostrophe, 0.3, 8, false);
    }
    const forms = this.speller.forms;
    const lexicon = this.lexicon;
    const logCountAt = (k: number): number => (lexicon ? lexicon.logCount(k) : 0);
    if (forms) {
      // Two edits only among words that start as the typed word does (or with its second letter, swapped
      // first): a first letter wrong costs most of two edits already (typos.ts), and the whole list two edits
      // deep is slow to walk.
      const visit = (k: number): void => {
        const form = forms.at(k);
        if (/['’]/.test(form)) return; // never a possessive ("incubation's" for "incubations")
        const formLower = form.toLowerCase();
        if (form !== formLower) {
          // A name is only a fix for its own letters in lowercase ("christmas"): another name is no fix for a
          // word, nor for a name (Jonsson, Johnson).
          if (formLower === lower && !capitalized) offer(form, CASE_ONLY_COST, logCountAt(k), true);
          return;
        }
        if (form === lower) return;
        // A form the frequency list lacks (fuzzing) is as common as its stem allows, not unheard of.
        const count = logCountAt(k) || (model === FINGER_SLIPS || !lexicon ? 0 : this.derivedLogCount(form, INFLECTION) ?? 0);
        offer(form, typoCost(lower, form, model), count, false);
      };
      // A capitalized word is offered forms in lowercase only (see visit): the forms that start with a capital
      // (A–Z, sorted before the lowercase ones) are not walked for it.
      const [capitalsFrom, capitalsTo] = capitalized ? [forms.prefixRange('A')[0], forms.prefixRange('Z')[1]] : [0, 0];
      const walk = (edits: number, [from, to]: [number, number]): void => {
        if (from < capitalsFrom) forms.near(lower, edits, visit, from, Math.min(to, capitalsFrom));
        if (to > capitalsTo) forms.near(lower, edits, visit, Math.max(from, capitalsTo), to);
      };
      if (firstLetters) {
        for (const start of new Set(firstLetters)) {
          for (const letter of [start, start.toUpperCase()]) walk(1, forms.prefixRange(letter));
        }
      } else walk(1, [0, forms.size]);
      // (Forms with capitals are offered only for the word's own letters, found one edit deep already: two
      // edits deep, the forms that start with a capital are not walked.)
      if (max > 1) for (const start of new Set([lower[0], lower[1]])) walk(max, forms.prefixRange(start));
    } else {
      this.oneEditAway(lower, model, offer);
    }
    if (lexicon) {
      lexicon.terms.near(lower, max, (k) => {
        const term = lexicon.terms.at(k);
        if (term !== lower) offer(term, typoCost(lower, term, model), JARGON_LOG_COUNT, false);
      });
      // Derivations of a known stem (activations) are fixes too, as common as the stem allows: only those that
      // start with the typed word's first letter (a slip there is rare, and the walk is slow), and not among
      // finger slips (as names/ had them).
      if (model !== FINGER_SLIPS) {
        const derived = lexicon.stemmedWords(lower[0]);
        derived.near(lower, max, (k) => {
          const form = derived.at(k);
          if (form !== lower) offer(form, typoCost(lower, form, model), this.derivedLogCount(form) ?? 0, false);
        });
      }
    }
    this.vocabularyWords.near(lower, max, (k) => {
      const key = this.vocabularyWords.at(k);
      const display = this.vocabulary.get(key)!;
      const at = forms && lexicon ? forms.indexOf(key) : -1;
      if (key !== lower) offer(display, typoCost(lower, key, model), Math.max(VOCABULARY_LOG_COUNT, at >= 0 ? logCountAt(at) : 0), false);
    });
  }

  /** How a lowercase dictionary form is written: itself, capitalized (a name), all capitals, or undefined. */
  private displayForm(lower: string): string | undefined {
    if (this.check(lower)) return lower;
    const capital = capitalize(lower);
    if (this.check(capital)) return capital;
    const upper = lower.toUpperCase();
    return this.check(upper) ? upper : undefined;
  }

  /** Without a lexicon: the dictionary words one edit away (keeping the first letter), by lookup. */
  private oneEditAway(lower: string, model: ErrorModel, offer: (display: string, cost: number, logCount: number, proper: boolean) => void): void {
    const consider = (candidate: string): void => {
      if (candidate.length < 2 || !this.speller.hasLowercaseForm(candidate)) return;
      const display = this.displayForm(candidate);
      if (display === candidate) offer(candidate, typoCost(lower, candidate, model), 0, false);
    };
    if (this.check(capitalize(lower))) offer(capitalize(lower), CASE_ONLY_COST, 0, true);
    for (let i = 1; i < lower.length - 1; i++) consider(lower.slice(0, i) + lower[i + 1] + lower[i] + lower.slice(i + 2));
    for (let i = 1; i <= lower.length; i++) for (const c of LETTERS) consider(lower.slice(0, i) + c + lower.slice(i));
    for (let i = 1; i < lower.length; i++) consider(lower.slice(0, i) + lower.slice(i + 1));
    for (let i = 1; i < lower.length; i++) for (const c of LETTERS) if (c !== lower[i]) consider(lower.slice(0, i) + c + lower.slice(i + 1));
  }
}

/** How a candidate would replace a typed word: capitalized like it, unless it has capitals of its own. */
function shownAs(display: string, capitalized: boolean): string {
  return capitalized && display === display.toLowerCase() ? capitalize(display) : display;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function toBuffer(data: Uint8Array | string): Buffer {
  return typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
}
