// Names learned from the document itself: speakers (a name heading or a name line under a talk, "Name —
// Role", "Name, Company"), names that open a talk title ("Ferrowheel — batch scheduling"), and unknown proper
// nouns used more than once. A near miss of one of them elsewhere in the file is then caught, even for names
// no catalog knows.
import { Catalog, nameKey, type NameEntry } from './catalog.ts';
import type { WordList } from '../english/english.ts';
import { editDistance, allowedEdits } from './distance.ts';
import type { OutlineNode, ProseSegment } from '../markdown/prose-types.ts';
import { countNameLikeWords } from '../markdown/tokens.ts';

const NAME_WORD = "\\p{Lu}[\\p{Ll}\\p{M}'’]+(?:\\p{Lu}[\\p{Ll}\\p{M}]+)?(?:-\\p{Lu}[\\p{Ll}\\p{M}'’]+)?";
const PARTICLE = '(?:van|von|de|der|den|da|di|du|la|le|del|dos|bin|al)';
// A name ends the line or is followed by what speaker lines put after one: a company, role or another name
// (markup such as "**Name**" may close first).
const PERSON = new RegExp(`^(${NAME_WORD}(?:\\s+(?:${PARTICLE}\\s+)?${NAME_WORD}){1,2})(?=[*_]*(?:\\s*$|\\s*[—–,(|:&/]|\\s+-\\s|\\s+and\\s))`, 'u');
const TITLE_NAME = new RegExp(`^(\\p{Lu}[\\p{L}\\p{M}]{3,})(?=\\s*[—–:|]|\\s+-\\s)`, 'u');
/** "Speaker:", "**Speakers:**", "*Presenter(s)*:", "Moderated by", or a plain "by". */
const LABEL = /^[\s*_>+-]*(?:((?:speaker|presenter|panelist|moderator|host)(s|\(s\))?|(?:presented|moderated|hosted) by)|by)[*_]*\s*(?:[:\-–—][*_]*)?\s+[*_]*/iu;
const UNLABELLED = /^[\s*_>+-]*/u;
/** Cheap test before LABEL: whether a line may start with a speaker label at all. */
const MAY_BE_LABELLED = /^[\s*_>+-]*(?:speak|present|panel|moderat|host)/iu;
/** What may follow one name before the next: "(Company)", then "&", "and", "," or ", and". */
const AFTER_NAME = /^[*_]*(\s*\([^)]*\))?[*_]*\s*(,\s*(?:and|&)\s+|&\s*|and\s+|,\s*)/u;

export interface PersonCandidate {
  name: string;
  /** Offset of the name in the line. */
  index: number;
  /** Named after an explicit label ("Speaker:", "Presenters:", not a bare "by"): the label vouches for it. */
  labelled?: boolean;
}

/**
 * People named at the start of a line, in the forms speaker lines take: "Speaker: Name, Company", "Speakers: A & B",
 * "Presenter(s): A, B and C", "by Name", "Name (Company)", "Name — Role", "A (X), B (Y)".
 */
export function peopleAtLineStart(line: string): PersonCandidate[] {
  const label = LABEL.exec(line);
  const labelled = !!label?.[1];
  const plural = !!label?.[2];
  let at = label ? label[0].length : UNLABELLED.exec(line)![0].length;
  const found: PersonCandidate[] = [];
  let commaOnly = true;
  let inParens = false;
  for (let k = 0; k < 4; k++) {
    const m = PERSON.exec(line.slice(at));
    if (!m) break;
    found.push(labelled ? { name: m[1], index: at, labelled } : { name: m[1], index: at });
    at += m[1].length;
    const joiner = AFTER_NAME.exec(line.slice(at));
    if (!joiner) break;
    if (joiner[1]) inParens = true;
    if (joiner[2].trim() !== ',') commaOnly = false;
    at += joiner[0].length;
  }
  // "Name, Company" rather than two people: one comma and nothing else says it is a list.
  if (found.length === 2 && commaOnly && !inParens && !plural) found.pop();
  return found;
}

