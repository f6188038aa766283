// Finds wrong names and English typos in one prose segment. Longest word sequences are tried first, and a
// sequence that is a known name (right or wrong) consumes its words so nothing is reported twice.
import { Catalog, describeKind, nameKey, type NameEntry, type Near } from './catalog.ts';
import { allowedEdits, editDistance } from './distance.ts';
import type { WordList } from '../english/english.ts';
import { soundDistance, soundKeys } from './phonetic.ts';
import { matchEnglish } from '../english/spelling.ts';
import { tokenize, type Token } from '../markdown/tokens.ts';
import type { CheckCode, Finding } from '../types.ts';

export interface MatchContext {
  catalog: Catalog;
  /** Names learned from this document and the workspace dictionary. */
  learned: Catalog;
  words: WordList;
  /** Lowercase words the user told us to leave alone. */
  ignored: Set<string>;
}

const MAX_WORDS = 4;
/** Words after which a lowercase word is a command as typed in a shell. */
const COMMAND_VERBS = new Set(['run', 'runs', 'ran', 'running', 'type', 'types', 'typed', 'typing', 'execute', 'executes', 'executed', 'invoke', 'invokes', 'invoked']);
const SINGULAR_DETERMINERS = new Set(['a', 'an', 'one', 'each', 'every', 'this', 'that', 'another', 'single', 'any']);

/** A name candidate for a misspelled word, with the evidence that ranks it. */
interface Candidate {
  entry: NameEntry;
  score: number;
  edits: number;
  sound: number;
}

/** A name written correctly (or as an accepted form): what references and highlighting need. */
export interface Mention {
  start: number;
  end: number;
  /** Canonical name of the catalog entry. */
  name: string;
  kind: NameEntry['kind'];
}

export interface SegmentResult {
  findings: Finding[];
  /** Names written right; wrong ones are the findings with a subject. */
  mentions: Mention[];
}

// Collected while one segment is matched (matching is synchronous, so one sink suffices).
let mentionSink: Mention[] = [];
// The name keys of the tokens of the segment being matched (a phrase's key joins its words' keys).
let tokenKeys: string[] = [];

function mention(entry: NameEntry, start: number, end: number): void {
  if (entry.kind !== 'learned') mentionSink.push({ start, end, name: entry.canonical, kind: entry.kind });
}

export function matchSegment(text: string, offset: number, ctx: MatchContext): SegmentResult {
  const tokens = tokenize(text);
  const findings: Finding[] = [];
  const mentions: Mention[] = [];
  mentionSink = mentions;
  const keys: string[] = new Array(tokens.length);
  for (let k = 0; k < tokens.length; k++) keys[k] = nameKey(tokens[k].base);
  tokenKeys = keys;
  let i = 0;
  while (i < tokens.length) {
    const consumed = matchAt(tokens, i, ctx, findings);
    i += Math.max(1, consumed);
  }
  if (offset) {
    for (const f of findings) shift(f, offset);
    for (const m of mentions) shift(m, offset);
  }
  return { findings, mentions };
}

function shift(span: { start: number; end: number }, offset: number): void {
  span.start += offset;
  span.end += offset;
}

/** Tokens i..i+n-1 written as one phrase (single spaces between them). */
export function joinable(tokens: Token[], i: number, n: number): boolean {
  if (i + n > tokens.length) return false;
  for (let k = i + 1; k < i + n; k++) {
    if (tokens[k].gap !== ' ') return false;
    if (tokens[k - 1].text !== tokens[k - 1].base) return false; // a possessive ends the phrase
    if (tokens[k].dotted || tokens[k - 1].dotted) return false;
  }
  return true;
}

export function surface(tokens: Token[], i: number, n: number): string {
  let text = tokens[i].base;
  for (let k = i + 1; k < i + n; k++) text += tokens[k].gap + tokens[k].base;
  return text;
}

/** Names with this key, learned ones first (no copy when only one catalog has any). */
function lookupBoth(ctx: MatchContext, key: string): NameEntry[] {
  const learned = ctx.learned.lookupKey(key);
  const known = ctx.catalog.lookupKey(key);
  if (!learned.length) return known;
  return known.length ? learned.concat(known) : learned;
}

