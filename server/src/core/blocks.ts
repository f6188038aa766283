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
const BLANK = /^[ \t]*$/;

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

export function splitBlocks(text: string): Block[] {
  return scanBlocks(text, 0, text.length).blocks;
}

/**
 * Splits text[from, to) into blocks; `from` must be a block boundary (or 0). `open` tells whether the region
 * ends inside a fence or an HTML comment, in which case the blocks after it may have changed too.
 * `atDocumentStart` says whether `from` is the top of the document (where front matter may be).
 */
export function scanBlocks(text: string, from: number, to: number, atDocumentStart = from === 0): { blocks: Block[]; open: boolean } {
  const blocks: Block[] = [];
  let blockStart = from;

  const fmEnd = atDocumentStart ? frontMatterEnd(text) : 0;
  // Front matter that closes past the region (an edit broke its closing line): the caller must widen.
  if (fmEnd > to) return { blocks: [{ start: 0, text: text.slice(0, to) }], open: true };
  if (fmEnd > 0 && fmEnd <= to) {
    const fm = text.slice(0, fmEnd);
    blocks.push({ start: 0, text: fm, frontMatter: true });
    blockStart = fmEnd;
  }

  let fence: string | null = null;
  let inComment = false;
  let sawBlank = false;
  const origin = blockStart;
  for (const l of lines(text.slice(origin, to))) {
    const start = l.start + origin;
    const content = l.content;
    if (fence) {
      const close = FENCE.exec(content);
      if (close && close[1][0] === fence[0] && close[1].length >= fence.length && content.trim() === close[1]) fence = null;
    } else if (inComment) {
      if (content.includes('-->')) inComment = false;
    } else if (BLANK.test(content)) {
      sawBlank = true;
    } else {
      const unindented = !/^[ \t]/.test(content);
      if (sawBlank && unindented && start > blockStart) {
        blocks.push({ start: blockStart, text: text.slice(blockStart, start) });
        blockStart = start;
      }
      sawBlank = false;
      const open = FENCE.exec(content);
      if (open) fence = open[1];
      else if (content.includes('<!--') && !content.slice(content.lastIndexOf('<!--')).includes('-->')) inComment = true;
    }
  }
  if (blockStart < to || blocks.length === 0) {
    blocks.push({ start: blockStart, text: text.slice(blockStart, to) });
  }
  return { blocks, open: fence !== null || inComment };
}
