// A notes document kept ready for checking as it is edited. The text is held as blocks (see blocks.ts); an
// edit re-splits and re-parses only the blocks it touches and shifts the rest. Each block keeps its parse,
// what it teaches about names, and its findings; the document tallies the name candidates block by block.
// A check re-matches only new blocks, and when the learned names changed, the blocks with a word equal or
// near to a name that came or went. Results equal a from-scratch check of the same text (a test compares
// them on random edits).
import { createAnalysis, type Analysis, type CheckedBlock, type CheckedDocument, type SegmentMatch } from './analysis.ts';
import { scanBlocks } from '../markdown/blocks.ts';
import type { Catalog } from '../names/catalog.ts';
import { directivesIn, type Directive } from '../markdown/directives.ts';
import type { WordList } from '../english/english.ts';
import { asLabelledSpeaker, blockLearnFacts, blockWordCounts, learnedCatalog, learnedNames, learnedSignature, linkedNames, type BlockLearnFacts } from '../names/learn.ts';
import { NameChange } from '../names/keys.ts';
import { Tally } from './tally.ts';
import { matchSegment, type MatchContext, type SegmentResult } from '../names/match.ts';
import { parseProse, type OutlineNode, type ParsedProse } from '../markdown/prose.ts';
import { countNameLikeWords, MID_SENTENCE } from '../markdown/tokens.ts';
import type { Settings } from './settings.ts';

export type { Analysis } from './analysis.ts';

/** What every document shares: the catalog and the English word list. */
export interface Engine {
  catalog: Catalog;
  words: WordList;
}

/** One block and what is known about it. A class, so that every block has the same shape (fast to shift). */
class BlockState {
  prose: ParsedProse | undefined = undefined;
  facts: BlockLearnFacts | undefined = undefined;
  /** Speakers this block names, given the block before it (a name line right under a heading). */
  people: readonly string[] | undefined = undefined;
  /**
   * What matching found in the block's segments (only segments with something), valid for `findingsFor`
   * (learned names + ignored words). Results are shared between equal lines; offsets are the segment's.
   */
  matches: SegmentMatch[] | undefined = undefined;
  /** How many findings `matches` hold. */
  findingCount = 0;
  findingsFor: string | undefined = undefined;

  constructor(
    public start: number,
    public text: string,
    public frontMatter: boolean,
  ) {}
}

/** How a check in an editor stays quick: blocks nearest `near` first, and the rest after `deadline`. */
export interface CheckOptions {
  /** Offset of the user's edit. */
  near?: number;
  /** performance.now() time after which blocks far from `near` are left for a later check. */
  deadline?: number;
  /** With a deadline: at most this many blocks are matched (the ones around the edit, on screen). */
  maxBlocks?: number;
  /**
   * Speakers of the file's talks that the file does not name itself (the schedule's, for a talk heading that
   * names a session): learned as if a speaker line named them, so their misheard names rank above the catalog.
   */
  speakers?: readonly string[];
}

/** Fewer blocks to match or verify than this are done at once: the deadline is for a whole file's worth. */
const ALWAYS_MATCHED = 64;
/** The blocks nearest the edit that are matched whatever the deadline: what the user is looking at. */
const ON_SCREEN = 8;

export interface TextChange {
  /** Offsets in the text before the change. */
  start: number;
  end: number;
  text: string;
}

const FRONT_MATTER_OPEN = /^(?:---|\+\+\+)[ \t]*\r?\n/;
/** Whether the text opens with a front matter fence (without trying the pattern along a big text). */
const opensFrontMatter = (text: string): boolean => (text.startsWith('---') || text.startsWith('+++')) && FRONT_MATTER_OPEN.test(text);

const factsCache = new WeakMap<ParsedProse, BlockLearnFacts>();

/** What a block's outline teaches; parses are shared between equal blocks, and so are their facts. */
function factsOf(prose: ParsedProse): BlockLearnFacts {
  let facts = factsCache.get(prose);
  if (!facts) factsCache.set(prose, (facts = blockLearnFacts(prose.outline)));
  return facts;
}

const EMPTY: ReadonlySet<BlockState> = new Set();