/** Whether some name's key starts with this one. */
function startsName(ctx: MatchContext, key: string): boolean {
  return ctx.catalog.startsKey(key) || ctx.learned.startsKey(key);
}

function shorterName(tokens: Token[], i: number, n: number, ctx: MatchContext): { n: number; written: string; entries: NameEntry[] } | undefined {
  for (let k = n - 1; k >= 1; k--) {
    if (tokens[i + k].shape !== 'lower') return undefined;
    const written = surface(tokens, i, k);
    const entries = lookupBoth(ctx, nameKey(written));
    if (entries.length && !entries.some((e) => e.canonical === written || e.aliases.includes(written))) return { n: k, written, entries };
  }
  return undefined;
}

function matchAt(tokens: Token[], i: number, ctx: MatchContext, out: Finding[]): number {
  const token = tokens[i];
  if (ctx.ignored.has(token.base.toLowerCase())) return 1;
  if (token.base.includes('_')) return 1;
  if (token.dotted) return matchDomain(token, ctx, out);

  // The longest phrase from here whose key could still begin a name (a phrase is joinable only if its
  // shorter phrases are): longer ones need no lookup. Ignored phrases must be seen whatever they spell.
  const keys = tokenKeys;
  let longest = 0;
  let run = '';
  for (let n = 1; n <= MAX_WORDS && joinable(tokens, i, n); n++) {
    run += keys[i + n - 1];
    if (!ctx.ignored.size && !startsName(ctx, run)) break;
    longest = n;
  }
  if (keys[i].length < 2) longest = Math.max(longest, 1);
  for (let n = longest; n >= 1; n--) {
    const written = surface(tokens, i, n);
    if (n > 1 && ctx.ignored.has(written.toLowerCase())) return n;
    let key = keys[i];
    for (let k = i + 1; k < i + n; k++) key += keys[k];
    if (n === 1 && key.length < 2) {
      matchLowercaseI(tokens, i, out);
      return 1;
    }
    const entries = lookupBoth(ctx, key);
    if (!entries.length) continue;
    // "Open Telemetry collector": a slip in a shorter name followed by ordinary words is about the shorter
    // name; the longer one (OpenTelemetry Collector) would also rewrite words that were fine.
    if (n > 1 && !entries.some((e) => e.canonical === written || e.aliases.includes(written))) {
      const shorter = shorterName(tokens, i, n, ctx);
      if (shorter) return exactKey(tokens, i, shorter.n, shorter.written, shorter.entries, ctx, out);
    }
    return exactKey(tokens, i, n, written, entries, ctx, out);
  }

  if (builtOnName(token, ctx)) return 1;
  if (matchSwappedAcronym(token, ctx, out)) return 1;
  const person = matchPerson(tokens, i, ctx, out) || matchLowercasePerson(tokens, i, ctx, out);
  if (person) return person;
  const plural = matchSingular(tokens, i, ctx, out);
  if (plural) return plural;
  const truncated = matchTruncated(tokens, i, ctx, out);
  if (truncated) return truncated;
  const phrase = matchSpacedPhrase(tokens, i, ctx, out);
  if (phrase) return phrase;
  if (matchFuzzyWord(tokens, i, ctx, out)) return 1;
  // A surname is not an English typo ("Eric Smalling", "Snow Petterson").
  if (token.shape !== 'lower' && partOfPersonName(tokens, i, ctx)) return 1;
  matchEnglish(token, ctx, out);
  return 1;
}

/** An acronym with two letters swapped ("CNFC" for CNCF), when the written one is no word or name itself. */
function matchSwappedAcronym(t: Token, ctx: MatchContext, out: Finding[]): boolean {
  // Three letters in another order are too often another acronym (CKD, KCD).
  if (t.shape !== 'upper' || t.hasDigit || t.base.length < 4 || ctx.words.isWord(t.base)) return false;
  const swapped = ctx.catalog.acronymsSwapped(t.base);
  if (swapped.length !== 1) return false;
  out.push(finding('typo', t.start, t.end, t.base, [swapped[0].form], true, swapped[0].entry));
  return true;
}

