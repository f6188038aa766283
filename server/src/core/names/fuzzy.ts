// Names misspelled or misheard: one word close to a name in letters or sound ("Promethus", "Sillium"), and
// words heard apart ("Cube Virt"). Guarded so that English words, acronyms, compounds, plurals and people are
// not "corrected" into a project.
import { nameKey, type NameEntry, type Near } from './catalog.ts';
import { allowedEdits, editDistance } from './distance.ts';
import { soundDistance, soundKeys } from './phonetic.ts';
import { partOfPersonName } from './people.ts';
import { typoCost } from '../english/typos.ts';
import { finding, joinable, surface, type MatchContext } from './segment.ts';
import type { Token } from '../markdown/tokens.ts';
import type { CheckCode, Finding } from '../types.ts';

/** A name candidate for a misspelled word, with the evidence that ranks it. */
interface Candidate {
  entry: NameEntry;
  score: number;
  edits: number;
  sound: number;
}

/** A name heard as separate words ("Cube Virt" for KubeVirt): the joined words sound like the name. */
export function matchSpacedPhrase(tokens: Token[], i: number, ctx: MatchContext, out: Finding[]): number {
  for (let n = 3; n >= 2; n--) {
    if (!joinable(tokens, i, n)) continue;
    let plainWords = true;
    for (let k = i; k < i + n; k++) {
      const t = tokens[k];
      if (t.hasDigit || t.shape === 'lower' || t.shape === 'upper') plainWords = false;
    }
    if (!plainWords) continue;
    const key = nameKey(surface(tokens, i, n));
    if (key.length < 6) continue;
    let found: Candidate | undefined;
    for (const catalog of [ctx.learned, ctx.catalog]) {
      for (const near of catalog.near(key, 2)) {
        if (near.edits > 2 || near.sound !== 0 || Math.abs(near.entry.key.length - key.length) > 2) continue;
        if ((near.entry.reach ?? 'sound') !== 'sound') continue;
        const score = 1 - near.edits / key.length + near.entry.weight * 0.3;
        if (!found || score > found.score) found = { entry: near.entry, score, edits: near.edits, sound: near.sound };
      }
    }
    if (found) {
      const code: CheckCode = found.entry.kind === 'learned' ? 'learned' : 'misheard';
      out.push(finding(code, tokens[i].start, tokens[i + n - 1].end, surface(tokens, i, n), [found.entry.canonical], true, found.entry));
      return n;
    }
  }
  return 0;
}

/**
 * One word of a name of several mistyped, the others written right ("AWS Lamdba", "Tekotn Chains"): the words
 * around it are the evidence, so names a lone word would never be matched to (an everyday word's, a
 * company's) count too. Only the mistyped word is reported, with the name's word as its fix.
 */
export function matchSlipInPhrase(tokens: Token[], i: number, ctx: MatchContext, out: Finding[]): boolean {
  const t = tokens[i];
  if (t.hasDigit || t.shape === 'upper' || t.shape === 'other' || t.text !== t.base) return false;
  const typed = t.base.toLowerCase();
  if (typed.length < 4 || ctx.words.isWord(t.base) || ctx.words.isVocabulary(t.base)) return false;
  const fixes = new Map<string, NameEntry>();
  for (let k = 1; k <= 3; k++) {
    if (i - k >= 0 && joinable(tokens, i - k, k + 1)) {
      for (const entry of ctx.catalog.phrasesWithout('last', nameKey(surface(tokens, i - k, k)))) slipOf(entry, k + 1, 'last', typed, fixes);
    }
    if (joinable(tokens, i, k + 1)) {
      for (const entry of ctx.catalog.phrasesWithout('first', nameKey(surface(tokens, i + 1, k)))) slipOf(entry, k + 1, 'first', typed, fixes);
    }
  }
  if (!fixes.size) return false;
  const words = [...fixes.keys()];
  out.push(finding('typo', t.start, t.end, t.base, words.slice(0, 3), words.length === 1, fixes.get(words[0])));
  return true;
}

