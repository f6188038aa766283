// Text edits for fixes: one finding, all preferred fixes of a file, and the disable-next-line comment.
import { DISABLE_NEXT_LINE } from '../markdown/directives.ts';
import { LineIndex } from '../positions.ts';
import type { Finding } from '../types.ts';

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export function fixEdit(finding: Finding, fix: string = finding.fixes[0]): TextEdit {
  return { start: finding.start, end: finding.end, newText: fix };
}

/** Every preferred fix, skipping overlaps (the earlier finding wins), sorted by position. */
export function fixAllEdits(findings: Finding[]): TextEdit[] {
  const edits: TextEdit[] = [];
  let lastEnd = -1;
  for (const f of [...findings].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (!f.preferred || !f.fixes.length || f.start < lastEnd) continue;
    if (f.fixes[0] === f.wrong) continue;
    edits.push(fixEdit(f));
    lastEnd = f.end;
  }
  return edits;
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  let out = '';
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    if (e.start < at) continue;
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}

/** Inserts the disable comment on its own line above the finding's line, with the same indentation. */
export function disableNextLineEdit(text: string, offset: number): TextEdit {
  const lines = new LineIndex(text);
  const line = lines.positionAt(offset).line;
  const start = lines.lineStart(line);
  const indent = /^[ \t]*/.exec(text.slice(start, lines.lineEnd(line)))![0];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { start, end: start, newText: `${indent}${DISABLE_NEXT_LINE}${eol}` };
}