/** Whether a line may name speakers after a label ("Speaker: …"): such a line is read anywhere in a talk. */
export function hasSpeakerLabel(line: string): boolean {
  return MAY_BE_LABELLED.test(line) && !!LABEL.exec(line)?.[1];
}

/**
 * Whether a name looks like a person's and not an English phrase ("Project Updates") or a known project. A
 * label ("Speaker: Mark Smith") vouches for a name made of words when it starts with a given name.
 */
export function plausiblePerson(name: string, words: WordList, catalog: Catalog, labelled = false): boolean {
  const parts = name.split(/\s+/);
  const isProject = (text: string): boolean => catalog.lookup(text).some((e) => e.kind !== 'person');
  if (isProject(name) || parts.some(isProject)) return false;
  const given = catalog.givenNames.has(parts[0].toLowerCase());
  const last = parts[parts.length - 1];
  // "Project Updates" is a phrase; "Aurelio Castellanos-Bright" is a person although "bright" is a word.
  if (parts.every((p) => words.isLowercaseWord(p))) return labelled && given;
  // "John O'Brien": a given name that is also a word, before a surname that is none.
  if (words.isLowercaseWord(parts[0])) return given && (labelled || !words.isLowercaseWord(last));
  return true;
}

/** A catalog person this name is a slip of (same first name, close surname or the reverse). */
export function catalogPersonNear(name: string, catalog: Catalog): string | undefined {
  const parts = name.split(/\s+/);
  const first = parts[0].toLowerCase();
  const last = parts[parts.length - 1].toLowerCase();
  // A slip is a few edits for the length ("Calcite" for Calcote), not another short name ("Smith" for Roth).
  for (const p of catalog.firstNames.get(first) ?? []) {
    const surname = p.canonical.split(' ').pop()!.toLowerCase();
    const limit = Math.min(3, allowedEdits(Math.max(surname.length, last.length)));
    if (surname !== last && limit && editDistance(surname, last, limit) <= limit) return p.canonical;
  }
  for (const p of catalog.lastNames.get(last) ?? []) {
    const given = p.canonical.split(' ')[0].toLowerCase();
    const limit = Math.min(2, allowedEdits(Math.max(given.length, first.length)));
    if (given !== first && limit && editDistance(given, first, limit) <= limit) return p.canonical;
  }
  return undefined;
}

/**
 * What one block's outline contributes to learning; computed once per block and combined per check. (Its
 * words' counts are not kept with it: see `blockWordCounts`.)
 */
export interface BlockLearnFacts {
  /**
   * People named in speaker position within the block: a heading, the lines right under one, or a labelled
   * line anywhere ("Speaker: …"; marked, see LABELLED).
   */
  readonly people: readonly string[];
  /** Names opening a talk title in the block's headings ("Ferrowheel — …"). */
  readonly titleNames: readonly string[];
  /** The block ends with a heading: the next block's first paragraph may hold its speaker. */
  readonly endsWithHeading: boolean;
  /**
   * People named at the start of the block's opening paragraph (speakers if the block before ends with a
   * heading). Read only then, so computed on first use.
   */
  readonly openingPeople: readonly string[];
  /** The block's speakers when the block before ends with a heading: `people`, then `openingPeople`. */
  readonly peopleAfterHeading: readonly string[];
}

const NOBODY: readonly string[] = [];

function peopleIn(lines: string[]): string[] {
  const people: string[] = [];
  for (let k = 0; k < lines.length; k++) {
    const names = peopleOnLine(lines[k]);
    for (let n = 0; n < names.length; n++) people.push(names[n]);
  }
  return people;
}

// Speaker lines recur (a speaker's name line under each of their talks): each distinct line is read once.
const linePeople = new Map<string, readonly string[]>();

