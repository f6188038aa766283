// Inline markup of one line for the fast block parser: code spans and bare URLs (left out of the prose) and
// the unambiguous subset of `*`/`_` emphasis (delimiters left out, their text kept as separate pieces, as
// remark's text nodes are). Anything outside that subset returns undefined so the block goes to remark.
import type { ProseSegment } from './prose-types.ts';

const URL_START = /^(?:https?:\/\/|www\.)/i;
// Where the loop below has something to do; the text between is skipped by the regex engine.
const INTERESTING = /[`*_]|https?:\/\/|www\./gi;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;

const WHITESPACE = 0;
const PUNCTUATION = 1;
const OTHER = 2;

/** CommonMark's character class for flanking; undefined for non-ASCII and controls (Unicode rules not modelled). */
function charClass(code: number): number | undefined {
  // Out of range: the line's start or end, which count as whitespace.
  if (Number.isNaN(code) || code === 32 || (code >= 9 && code <= 13)) return WHITESPACE;
  if (code < 32 || code > 126) return undefined;
  return ASCII_PUNCTUATION.test(String.fromCharCode(code)) ? PUNCTUATION : OTHER;
}

interface Run {
  at: number;
  length: number;
  marker: string;
}

/**
 * The prose pieces of one line (already stripped of block markers and trailing whitespace) as remark splits
 * them. Undefined when the line has something this path does not model: an unclosed code span, an unusual
 * URL, or emphasis outside the simple subset. An opener still unmatched at the line's end declines (it
 * could close on a later line of the paragraph), so matching per line equals matching per paragraph.
 * `singleStar` enables single-`*` emphasis (a test compares it with remark on its own).
 */
export function inlineRuns(text: string, start: number, singleStar = false): ProseSegment[] | undefined {
  // Most lines have no inline markup at all: the whole line is one piece.
  INTERESTING.lastIndex = 0;
  if (!INTERESTING.test(text)) return text ? [{ text, start }] : [];
  /** Source ranges that are not prose: code spans, URLs and matched delimiter runs. */
  const dropped: [number, number][] = [];
  let pending: Run | undefined;
  let i = 0;
  while (i < text.length) {
    INTERESTING.lastIndex = i;
    const next = INTERESTING.exec(text);
    if (!next) break;
    i = next.index;
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
      dropped.push([i, close + n]);
      i = close + n;
      continue;
    }
    if (c === '*' || c === '_') {
      let n = 1;
      while (text[i + n] === c) n++;
      const before = charClass(text.charCodeAt(i - 1));
      const after = charClass(text.charCodeAt(i + n));
      if (before === undefined || after === undefined || n > 2) return undefined;
      const left = after !== WHITESPACE && (after !== PUNCTUATION || before !== OTHER);
      const right = before !== WHITESPACE && (before !== PUNCTUATION || after !== OTHER);
      const opens = c === '*' ? left : left && (!right || before === PUNCTUATION);
      const closes = c === '*' ? right : right && (!left || after === PUNCTUATION);
      if (opens && closes) return undefined; // both-ways runs bring in the rule of three and nesting
      if ((opens || closes) && c === '*' && n === 1 && !singleStar) return undefined;
      if (opens) {
        if (pending) return undefined; // nested or stacked openers
        pending = { at: i, length: n, marker: c };
      } else if (closes && pending) {
        if (pending.marker !== c || pending.length !== n) return undefined; // partial or crossed matches
        dropped.push([pending.at, pending.at + n], [i, i + n]);
        pending = undefined;
      }
      // A closer with no opener before it, or a run that neither opens nor closes, is literal text.
      i += n;
      continue;
    }
    if ((c === 'h' || c === 'H' || c === 'w' || c === 'W') && URL_START.test(text.slice(i, i + 8))) {
      const previous = i === 0 ? ' ' : text[i - 1];
      if (/[A-Za-z]/.test(previous)) {
        i++; // GFM links no URL that follows a letter
        continue;
      }
      // GFM also links URLs after `*`, `_`, `~`, quotes and other punctuation, where emphasis may interleave.
      if (!/[ \t\r\n(]/.test(previous)) return undefined;
      let end = i;
      // Other whitespace (no-break spaces) is declined below as part of the URL.
      while (end < text.length && !/[ \t\r\n]/.test(text[end])) end++;
      let url = text.slice(i, end);
      // Trailing punctuation is not part of an autolink; neither is an unbalanced closing parenthesis.
      for (;;) {
        if (/[?!.,:;'"]$/.test(url)) url = url.slice(0, -1);
        else if (url.endsWith(')') && (url.match(/\)/g) ?? []).length > (url.match(/\(/g) ?? []).length) url = url.slice(0, -1);
        else break;
      }
      const domain = url.replace(URL_START, '').split(/[/?#]/)[0];
      if (!/^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?::\d+)?$/.test(domain) || /[`*]|[_~]$|[^\x21-\x7e]/.test(url)) return undefined;
      dropped.push([i, i + url.length]);
      i += url.length;
      continue;
    }
    i++;
  }
  if (pending) return undefined;
  dropped.sort((a, b) => a[0] - b[0]);
  const out: ProseSegment[] = [];
  let from = 0;
  for (const [s, e] of dropped) {
    if (s > from) out.push({ text: text.slice(from, s), start: start + from });
    from = e;
  }
  if (from < text.length) out.push({ text: text.slice(from), start: start + from });
  return out;
}
