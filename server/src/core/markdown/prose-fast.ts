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

// What a line that is not plain text starts with: a space (blank or indented), a fence, a rule or underline,
// a table row, an ordered or bullet item, a heading or a quote.
const MARKER_START = /^[ `#=_*+|:>\d-]/;

// Every branch of MARKUP needs one of these characters: most blocks have none, and this one scan says so.
const MARKUP_CHARACTER = /[\[\]<\\~&@>|]|[^\S \n]/;

export function parseSimpleBlock(source: string): ParsedProse | undefined {
  if (MARKUP_CHARACTER.test(source) && MARKUP.test(source)) return undefined;
  return new SimpleBlockParser().parse(source);
}

/**
 * The state of one block's parse: an object rather than closures over locals, so that parsing a block makes
 * one object (a big file has thousands of distinct blocks).
 */
class SimpleBlockParser {
  readonly segments: ProseSegment[] = [];
  readonly outline: OutlineNode[] = [];
  /** The paragraph being built: lines are added until a blank line, a heading or a new item. */
  paragraph: { lines: { text: string; start: number }[]; start: number; end: number; nested: boolean } | undefined = undefined;
  /** Content columns of the open list items, outermost first (they only grow inwards). */
  items: number[] = [];
  sawBlank = false;
  /** The backtick fence of an open fenced code block. */
  fence: string | undefined = undefined;
  unsupported = false;

  parse(source: string): ParsedProse | undefined {
    let offset = 0;
    while (offset < source.length && !this.unsupported) {
      let lineEnd = source.indexOf('\n', offset);
      if (lineEnd < 0) lineEnd = source.length;
      const line = source.slice(offset, source.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd);
      const lineStart = offset;
      offset = lineEnd + 1;

      if (this.fence) {
        // Inside fenced code: nothing to check, until the closing fence.
        if (new RegExp(`^ {0,3}${this.fence}\`*\\s*$`).test(line)) this.fence = undefined;
        continue;
      }
      // Most lines start with a letter: no blank line, fence, rule, heading, list item or indented line, which
      // all start with one of MARKER_START. Such a line is text, at no indentation; the tests are left out.
      if (line && !MARKER_START.test(line)) {
        if (!this.addText(line, lineStart, 0)) return undefined;
        continue;
      }
      if (/^ *$/.test(line)) {
        this.sawBlank = true;
        this.close();
        continue;
      }
      const opening = /^(`{3,})[^`]*$/.exec(line);
      if (opening) {
        if (this.sawBlank) return undefined;
        this.close();
        this.items = [];
        this.fence = opening[1];
        continue;
      }
      if (RULE_OR_UNDERLINE.test(line) || TABLE_DELIMITER.test(line) || ORDERED.test(line)) return undefined;

      const heading = HEADING.exec(line);
      if (heading) {
        if (this.sawBlank) return undefined;
        let content = line.slice(heading[0].length).replace(/ +$/, '');
        content = content.replace(/(?:^| +)#+$/, '');
        if (!content.trim()) return undefined;
        const start = lineStart + heading[0].length;
        this.close();
        this.items = [];
        this.addRuns(content, start);
        this.outline.push({ type: 'heading', depth: heading[1].length, text: content, start, end: start + content.length });
        continue;
      }
      const indent = /^ */.exec(line)![0].length;
      // An indented heading may sit inside a list item; a quote may too.
      if (/^ +#|^ *>/.test(line)) return undefined;

      const bullet = BULLET.exec(line);
      if (bullet) {
        const depth = this.depthAt(indent);
        const contentStart = bullet[0].length;
        const rest = line.slice(contentStart);
        // 4+ columns in is indented code (or, under a paragraph, its continuation text): remark decides.
        if (this.relative(indent, depth) >= 4 || bullet[3].length > 4) return undefined;
        if (/^(?:#|>|[-+*](?:\s|$)|\d{1,9}[.)](?:\s|$))/.test(rest) || RULE_OR_UNDERLINE.test(rest)) return undefined;
        this.items = this.items.slice(0, depth);
        this.items.push(indent + 1 + bullet[3].length);
        this.sawBlank = false;
        this.addLine(rest, lineStart + contentStart, true, true);
        continue;
      }
      if (!this.addText(line, lineStart, indent)) return undefined;
    }
    this.close();
    // An unclosed fence runs to the end of the document, beyond this block: remark decides.
    if (this.unsupported || this.fence) return undefined;
    return { segments: this.segments, outline: this.outline, comments: [] };
  }

  private close(): void {
    const paragraph = this.paragraph;
    if (paragraph) this.outline.push({ type: 'paragraph', lines: paragraph.lines, start: paragraph.start, end: paragraph.end, nested: paragraph.nested });
    this.paragraph = undefined;
  }

  private addRuns(text: string, start: number): void {
    const runs = inlineRuns(text, start, true);
    if (runs) for (let k = 0; k < runs.length; k++) this.segments.push(runs[k]);
    else this.unsupported = true;
  }

  private addLine(text: string, start: number, nested: boolean, newParagraph: boolean): void {
    // Only spaces count as trailing whitespace (tabs never get here); a paragraph's end includes them.
    const trimmed = text.charCodeAt(text.length - 1) === 32 ? text.replace(/ +$/, '') : text;
    if (!trimmed) return;
    this.addRuns(trimmed, start);
    if (newParagraph || !this.paragraph) {
      this.close();
      this.paragraph = { lines: [], start, end: start, nested };
    }
    this.paragraph.lines.push({ text: trimmed.trim(), start });
    this.paragraph.end = start + text.length;
  }

  /** How many of the open items a line at this indentation is indented into. */
  private depthAt(indent: number): number {
    let depth = 0;
    while (depth < this.items.length && this.items[depth] <= indent) depth++;
    return depth;
  }

  /** The indentation relative to the innermost of those items. */
  private relative(indent: number, depth: number): number {
    return indent - (depth ? this.items[depth - 1] : 0);
  }

  /** A line that is no list item: it continues the open paragraph or opens one. False when remark must decide. */
  private addText(line: string, lineStart: number, indent: number): boolean {
    if (this.paragraph) {
      // A plain line continues the open paragraph, however it is indented (lazily or inside its item).
      this.addLine(line.slice(indent), lineStart + indent, this.paragraph.nested, false);
      return true;
    }
    // A new paragraph (after a blank line, a heading or a fence): in the item it is indented into, or at
    // the top level; 4+ columns in would be indented code.
    const depth = this.depthAt(indent);
    if (this.relative(indent, depth) >= 4 || (!this.sawBlank && this.items.length)) return false;
    this.items = this.items.slice(0, depth);
    this.sawBlank = false;
    this.addLine(line.slice(indent), lineStart + indent, depth > 0, true);
    return true;
  }
}
