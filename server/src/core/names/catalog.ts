// The catalog of known names (CNCF projects, ecosystem projects, people) and the indexes the matcher needs:
// exact lookup by a spacing/case-free key, sound keys for misheard names, and first/last names of people.
import { commonPrefixLength, DistancesFrom } from './distance.ts';
import { soundDistance, soundKeys } from './phonetic.ts';
import type { BuiltName, CatalogData } from './catalog-data.ts';

export type NameKind = 'cncf' | 'ecosystem' | 'person' | 'learned';

export interface NameEntry {
  /** The styled name a fix writes. */
  canonical: string;
  /** Other correctly written forms (OPA for Open Policy Agent). */
  aliases: string[];
  /** Accepted abbreviations (K8s, OTel, Wasm): hint at most, with a fix that expands them. */
  shortForms: string[];
  kind: NameKind;
  maturity?: string;
  category?: string;
  homepage?: string;
  repo?: string;
  description?: string;
  parent?: string;
  /** What kind of thing an ecosystem name is (project, product, technology, cloud, company, feature). */
  label?: string;
  /** The lowercase name is an ordinary English word (helm, flux, envoy): lowercase use is not a slip. */
  everyday: boolean;
  /** Prior for ranking: how likely notes mean this name (graduated projects and people in the file rank high). */
  weight: number;
  /**
   * How far a misspelling is matched: 'sound' (typos and misheard forms: curated names), 'typo' (one slip,
   * in a name long enough or letters swapped: the landscape's thousands of products), 'exact' (casing and
   * spacing only: companies, which unknown words resemble too often).
   */
  reach?: 'sound' | 'typo' | 'exact';
  key: string;
  /**
   * A learned name that the file does not name itself: 'known' (settings, the dictionary, a schedule) or
   * 'talk-speaker' (a speaker of the schedule's session that a talk heading names).
   */
  given?: 'known' | 'talk-speaker';
}

/** A name close to a written word: how many letter edits apart, how far in sound, shared first letters. */
export interface Near {
  entry: NameEntry;
  edits: number;
  sound: number;
  prefix: number;
}

const MEMO_LIMIT = 50_000;

const MATURITY_WEIGHT: Record<string, number> = { graduated: 1, incubating: 0.92, sandbox: 0.8, archived: 0.7 };

const NOT_KEY_RUNS = /[^a-z0-9]+/g;

/** The key two spellings share when they differ only in case, spaces, hyphens or dots. */
export function nameKey(text: string): string {
  // ASCII (the common case) needs no Unicode normalization; a word already in key form needs no copy.
  let isKey = true;
  let lettersAndDigits = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f) return text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\p{L}\p{N}]+/gu, '');
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) {
      isKey = false;
      if (!(c >= 65 && c <= 90)) lettersAndDigits = false;
    }
  }
  if (isKey) return text;
  // One copy made natively, not a string per character.
  const lower = text.toLowerCase();
  return lettersAndDigits ? lower : lower.replace(NOT_KEY_RUNS, '');
}

const LETTER_BINS = 37;

/** How often each letter (a–z), digit and other character occurs in a key, added into `counts` at `at`. */
function letterCounts(key: string, counts: Int32Array = new Int32Array(LETTER_BINS), at = 0): Int32Array {
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    counts[at + (c >= 97 && c <= 122 ? c - 97 : c >= 48 && c <= 57 ? c - 22 : 36)]++;
  }
  return counts;
}

/** Which of the letter bins a key uses, one bit each (37 bins: the last five share bits, which only weakens the bound). */
function letterMask(counts: Int32Array, at = 0): number {
  let mask = 0;
  for (let c = 0; c < LETTER_BINS; c++) if (counts[at + c]) mask |= 1 << (c & 31);
  return mask;
}