/** The pronoun typed in lowercase between two words ("as i know it"); list markers (i.) and i/o are not it. */
function matchLowercaseI(tokens: Token[], i: number, out: Finding[]): void {
  const t = tokens[i];
  const next = tokens[i + 1];
  if (t.text !== 'i' || i === 0 || t.gap !== ' ' || next?.gap !== ' ') return;
  out.push({ code: 'spelling', start: t.start, end: t.end, wrong: 'i', fixes: ['I'], preferred: true, message: "'i' → I" });
}

/** A hyphenated word that starts with a name written right and goes on in plain lowercase ("PromQL-ish"). */
function builtOnName(t: Token, ctx: MatchContext): boolean {
  if (!t.base.includes('-')) return false;
  const parts = t.base.split('-');
  if (parts.length < 2) return false;
  for (let k = parts.length - 1; k >= 1; k--) {
    if (!parts.slice(k).every((p) => p === p.toLowerCase())) return false;
    const head = parts.slice(0, k).join('-');
    const entries = [...ctx.learned.lookup(head), ...ctx.catalog.lookup(head)];
    if (entries.some((e) => e.canonical === head || e.aliases.includes(head) || e.shortForms.includes(head))) return true;
  }
  return false;
}

function finding(code: CheckCode, start: number, end: number, wrong: string, fixes: string[], preferred: boolean, entry?: NameEntry): Finding {
  const fix = fixes[0];
  const about = entry ? ` (${describeKind(entry)})` : '';
  const message =
    code === 'short-form'
      ? `'${wrong}' is short for ${fix}${about}`
      : fixes.length > 1 && !preferred
        ? `'${wrong}' may be ${fixes.join(', ')}`
        : `'${wrong}' → ${fix}${about}`;
  return { code, start, end, wrong, fixes, preferred, message, subject: entry?.canonical };
}

function best(entries: NameEntry[]): NameEntry {
  return entries.reduce((a, b) => (b.weight > a.weight ? b : a));
}

/** A phrase whose letters spell a known name: right as written, an accepted form, or a casing/spacing slip. */
function exactKey(tokens: Token[], i: number, n: number, written: string, entries: NameEntry[], ctx: MatchContext, out: Finding[]): number {
  const first = tokens[i];
  const last = tokens[i + n - 1];
  for (const e of entries) {
    if (e.canonical === written || e.aliases.includes(written)) {
      mention(e, first.start, last.end);
      return n;
    }
  }
  for (const e of entries) {
    if (e.shortForms.includes(written)) {
      mention(e, first.start, last.end);
      out.push(finding('short-form', first.start, last.end, written, [e.canonical], false, e));
      return n;
    }
  }
  const entry = best(entries);
  const words = tokens.slice(i, i + n);
  const allLower = words.every((t) => t.shape === 'lower');
  if (entry.reach && entry.reach !== 'sound' && !builtNameSlip(words, entry, allLower, ctx)) {
    mention(entry, first.start, last.end);
    return n;
  }
  // Everyday English ("at the helm", "jet stream", "state of flux"), unless the next word shows the name
  // is meant ("azure container", "helm chart").
  // Languages, formats and protocols are routinely written in lowercase (yaml, rego, python).
  if (allLower && entry.label === 'technology') return n;
  // A command quoted in a sentence ("then run conftest test", "typed kubectl get pods"): written as typed.
  if (allLower && i > 0 && first.gap === ' ' && COMMAND_VERBS.has(tokens[i - 1].text)) return n;
  // A word the file only uses capitalized (in headings, say) may be plain lowercase elsewhere.
  if (allLower && entry.kind === 'learned' && entry.label === 'word') return n;
  const next = tokens[i + n];
  // An organization in lowercase before a slash is a repository path ("acme/widget").
  if (allLower && entry.label === 'company' && next?.gap === '/') return n;
  if (allLower && (entry.everyday || words.every((t) => ctx.words.isWord(t.base))) && !lowercaseNameMeant(tokens, i, n, entry, ctx)) return n;
  // A lowercase-styled name opening a sentence ("Etcd release ...").
  if (first.sentenceStart && entry.canonical === entry.canonical.toLowerCase() && written === capitalize(entry.canonical)) {
    mention(entry, first.start, last.end);
    return n;
  }
  // The plural of an acronym that happens to spell a name ("double NATs").
  if (n === 1 && /^\p{Lu}{2,}s$/u.test(written)) return n;
  // Two-letter names (ko) are too ambiguous to correct from casing alone.
  if (entry.key.length <= 2) return n;
  // A capitalized everyday word opening a sentence may just be the word ("Flux of users ...").
  if (n === 1 && first.sentenceStart && entry.everyday && first.shape === 'capitalized') return n;

  if (entry.shortForms.some((s) => nameKey(s) === nameKey(written))) {
    mention(entry, first.start, last.end);
    out.push(finding('short-form', first.start, last.end, written, [entry.canonical], false, entry));
    return n;
  }
  const alias = entry.aliases.find((a) => nameKey(a) === nameKey(written));
  const fix = alias ?? entry.canonical;
  const sameSpacing = written.replace(/[\s\-.]/g, '').length === written.length - (fix.length - fix.replace(/[\s\-.]/g, '').length) && written.toLowerCase() === fix.toLowerCase();
  const code: CheckCode = entry.kind === 'learned' ? 'learned' : sameSpacing ? 'casing' : 'spacing';
  out.push(finding(code, first.start, last.end, written, [fix], true, entry));
  return n;
}

