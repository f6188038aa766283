// Markdown -> the prose to check. remark-parse (with GFM and front matter) gives a syntax tree with source
// offsets; we keep only text that a person wrote as prose (paragraphs, headings, list items, emphasis, link
// text, table cells) and drop code, HTML, URLs and front matter.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { parseSimpleBlock } from './prose-fast.ts';
import type { HeadingInfo, OutlineNode, ParagraphInfo, ParsedProse, ProseSegment } from './prose-types.ts';

export type { HeadingInfo, OutlineNode, ParagraphInfo, ParsedProse, ProseSegment };

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);

interface MdNode {
  type: string;
  value?: string;
  url?: string;
  depth?: number;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

const SKIP = new Set(['code', 'inlineCode', 'html', 'yaml', 'toml', 'image', 'imageReference', 'definition', 'footnoteDefinition']);
const URL_LIKE = /^(?:[a-z][a-z0-9+.-]*:|www\.)/i;

function offsets(node: MdNode): [number, number] | null {
  const s = node.position?.start.offset;
  const e = node.position?.end.offset;
  return s === undefined || e === undefined ? null : [s, e];
}

/** Splits a source slice into per-line segments (names never span a line break in notes). */
function pushLines(out: ProseSegment[], source: string, start: number, end: number): void {
  let lineStart = start;
  for (let i = start; i <= end; i++) {
    const c = i < end ? source.charCodeAt(i) : 10;
    if (c === 10 || c === 13) {
      if (i > lineStart) out.push({ text: source.slice(lineStart, i), start: lineStart });
      lineStart = i + 1;
    }
  }
}

function isAutolink(node: MdNode, source: string): boolean {
  const range = offsets(node);
  if (!range) return false;
  const text = source.slice(range[0], range[1]);
  return text === node.url || URL_LIKE.test(text) || text.startsWith('<');
}

function headingText(source: string, node: MdNode): HeadingInfo | null {
  const range = offsets(node);
  if (!range) return null;
  const children = node.children ?? [];
  const first = children.length ? offsets(children[0]) : null;
  const last = children.length ? offsets(children[children.length - 1]) : null;
  const start = first ? first[0] : range[0];
  const end = last ? last[1] : start;
  return { depth: node.depth ?? 1, text: source.slice(start, end), start, end };
}

function paragraphInfo(source: string, node: MdNode, nested: boolean): ParagraphInfo | null {
  const range = offsets(node);
  if (!range) return null;
  const lines: { text: string; start: number }[] = [];
  pushLines(lines, source, range[0], range[1]);
  return { lines: lines.map((l) => ({ text: l.text.trim(), start: l.start + (l.text.length - l.text.trimStart().length) })), start: range[0], end: range[1], nested };
}

// Parsed blocks are shared by every document: notes repeat blocks ("- Q&A", templates), and an undo brings
// a block back. Results are never mutated, so sharing is safe.
const cache = new Map<string, ParsedProse>();
const CACHE_LIMIT = 20_000;

/** Forgets shared parses (for measuring cold checks). */
export function clearParseCache(): void {
  cache.clear();
}

/** The prose of one block: the fast path when the block has no markup that needs a parser, else remark. */
export function parseProse(source: string): ParsedProse {
  let parsed = cache.get(source);
  if (!parsed) {
    parsed = parseSimpleBlock(source) ?? (source.length > HUGE_BLOCK ? parsePlainText(source) : parseWithRemark(source));
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(source, parsed);
  }
  return parsed;
}

// remark slows down more than linearly on one enormous paragraph full of inline markup (a pasted log, a
// 1 MB line): such a block is read as plain lines instead, with code spans, link targets and tags left out.
const HUGE_BLOCK = 50_000;
const NOT_PLAIN_PROSE = /`[^`\n]*`|\]\([^)\n]*\)|<[^>\n]*>|(?:https?:\/\/|www\.)[^\s)]*/g;

export function parsePlainText(source: string): ParsedProse {
  const segments: ProseSegment[] = [];
  const outline: OutlineNode[] = [];
  let lineStart = 0;
  for (const line of source.split('\n')) {
    let at = 0;
    for (const m of line.matchAll(NOT_PLAIN_PROSE)) {
      const index = m.index ?? 0;
      if (index > at) segments.push({ text: line.slice(at, index), start: lineStart + at });
      at = index + m[0].length;
    }
    if (at < line.length) segments.push({ text: line.slice(at).replace(/\r$/, ''), start: lineStart + at });
    const heading = /^(#{1,6})[ \t]+(.*?)[ \t#]*\r?$/.exec(line);
    if (heading && heading[2]) outline.push({ type: 'heading', depth: heading[1].length, text: heading[2], start: lineStart + heading[1].length + 1, end: lineStart + heading[1].length + 1 + heading[2].length });
    lineStart += line.length + 1;
  }
  return { segments, outline, comments: [] };
}

export function parseWithRemark(source: string): ParsedProse {
  const tree = processor.parse(source) as MdNode;
  const segments: ProseSegment[] = [];
  const outline: OutlineNode[] = [];
  const comments: ParsedProse['comments'] = [];
  let links: ParsedProse['links'];

  const visit = (node: MdNode, depth: number): void => {
    if (node.type === 'html') {
      const range = offsets(node);
      if (range && node.value?.trimStart().startsWith('<!--')) comments.push({ text: node.value, start: range[0], end: range[1] });
      return;
    }
    if (SKIP.has(node.type)) return;
    if (node.type === 'link' && isAutolink(node, source)) return;
    if (node.type === 'link' && node.url && node.children?.length === 1 && node.children[0].type === 'text' && node.children[0].value) {
      (links ??= []).push({ text: node.children[0].value, url: node.url });
    }
    if (node.type === 'text') {
      const range = offsets(node);
      if (range) pushLines(segments, source, range[0], range[1]);
      return;
    }
    if (node.type === 'heading') {
      const info = headingText(source, node);
      if (info) outline.push({ type: 'heading', ...info });
    } else if (node.type === 'paragraph') {
      const info = paragraphInfo(source, node, depth > 1);
      if (info) outline.push({ type: 'paragraph', ...info });
    }
    for (const child of node.children ?? []) visit(child, depth + 1);
  };
  visit(tree, 0);
  return links ? { segments, outline, comments, links } : { segments, outline, comments };
}
