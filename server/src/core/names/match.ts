// Finds wrong names and English typos in one prose segment. Longest word sequences are tried first, and a
// sequence that is a known name (right or wrong) consumes its words so nothing is reported twice.
import { nameKey, type NameEntry } from './catalog.ts';
import { matchFuzzyWord, matchSlipInPhrase, matchSpacedPhrase } from './fuzzy.ts';
import { matchLowercasePerson, matchPerson, partOfPersonName } from './people.ts';
import { best, capitalize, collectMentionsIn, finding, joinable, lookupBoth, mention, mentionsSoFar, surface, type MatchContext, type Mention, type SegmentResult } from './segment.ts';
import { matchEnglish } from '../english/spelling.ts';
import { tokenize, type Token } from '../markdown/tokens.ts';
import type { CheckCode, Finding } from '../types.ts';

export type { MatchContext, Mention, SegmentResult } from './segment.ts';
export { joinable, surface } from './segment.ts';

const MAX_WORDS = 4;
// The name keys of the tokens of the segment being matched (a phrase's key joins its words' keys).
let tokenKeys: string[] = [];
// The text of that segment (for what the tokens leave out: handles, addresses).
let segmentText = '';
/** Words after which a lowercase word is a command as typed in a shell. */
const COMMAND_VERBS = new Set(['run', 'runs', 'ran', 'running', 'type', 'types', 'typed', 'typing', 'execute', 'executes', 'executed', 'invoke', 'invokes', 'invoked']);
/** Words after which a lowercase name is the command of that name ("the dapr CLI"). */
const COMMAND_NOUNS = new Set(['cli', 'binary', 'binaries', 'command', 'commands', 'subcommand']);
const SINGULAR_DETERMINERS = new Set(['a', 'an', 'one', 'each', 'every', 'this', 'that', 'another', 'single', 'any']);