/**
 * Whether a word spelling one of the landscape's thousands of names (not a curated one) is a slip worth a
 * warning: one word, not English, not an acronym, and the name has a styling of its own ("Ebay" for eBay).
 * Phrases ("Do It", "No code"), lowercase tool names and lowercase company names are let go.
 */
function builtNameSlip(words: Token[], entry: NameEntry, allLower: boolean, ctx: MatchContext): boolean {
  if (words.length !== 1) return false;
  const t = words[0];
  if (t.shape === 'upper' || (ctx.words.isWord(t.base) && !(allLower && rareWord(t.base, ctx)))) return false;
  if (entry.canonical === entry.canonical.toLowerCase()) return false;
  if (allLower && entry.label === 'company') return false;
  return true;
}

/**
 * Whether lowercase words that spell a name but are also English mean the name: the next word shows it
 * ("helm chart", "envoy proxy"), a slash pairs it with another name ("argo/flux"), a well-known project's
 * one-word name is typed as several ("open telemetry"), or three words or more spell it ("open policy agent").
 */
function lowercaseNameMeant(tokens: Token[], i: number, n: number, entry: NameEntry, ctx: MatchContext): boolean {
  if (entry.label === 'company') return false;
  if (n === 1 && rareWord(tokens[i].base, ctx)) return true;
  // Two English words that spell a joined name may be the plain phrase ("jet stream"): only the best-known
  // projects (graduated, incubating) are taken as meant.
  if (n > 1) return !entry.everyday && (n >= 3 || (entry.kind === 'cncf' && entry.weight >= 0.9 && !/[\s-]/.test(entry.canonical)));
  const next = tokens[i + n];
  if (next?.gap === ' ' && ctx.catalog.contextWords.has(next.base.toLowerCase())) return true;
  const before = tokens[i - 1];
  return (next?.gap === '/' && isOtherName(next, entry, ctx)) || (before !== undefined && tokens[i].gap === '/' && isOtherName(before, entry, ctx));
}

/**
 * An English word so rare in everyday speech (six uses or fewer in the 51 million words of the frequency
 * list: "docker", "cartographer") that in notes it is the name. A word the list lacks says nothing.
 */
function rareWord(word: string, ctx: MatchContext): boolean {
  const commonness = ctx.words.commonness(word);
  return commonness !== undefined && commonness > 0 && commonness < RARE_LOG_COUNT;
}

const RARE_LOG_COUNT = Math.log(7);

function isOtherName(t: Token, entry: NameEntry, ctx: MatchContext): boolean {
  return lookupBoth(ctx, nameKey(t.base)).some((e) => e !== entry && e.kind !== 'learned');
}

