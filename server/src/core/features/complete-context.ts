// Where completion may offer names: prose. Not inside front matter, a fenced code block, an HTML comment,
// inline code, a URL, a link's destination, a file path, an e-mail address or a @handle. Asked on every
// keystroke, so it looks at fence lines only (indexOf), not at every line. (Indented code is not told apart:
// notes indent list items' paragraphs the same way.)
import { frontMatterEnd } from '../markdown/blocks.ts';

const FENCE_LINE = /^[ \t]*(`{3,}|~{3,})(.*)$/;

/** Whether `offset` lies inside a fenced code block of `text` (fences may be indented, as in list items). */
export function inFence(text: string, offset: number): boolean {
  let open: string | undefined;
  let from = 0;
  // The next backtick and tilde runs, each searched again only once passed (a file may have no tildes).
  let tick = -1;
  let tilde = -1;
  for (;;) {
    if (tick !== Infinity && tick < from) tick = text.indexOf('```', from), tick = tick < 0 || tick >= offset ? Infinity : tick;
    if (tilde !== Infinity && tilde < from) tilde = text.indexOf('~~~', from), tilde = tilde < 0 || tilde >= offset ? Infinity : tilde;
    const at = Math.min(tick, tilde);
    if (at === Infinity) return open !== undefined;
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    let lineEnd = text.indexOf('\n', at);
    if (lineEnd < 0) lineEnd = text.length;
    from = lineEnd + 1;
    const m = FENCE_LINE.exec(text.slice(lineStart, lineEnd).replace(/\r$/, ''));
    if (!m) continue;
    if (open === undefined) {
      // A backtick fence's info string has no backtick (CommonMark).
      if (m[1][0] === '`' && m[2].includes('`')) continue;
      open = m[1];
      // The cursor on the opening line itself (typing the info string) is code too.
      if (lineEnd >= offset) return true;
    } else if (m[1][0] === open[0] && m[1].length >= open.length && !m[2].trim()) {
      open = undefined;
      if (lineEnd >= offset) return true;
    }
  }
}

/** Whether inline code is open at the end of `line` (a backtick run not closed by a run of the same length). */
function inInlineCode(line: string): boolean {
  let open = 0;
  for (const m of line.matchAll(/`+/g)) {
    if (!open) open = m[0].length;
    else if (m[0].length === open) open = 0;
  }
  return open > 0;
}

/** The text from the last space (or bracket) before the word to it: what the word is part of. */
const URL_LIKE = /(?:[a-z][a-z0-9+.-]*:\/\/|\bwww\.|<[a-z][a-z0-9+.-]*:|[\w.+-]@|^@|[/\\_]$|^[./~])/i;

/** Whether a name may be completed at `start` (where the typed word begins) in `text` (the whole document). */
export function proseBefore(text: string, start: number): boolean {
  // Front matter (never closed, the opening --- is a thematic break).
  if (start < frontMatterEnd(text)) return false;
  if (inFence(text, start)) return false;
  const comment = text.lastIndexOf('<!--', start);
  if (comment >= 0) {
    const close = text.indexOf('-->', comment + 4);
    if (close < 0 || close >= start) return false;
  }
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const line = text.slice(lineStart, start);
  if (inInlineCode(line)) return false;
  // A link's destination: "[text](".
  if (/\]\([^)\s]*$/.test(line)) return false;
  const token = /[^\s([{"'<>]*$/.exec(line)?.[0] ?? '';
  return !URL_LIKE.test(token);
}