export function matchSegment(text: string, offset: number, ctx: MatchContext): SegmentResult {
  const tokens = tokenize(text);
  const findings: Finding[] = [];
  const mentions: Mention[] = [];
  collectMentionsIn(mentions);
  const keys: string[] = new Array(tokens.length);
  for (let k = 0; k < tokens.length; k++) keys[k] = nameKey(tokens[k].base);
  tokenKeys = keys;
  segmentText = text;
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
  const person = matchPerson(tokens, i, ctx, out) || matchLowercasePerson(tokens, i, ctx, out) || matchNameBeforeHandle(token, ctx, out);
  if (person) return person;
  const plural = matchSingular(tokens, i, ctx, out);
  if (plural) return plural;
  const truncated = matchTruncated(tokens, i, ctx, out);
  if (truncated) return truncated;
  const phrase = matchSpacedPhrase(tokens, i, ctx, out);
  if (phrase) return phrase;
  if (matchSplitWord(tokens, i, ctx, out)) return 2;
  if (matchSlipInPhrase(tokens, i, ctx, out)) return 1;
  if (matchFuzzyWord(tokens, i, ctx, out)) return 1;
  // A surname is not an English typo ("Eric Stallings", "Ines Jonsson").
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

/** A given name typed in lowercase before the person's handle ("sofia @sgarcia"); not one that is also a word. */
function matchNameBeforeHandle(t: Token, ctx: MatchContext, out: Finding[]): number {
  if (t.shape !== 'lower' || t.text !== t.base || t.base.length < 3 || !ctx.catalog.givenNames.has(t.base)) return 0;
  if (!/^\s+@[\w-]/.test(segmentText.slice(t.end, t.end + 40)) || ctx.words.isLowercaseWord(t.base)) return 0;
  out.push(finding('person', t.start, t.end, t.base, [capitalize(t.base)], true));
  return 1;
}

/**
 * A word typed in two pieces ("infra structure", "obser vability"): the pieces joined are a word, and one of
 * them is no word or a rare one. Two common words that also join into one ("side cars", "micro services")
 * are left as written.
 */
function matchSplitWord(tokens: Token[], i: number, ctx: MatchContext, out: Finding[]): boolean {
  const a = tokens[i];
  const b = tokens[i + 1];
  if (!b || b.gap !== ' ' || a.shape !== 'lower' || b.shape !== 'lower' || a.text !== a.base || a.base.length < 3 || b.base.length < 3) return false;
  if (!/^[a-z]+$/.test(a.base) || !/^[a-z]+$/.test(b.base)) return false;
  if (!rarePiece(a.base, ctx) && !rarePiece(b.base, ctx)) return false;
  const joined = a.base + b.base;
  // A dictionary form or a term of the vocabulary: not a word made by a productive suffix ("interfaceslike").
  if ((ctx.words.commonness(joined) === undefined && !ctx.words.isVocabulary(joined)) || ctx.ignored.has(`${a.base} ${b.base}`)) return false;
  out.push({ code: 'spelling', start: a.start, end: b.end, wrong: `${a.base} ${b.base}`, fixes: [joined], preferred: true, message: `'${a.base} ${b.base}' → ${joined}` });
  return true;
}

// Whether a piece is no word or a rare one, per word list and word (most lowercase words pass here).
const rarePiecesOf = new WeakMap<MatchContext['words'], Map<string, boolean>>();

function rarePiece(word: string, ctx: MatchContext): boolean {
  let rarePieces = rarePiecesOf.get(ctx.words);
  if (!rarePieces) rarePiecesOf.set(ctx.words, (rarePieces = new Map()));
  let rare = rarePieces.get(word);
  if (rare === undefined) {
    const commonness = ctx.words.isWord(word) ? ctx.words.commonness(word) : -1;
    rare = commonness !== undefined && commonness < Math.log(10);
    if (rarePieces.size > 50_000) rarePieces.clear();
    rarePieces.set(word, rare);
  }
  return rare;
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
  // "a dragonfly" is the insect however the file writes the project: a name takes no indefinite article.
  const meant = !(i > 0 && /^an?$/i.test(tokens[i - 1].text)) && writtenInFile(words, entry, ctx);
  if (!meant && entry.reach && entry.reach !== 'sound' && !builtNameSlip(words, entry, allLower, ctx)) {
    mention(entry, first.start, last.end);
    return n;
  }
  // Everyday English ("at the helm", "jet stream", "state of flux"), unless the next word shows the name
  // is meant ("azure container", "helm chart").
  // Languages, formats and protocols are routinely written in lowercase (yaml, rego, python).
  if (allLower && entry.label === 'technology' && !meant) return n;
  // A command quoted in a sentence ("then run conftest test", "typed kubectl get pods", "the dapr CLI"):
  // written as typed.
  if (allLower && i > 0 && first.gap === ' ' && COMMAND_VERBS.has(tokens[i - 1].text)) return n;
  // A word the file only uses capitalized (in headings, say) may be plain lowercase elsewhere; an identifier
  // it repeats ("LanguageSettings") is no slip of the same English words written apart.
  if (allLower && entry.kind === 'learned' && entry.label === 'word') return n;
  if (n > 1 && entry.kind === 'learned' && entry.label === 'word' && /\p{Ll}\p{Lu}/u.test(entry.canonical) && words.every((t) => dictionaryWord(t.base, ctx))) return n;
  const next = tokens[i + n];
  if (allLower && next?.gap === ' ' && COMMAND_NOUNS.has(next.base.toLowerCase())) return n;
  // An organization in lowercase before a slash, and what follows it, is a repository path ("acme/widget").
  if (allLower && entry.label === 'company' && next?.gap === '/') return n;
  if (allLower && i > 0 && first.gap === '/' && lookupBoth(ctx, nameKey(tokens[i - 1].base)).some((e) => e.label === 'company')) return n;
  const ordinary = words.every((t) => dictionaryWord(t.base, ctx));
  if (allLower && (entry.everyday || ordinary) && !meant && !lowercaseNameMeant(tokens, i, n, entry, ctx)) return n;
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
  // The name as the project writes it, unless the words spell one of its other forms ("Argo CD" of Argo).
  const key = nameKey(written);
  const alias = entry.key === key ? undefined : entry.aliases.find((a) => nameKey(a) === key);
  const fix = alias ?? entry.canonical;
  // "the Linux Foundation" in a sentence: the article of a name that starts with The takes the sentence's case.
  if (/^the /.test(written) && fix.startsWith('The ') && written.slice(4) === fix.slice(4)) {
    mention(entry, first.start, last.end);
    return n;
  }
  // "the OpenAPI specification": a name written right, then ordinary words in lowercase that a longer name
  // capitalizes. The shorter name is what was meant.
  if (n > 1 && !meant && writtenNameThenWords(tokens, i, n, ctx)) return n;
  // A word the file repeats is the author's to case: only its misspellings are findings.
  if (entry.kind === 'learned' && entry.label === 'word' && written.toLowerCase() === fix.toLowerCase()) return n;
  const sameSpacing = written.replace(/[\s\-.]/g, '').length === written.length - (fix.length - fix.replace(/[\s\-.]/g, '').length) && written.toLowerCase() === fix.toLowerCase();
  const code: CheckCode = entry.kind === 'learned' ? 'learned' : sameSpacing ? 'casing' : 'spacing';
  out.push(finding(code, first.start, last.end, written, [fix], true, entry));
  return n;
}

/**
 * Whether the words are a name in lowercase whose capitalized words the file writes mid-sentence elsewhere
 * ("based on Envoy" makes "offer envoy proxies" the name): each word is the name's, and each in lowercase where
 * the name has a capital is one of ctx.written. Everyday words used that often are left to the sentence.
 */
function writtenInFile(words: Token[], entry: NameEntry, ctx: MatchContext): boolean {
  // Not a company's name: "Root" or "Chef" capitalized may be anything at the start of a phrase.
  if (!ctx.written?.size || entry.kind === 'learned' || entry.kind === 'person' || entry.label === 'company') return false;
  const parts = entry.canonical.split(' ');
  if (parts.length !== words.length) return false;
  let lowered = false;
  for (let k = 0; k < parts.length; k++) {
    const t = words[k];
    if (t.base === parts[k]) continue;
    const lower = parts[k].toLowerCase();
    if (t.text !== t.base || t.base !== lower || !ctx.written.has(lower) || (ctx.words.commonness(lower) ?? 0) > (parts.length > 1 ? COMMON_LOG_COUNT : COMMON_ALONE_LOG_COUNT)) return false;
    lowered = true;
  }
  return lowered;
}

/**
 * Words this common stay words whatever the file capitalizes: a thousand uses or more in the 51 million words
 * of the frequency list ("go", "score"), or two hundred for a word alone ("spin up a cluster").
 */
const COMMON_LOG_COUNT = Math.log(1000);
const COMMON_ALONE_LOG_COUNT = Math.log(200);

/** The phrase's first words are a name as written and the rest lowercase dictionary words. */
function writtenNameThenWords(tokens: Token[], i: number, n: number, ctx: MatchContext): boolean {
  for (let k = n - 1; k >= 1; k--) {
    if (!dictionaryWord(tokens[i + k].base, ctx) || tokens[i + k].shape !== 'lower') return false;
    const head = surface(tokens, i, k);
    if (lookupBoth(ctx, nameKey(head)).some((e) => e.canonical === head || e.aliases.includes(head))) return true;
  }
  return false;
}

/**
 * Whether a word spelling one of the landscape's thousands of names (not a curated one) is a slip worth a
 * warning: one word, not English, not an acronym, and the name has a styling of its own ("Ebay" for eBay).
 * Phrases ("Do It", "No code"), lowercase tool names and lowercase company names are let go.
 */
function builtNameSlip(words: Token[], entry: NameEntry, allLower: boolean, ctx: MatchContext): boolean {
  if (words.length !== 1) return false;
  const t = words[0];
  if (t.shape === 'upper' || (dictionaryWord(t.base, ctx) && !(allLower && rareWord(t.base, ctx)))) return false;
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
  if (n > 1) return !entry.everyday && (n >= 3 || (entry.kind === 'cncf' && entry.weight >= 0.9 && !/\s/.test(entry.canonical)));
  const next = tokens[i + n];
  if (next?.gap === ' ' && ctx.catalog.contextWords.has(next.base.toLowerCase())) return true;
  return slashPaired(tokens, i, n, entry, ctx);
}

/** Whether a slash joins the words to another name ("argo/flux"). */
function slashPaired(tokens: Token[], i: number, n: number, entry: NameEntry, ctx: MatchContext): boolean {
  const next = tokens[i + n];
  const before = tokens[i - 1];
  return (next?.gap === '/' && isOtherName(next, entry, ctx)) || (before !== undefined && tokens[i].gap === '/' && isOtherName(before, entry, ctx));
}

/**
 * A word of the English dictionary or the notes' vocabulary ("serverless"), as a name's lowercase form may be.
 * Not the jargon and company lists (they know "terraform" and "Ebay" in any casing), nor words made with a
 * prefix ("crossplane" is not cross + plane).
 */
function dictionaryWord(word: string, ctx: MatchContext): boolean {
  return ctx.words.isVocabulary(word) || ctx.words.commonness(word.toLowerCase()) !== undefined;
}

/**
 * A dictionary word so rare in everyday speech (four uses or fewer in the 51 million words of the frequency
 * list: "docker", "headlamp") that in notes it is the name.
 */
function rareWord(word: string, ctx: MatchContext): boolean {
  const commonness = ctx.words.commonness(word.toLowerCase());
  return commonness !== undefined && commonness < RARE_LOG_COUNT;
}

const RARE_LOG_COUNT = Math.log(5);

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
  const inName = before !== undefined && [...out, ...mentionsSoFar()].some((f) => f.start <= before.start && before.end <= f.end);
  const previous = before && !inName ? before.base.toLowerCase() : '';
  if (SINGULAR_DETERMINERS.has(previous)) {
    if (t.base === singular) return 1;
    out.push(finding('casing', t.start, t.end, t.base, [singular], true, entry));
    return 1;
  }
  out.push(finding('plural', t.start, t.end, t.base, [entry.canonical], true, entry));
  return 1;
}