/**
 * Marks a candidate named after a label ("Speaker: Mark Smith") among a block's people: the label lets
 * `learnedNames` accept a name made of words. Only learn.ts writes and reads it.
 */
const LABELLED = '\u0001';

/** A person as a labelled speaker of the file ("Speaker: …"): how the schedule's speakers of its talks are given. */
export function asLabelledSpeaker(name: string): string {
  return LABELLED + name;
}

function peopleOnLine(line: string): readonly string[] {
  let names = linePeople.get(line);
  if (!names) {
    const found = peopleAtLineStart(line);
    names = found.length ? found.map((p) => (p.labelled ? LABELLED + p.name : p.name)) : NOBODY;
    if (linePeople.size >= 20_000) linePeople.clear();
    linePeople.set(line, names);
  }
  return names;
}

/** A class rather than an object with a getter: one small shape, and no closure kept per block. */
class OutlineFacts implements BlockLearnFacts {
  private opening: readonly string[] | undefined = undefined;
  private afterHeading: readonly string[] | undefined = undefined;

  constructor(
    readonly people: readonly string[],
    readonly titleNames: readonly string[],
    readonly endsWithHeading: boolean,
    private readonly first: OutlineNode | undefined,
  ) {}

  get openingPeople(): readonly string[] {
    const first = this.first;
    this.opening ??= first?.type === 'paragraph' && !first.nested ? peopleIn(first.lines.slice(0, 2).map((l) => l.text)) : NOBODY;
    return this.opening;
  }

  /** One list for every copy of the block, not one per copy. */
  get peopleAfterHeading(): readonly string[] {
    this.afterHeading ??= this.openingPeople.length ? [...this.people, ...this.openingPeople] : this.people;
    return this.afterHeading;
  }
}

export function blockLearnFacts(outline: OutlineNode[]): BlockLearnFacts {
  const speakerLines: string[] = [];
  const titleNames: string[] = [];
  for (let k = 0; k < outline.length; k++) {
    const node = outline[k];
    if (node.type !== 'heading') continue;
    speakerLines.push(node.text);
    const next = outline[k + 1];
    if (next?.type === 'paragraph' && !next.nested) for (let l = 0; l < Math.min(2, next.lines.length); l++) speakerLines.push(next.lines[l].text);
    const m = TITLE_NAME.exec(node.text.trim());
    if (m) titleNames.push(m[1]);
  }
  // A labelled line ("Speaker: …", "- **Presenters:** …") names speakers wherever it is, in a list too.
  for (let k = 0; k < outline.length; k++) {
    const node = outline[k];
    if (node.type !== 'paragraph') continue;
    const underHeading = !node.nested && outline[k - 1]?.type === 'heading';
    for (let l = underHeading ? 2 : 0; l < node.lines.length; l++) if (hasSpeakerLabel(node.lines[l].text)) speakerLines.push(node.lines[l].text);
  }
  // Most blocks teach nothing: they share one empty list (never written to) rather than a fresh one each; a
  // big file has tens of thousands of blocks.
  const people = speakerLines.length ? peopleIn(speakerLines) : NOBODY;
  return new OutlineFacts(people.length ? people : NOBODY, titleNames.length ? titleNames : NOBODY, outline[outline.length - 1]?.type === 'heading', outline[0]);
}

/**
 * The capitalized words of four letters or more in a block's segments, with counts (and, under
 * MID_SENTENCE, their uses in the middle of a sentence). Computed when a block is tallied or untallied rather
 * than kept: a big file's worth of such maps was most of the memory a check holds on to.
 */