/** Adds the name's word in the `dropped` place when the typed word is one slip from it. */
function slipOf(entry: NameEntry, count: number, dropped: 'first' | 'last', typed: string, fixes: Map<string, NameEntry>): void {
  const words = entry.canonical.split(' ');
  if (words.length !== count) return;
  const word = dropped === 'last' ? words[count - 1] : words[0];
  const lower = word.toLowerCase();
  if (lower.length < 4 || lower === typed || editDistance(typed, lower, 1) > 1) return;
  // Four letters with one changed are too often another word ("Lens"/"Lent"): swapped letters only.
  if (lower.length < 5 && !sameLetters(typed, lower)) return;
  if (!fixes.has(word)) fixes.set(word, entry);
}

/**
 * One word that is close to a name in letters or sound. Guarded so that English words, acronyms and
 * unknown proper nouns (a company, a person) are not "corrected" into a project.
 */
export function matchFuzzyWord(tokens: Token[], i: number, ctx: MatchContext, out: Finding[]): boolean {
  const t = tokens[i];
  if (t.hasDigit || t.shape === 'upper' || t.shape === 'other') return false;
  const key = nameKey(t.base);
  if (key.length < 4 || key.length > 40) return false;
  const lower = t.shape === 'lower';
  const english = ctx.words.isWord(t.base);
  if (lower && english) return false;
  if (ctx.words.isVocabulary(t.base)) return false;
  // A capitalized dictionary word: only a name that shares its sound and most of its letters (Promethium).
  const strict = english;
  // Part of a person's name ("Chuck Yeager", "Liam Hughes", "Maya Okafor"): somebody's name, not a project.
  const personal = !lower && partOfPersonName(tokens, i, ctx);
  const parts = t.shape === 'mixed' ? camelParts(t.base) : undefined;
  // A lowercase word with hyphens is an identifier (a package, a flag): not a slip of a name.
  if (lower && t.base.includes('-')) return false;
  const capitals = capitalCount(t.base);
  const candidates: Candidate[] = [];
  for (const catalog of [ctx.learned, ctx.catalog]) {
    for (const near of catalog.near(key, fuzzyReach(key.length))) {
      const entry = near.entry;
      if (lower && entry.everyday) continue;
      // A word the file repeats capitalized says nothing of a lowercase word near it ("aspell" by "CSpell").
      if (lower && entry.kind === 'learned' && entry.label === 'word') continue;
      if (personal && entry.kind !== 'learned') continue;
      // An acronym (NATS, OPA) mistyped stays in capitals; "Naks" or "NaaS" is another name. One said as a
      // word is heard as one ("Spiffy" for SPIFFE): same sound, a few letters off.
      if (isAcronym(entry.canonical) && !(near.sound === 0 && near.edits <= 2 && key.length >= 5)) continue;
      // The plural of a name ("Blackholes", "Lambdas") is not a slip of it.
      if (key === entry.key + 's' || key === entry.key + 'es') continue;
      // A compound built on a name ("DockerSlab", "OpenWhisper") is another product, not a slip of one.
      if (parts && entry.kind !== 'learned' && !compoundClose(parts, entry.canonical)) continue;
      // Capitals placed otherwise make another word ("ReDoS" is no Redis): a slip keeps the name's shape.
      if (capitals >= 2 && entry.kind !== 'learned' && capitalCount(entry.canonical) !== capitals) continue;
      // One word is no slip of a whole name of several ("Blackholes" for a heading's "Blackhole Case").
      if (entry.kind === 'learned' && entry.canonical.includes(' ')) continue;
      const c = scoreCandidate(key, near, lower, strict);
      if (c) candidates.push(c);
    }
  }
  if (!candidates.length) return false;
  candidates.sort((a, b) => b.score - a.score);
  const top = candidates[0];
  // A lowercase word that is a slip of an English word is that word, unless a name is closer ("plaftorms").
  if (lower && top.edits >= 2 && ctx.words.suggest(t.base).length) return false;
  const distinct = candidates.filter((c, k) => candidates.findIndex((d) => d.entry.canonical === c.entry.canonical) === k);
  const preferred = distinct.length === 1 || top.score - distinct[1].score >= 0.12;
  const fixes = preferred ? [top.entry.canonical] : distinct.slice(0, 3).map((c) => c.entry.canonical);
  const code: CheckCode = top.entry.kind === 'learned' ? 'learned' : top.edits <= allowedEdits(key.length) ? 'typo' : 'misheard';
  out.push(finding(code, t.start, t.end, t.base, fixes, preferred, top.entry));
  return true;
}