export class NotesDocument implements CheckedDocument {
  private blocks: BlockState[] = [];
  /** The text, joined from the blocks when asked for (an edit never copies the whole text). */
  private content: string | undefined = '';
  private length = 0;
  private edits = 0;
  private readonly words = new Tally(2);
  /** Words capitalized in the middle of a sentence somewhere (the counts' MID_SENTENCE keys): proper nouns. */
  private readonly midSentence = new Tally(1);
  private readonly people = new Tally();
  private readonly titles = new Tally();
  /** Blocks whose findings must be computed at the next check. */
  private dirty = new Set<BlockState>();
  /**
   * Blocks matched before the learned names changed: each is matched again only if it has a word equal or
   * near to a name in `suspectedOf` (the names that came, went or changed since), which is cheap to find out.
   */
  private readonly suspects = new Set<BlockState>();
  private readonly suspectedOf = new NameChange();
  private readonly withComments = new Set<BlockState>();
  /** Bumped when headings or speakers may have changed: the outline (and the Talks view) need a refresh. */
  outlineVersion = 0;
  private learnedState?: { inputs: string; signature: string; catalog: Catalog; written: ReadonlySet<string> };
  private findingsFor = '';
  /** The ignored words and learned names (key -> how it is written) the current findings were computed with. */
  private matchedWith?: { ignored: string; names: Map<string, string> };
  private segmentMemo = new Map<string, SegmentResult>();
  private blockMemo = new WeakMap<ParsedProse, { matches: SegmentMatch[]; count: number }>();
  private speakers: { learned?: Catalog; lines: Map<string, string | undefined> } = { lines: new Map() };
  /** What the last check did: blocks it matched, and blocks it found unaffected by a change of learned names. */
  readonly lastCheck = { matched: 0, verified: 0 };
  /** A check has matched every block once. */
  private completed = false;
  /** Findings of all blocks (as last matched), so that a capped publish does not count them each time. */
  private findingTotal = 0;

  constructor(
    private engine: Engine,
    text = '',
  ) {
    this.replaceRange(0, 0, text);
  }

  /** Checks with another engine from now on (catalog files came or went): every block is matched again. */
  useEngine(engine: Engine): void {
    if (engine === this.engine) return;
    this.engine = engine;
    this.segmentMemo = new Map();
    this.blockMemo = new WeakMap();
    this.speakers = { lines: new Map() };
    this.learnedState = undefined;
    this.matchedWith = undefined;
    this.findingsFor = '';
  }

  get text(): string {
    return (this.content ??= this.blocks.map((b) => b.text).join(''));
  }

  get size(): number {
    return this.length;
  }

  get version(): number {
    return this.edits;
  }

  get totalFindings(): number {
    return this.findingTotal;
  }

  get catalog(): Catalog {
    return this.engine.catalog;
  }

  outlineOf(block: CheckedBlock): OutlineNode[] {
    return this.proseOf(block as BlockState).outline;
  }

  speakerMemo(learned: Catalog): Map<string, string | undefined> {
    if (this.speakers.learned !== learned) this.speakers = { learned, lines: new Map() };
    return this.speakers.lines;
  }

  /** The UTF-16 code unit at the offset (NaN outside the text), without joining the text. */
  charCodeAt(offset: number): number {
    if (this.content !== undefined) return this.content.charCodeAt(offset);
    if (offset < 0 || offset >= this.length) return NaN;
    const b = this.blocks[this.blockIndexAt(offset)];
    return b.text.charCodeAt(offset - b.start);
  }

  /** The text between two offsets, without joining the whole text. */
  slice(start: number, end: number): string {
    if (this.content !== undefined) return this.content.slice(start, end);
    start = Math.max(0, start);
    end = Math.min(this.length, end);
    if (start >= end) return '';
    let out = '';
    for (let k = this.blockIndexAt(start); k < this.blocks.length && this.blocks[k].start < end; k++) {
      const b = this.blocks[k];
      out += b.text.slice(Math.max(0, start - b.start), end - b.start);
    }
    return out;
  }

