// The editor's view of an open document: its version and the line table that turns offsets into LSP
// positions and back, with the same answers as vscode-languageserver-textdocument. The text itself lives in
// the NotesDocument (in blocks): keeping a second flat copy would mean copying the whole text on every
// keystroke (megabytes on a big file, and the garbage collector's work after). Until the NotesDocument holds
// the text (a big file read in slices, or a binary file never read), the text is kept here.
import type { Position, Range } from 'vscode-languageserver';
import type { NotesDocument } from './core/check/document.ts';

const CR = 13;
const LF = 10;

export class EditorDocument {
  /** Start offset of every line; undefined when it must be rebuilt from the text. */
  private starts: number[] | undefined;
  /** The text, while the NotesDocument does not hold it. */
  private own: string | undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    private readonly notes: NotesDocument,
    text: string,
  ) {
    this.own = text;
  }

  /** From now on the NotesDocument holds the same text: the copy kept here is dropped. */
  useNotesText(): void {
    this.own = undefined;
  }

  get length(): number {
    return this.own !== undefined ? this.own.length : this.notes.size;
  }

  private charCodeAt(offset: number): number {
    return this.own !== undefined ? this.own.charCodeAt(offset) : this.notes.charCodeAt(offset);
  }

  getText(range?: Range): string {
    if (!range) return this.own ?? this.notes.text;
    return this.slice(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  /** The text between two offsets, without joining the whole text. */
  slice(start: number, end: number): string {
    return this.own !== undefined ? this.own.slice(start, end) : this.notes.slice(start, end);
  }

  get lineCount(): number {
    return this.lines().length;
  }

  private lines(): number[] {
    return (this.starts ??= lineStarts(this.getText(), 0, [0]));
  }

  positionAt(offset: number): Position {
    const starts = this.lines();
    offset = Math.max(0, Math.min(offset, this.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    // Between the CR and the LF of a line break: the position is the end of the line.
    if (low + 1 < starts.length && offset === starts[low + 1] - 1 && offset > starts[low] && this.charCodeAt(offset - 1) === CR) offset--;
    return { line: low, character: offset - starts[low] };
  }

  offsetAt(position: Position): number {
    const starts = this.lines();
    if (position.line >= starts.length) return this.length;
    if (position.line < 0) return 0;
    const start = starts[position.line];
    if (position.character <= 0) return start;
    if (position.line + 1 >= starts.length) return Math.min(start + position.character, this.length);
    // Not past the line's content: a character beyond it means its end, before the line break.
    let end = starts[position.line + 1];
    if (end > start && isEOL(this.charCodeAt(end - 1))) end--;
    if (end > start && this.charCodeAt(end - 1) === CR && this.charCodeAt(end) === LF) end--;
    return Math.min(start + position.character, end);
  }

  /**
   * Takes an edit of [start, end) (offsets in the text before it) that the NotesDocument has not taken yet.
   * The line table is shifted, or rebuilt later from the text when the edit pairs or parts a CR and an LF.
   */
  update(start: number, end: number, text: string, version: number): void {
    this.version = version;
    const prev = this.charCodeAt(start - 1);
    const next = this.charCodeAt(end);
    const oldFirst = end > start ? this.charCodeAt(start) : next;
    const oldLast = end > start ? this.charCodeAt(end - 1) : prev;
    const newFirst = text.length ? text.charCodeAt(0) : next;
    const newLast = text.length ? text.charCodeAt(text.length - 1) : prev;
    const repaired = (prev === CR && (oldFirst === LF) !== (newFirst === LF)) || (next === LF && (oldLast === CR) !== (newLast === CR));
    if (this.own !== undefined) this.own = this.own.slice(0, start) + text + this.own.slice(end);
    const starts = this.starts;
    if (!starts || repaired) {
      this.starts = undefined;
      return;
    }
    // Line starts inside the replaced text go; those after it move; the inserted text brings its own.
    const first = upperBound(starts, start);
    const after = upperBound(starts, end);
    const added = lineStarts(text, start, []);
    // A CR that ends the inserted text pairs with the LF after it: that line break's start is already kept.
    if (text.length && newLast === CR && next === LF) added.pop();
    const delta = text.length - (end - start);
    for (let k = after; k < starts.length; k++) starts[k] += delta;
    // Spreading a long list into splice's arguments overflows the stack (a paste of many lines).
    if (added.length < 10_000) starts.splice(first, after - first, ...added);
    else this.starts = starts.slice(0, first).concat(added, starts.slice(after));
  }

  /** Replaces the whole text (a full-text change). */
  replaceAll(text: string, version: number): void {
    this.version = version;
    if (this.own !== undefined) this.own = text;
    this.starts = undefined;
  }
}

function isEOL(c: number): boolean {
  return c === CR || c === LF;
}

/** Index of the first line start after the offset. */
function upperBound(starts: number[], offset: number): number {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (starts[mid] <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Appends the starts of the lines that the line breaks in `text` (placed at `base`) begin. */
function lineStarts(text: string, base: number, out: number[]): number[] {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === CR) {
      if (text.charCodeAt(i + 1) === LF) i++;
      out.push(base + i + 1);
    } else if (c === LF) out.push(base + i + 1);
  }
  return out;
}