/** Written in capitals only (NATS, OPA, TUF): letters, at least two, none lowercase. */
function isAcronym(name: string): boolean {
  return name.length >= 2 && /^[\p{Lu}\p{N}]+$/u.test(name) && /\p{Lu}.*\p{Lu}/u.test(name);
}

/** The capitalized parts of a CamelCase word ("DockerSlab" -> docker, slab). */
export function camelParts(word: string): string[] {
  return (word.match(/\p{Lu}+(?![\p{Ll}])|\p{Lu}?[\p{Ll}\p{N}]+/gu) ?? [word]).map((p) => p.toLowerCase());
}

/**
 * Whether a CamelCase word could be a slip of a name part by part: every part of the word is a typo away from
 * the name's part in the same place. A name of a different shape is judged on the whole word.
 */
function compoundClose(parts: string[], name: string): boolean {
  const theirs = /\s/.test(name) ? name.split(/\s+/).map((p) => p.toLowerCase()) : camelParts(name);
  if (parts.length < 2 || theirs.length !== parts.length) return true;
  return parts.every((p, k) => p === theirs[k] || editDistance(p, theirs[k], 3) <= Math.max(1, allowedEdits(Math.max(p.length, theirs[k].length))) || soundDistance(soundKeys(p), soundKeys(theirs[k])) === 0);
}

/**
 * The most edits scoreCandidate accepts for a key of this length (a name's key is at most three letters
 * longer): neighbours further away need not be looked for.
 */
export function fuzzyReach(length: number): number {
  const longest = length + 3;
  return Math.min(4, Math.max(allowedEdits(longest), Math.floor(longest * 0.4), Math.ceil(longest * 0.34)));
}

function scoreCandidate(key: string, near: Near, lower: boolean, strict: boolean): Candidate | null {
  const { entry, edits, sound, prefix } = near;
  const length = Math.max(key.length, entry.key.length);
  let ok: boolean;
  if (entry.reach === 'typo') {
    // One slip, in a name long enough or by swapped letters ("Synk"): thousands of such names make any
    // looser match a guess.
    ok = !strict && !lower && edits === 1 && (length >= 6 || sameLetters(key, entry.key));
  } else if (strict) {
    ok = entry.weight >= 0.9 && ((sound === 0 && edits <= 1 && prefix >= 4) || (sound <= 1 && edits <= 2 && prefix >= 6));
  } else if (lower) {
    ok = edits <= allowedEdits(length) && (sound <= 1 || prefix >= 3);
  } else {
    const sameStart = key[0] === entry.key[0] || sound <= 1;
    // Beyond a typo's few letters, only well-known names (or the file's own) are worth guessing by sound.
    const known = entry.weight >= 0.9;
    ok =
      // Two letters or more off: only as a typist slips (typos.ts), else an unknown name ("Contoso") would
      // become a project.
      (edits <= allowedEdits(length) && (edits === 1 || (sameStart && (entry.kind === 'learned' || typoCost(key, entry.key) <= SLIP_COST)))) ||
      (known &&
      (sound === 0 && edits <= Math.floor(length * 0.4) && sameStart) ||
      (sound === 1 && edits <= Math.ceil(length * 0.34) && key[0] === entry.key[0] && (edits === 1 || entry.kind === 'learned' || typoCost(key, entry.key) <= SLIP_COST)));
  }
  if (!ok) return null;
  const score = 1 - edits / length + (sound === 0 ? 0.35 : sound === 1 ? 0.2 : 0) + entry.weight * 0.3 + (prefix >= 3 ? 0.1 : 0);
  return { entry, score, edits, sound };
}

function capitalCount(word: string): number {
  let count = 0;
  for (const c of word) if (c !== c.toLowerCase()) count++;
  return count;
}

/** Weighted edits (typos.ts) that a slip of two letters may cost: two cheap slips, not two arbitrary letters. */
const SLIP_COST = 1.3;

function sameLetters(a: string, b: string): boolean {
  return a.length === b.length && [...a].sort().join('') === [...b].sort().join('');
}