  /** Replaces the whole text; only the part that differs from the current text is re-checked. */
  setText(text: string): void {
    const old = this.text;
    if (old === text) return;
    let prefix = 0;
    const max = Math.min(old.length, text.length);
    while (prefix < max && old.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
    let suffix = 0;
    while (suffix < max - prefix && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
    this.replaceRange(prefix, old.length - suffix, text.slice(prefix, text.length - suffix));
  }

  /** Applies changes in order; each change's offsets refer to the text as left by the previous one. */
  applyChanges(changes: TextChange[]): void {
    for (const c of changes) this.replaceRange(c.start, c.end, c.text);
  }

  private blockIndexAt(offset: number): number {
    let low = 0;
    let high = this.blocks.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.blocks[mid].start <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  private replaceRange(start: number, end: number, inserted: string): void {
    const oldLength = this.length;
    start = Math.max(0, Math.min(start, oldLength));
    end = Math.max(start, Math.min(end, oldLength));
    const delta = inserted.length - (end - start);
    this.length += delta;
    this.edits++;
    this.content = undefined;
    if (!this.blocks.length) {
      this.load(inserted);
      return;
    }
    // The touched blocks, one more on each side: joining or splitting blocks happens at their edges.
    let first = Math.max(0, this.blockIndexAt(start) - 1);
    let last = Math.min(this.blocks.length - 1, this.blockIndexAt(Math.max(start, end - 1)) + 1);
    if (start === 0 || this.blocks[first].frontMatter) first = 0;
    // Front matter opened at the top and not closed yet: an edit below may close it, so split from the top.
    if (start < 64 * 1024 && !this.blocks[0].frontMatter && opensFrontMatter(this.blocks[0].text)) first = 0;
    for (;;) {
      const regionStart = this.blocks[first].start;
      // Only the region's text is rebuilt: the rest of the document is not copied.
      let region = '';
      for (let k = first; k <= last; k++) region += this.blocks[k].text;
      region = region.slice(0, start - regionStart) + inserted + region.slice(end - regionStart);
      const { blocks, open } = scanBlocks(region, 0, region.length, regionStart === 0);
      // Front matter opened at the top but not closed within the region may close further down.
      const openFrontMatter = regionStart === 0 && !blocks[0]?.frontMatter && region.length < 64 * 1024 && opensFrontMatter(region);
      if ((open || openFrontMatter) && last + 1 < this.blocks.length) {
        last++; // a fence, comment or front matter left open swallows what follows: widen and split again
        continue;
      }
      for (const b of blocks) b.start += regionStart;
      for (let k = last + 1; k < this.blocks.length; k++) this.blocks[k].start += delta;
      this.splice(first, last - first + 1, blocks);
      return;
    }
  }

  /** The first text of an empty document: what `splice` does for it, without its bookkeeping of reuse. */
  private load(text: string): void {
    const blocks = scanBlocks(text, 0, text.length, true, (start, blockText, frontMatter) => new BlockState(start, blockText, frontMatter)).blocks;
    this.blocks = blocks;
    this.content = text;
    if (blocks.some((b) => !b.frontMatter && this.proseOf(b).outline.some((n) => n.type === 'heading'))) this.outlineVersion++;
    // Notes repeat their blocks (templates, pasted sections) and, more still, their lines: what the words
    // teach is counted once per distinct line and tallied times its copies in the whole text, rather than word
    // by word for each copy (as `remember` does for a block of an edit); so are speakers, per distinct list.
    // The counts of a fresh document only grow, so the tallies end the same, in the same order (lines and
    // lists are taken in the order they first appear), having crossed their thresholds the same number of
    // times.
    const copies = new Map<ParsedProse, number>();
    const speakers = new Map<readonly string[], number>();
    for (let k = 0; k < blocks.length; k++) {
      const block = blocks[k];
      if (block.frontMatter) continue;
      const prose = this.proseOf(block);
      copies.set(prose, (copies.get(prose) ?? 0) + 1);
      block.people = this.speakersOf(block, k);
      if (block.people.length) speakers.set(block.people, (speakers.get(block.people) ?? 0) + 1);
      this.markForCheck(block);
    }
    speakers.forEach((n, people) => {
      for (let k = 0; k < people.length; k++) this.people.addCount(people[k], n);
    });
    const lines = new Map<string, number>();
    copies.forEach((n, prose) => {
      for (const segment of prose.segments) lines.set(segment.text, (lines.get(segment.text) ?? 0) + n);
      if (prose.links) this.tallyLinks(prose.links, n);
      const titleNames = factsOf(prose).titleNames;
      for (let k = 0; k < titleNames.length; k++) this.titles.addCount(titleNames[k], n);
    });
    const counts = new Map<string, number>();
    lines.forEach((n, line) => {
      countNameLikeWords(line, counts);
      counts.forEach((count, word) => this.countWord(word, count * n));
      counts.clear();
    });
  }

  /** Replaces blocks [at, at+count) with new ones, reusing unchanged blocks, and keeps the tallies right. */
  private splice(at: number, count: number, fresh: { start: number; text: string; frontMatter?: boolean }[]): void {
    const removed = this.blocks.slice(at, at + count);
    const reusable = new Map<string, BlockState>();
    for (const b of removed) if (!b.frontMatter) reusable.set(b.text, b);
    const added: BlockState[] = fresh.map((b) => {
      const previous = b.frontMatter ? undefined : reusable.get(b.text);
      if (previous) {
        reusable.delete(b.text);
        previous.start = b.start;
        return previous;
      }
      return new BlockState(b.start, b.text, !!b.frontMatter);
    });
    // Sets, not array searches: a whole-text replacement can remove and add tens of thousands of blocks.
    // (Nothing removed, as when a file is read: no sets needed.)
    const kept = removed.length ? new Set(added) : EMPTY;
    const wasThere = removed.length ? new Set(removed) : EMPTY;
    // The outline changes when a heading does: not when a block that holds one is edited elsewhere (notes often
    // run on into the next talk's heading without a blank line, and every keystroke there would redraw talks).
    const headings = (list: BlockState[], same: ReadonlySet<BlockState>): string => {
      let out = '';
      for (const b of list) {
        if (b.frontMatter || same.has(b)) continue;
        for (const n of this.proseOf(b).outline) if (n.type === 'heading') out += `${n.depth} ${n.text}\n`;
      }
      return out;
    };
    if (headings(removed, kept) !== headings(added, wasThere)) this.outlineVersion++;
    for (const b of removed) if (!kept.has(b)) this.forget(b);
    // Spreading a long list into splice's arguments overflows the stack: long ones are joined instead.
    if (added.length < 10_000) this.blocks.splice(at, count, ...added);
    else this.blocks = this.blocks.slice(0, at).concat(added, this.blocks.slice(at + count));
    added.forEach((b, k) => (wasThere.has(b) ? this.retallyPeople(b, at + k) : this.remember(b, at + k)));
    // The block after the region may have a new neighbour above it: its speakers are re-tallied.
    if (at + added.length < this.blocks.length) this.retallyPeople(this.blocks[at + added.length], at + added.length);
  }

  private factsOf(block: BlockState): BlockLearnFacts {
    return (block.facts ??= factsOf(this.proseOf(block)));
  }

  private proseOf(block: BlockState): ParsedProse {
    return (block.prose ??= parseProse(block.text));
  }

  private speakersOf(block: BlockState, k: number): readonly string[] {
    const facts = this.factsOf(block);
    const previous = k > 0 ? this.blocks[k - 1] : undefined;
    const afterHeading = previous && !previous.frontMatter && this.factsOf(previous).endsWithHeading;
    return afterHeading ? facts.peopleAfterHeading : facts.people;
  }

  /** Adds a block (already in `blocks`) to the tallies and marks it for matching. */
  private remember(block: BlockState, index: number): void {
    if (block.frontMatter) return;
    this.tallyWords(this.proseOf(block), 1);
    this.rememberBlock(block, index);
  }

  /** Adds (or with a negative count, takes away) `copies` uses of what a block's words teach: name candidates, talk title names. */
  private tallyWords(prose: ParsedProse, copies: number): void {
    blockWordCounts(prose.segments).forEach((n, word) => this.countWord(word, n * copies));
    if (prose.links) this.tallyLinks(prose.links, copies);
    const titleNames = factsOf(prose).titleNames;
    for (let k = 0; k < titleNames.length; k++) this.titles.addCount(titleNames[k], copies);
  }

  /** What `remember` does that depends on the block's place: its speakers (given the block before it). */
  private rememberBlock(block: BlockState, index: number): void {
    block.people = this.speakersOf(block, index);
    if (block.people.length) this.people.add(block.people, 1);
    this.markForCheck(block);
  }

  /** Marks a block for the next check, and notes whether it holds comments (which may be directives). */
  private markForCheck(block: BlockState): void {
    // (Before the first check every block is matched anyway.)
    if (this.matchedWith && block.findingsFor !== this.findingsFor) this.dirty.add(block);
    if (this.proseOf(block).comments.length) this.withComments.add(block);
  }

  /** A link from a name to its own site counts as writing the name mid-sentence (see linkedNames). */
  private tallyLinks(links: NonNullable<ParsedProse['links']>, copies: number): void {
    for (const name of linkedNames(links, this.engine.catalog)) this.midSentence.addCount(name, copies);
  }

  private countWord(word: string, n: number): void {
    if (word.startsWith(MID_SENTENCE)) this.midSentence.addCount(word.slice(MID_SENTENCE.length), n);
    else this.words.addCount(word, n);
  }

  private forget(block: BlockState): void {
    if (block.frontMatter) return;
    this.tallyWords(this.proseOf(block), -1);
    if (block.people?.length) this.people.add(block.people, -1);
    this.dirty.delete(block);
    this.suspects.delete(block);
    this.withComments.delete(block);
    this.findingTotal -= block.findingCount;
    block.findingCount = 0;
    block.matches = undefined;
  }

  /** A kept block whose neighbour above changed: recount the speakers it contributes. */
  private retallyPeople(block: BlockState, index: number): void {
    if (block.frontMatter) return;
    this.people.add(block.people ?? [], -1);
    block.people = this.speakersOf(block, index);
    this.people.add(block.people, 1);
  }

  /** Checks the current text: only new blocks are matched, and after a change of learned names the blocks it may affect. */
  check(settings: Settings, extraNames: string[] = [], options: CheckOptions = {}): Analysis {
    const { catalog, words } = this.engine;
    const extra = [...settings.knownNames, ...extraNames];
    const speakers = options.speakers ?? [];
    const inputs = `${this.people.changes}/${this.titles.changes}/${this.words.changes}/${this.midSentence.changes}/${extra.join('\u0001')}/${speakers.join('\u0001')}`;
    if (this.learnedState?.inputs !== inputs) {
      // Candidates crossed a threshold (or the configured names changed): decide the learned names again.
      const people = speakers.length ? [...this.people.keys(), ...speakers.map(asLabelledSpeaker)] : this.people.keys();
      const names = learnedNames({ people, titles: this.titles.keys(), repeated: this.words.keys(2), midSentence: this.midSentence.counts }, catalog, words, extra);
      const signature = learnedSignature(names);
      if (this.learnedState?.signature === signature) this.learnedState.inputs = inputs;
      else this.learnedState = { inputs, signature, catalog: learnedCatalog(names, new Set(speakers)), written: new Set(names.written) };
    }
    const signature = this.learnedState.signature;
    const learned = this.learnedState.catalog;
    const written = this.learnedState.written;
    const ignored = new Set(settings.ignoredWords.map((w) => w.toLowerCase()));
    const ignoredKey = [...ignored].sort().join('\u0001');
    const findingsFor = signature + '\u0003' + ignoredKey;
    let everything = false;
    if (this.findingsFor !== findingsFor) {
      const names = nameForms(learned, written);
      const before = this.matchedWith;
      if (before && before.ignored === ignoredKey) {
        // Only blocks with words equal or near to a name that came, went or changed can change. Finding
        // out is much cheaper than matching, so every block matched before becomes a suspect.
        const changed = [...names.keys()].filter((k) => before.names.get(k) !== names.get(k)).concat([...before.names.keys()].filter((k) => !names.has(k)));
        this.suspectedOf.add(changed);
        for (const b of this.blocks) {
          if (b.frontMatter || b.findingsFor !== this.findingsFor) continue;
          if (changed.length) this.suspects.add(b);
          else b.findingsFor = findingsFor;
        }
      } else if (this.completed) {
        this.dirty = new Set();
        this.suspects.clear();
        for (const b of this.blocks) if (!b.frontMatter) this.dirty.add(b);
      } else {
        // The first check matches every block, in order, and completes: no set of them is needed.
        everything = true;
        this.dirty.clear();
      }
      this.matchedWith = { ignored: ignoredKey, names };
      this.findingsFor = findingsFor;
      this.segmentMemo = new Map();
      this.blockMemo = new WeakMap();
    }
    const ctx: MatchContext = { catalog, learned, words, ignored, written };
    // The first check of a document is complete: a deadline only spreads out later re-checks of many blocks.
    const timed = options.deadline !== undefined && this.dirty.size + this.suspects.size > ALWAYS_MATCHED && this.completed;
    let visited = 0;
    let verified = 0;
    const visit = (b: BlockState): void => {
      visited++;
      if (this.suspects.delete(b)) {
        if (!this.suspectedOf.affects(this.proseOf(b))) {
          b.findingsFor = findingsFor;
          verified++;
          return;
        }
      } else if (timed) this.dirty.delete(b);
      this.match(b, findingsFor, ctx);
    };
    if (everything) {
      // An indexed loop: it runs over a big file's blocks before the code is optimized, when each step of a
      // for-of loop makes an object. (A first check is never timed.)
      for (let k = 0; k < this.blocks.length; k++) if (!this.blocks[k].frontMatter) visit(this.blocks[k]);
    } else {
      for (const b of timed ? this.nearFirst(options.near ?? 0) : this.unchecked()) {
        if (timed && visited >= ON_SCREEN && (performance.now() > options.deadline! || visited >= (options.maxBlocks ?? Infinity))) break;
        visit(b);
      }
    }
    if (!timed) this.dirty.clear();
    if (!this.suspects.size) this.suspectedOf.clear();
    this.lastCheck.matched = visited - verified;
    this.lastCheck.verified = verified;
    if (!this.dirty.size && !this.suspects.size && this.blocks.length) this.completed = true;
    const directives: Directive[] = [];
    for (const b of this.withComments) for (const c of this.proseOf(b).comments) directives.push(...directivesIn(c.text, c.start + b.start));
    return this.analysis(settings, learned, directives);
  }

  /** Sets a block's findings for this state of learned names and ignored words (`findingsFor`). */
  private match(b: BlockState, findingsFor: string, ctx: MatchContext): void {
    // Equal blocks share their parse: one that was matched already in this state is not matched again.
    const prose = this.proseOf(b);
    let block = this.blockMemo.get(prose);
    if (!block) {
      const memo = this.segmentMemo;
      const matches: SegmentMatch[] = [];
      let count = 0;
      for (let k = 0; k < prose.segments.length; k++) {
        const s = prose.segments[k];
        // Lines repeat within notes ("- Q&A", "TODO"): match each distinct line once per check state.
        let found = memo.get(s.text);
        if (!found) {
          found = matchSegment(s.text, 0, ctx);
          if (memo.size > 50_000) memo.clear();
          memo.set(s.text, found);
        }
        if (found.findings.length || found.mentions.length) matches.push({ at: s.start, result: found });
        count += found.findings.length;
      }
      block = { matches, count };
      this.blockMemo.set(prose, block);
    }
    this.findingTotal += block.count - b.findingCount;
    b.matches = block.matches;
    b.findingCount = block.count;
    b.findingsFor = findingsFor;
  }

  /** Blocks to match or verify, all of them (the caller takes each out of its set, or clears `dirty` after). */
  private *unchecked(): Iterable<BlockState> {
    yield* this.dirty;
    yield* this.suspects;
  }

  /** Blocks to match or verify, in order of distance from the block at the offset. */
  private *nearFirst(offset: number): Iterable<BlockState> {
    const { blocks, dirty, suspects } = this;
    const wanted = (b: BlockState | undefined): b is BlockState => !!b && (dirty.has(b) || suspects.has(b));
    const k = this.blockIndexAt(offset);
    for (let d = 0; (dirty.size || suspects.size) && (k - d >= 0 || k + d < blocks.length); d++) {
      const below = blocks[k + d];
      if (wanted(below)) yield below;
      const above = d ? blocks[k - d] : undefined;
      if (wanted(above)) yield above;
    }
  }

  /** A view of the checked text; valid until the next edit (the server checks again after every edit). */
  private analysis(settings: Settings, learned: Catalog, directives: Directive[]): Analysis {
    const skip = this.blocks.length && this.blocks[0].frontMatter ? 1 : 0; // front matter can only be the first block
    return createAnalysis(this, {
      blocks: skip ? this.blocks.slice(1) : this.blocks,
      settings,
      learned,
      directives,
      outlineVersion: `${this.outlineVersion}/${this.people.changes}/${this.learnedState?.signature ?? ''}`,
      pending: this.dirty.size > 0 || this.suspects.size > 0,
    });
  }
}

/** Each learned name's key, with how it is written and what it is: a change of either can change findings. */
function nameForms(learned: Catalog, written: ReadonlySet<string>): Map<string, string> {
  const forms = new Map<string, string>();
  for (const e of learned.entries) {
    const form = `${e.canonical}\u0001${e.kind}\u0001${e.aliases.join('\u0002')}\u0001${e.shortForms.join('\u0002')}`;
    const other = forms.get(e.key);
    forms.set(e.key, other === undefined ? form : `${other}\u0003${form}`);
  }
  // A name word the file starts or stops capitalizing changes what its lowercase uses are.
  for (const word of written) forms.set(word, `${forms.get(word) ?? ''}\u0004`);
  return forms;
}

/** One-shot check of a text (the CLI and tests). */
export function analyzeText(engine: Engine, text: string, settings: Settings, extraNames: string[] = []): Analysis {
  return new NotesDocument(engine, text).check(settings, extraNames);
}