/** A domain written as a name ("Dapr.io" for Dapr). Other dotted words are identifiers or versions. */
function matchDomain(token: Token, ctx: MatchContext, out: Finding[]): number {
  const m = /^([\p{L}\p{N}-]+)\.(io|dev|sh|org|com|net|cloud|ai|app|tech)$/iu.exec(token.base);
  // "github.com" in lowercase is a web address; "Dapr.io" with a capital is the name written as a domain.
  if (!m || m[1] === m[1].toLowerCase()) return 1;
  const entries = [...ctx.learned.lookup(m[1]), ...ctx.catalog.lookup(m[1])].filter((e) => e.kind !== 'person');
  if (!entries.length) return 1;
  const entry = best(entries);
  out.push(finding('domain', token.start, token.end, token.base, [entry.canonical], true, entry));
  return 1;
}

function isNameLike(t: Token): boolean {
  return (t.shape === 'capitalized' || t.shape === 'mixed') && !t.hasDigit && !t.dotted;
}

/**
 * People: a known first name followed by a surname that is close to that person's ("Derek Collision"), or a
 * known surname after a first name that is close ("Lizz Rice"). Only the wrong half is replaced.
 */
function matchPerson(tokens: Token[], i: number, ctx: MatchContext, out: Finding[]): number {
  if (!joinable(tokens, i, 2)) return 0;
  const a = tokens[i];
  const b = tokens[i + 1];
  if (!isNameLike(a) || !isNameLike(b)) return 0;
  for (const catalog of [ctx.learned, ctx.catalog]) {
    for (const person of catalog.firstNames.get(a.base.toLowerCase()) ?? []) {
      const parts = person.canonical.split(' ');
      const surname = parts[parts.length - 1];
      if (surname === b.base) {
        mention(person, a.start, b.end);
        return 2;
      }
      // Of the thousands of maintainers, only a clear slip of an unusual surname: "Smith" is somebody else.
      const curated = person.weight >= 0.8;
      if (!curated && (ctx.words.isWord(b.base) || editDistance(b.base.toLowerCase(), surname.toLowerCase(), 2) > 1)) continue;
      if (namesClose(b.base, surname)) {
        out.push(finding(catalog === ctx.learned ? 'learned' : 'person', b.start, b.end, b.base, [surname], true, person));
        return 2;
      }
    }
    for (const person of catalog.lastNames.get(b.base.toLowerCase()) ?? []) {
      // Given names have many right spellings (Jon, John): only curated people's are corrected.
      if (person.weight < 0.8) continue;
      const given = person.canonical.split(' ')[0];
      if (given === a.base) {
        mention(person, a.start, b.end);
        return 2;
      }
      if (namesClose(a.base, given)) {
        out.push(finding(catalog === ctx.learned ? 'learned' : 'person', a.start, a.end, a.base, [given], true, person));
        return 2;
      }
    }
  }
  return 0;
}

/**
 * A person's name typed (partly) in lowercase: a given name followed by a word that is neither English nor
 * a name ("Matthew skelton", "jimmy cuadra"). The lowercase parts get their capital.
 */
function matchLowercasePerson(tokens: Token[], i: number, ctx: MatchContext, out: Finding[]): number {
  if (!joinable(tokens, i, 2)) return 0;
  const a = tokens[i];
  const b = tokens[i + 1];
  if (b.shape !== 'lower' || b.base.length < 4 || b.hasDigit || b.dotted || b.base.includes('-')) return 0;
  if ((a.shape !== 'lower' && a.shape !== 'capitalized') || a.hasDigit || a.dotted || !ctx.catalog.givenNames.has(a.base.toLowerCase())) return 0;
  if (ctx.words.isWord(b.base) || ctx.words.isVocabulary(b.base) || lookupBoth(ctx, nameKey(b.base)).length || ctx.ignored.has(b.base)) return 0;
  // A lowercase given name that is also a word ("will", "grant") is most often the word.
  if (a.shape === 'lower' && ctx.words.isLowercaseWord(a.base)) return 0;
  if (a.shape === 'capitalized') {
    out.push(finding('person', b.start, b.end, b.base, [capitalize(b.base)], true));
    return 2;
  }
  const written = surface(tokens, i, 2);
  out.push(finding('person', a.start, b.end, written, [capitalize(a.base) + ' ' + capitalize(b.base)], true));
  return 2;
}