/** Entries of one key length for `near`, with their letter counts and masks side by side in typed arrays. */
interface NearGroup {
  entries: NameEntry[];
  /** Places in the catalog. */
  orders: Int32Array;
  masks: Int32Array;
  /** LETTER_BINS counts per entry. */
  letters: Int32Array;
  /** Sound keys, worked out the first time an entry is near a word. */
  sounds: ([string, string] | undefined)[];
}

function nearGroup(all: readonly NameEntry[], orders: number[]): NearGroup {
  const group: NearGroup = { entries: [], orders: Int32Array.from(orders), masks: new Int32Array(orders.length), letters: new Int32Array(orders.length * LETTER_BINS), sounds: [] };
  for (let i = 0; i < orders.length; i++) {
    const entry = all[orders[i]];
    group.entries.push(entry);
    letterCounts(entry.key, group.letters, i * LETTER_BINS);
    group.masks[i] = letterMask(group.letters, i * LETTER_BINS);
    group.sounds.push(undefined);
  }
  return group;
}

function bitCount(n: number): number {
  n -= (n >>> 1) & 0x55555555;
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (Math.imul((n + (n >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

export class Catalog {
  readonly entries: NameEntry[] = [];
  private readonly byKey = new Map<string, NameEntry[]>();
  /** Lowercase first name -> people with it; lowercase last name -> people with it. */
  /** How many community people list a project, by the key of each of its forms (completion ranks by it). */
  readonly community = new Map<string, number>();
  readonly firstNames = new Map<string, NameEntry[]>();
  readonly lastNames = new Map<string, NameEntry[]>();
  /** Lowercase first word -> multi-word names that start with it (for names cut short). */
  private readonly byFirstWord = new Map<string, NameEntry[]>();
  contextWords = new Set<string>();
  /** Lowercase given names (a first-names list and the catalog's people): a word that is one is no project's slip. */
  givenNames = new Set<string>();
  // Notes repeat their words: the neighbours of a word are computed once per catalog.
  private readonly nearMemo = new Map<string, Near[]>();
  /**
   * Entries `near` compares with (not people) by key length, those matched by one slip apart from the others;
   * rebuilt when entries are added.
   */
  private nearPool: { slips: NearGroup; others: NearGroup }[] = [];
  private nearPoolSize = -1;
  private readonly prefixMemo = new Map<string, NameEntry[]>();
  /** Every indexed key, sorted (for `startsKey`); dropped when a key is added. */
  private sortedKeys: string[] | undefined;

  static fromData(data: CatalogData): Catalog {
    const catalog = new Catalog();
    const everyday = new Set((data.everydayNames ?? []).map((n) => n.toLowerCase()));
    const overrides = data.overrides ?? {};
    const hand = data.cncf.hand_added_aliases ?? {};
    catalog.contextWords = new Set((data.contextWords ?? []).map((w) => w.toLowerCase()));
    catalog.givenNames = new Set((data.givenNames ?? []).map((w) => w.toLowerCase()));

    for (const p of data.cncf.projects) {
      const paren = /^(.*?)\s*\(([^)]+)\)$/.exec(p.name);
      const base = paren ? paren[1] : p.name;
      const canonical = overrides.displayNames?.[p.name] ?? base;
      const aliases = new Set<string>([...(p.aliases ?? []), ...(overrides.aliases?.[canonical] ?? [])]);
      if (canonical !== p.name && !paren) aliases.add(p.name);
      if (paren && canonical !== base) aliases.add(base);
      const shortForms = [...(hand[p.name] ?? []), ...(overrides.shortForms?.[canonical] ?? [])];
      for (const s of shortForms) aliases.delete(s);
      aliases.delete(canonical);
      catalog.add({
        canonical,
        aliases: [...aliases],
        shortForms,
        kind: 'cncf',
        maturity: p.maturity,
        category: p.category,
        homepage: p.homepage_url,
        repo: p.repo_url,
        everyday: [canonical, ...aliases].some((n) => everyday.has(n.toLowerCase())),
        weight: MATURITY_WEIGHT[p.maturity] ?? 0.7,
      });
    }
    for (const s of data.cncf.subprojects ?? []) {
      catalog.add({
        canonical: s.name,
        aliases: overrides.aliases?.[s.name] ?? [],
        shortForms: [],
        kind: 'cncf',
        maturity: `part of ${s.parent_project}`,
        parent: s.parent_project,
        category: s.category,
        homepage: s.homepage_url,
        repo: s.repo_url,
        everyday: everyday.has(s.name.toLowerCase()),
        weight: 0.85,
      });
    }
    for (const e of data.ecosystem?.entries ?? []) {
      if (catalog.lookup(e.name).some((x) => x.kind === 'cncf')) continue;
      const shortForms = overrides.shortForms?.[e.name] ?? [];
      catalog.add({
        canonical: e.name,
        aliases: [...(e.aliases ?? []), ...(overrides.aliases?.[e.name] ?? [])].filter((a) => !shortForms.includes(a)),
        shortForms,
        kind: 'ecosystem',
        label: e.kind,
        category: e.category,
        homepage: e.homepage_url,
        repo: e.repo_url,
        description: e.description,
        parent: e.parent ?? undefined,
        everyday: [e.name, ...(e.aliases ?? [])].some((n) => everyday.has(n.toLowerCase())),
        weight: 0.85,
      });
    }
    for (const person of data.people?.people ?? []) {
      catalog.addPerson(person.name, 'person', person.known_for);
    }
    catalog.addBuilt(data.teamNames ?? [], true);
    catalog.addBuilt(data.built ?? []);
    return catalog;
  }

  /**
   * Names from built catalog files, after the curated ones: a name already known keeps its curated entry.
   * Thousands of them, so they are matched more cautiously (see `reach`) and rank below curated names.
   */
  addBuilt(names: readonly BuiltName[], curated = false): void {
    // Thousands of names, added at start-up before the code is optimized: each name's key is worked out once
    // (a person's name and its canonical spacing share it), and every entry is made in one literal.
    for (const n of names) {
      const name = n?.name;
      if (typeof name !== 'string' || !name.trim()) continue;
      const key = nameKey(name);
      if (typeof n.community === 'number' && n.community > 0) {
        for (const form of [name, ...(n.aliases ?? [])]) if (typeof form === 'string' && !this.community.has(nameKey(form))) this.community.set(nameKey(form), n.community);
      }
      // A name already known keeps its entry (lookup's answer is never an empty list), but takes the built
      // catalog's styling when that one keeps the known form as an accepted one (kgateway for Kgateway).
      const known = this.byKey.get(key);
      if (known) {
        if (n.kind !== 'person') restyle(known, name, n.aliases);
        continue;
      }
      if (n.kind === 'person') {
        const person = this.addPerson(name, 'person', n.company ? `${n.company}` : undefined, curated ? 0.8 : 0.5, key);
        // A maintainer's surname is corrected only for a clear slip (see matchPerson).
        if (person && !curated) person.reach = 'typo';
        continue;
      }
      const aliases = n.aliases?.length ? n.aliases.filter((a) => typeof a === 'string' && !this.lookup(a).length) : [];
      const company = n.kind === 'company';
      this.insert({
        canonical: name,
        aliases,
        shortForms: NO_FORMS,
        kind: n.maturity ? 'cncf' : 'ecosystem',
        maturity: n.maturity,
        category: n.category,
        homepage: n.homepage,
        repo: n.repo,
        description: n.description,
        parent: n.parent,
        label: n.kind === 'component' ? 'feature' : n.kind,
        everyday: n.everyday === true,
        weight: n.maturity ? (MATURITY_WEIGHT[n.maturity] ?? 0.7) : curated || n.kind === 'event' ? 0.85 : company ? 0.5 : 0.6,
        reach: curated || n.maturity || n.kind === 'event' ? 'sound' : company ? 'exact' : 'typo',
        key,
      });
    }
  }

  add(fields: Omit<NameEntry, 'key'>): NameEntry {
    const entry = fields as NameEntry;
    entry.key = nameKey(fields.canonical);
    return this.insert(entry);
  }

  /** Adds an entry whose key is set. */
  private insert(entry: NameEntry): NameEntry {
    this.entries.push(entry);
    this.index(entry.key, entry);
    for (let k = 0; k < entry.aliases.length; k++) this.index(nameKey(entry.aliases[k]), entry);
    for (let k = 0; k < entry.shortForms.length; k++) this.index(nameKey(entry.shortForms[k]), entry);
    // Names cut short are recognised among the curated names only.
    const space = entry.canonical.indexOf(' ');
    if (space > 0 && (entry.reach ?? 'sound') === 'sound') push(this.byFirstWord, entry.canonical.slice(0, space).toLowerCase(), entry);
    return entry;
  }

  /** `key`, when given, is the name's (its canonical spacing has the same). */
  addPerson(name: string, kind: 'person' | 'learned', description?: string, weight = kind === 'learned' ? 1 : 0.8, key?: string): NameEntry | undefined {
    // Most names are words with one space between them: split without a pattern, and already spaced right.
    const spaced = SPACED_WORDS.test(name);
    const parts = spaced ? name.split(' ') : name.trim().split(/\s+/);
    if (parts.length < 2) return undefined;
    const canonical = spaced ? name : parts.join(' ');
    const entry = this.insert({
      canonical,
      aliases: NO_FORMS,
      shortForms: NO_FORMS,
      kind,
      maturity: undefined,
      category: undefined,
      homepage: undefined,
      repo: undefined,
      description,
      parent: undefined,
      label: undefined,
      everyday: false,
      weight,
      reach: undefined,
      key: key ?? nameKey(canonical),
    });
    const first = parts[0].toLowerCase();
    const last = parts[parts.length - 1].toLowerCase();
    if (kind === 'person') this.givenNames.add(first);
    push(this.firstNames, first, entry);
    push(this.lastNames, last, entry);
    return entry;
  }

  private index(key: string, entry: NameEntry): void {
    if (!key) return;
    const list = this.byKey.get(key);
    this.sortedKeys = undefined;
    if (!list) this.byKey.set(key, [entry]);
    else if (!list.includes(entry)) list.push(entry);
  }

  lookup(text: string): NameEntry[] {
    return this.byKey.get(nameKey(text)) ?? [];
  }

  /** Names (not people) within `maxEdits` (at most four) letter edits of a key (one-slip names: one), with the evidence. */
  near(key: string, maxEdits = 4): Near[] {
    const reach = Math.min(4, maxEdits);
    const memoKey = reach === 4 ? key : `${reach}\u0000${key}`;
    let found = this.nearMemo.get(memoKey);
    if (found) return found;
    if (this.nearPoolSize !== this.entries.length) this.buildNearPool();
    const counts = letterCounts(key);
    const present: number[] = [];
    for (let c = 0; c < LETTER_BINS; c++) if (counts[c]) present.push(c);
    const mask = letterMask(counts);
    const hits: { order: number; near: Near }[] = [];
    let sounds: [string, string] | undefined;
    let distances: DistancesFrom | undefined;
    // Only names at most three letters shorter or longer can be near, and no more than `reach` (each
    // letter of difference in length is an edit). Names matched by one slip only (the landscape's
    // thousands) need be near by one edit at most, so one letter shorter or longer at most.
    // Indexed loops over typed arrays, in this one function: it runs a few hundred times per file, mostly
    // before the compiler has optimized it (which it does to a long loop while it runs).
    const spread = Math.min(3, reach);
    for (let length = Math.max(0, key.length - spread); length <= Math.min(this.nearPool.length - 1, key.length + spread); length++) {
      const bucket = this.nearPool[length];
      if (!bucket) continue;
      for (let g = length <= key.length + 1 && length >= key.length - 1 ? 0 : 1; g < 2; g++) {
        const group = g ? bucket.others : bucket.slips;
        const limit = g ? reach : 1;
        const { masks, letters } = group;
        for (let i = 0; i < masks.length; i++) {
          // Kinds of letter one has and the other lacks: each takes an edit. (A cheaper, weaker bound first.)
          if (bitCount(mask & ~masks[i]) > limit || bitCount(masks[i] & ~mask) > limit) continue;
          // Letters one has more of than the other: a lower bound of the edits, much cheaper to get.
          const theirs = i * LETTER_BINS;
          let surplus = 0;
          for (let p = 0; p < present.length; p++) {
            const d = counts[present[p]] - letters[theirs + present[p]];
            if (d > 0) surplus += d;
          }
          if (surplus > limit || surplus - (key.length - length) > limit) continue;
          const entry = group.entries[i];
          distances ??= new DistancesFrom(key);
          const edits = distances.to(entry.key);
          if (edits === 0 || edits > limit) continue;
          sounds ??= soundKeys(key);
          // A name's sound keys are worked out the first time it is this close to a word.
          const theirSounds = (group.sounds[i] ??= soundKeys(entry.key));
          hits.push({ order: group.orders[i], near: { entry, edits, sound: soundDistance(sounds, theirSounds), prefix: commonPrefixLength(key, entry.key) } });
        }
      }
    }
    // In catalog order, as callers break ties by it.
    found = hits.sort((a, b) => a.order - b.order).map((h) => h.near);
    if (this.nearMemo.size >= MEMO_LIMIT) this.nearMemo.clear();
    this.nearMemo.set(memoKey, found);
    return found;
  }

  private buildNearPool(): void {
    const pool: { slips: number[]; others: number[] }[] = [];
    for (let order = 0; order < this.entries.length; order++) {
      const entry = this.entries[order];
      if (entry.kind === 'person' || entry.reach === 'exact') continue;
      const bucket = (pool[entry.key.length] ??= { slips: [], others: [] });
      (entry.reach === 'typo' ? bucket.slips : bucket.others).push(order);
    }
    this.nearPool = [];
    for (let length = 0; length < pool.length; length++) {
      if (pool[length]) this.nearPool[length] = { slips: nearGroup(this.entries, pool[length].slips), others: nearGroup(this.entries, pool[length].others) };
    }
    this.nearPoolSize = this.entries.length;
  }

  private acronyms: Map<string, { form: string; entry: NameEntry }[]> | undefined;
  private acronymsSize = -1;

  /**
   * All-caps forms of curated names (CNCF, SLSA) with the same letters as this all-caps word in another
   * order: a swap typed in haste ("CNFC"). Other letters would make it another acronym.
   */
  acronymsSwapped(word: string): { form: string; entry: NameEntry }[] {
    if (this.acronymsSize !== this.entries.length) {
      this.acronyms = new Map();
      for (const entry of this.entries) {
        if ((entry.reach ?? 'sound') !== 'sound' || entry.kind === 'person') continue;
        for (const form of [entry.canonical, ...entry.aliases]) {
          if (/^\p{Lu}{3,}$/u.test(form)) push(this.acronyms, sortedLetters(form), { form, entry });
        }
      }
      this.acronymsSize = this.entries.length;
    }
    return (this.acronyms!.get(sortedLetters(word)) ?? []).filter((a) => a.form !== word && isOneSwap(a.form, word));
  }

  /** Names (not people) whose key starts with this one: candidates for a word cut short. */
  extending(key: string): NameEntry[] {
    let found = this.prefixMemo.get(key);
    if (!found) {
      found = this.entries.filter((e) => e.kind !== 'person' && (e.reach ?? 'sound') === 'sound' && e.key.length > key.length && e.key.startsWith(key));
      if (this.prefixMemo.size >= MEMO_LIMIT) this.prefixMemo.clear();
      this.prefixMemo.set(key, found);
    }
    return found;
  }

  /**
   * The capitalized words of names (not people's), in lowercase: "envoy" of Envoy, "chains" of Tekton Chains.
   * A file that capitalizes one of them mid-sentence means the name by it.
   */
  nameWords(): ReadonlySet<string> {
    if (this.nameWordsSize !== this.entries.length) {
      const words = new Set<string>();
      for (const entry of this.entries) {
        if (entry.kind === 'person' || entry.kind === 'learned') continue;
        for (const word of entry.canonical.split(' ')) if (/^\p{Lu}/u.test(word)) words.add(word.toLowerCase());
      }
      this.nameWordSet = words;
      this.nameWordsSize = this.entries.length;
    }
    return this.nameWordSet!;
  }

  /**
   * Names of two to four words (not people's) by the key of all their words but one: `dropped` 'last' files
   * "AWS Lambda" under "aws", 'first' under "lambda". The word left out may be the one mistyped.
   */
  phrasesWithout(dropped: 'first' | 'last', key: string): readonly NameEntry[] {
    if (this.phraseIndexSize !== this.entries.length) {
      this.phraseIndex = { first: new Map(), last: new Map() };
      for (const entry of this.entries) {
        if (entry.kind === 'person' || entry.kind === 'learned') continue;
        const words = entry.canonical.split(' ');
        if (words.length < 2 || words.length > 4) continue;
        push(this.phraseIndex.last, nameKey(words.slice(0, -1).join(' ')), entry);
        push(this.phraseIndex.first, nameKey(words.slice(1).join(' ')), entry);
      }
      this.phraseIndexSize = this.entries.length;
    }
    return this.phraseIndex![dropped].get(key) ?? NO_ENTRIES;
  }

  private phraseIndex: { first: Map<string, NameEntry[]>; last: Map<string, NameEntry[]> } | undefined;
  private phraseIndexSize = -1;
  private nameWordSet: Set<string> | undefined;
  private nameWordsSize = -1;

  startingWith(word: string): NameEntry[] {
    return this.byFirstWord.get(word.toLowerCase()) ?? NO_ENTRIES;
  }

  lookupKey(key: string): NameEntry[] {
    return this.byKey.get(key) ?? NO_ENTRIES;
  }

  /**
   * Whether some name's key (of any form) starts with this text. Words that begin no name need no
   * phrase lookups, which is most words of a file.
   */
  startsKey(prefix: string): boolean {
    const keys = (this.sortedKeys ??= [...this.byKey.keys()].sort());
    let low = 0;
    let high = keys.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (keys[mid] < prefix) low = mid + 1;
      else high = mid;
    }
    return low < keys.length && keys[low].startsWith(prefix);
  }
}

/** The known entry written `old` takes `name` as its canonical form when the built entry accepts `old` too. */
function restyle(known: NameEntry[], name: string, aliases: readonly string[] | undefined): void {
  for (const entry of known) {
    if (entry.kind === 'person' || entry.canonical === name || !aliases?.includes(entry.canonical)) continue;
    entry.aliases = [...entry.aliases.filter((a) => a !== name), entry.canonical];
    entry.canonical = name;
  }
}

function sortedLetters(word: string): string {
  return [...word].sort().join('');
}

/** Two words that differ only by two neighbouring letters swapped. */
function isOneSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

// Frozen: a caller that tried to add to a shared empty result would fail loudly.
const NO_ENTRIES = Object.freeze([]) as unknown as NameEntry[];
/** The aliases or short forms of a name that has none (most of them): shared, so frozen too. */
const NO_FORMS = Object.freeze([]) as unknown as string[];
/** Words with single spaces between them, nothing before or after. */
const SPACED_WORDS = /^[^\s]+(?: [^\s]+)+$/;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export type { BuiltName, CatalogData } from './catalog-data.ts';
