// Splits a document into top-level blocks that can be parsed on their own: a block ends at a blank line
// that is followed by an unindented line, outside fenced code and multi-line HTML comments. Parsing each
// block separately gives the same prose as parsing the whole file, lets results be cached per block, and
// bounds the cost of an edit to the blocks it touches.

export interface Block {
  /** Offset of the block's first character in the document. */
  start: number;
  /** Its text, including trailing blank lines. */
  text: string;
  /** Front matter at the top of the file: never checked. */
  frontMatter?: boolean;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

interface Line {
  start: number;
  /** Content without its line break. */
  content: string;
  /** Offset after the line break. */
  next: number;
}

function* lines(text: string): Generator<Line> {
  let start = 0;
  while (start < text.length) {
    let end = start;
    while (end < text.length) {
      const c = text.charCodeAt(end);
      if (c === 10 || c === 13) break;
      end++;
    }
    let next = end;
    if (text.charCodeAt(next) === 13) next++;
    if (text.charCodeAt(next) === 10) next++;
    yield { start, content: text.slice(start, end), next };
    start = next;
  }
}

const FRONT_MATTER_LIMIT = 64 * 1024;

/** Where front matter at the top of the text ends (0 if there is none, or none closed in the first 64 KB). */
export function frontMatterEnd(text: string): number {
  // (The pattern alone would be tried at every position of a big text.)
  if (!text.startsWith('---') && !text.startsWith('+++')) return 0;
  const open = /^(---|\+\+\+)[ \t]*\r?\n/.exec(text);
  if (!open) return 0;
  const marker = open[1];
  let offset = open[0].length;
  for (const line of lines(text.slice(offset, FRONT_MATTER_LIMIT))) {
    const t = line.content.trim();
    if (t === marker || (marker === '---' && t === '...')) return offset + line.next;
  }
  return 0;
}

/**
 * The next occurrence of a string at or after an offset, or the text's length when there is none; each search
 * runs once per occurrence, not per line. (The length, not Infinity: a small integer, where a double field
 * would make a boxed number of each of the answers, one per line of a big file.)
 */
class NextIndex {
  private at = -1;
  constructor(
    private readonly text: string,
    private readonly needle: string,
  ) {}
  from(offset: number): number {
    if (this.at < offset) {
      const found = this.text.indexOf(this.needle, offset);
      this.at = found < 0 ? this.text.length : found;
    }
    return this.at;
  }
}

export function splitBlocks(text: string): Block[] {
  return scanBlocks(text, 0, text.length).blocks;
}

/**
 * Splits text[from, to) into blocks; `from` must be a block boundary (or 0). `open` tells whether the region
 * ends inside a fence or an HTML comment, in which case the blocks after it may have changed too.
 * `atDocumentStart` says whether `from` is the top of the document (where front matter may be).
 */
export function scanBlocks(text: string, from: number, to: number, atDocumentStart?: boolean): { blocks: Block[]; open: boolean };
/** The same, with the caller's objects for the blocks (a file read whole makes no intermediate ones). */
export function scanBlocks<B>(text: string, from: number, to: number, atDocumentStart: boolean, make: (start: number, text: string, frontMatter: boolean) => B): { blocks: B[]; open: boolean };
export function scanBlocks<B>(
  text: string,
  from: number,
  to: number,
  atDocumentStart = from === 0,
  make: (start: number, text: string, frontMatter: boolean) => B = (start, text, frontMatter) => (frontMatter ? { start, text, frontMatter } : { start, text }) as B,
): { blocks: B[]; open: boolean } {
  const blocks: B[] = [];
  let blockStart = from;

  const fmEnd = atDocumentStart ? frontMatterEnd(text) : 0;
  // Front matter that closes past the region (an edit broke its closing line): the caller must widen.
  if (fmEnd > to) return { blocks: [make(0, text.slice(0, to), false)], open: true };
  if (fmEnd > 0 && fmEnd <= to) {
    const fm = text.slice(0, fmEnd);
    blocks.push(make(0, fm, true));
    blockStart = fmEnd;
  }

  let fence: string | null = null;
  let inComment = false;
  let sawBlank = false;
  // Lines are read in place (no copy per line); only fence and comment lines are looked at closely.
  const [lf, cr, commentOpen, commentClose] = ['\n', '\r', '<!--', '-->'].map((needle) => new NextIndex(text, needle));
  for (let start = blockStart; start < to; ) {
    const end = Math.min(to, lf.from(start), cr.from(start));
    let after = end;
    if (text.charCodeAt(after) === 13 && after < to) after++;
    if (text.charCodeAt(after) === 10 && after < to) after++;
    let first = start;
    while (first < end && (text.charCodeAt(first) === 32 || text.charCodeAt(first) === 9)) first++;
    const lead = text.charCodeAt(first);
    const maybeFence = first < end && (lead === 96 || lead === 126) && first - start <= 3;
    if (fence) {
      if (maybeFence) {
        const content = text.slice(start, end);
        const close = FENCE.exec(content);
        if (close && close[1][0] === fence[0] && close[1].length >= fence.length && content.trim() === close[1]) fence = null;
      }
    } else if (inComment) {
      if (commentClose.from(start) + 3 <= end) inComment = false;
    } else if (first === end) {
      sawBlank = true;
    } else {
      const unindented = first === start;
      if (sawBlank && unindented && start > blockStart) {
        blocks.push(make(blockStart, text.slice(blockStart, start), false));
        blockStart = start;
      }
      sawBlank = false;
      const open = maybeFence ? FENCE.exec(text.slice(start, end)) : null;
      if (open) fence = open[1];
      else {
        const comment = commentOpen.from(start);
        if (comment + 4 <= end) {
          const content = text.slice(start, end);
          if (!content.slice(content.lastIndexOf('<!--')).includes('-->')) inComment = true;
        }
      }
    }
    start = after > end ? after : end + 1;
  }
  if (blockStart < to || blocks.length === 0) {
    blocks.push(make(blockStart, text.slice(blockStart, to), false));
  }
  return { blocks, open: fence !== null || inComment };
}