/** Two spellings of one person's name: a few letters apart, or sounding alike. */
function namesClose(written: string, name: string): boolean {
  const a = written.toLowerCase();
  const b = name.toLowerCase();
  if (a === b) return false;
  const d = editDistance(a, b, 3);
  if (d <= Math.max(1, allowedEdits(Math.max(a.length, b.length)))) return true;
  return d <= Math.ceil(b.length * 0.4) && soundDistance(soundKeys(a), soundKeys(b)) === 0;
}

/** A multi-word name cut short: all words right but the last, which is a beginning ("Open Policy A"). */
function matchTruncated(tokens: Token[], i: number, ctx: MatchContext, out: Finding[]): number {
  const starting = ctx.catalog.startingWith(tokens[i].base);
  for (let n = MAX_WORDS; n >= 3 && starting.length; n--) {
    if (!joinable(tokens, i, n)) continue;
    const tail = tokens[i + n - 1];
    if (tail.shape === 'lower' || tail.hasDigit) continue;
    const head = surface(tokens, i, n - 1).toLowerCase();
    for (const entry of starting) {
      const words = entry.canonical.split(' ');
      if (words.length < n) continue;
      if (words.slice(0, n - 1).join(' ').toLowerCase() !== head) continue;
      const next = words[n - 1];
      if (next.length > tail.base.length && next.toLowerCase().startsWith(tail.base.toLowerCase())) {
        out.push(finding('truncated', tokens[i].start, tail.end, surface(tokens, i, n), [entry.canonical], true, entry));
        return n;
      }
    }
  }
  // One word cut short: "Kubern" for Kubernetes. Only clearly unfinished proper nouns, unique among names.
  const t = tokens[i];
  if (t.shape !== 'capitalized' || t.hasDigit || t.base.length < 5 || ctx.words.isWord(t.base)) return 0;
  const key = t.base.toLowerCase();
  const matches = ctx.catalog.extending(key).filter((e) => key.length >= e.key.length * 0.5);
  if (matches.length === 1) {
    out.push(finding('truncated', t.start, t.end, t.base, [matches[0].canonical], true, matches[0]));
    return 1;
  }
  return 0;
}

/** The singular of a plural-styled name: "a CloudEvent" is right, "CloudEvent" as the project is not. */
function matchSingular(tokens: Token[], i: number, ctx: MatchContext, out: Finding[]): number {
  const t = tokens[i];
  if (t.shape === 'lower' || t.hasDigit || t.base.length < 5 || /s$/i.test(t.base)) return 0;
  const entries = ctx.catalog.lookupKey(nameKey(t.base) + 's').filter((e) => /s$/.test(e.canonical) && e.kind !== 'person');
  if (!entries.length) return 0;
  const entry = best(entries);
  const singular = entry.canonical.slice(0, -1);
  // "a CloudEvent" is singular; the "A" that ends "Open Policy A" is part of a name, not an article.
  const before = i > 0 ? tokens[i - 1] : undefined;
  const inName = before !== undefined && [...out, ...mentionSink].some((f) => f.start <= before.start && before.end <= f.end);
  const previous = before && !inName ? before.base.toLowerCase() : '';
  if (SINGULAR_DETERMINERS.has(previous)) {
    if (t.base === singular) return 1;
    out.push(finding('casing', t.start, t.end, t.base, [singular], true, entry));
    return 1;
  }
  out.push(finding('plural', t.start, t.end, t.base, [entry.canonical], true, entry));
  return 1;
}