export function blockWordCounts(segments: readonly ProseSegment[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (let k = 0; k < segments.length; k++) countNameLikeWords(segments[k].text, counts);
  return counts;
}

/** The names a document teaches: people (full names) and single words. */
export interface LearnedNames {
  people: string[];
  words: string[];
  /** Words of catalog names the file capitalizes mid-sentence, in lowercase (see `writtenNameWords`). */
  written?: string[];
  /** What `learnedSignature` answers, when `learnedNames` worked it out. */
  signature?: string;
  /**
   * How parts of `people` are learned as words of their own, when not as a person's ('person', in any
   * casing): 'word' for an English word ("Grant", "Rose": in lowercase it is the word), 'none' for a short
   * part or a dictionary word or name of a person named from outside the file (a schedule lists hundreds:
   * "Sarah" or "Costa" alone is no near miss of one of them).
   */
  parts?: Map<string, 'word' | 'none'>;
  /** Names known from outside the file (settings, the dictionary, schedules) that the file does not name itself. */
  given?: ReadonlySet<string>;
}

/** Candidate names of a whole document, tallied block by block (see NotesDocument). */
export interface LearnCandidates {
  /** People in speaker position. */
  people: Iterable<string>;
  /** Names opening talk titles. */
  titles: Iterable<string>;
  /** Capitalized words used at least twice. */
  repeated: Iterable<string>;
  /** Words capitalized in the middle of a sentence at least once (as keys). */
  midSentence?: ReadonlyMap<string, number>;
}

/**
 * Decides what a document teaches from its candidates. Verdicts are memoized per catalog, so this is cheap
 * enough to run on every check; the learned catalog is rebuilt only when the answer changes.
 */
export function learnedNames(candidates: LearnCandidates, catalog: Catalog, words: WordList, extraNames: string[]): LearnedNames {
  const people = new Set<string>();
  const memo = memoFor(catalog, words);
  const extra = memo.extras(extraNames);
  const single = new Set<string>(extra.single);
  for (const candidate of candidates.people) {
    let verdict = memo.people.get(candidate);
    const labelled = candidate.startsWith(LABELLED);
    const name = labelled ? candidate.slice(1) : candidate;
    if (verdict === undefined) {
      const known = catalog.lookup(name);
      // A known person on stage: their name is now also this document's (so "Lockland" finds Lachlan).
      if (known.some((e) => e.kind === 'person')) verdict = true;
      else verdict = !known.length && plausiblePerson(name, words, catalog, labelled) && !catalogPersonNear(name, catalog);
      memo.people.set(candidate, verdict);
    }
    if (verdict) people.add(name);
  }
  const fileWords = new Set<string>();
  const learnWord = (word: string): void => {
    single.add(word);
    fileWords.add(word);
  };
  for (const word of candidates.titles) if (memo.unknown(word, true) === 'name') learnWord(word);
  // Unknown proper nouns used at least twice are this document's names.
  // A word near an English one is learned only if the file capitalizes it mid-sentence, as a proper noun
  // ("at Cloud Native Summitt"): a typo typed twice at line starts ("Recomendations") is still a typo.
  for (const word of candidates.repeated) {
    // Whether it is near a word is worth finding out (it is the dearest question) only when no mid-sentence
    // capital already answers.
    const proper = candidates.midSentence?.has(word) ?? false;
    const verdict = memo.unknown(word, !proper);
    if (verdict === 'name' || (verdict === 'near-word' && proper)) learnWord(word);
  }
  const parts = new Map<string, 'word' | 'none'>();
  const ownParts = new Set<string>();
  const own = [...people].sort();
  for (const person of own) {
    for (const part of person.split(/\s+/)) {
      ownParts.add(part);
      if (memo.part(part) === 'word') parts.set(part, 'word');
    }
  }
  for (const person of extra.people) people.add(person);
  // (A part of a name of the file's own is learned as for that name.)
  const overridden: string[] = [];
  for (const part of extra.noneParts) {
    if (ownParts.has(part)) overridden.push(part);
    else parts.set(part, 'none');
  }
  const written = writtenNameWords(candidates.midSentence?.keys() ?? [], catalog, words);
  // The signature from sorted pieces, the extra names' sorted once (a schedule has thousands).
  const signature = [own.join('\u0001'), extra.signature, [...single].sort().join('\u0001'), written.join('\u0001'), [...parts].filter(([, l]) => l === 'word').map(([p]) => p).sort().join('\u0001'), overridden.sort().join('\u0001')].join('\u0002');
  const given = new Set<string>();
  for (const person of extra.people) if (!own.includes(person)) given.add(person);
  for (const word of extra.single) if (!fileWords.has(word)) given.add(word);
  return { people: [...people], words: [...single], written, parts, signature, given };
}

/** What extra names teach (people, single words, parts known only in full), worked out once per list. */
interface ExtraNames {
  people: string[];
  single: string[];
  /** Parts of the people that are no words of their own: short ones and dictionary words (see `parts`). */
  noneParts: string[];
  signature: string;
}

/**
 * The words of catalog names that the file capitalizes in the middle of a sentence ("based on Envoy", "with
 * Tekton Chains") and that are also English words: the file shows it means the name by them, so the same word
 * in lowercase elsewhere is a casing slip rather than the English word.
 */
export function writtenNameWords(midSentence: Iterable<string>, catalog: Catalog, words: WordList): string[] {
  const nameWords = catalog.nameWords();
  const out: string[] = [];
  for (const word of midSentence) {
    const lower = word.toLowerCase();
    if (word !== lower && nameWords.has(lower) && words.isLowercaseWord(lower)) out.push(lower);
  }
  return out.sort();
}

/**
 * Names the file links to their own site ("[cartographer](https://cartographer.sh/)"): the link text spells
 * the name and the target is its homepage or repository. Such a link shows the words mean the name, as a
 * capital mid-sentence does; each name is given as written in the catalog.
 */
export function linkedNames(links: readonly { text: string; url: string }[], catalog: Catalog): string[] {
  const out: string[] = [];
  for (const link of links) {
    const host = hostOf(link.url);
    if (!host) continue;
    for (const entry of catalog.lookupKey(nameKey(link.text))) {
      if (entry.kind === 'person' || entry.kind === 'learned') continue;
      const own = [entry.homepage, entry.repo].some((site) => site && (hostOf(site) === host && (!site.includes('github.com') || link.url.startsWith(site))));
      if (own) out.push(entry.canonical);
    }
  }
  return out;
}

function hostOf(url: string): string | undefined {
  return /^https?:\/\/(?:www\.)?([^/?#:]+)/i.exec(url)?.[1].toLowerCase();
}

export function learnedSignature(names: LearnedNames): string {
  if (names.signature !== undefined) return names.signature;
  const parts = [...(names.parts ?? [])].map(([part, label]) => `${part}=${label}`).sort();
  return [...names.people].sort().join('\u0001') + '\u0002' + [...names.words].sort().join('\u0001') + '\u0002' + (names.written ?? []).join('\u0001') + '\u0002' + parts.join('\u0001');
}

/** The catalog of learned names that the matcher consults next to the shared one. */
export function learnedCatalog(names: LearnedNames, talkSpeakers: ReadonlySet<string> = new Set()): Catalog {
  const learned = new Catalog();
  // Where a name comes from, for messages: a talk's speaker from the schedule, a name given from outside the file.
  const mark = (entry: NameEntry | undefined, name: string): void => {
    if (!entry) return;
    if (talkSpeakers.has(name)) entry.given = 'talk-speaker';
    else if (names.given?.has(name)) entry.given = 'known';
  };
  // `label` says where a word was learned: a person's name is theirs in any casing; a word that only recurs
  // capitalized (a heading's "Reddit") may be plain lowercase elsewhere.
  const addWord = (word: string, label: 'person' | 'word', from = word): void => {
    if (learned.lookup(word).length) return;
    learned.add({ canonical: word, aliases: [], shortForms: [], kind: 'learned', label, everyday: false, weight: 1 });
    mark(learned.lookup(word).find((e) => e.canonical === word), from);
  };
  for (const person of names.people) {
    if (learned.lookup(person).length) continue;
    mark(learned.addPerson(person, 'learned'), person);
    for (const part of person.split(/\s+/)) {
      const label = names.parts?.get(part) ?? 'person';
      if (label !== 'none') addWord(part, label, person);
    }
  }
  for (const word of names.words) addWord(word, 'word');
  return learned;
}

/** What a capitalized word is to learning: no name, an unknown name, or unknown but one edit from a word. */
type Unknown = 'no' | 'name' | 'near-word';

interface LearnMemo {
  people: Map<string, boolean>;
  /** What a part of a person's name is in English: a lowercase word, another dictionary word (a name), or neither. */
  part(part: string): 'word' | 'dictionary' | 'other';
  extras(names: readonly string[]): ExtraNames;
  /** With `nearWords` false, an unknown word near an English one may be answered as 'near-word' or 'name'. */
  unknown(word: string, nearWords: boolean): Unknown;
}

const memos = new WeakMap<Catalog, WeakMap<WordList, LearnMemo>>();

function memoFor(catalog: Catalog, words: WordList): LearnMemo {
  let byWords = memos.get(catalog);
  if (!byWords) memos.set(catalog, (byWords = new WeakMap()));
  let memo = byWords.get(words);
  if (!memo) {
    const unknown = new Map<string, Unknown | 'unknown'>();
    const parts = new Map<string, 'word' | 'dictionary' | 'other'>();
    const extras = new Map<string, ExtraNames>();
    memo = {
      extras(names: readonly string[]): ExtraNames {
        const key = names.join('\u0001');
        let found = extras.get(key);
        if (!found) {
          const people = new Set<string>();
          const single = new Set<string>();
          for (const name of names) {
            const trimmed = name.trim();
            if (!trimmed) continue;
            if (/\s/.test(trimmed) && /^\p{Lu}/u.test(trimmed)) people.add(trimmed);
            else single.add(trimmed);
          }
          // Short parts have many neighbours ("Costa" / "Cost", "Wang" / "Yang"): only the full name is known.
          const none = new Set<string>();
          for (const person of people) for (const part of person.split(/\s+/)) if (part.length < 6 || this.part(part) !== 'other') none.add(part);
          const sorted = [...people].sort();
          found = { people: [...people], single: [...single], noneParts: [...none], signature: sorted.join('\u0001') + '\u0003' + [...none].sort().join('\u0001') };
          if (extras.size >= 8) extras.clear();
          extras.set(key, found);
        }
        return found;
      },
      people: new Map(),
      part(part: string) {
        let v = parts.get(part);
        if (v === undefined) {
          v = words.isLowercaseWord(part) ? 'word' : words.isWord(part) ? 'dictionary' : 'other';
          if (parts.size > 100_000) parts.clear();
          parts.set(part, v);
        }
        return v;
      },
      unknown(word: string, nearWords: boolean): Unknown {
        let v = unknown.get(word);
        if (v === undefined) {
          v = isUnknownProperNoun(word, catalog, words) ? 'unknown' : 'no';
          if (unknown.size > 100_000) unknown.clear();
          unknown.set(word, v);
        }
        if (v !== 'unknown' || !nearWords) return v === 'unknown' ? 'name' : v;
        v = words.suggest(word).length ? 'near-word' : 'name';
        unknown.set(word, v);
        return v;
      },
    };
    byWords.set(words, memo);
  }
  return memo;
}

/**
 * Not English, not a catalog name, and not a slip of a name. Whether it is a slip of an English word (a typo
 * typed twice, "Recomendations", must still be caught) is asked only when needed: it costs more.
 */
function isUnknownProperNoun(word: string, catalog: Catalog, words: WordList): boolean {
  if (words.isWord(word) || catalog.lookup(word).length) return false;
  const key = nameKey(word);
  const limit = allowedEdits(key.length);
  return !catalog.near(key, limit).some((n) => n.edits <= limit);
}
