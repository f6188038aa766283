// A fast path for the common block: headings, bullet lists and plain paragraphs whose only inline markup
// is code spans and bare URLs (both left out of the prose). Such a block gives the same prose as
// remark-parse (a test compares them) at a small fraction of the cost; anything else (emphasis, links,
// HTML, tables, quotes, ordered lists, indentation that could be code, setext underlines, escapes,
// entities) returns undefined and goes to remark.
import type { OutlineNode, ParsedProse, ProseSegment } from './prose.ts';

// Characters that start inline or block markup, or that GFM turns into links.
const MARKUP = /[*_\[\]<\\\t]|~.*~|&[#A-Za-z]|@|\r(?!\n)|^ {0,3}>|\n {0,3}>|^\s*\|?\s*:?-+:?\s*\||\n\s*\|?\s*:?-+:?\s*\|/;
const URL_START = /^(?:https?:\/\/|www\.)/i;

/**
 * The prose pieces of one line: the text between code spans and bare URLs, as remark splits it. Undefined
 * when the line has something this path does not model (an unclosed code span, an unusual URL).
 */
function inlineRuns(text: string, start: number): ProseSegment[] | undefined {
  const out: ProseSegment[] = [];
  let runStart = 0;
  let i = 0;
  const cut = (from: number, to: number): void => {
    if (to > runStart) out.push({ text: text.slice(runStart, to), start: start + runStart });
    runStart = from;
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '`') {
      let n = 1;
      while (text[i + n] === '`') n++;
      let close = -1;
      for (let j = i + n; j < text.length; j++) {
        if (text[j] !== '`') continue;
        let m = 1;
        while (text[j + m] === '`') m++;
        if (m === n) {
          close = j;
          break;
        }
        j += m - 1;
      }
      if (close < 0) return undefined;
      cut(close + n, i);
      i = close + n;
      continue;
    }
    if ((c === 'h' || c === 'H' || c === 'w' || c === 'W') && (i === 0 || /[\s(]/.test(text[i - 1])) && URL_START.test(text.slice(i, i + 8))) {
      let end = i;
      while (end < text.length && !/\s/.test(text[end])) end++;
      let url = text.slice(i, end);
      // Trailing punctuation is not part of an autolink; neither is an unbalanced closing parenthesis.
      for (;;) {
        if (/[?!.,:;'"]$/.test(url)) url = url.slice(0, -1);
        else if (url.endsWith(')') && (url.match(/\)/g) ?? []).length > (url.match(/\(/g) ?? []).length) url = url.slice(0, -1);
        else break;
      }
      const domain = url.replace(URL_START, '').split(/[/?#]/)[0];
      if (!/^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?::\d+)?$/.test(domain) || url.includes('`')) return undefined;
      cut(i + url.length, i);
      i += url.length;
      continue;
    }
    i++;
  }
  cut(text.length, text.length);
  return out;
}
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
  /** The backtick fence of an open fenced code block. */
  let fence: string | undefined;

  const close = (): void => {
    if (paragraph) outline.push({ type: 'paragraph', ...paragraph });
    paragraph = undefined;
  };
  let unsupported = false;
  const addRuns = (text: string, start: number): void => {
    const runs = inlineRuns(text, start);
    if (runs) segments.push(...runs);
    else unsupported = true;
  };
  const addLine = (text: string, start: number, nested: boolean, newParagraph: boolean): void => {
    const trimmed = text.replace(/\s+$/, '');
    if (!trimmed) return;
    addRuns(trimmed, start);
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

    if (fence) {
      // Inside fenced code: nothing to check, until the closing fence.
      if (new RegExp(`^ {0,3}${fence}\`*\\s*$`).test(line)) fence = undefined;
      continue;
    }
    if (!line.trim()) {
      sawBlank = true;
      close();
      continue;
    }
    const opening = /^(`{3,})[^`]*$/.exec(line);
    if (opening) {
      if (sawBlank) return undefined;
      close();
      inList = false;
      fence = opening[1];
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
      addRuns(content, start);
      outline.push({ type: 'heading', depth: heading[1].length, text: content, start, end: start + content.length });
      continue;
    }
    if (/^ +#/.test(line)) return undefined; // an indented heading may sit inside a list item

    const bullet = BULLET.exec(line);
    if (bullet) {
      const contentStart = bullet[0].length;
      const rest = line.slice(contentStart);
      if (/^(?:#|>|[-+]\s|\d{1,9}[.)]\s)/.test(rest) || bullet[3].length > 4) return undefined;
      inList = true;
      addLine(rest, lineStart + contentStart, true, true);
      continue;
    }
    const indent = /^ */.exec(line)![0].length;
    // A plain line continues the paragraph (or list item) above it, or starts a top-level paragraph.
    addLine(line.slice(indent), lineStart + indent, inList, false);
  }
  close();
  // An unclosed fence runs to the end of the document, beyond this block: remark decides.
  if (unsupported || fence) return undefined;
  return { segments, outline, comments: [] };
}