/** A name heard as separate words ("Cube Virt" for KubeVirt): the joined words sound like the name. */
function matchSpacedPhrase(tokens: Token[], i: number, ctx: MatchContext, out: Finding[]): number {
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
 * One word that is close to a name in letters or sound. Guarded so that English words, acronyms and
 * unknown proper nouns (a company, a person) are not "corrected" into a project.
 */
function matchFuzzyWord(tokens: Token[], i: number, ctx: MatchContext, out: Finding[]): boolean {
  const t = tokens[i];
  if (t.hasDigit || t.shape === 'upper' || t.shape === 'other') return false;
  const key = tokenKeys[i];
  if (key.length < 4 || key.length > 40) return false;
  const lower = t.shape === 'lower';
  const english = ctx.words.isWord(t.base);
  if (lower && english) return false;
  if (ctx.words.isVocabulary(t.base)) return false;
  // A capitalized dictionary word: only a name that shares its sound and most of its letters (Promethium).
  const strict = english;
  // Part of a person's name ("Chuck Yeager", "Liam White", "Lita Cho"): somebody's name, not a project.
  const personal = !lower && partOfPersonName(tokens, i, ctx);
  const parts = t.shape === 'mixed' ? camelParts(t.base) : undefined;
  const candidates: Candidate[] = [];
  for (const catalog of [ctx.learned, ctx.catalog]) {
    for (const near of catalog.near(key, fuzzyReach(key.length))) {
      const entry = near.entry;
      if (lower && entry.everyday) continue;
      if (personal && entry.kind !== 'learned') continue;
      // An acronym (NATS, OPA) mistyped stays in capitals; "Nais" or "NaaS" is another name.
      if (isAcronym(entry.canonical)) continue;
      // The plural of a name ("Blackholes", "Lambdas") is not a slip of it.
      if (key === entry.key + 's' || key === entry.key + 'es') continue;
      // A compound built on a name ("DockerSlim", "OpenWhisk") is another product, not a slip of one.
      if (parts && entry.kind !== 'learned' && !compoundClose(parts, entry.canonical)) continue;
      // One word is no slip of a whole name of several ("Blackholes" for a heading's "Blackhole Case").
      if (entry.kind === 'learned' && entry.canonical.includes(' ')) continue;
      const c = scoreCandidate(key, near, lower, strict);
      if (c) candidates.push(c);
    }
  }
  if (!candidates.length) return false;
  candidates.sort((a, b) => b.score - a.score);
  const top = candidates[0];
  // A lowercase word that is a slip of an English word is that word, unless a name is closer ("paltforms").
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

/** The capitalized parts of a CamelCase word ("DockerSlim" -> docker, slim). */
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
 * Whether a capitalized word is part of a person's name: it follows a given name ("Chuck Yeager", "Eric
 * Smalling"), or it is a given name followed by another capitalized word ("Liam White", "Lita Cho").
 */
export function partOfPersonName(tokens: Token[], i: number, ctx: MatchContext): boolean {
  const t = tokens[i];
  if (!isNameLike(t)) return false;
  const before = i > 0 && t.gap === ' ' ? tokens[i - 1] : undefined;
  if (before && isNameLike(before) && isGivenName(before.base, ctx)) return true;
  const after = tokens[i + 1];
  return isGivenName(t.base, ctx) && after !== undefined && after.gap === ' ' && isNameLike(after);
}

/** A given name: in the list of first names, or a proper noun of the dictionary that is no lowercase word. */
function isGivenName(word: string, ctx: MatchContext): boolean {
  if (ctx.catalog.givenNames.has(word.toLowerCase())) return true;
  return ctx.words.isWord(word) && !ctx.words.isLowercaseWord(word);
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
      (edits <= allowedEdits(length) && (edits === 1 || sameStart)) ||
      (known &&
      (sound === 0 && edits <= Math.floor(length * 0.4) && sameStart) ||
      (sound === 1 && edits <= Math.ceil(length * 0.34) && key[0] === entry.key[0]));
  }
  if (!ok) return null;
  const score = 1 - edits / length + (sound === 0 ? 0.35 : sound === 1 ? 0.2 : 0) + entry.weight * 0.3 + (prefix >= 3 ? 0.1 : 0);
  return { entry, score, edits, sound };
}

function sameLetters(a: string, b: string): boolean {
  return a.length === b.length && [...a].sort().join('') === [...b].sort().join('');
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
