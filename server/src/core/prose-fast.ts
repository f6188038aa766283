// A fast path for the common block: headings, bullet lists and plain paragraphs with no inline markup.
// Such a block gives the same prose as remark-parse (a test compares them), at a small fraction of the cost;
// anything else (code, emphasis, links, HTML, tables, ordered lists, indentation that could be code, setext
// underlines, URLs) returns undefined and goes to remark.
import type { OutlineNode, ParsedProse, ProseSegment } from './prose.ts';

// Characters that start inline or block markup, or that GFM turns into links.
const MARKUP = /[`*_\[\]<>\\&|~\t]|:\/\/|www\.|@|\r(?!\n)/;
const HEADING = /^(#{1,6})(?:[ ]+|$)/;
const BULLET = /^( {0,3})([-+])( +)(?=\S)/;
const ORDERED = /^ *\d{1,9}[.)](?: |$)/;
const RULE_OR_UNDERLINE = /^ {0,3}(?:[-=_*]\s*)+$/;

export function parseSimpleBlock(source: string): ParsedProse | undefined {
  if (MARKUP.test(source)) return undefined;
  const segments: ProseSegment[] = [];
  const outline: OutlineNode[] = [];
  /** The paragraph being built: lines are added until a blank line, a heading or a new item. */
  let paragraph: { lines: { text: string; start: number }[]; start: number; end: number; nested: boolean } | undefined;
  let inList = false;
  let sawBlank = false;

  const close = (): void => {
    if (paragraph) outline.push({ type: 'paragraph', ...paragraph });
    paragraph = undefined;
  };
  const addLine = (text: string, start: number, nested: boolean, newParagraph: boolean): void => {
    const trimmed = text.replace(/\s+$/, '');
    if (!trimmed) return;
    segments.push({ text: trimmed, start });
    if (newParagraph || !paragraph) {
      close();
      paragraph = { lines: [], start, end: start, nested };
    }
    paragraph.lines.push({ text: trimmed.trim(), start });
    paragraph.end = start + trimmed.length;
  };

  let offset = 0;
  while (offset < source.length) {
    let lineEnd = source.indexOf('\n', offset);
    if (lineEnd < 0) lineEnd = source.length;
    const line = source.slice(offset, source.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd);
    const lineStart = offset;
    offset = lineEnd + 1;

    if (!line.trim()) {
      sawBlank = true;
      close();
      continue;
    }
    // Content after a blank line inside a block is a loose list or indented code: leave it to remark.
    if (sawBlank) return undefined;
    if (RULE_OR_UNDERLINE.test(line) || ORDERED.test(line) || /^ {4}/.test(line)) return undefined;

    const heading = HEADING.exec(line);
    if (heading) {
      let content = line.slice(heading[0].length).replace(/\s+$/, '');
      content = content.replace(/(?:^|\s+)#+$/, '');
      if (!content.trim()) return undefined;
      const start = lineStart + heading[0].length;
      close();
      inList = false;
      segments.push({ text: content, start });
      outline.push({ type: 'heading', depth: heading[1].length, text: content, start, end: start + content.length });
      continue;
    }
    if (/^ +#/.test(line)) return undefined; // an indented heading may sit inside a list item

    const bullet = BULLET.exec(line);
    if (bullet) {
      const contentStart = bullet[0].length;
      const rest = line.slice(contentStart);
      if (/^(?:#|[-+]\s|\d{1,9}[.)]\s)/.test(rest) || bullet[3].length > 4) return undefined;
      inList = true;
      addLine(rest, lineStart + contentStart, true, true);
      continue;
    }
    const indent = /^ */.exec(line)![0].length;
    // A plain line continues the paragraph (or list item) above it, or starts a top-level paragraph.
    addLine(line.slice(indent), lineStart + indent, inList, false);
  }
  close();
  return { segments, outline, comments: [] };
}
