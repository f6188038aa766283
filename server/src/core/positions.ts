import type { Position, Range } from './types.ts';

/** Maps UTF-16 offsets to LSP line/character positions and back. Line breaks: \n, \r\n and lone \r. */
export class LineIndex {
  private readonly starts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    if (!text.includes('\r')) {
      // Only LF line breaks (the common case): indexOf finds them much faster than a loop over characters.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.starts = starts;
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10) {
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** End of the line's content, before its line break. */
  lineEnd(line: number): number {
    if (line + 1 >= this.starts.length) return this.text.length;
    let end = this.starts[line + 1];
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.starts[low] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line];
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}

/**
 * Positions of offsets asked for in ascending order (a report in document order): it counts the line breaks
 * from one offset to the next, rather than indexing every line of a big text first. Text with \r, or an
 * offset behind the last one, is left to a LineIndex.
 */
export class LineCursor {
  private line = 0;
  private lineStart = 0;
  /** The next \n at or after lineStart (-1: none); -2: the text has \r. */
  private next: number;
  private index: LineIndex | undefined;

  constructor(private readonly text: string) {
    this.next = text.includes('\r') ? -2 : text.indexOf('\n');
  }

  positionAt(offset: number): Position {
    if (this.next === -2 || offset < this.lineStart) return (this.index ??= new LineIndex(this.text)).positionAt(offset);
    const text = this.text;
    const clamped = Math.min(offset, text.length);
    while (this.next >= 0 && this.next < clamped) {
      this.line++;
      this.lineStart = this.next + 1;
      this.next = text.indexOf('\n', this.lineStart);
    }
    return { line: this.line, character: clamped - this.lineStart };
  }
}
