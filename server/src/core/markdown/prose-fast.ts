// A fast path for the common block: headings, `-`/`+`/`*` bullet lists (nested by indentation) and plain
// paragraphs whose only inline markup is code spans, bare URLs and simple emphasis (see prose-fast-inline.ts).
// Such a block gives the same prose as remark-parse (tests compare them) at a small fraction of the cost;
// anything else (links, HTML, tables, quotes, ordered lists, indented code, setext underlines, escapes,
// entities, intricate emphasis) returns undefined and goes to remark.
import type { OutlineNode, ParsedProse, ProseSegment } from './prose-types.ts';
import { inlineRuns } from './prose-fast-inline.ts';

// Characters that start inline or block markup this path does not model, or that GFM turns into links;
// whitespace other than spaces and line breaks (tabs, no-break spaces), which CommonMark and JS trim differently.
const MARKUP = /[\[\]<\\]|[^\S \n\r]|~[^]*~|&[#A-Za-z]|@|\r(?!\n)|^ {0,3}>|\n {0,3}>|^\s*\|?\s*:?-+:?\s*\||\n\s*\|?\s*:?-+:?\s*\|/;

const HEADING = /^(#{1,6})(?:[ ]+|$)/;
const BULLET = /^( *)([-+*])( +)(?=\S)/;
const ORDERED = /^ *\d{1,9}[.)](?: |$)/;
// Thematic breaks, setext underlines and empty list items, at any indentation (inside items too).
const RULE_OR_UNDERLINE = /^ *(?:[-=_*+] *)+$/;
// A GFM table delimiter row, which needs no pipe for one column (`:-`).
const TABLE_DELIMITER = /^[ |:-]*-[ |:-]*$/;

// Every branch of MARKUP needs one of these characters: most blocks have none, and this one scan says so.
const MARKUP_CHARACTER = /[\[\]<\\~&@>|]|[^\S \n]/;

export function parseSimpleBlock(source: string): ParsedProse | undefined {
  if (MARKUP_CHARACTER.test(source) && MARKUP.test(source)) return undefined;
  const segments: ProseSegment[] = [];
  const outline: OutlineNode[] = [];
  /** The paragraph being built: lines are added until a blank line, a heading or a new item. */
  let paragraph: { lines: { text: string; start: number }[]; start: number; end: number; nested: boolean } | undefined;
  /** Content columns of the open list items, outermost first (they only grow inwards). */
  let items: number[] = [];
  let sawBlank = false;
  /** The backtick fence of an open fenced code block. */
  let fence: string | undefined;

  const close = (): void => {
    if (paragraph) outline.push({ type: 'paragraph', ...paragraph });
    paragraph = undefined;
  };
  let unsupported = false;
  const addRuns = (text: string, start: number): void => {
    const runs = inlineRuns(text, start, true);
    if (runs) for (const run of runs) segments.push(run);
    else unsupported = true;
  };
  const addLine = (text: string, start: number, nested: boolean, newParagraph: boolean): void => {
    // Only spaces count as trailing whitespace (tabs never get here); a paragraph's end includes them.
    const trimmed = text.replace(/ +$/, '');
    if (!trimmed) return;
    addRuns(trimmed, start);
    if (newParagraph || !paragraph) {
      close();
      paragraph = { lines: [], start, end: start, nested };
    }
    paragraph.lines.push({ text: trimmed.trim(), start });
    paragraph.end = start + text.length;
  };

  let offset = 0;
  while (offset < source.length && !unsupported) {
    let lineEnd = source.indexOf('\n', offset);
    if (lineEnd < 0) lineEnd = source.length;
    const line = source.slice(offset, source.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd);
    const lineStart = offset;
    offset = lineEnd + 1;

    if (fence) {
      // Inside fenced code: nothing to check, until the closing fence.
      if (new RegExp(`^ {0,3}${fence}\`*\\s*$`).test(line)) fence = undefined;
      continue;
    }
    if (/^ *$/.test(line)) {
      sawBlank = true;
      close();
      continue;
    }
    const opening = /^(`{3,})[^`]*$/.exec(line);
    if (opening) {
      if (sawBlank) return undefined;
      close();
      items = [];
      fence = opening[1];
      continue;
    }
    if (RULE_OR_UNDERLINE.test(line) || TABLE_DELIMITER.test(line) || ORDERED.test(line)) return undefined;

    const heading = HEADING.exec(line);
    if (heading) {
      if (sawBlank) return undefined;
      let content = line.slice(heading[0].length).replace(/ +$/, '');
      content = content.replace(/(?:^| +)#+$/, '');
      if (!content.trim()) return undefined;
      const start = lineStart + heading[0].length;
      close();
      items = [];
      addRuns(content, start);
      outline.push({ type: 'heading', depth: heading[1].length, text: content, start, end: start + content.length });
      continue;
    }
    const indent = /^ */.exec(line)![0].length;
    // An indented heading may sit inside a list item; a quote may too.
    if (/^ +#|^ *>/.test(line)) return undefined;
    // The open items this line is indented into, and its indentation relative to the innermost of them.
    let depth = 0;
    while (depth < items.length && items[depth] <= indent) depth++;
    const relative = indent - (depth ? items[depth - 1] : 0);

    const bullet = BULLET.exec(line);
    if (bullet) {
      const contentStart = bullet[0].length;
      const rest = line.slice(contentStart);
      // 4+ columns in is indented code (or, under a paragraph, its continuation text): remark decides.
      if (relative >= 4 || bullet[3].length > 4) return undefined;
      if (/^(?:#|>|[-+*](?:\s|$)|\d{1,9}[.)](?:\s|$))/.test(rest) || RULE_OR_UNDERLINE.test(rest)) return undefined;
      items = items.slice(0, depth);
      items.push(indent + 1 + bullet[3].length);
      sawBlank = false;
      addLine(rest, lineStart + contentStart, true, true);
      continue;
    }
    if (paragraph) {
      // A plain line continues the open paragraph, however it is indented (lazily or inside its item).
      addLine(line.slice(indent), lineStart + indent, paragraph.nested, false);
      continue;
    }
    // A new paragraph (after a blank line, a heading or a fence): in the item it is indented into, or at
    // the top level; 4+ columns in would be indented code.
    if (relative >= 4 || (!sawBlank && items.length)) return undefined;
    items = items.slice(0, depth);
    sawBlank = false;
    addLine(line.slice(indent), lineStart + indent, depth > 0, true);
  }
  close();
  // An unclosed fence runs to the end of the document, beyond this block: remark decides.
  if (unsupported || fence) return undefined;
  return { segments, outline, comments: [] };
}
