// In-file switches, written as HTML comments so they never show in rendered notes:
//   <!-- talk-notes-disable-next-line -->   silences the line after the comment
//   <!-- talk-notes-disable --> ... <!-- talk-notes-enable -->   silences everything between
import { LineIndex } from '../positions.ts';
import type { Finding } from '../types.ts';

export type Directive = { kind: 'next-line' | 'disable' | 'enable'; start: number; end: number };

export const DISABLE_NEXT_LINE = '<!-- talk-notes-disable-next-line -->';

const DIRECTIVE = /<!--\s*talk-notes-(disable-next-line|disable|enable)\s*-->/g;

export function directivesIn(comment: string, offset: number): Directive[] {
  const found: Directive[] = [];
  for (const m of comment.matchAll(DIRECTIVE)) {
    const start = offset + (m.index ?? 0);
    const kind = m[1] === 'disable-next-line' ? 'next-line' : (m[1] as 'disable' | 'enable');
    found.push({ kind, start, end: start + m[0].length });
  }
  return found;
}

export function applyDirectives(findings: Finding[], directives: Directive[], text: string): Finding[] {
  if (!directives.length) return findings;
  const lines = new LineIndex(text);
  const silent: [number, number][] = [];
  let disabledAt: number | undefined;
  for (const d of [...directives].sort((a, b) => a.start - b.start)) {
    if (d.kind === 'next-line') {
      const line = lines.positionAt(d.end).line + 1;
      silent.push([lines.lineStart(line), lines.lineEnd(line)]);
    } else if (d.kind === 'disable') {
      disabledAt ??= d.end;
    } else if (disabledAt !== undefined) {
      silent.push([disabledAt, d.start]);
      disabledAt = undefined;
    }
  }
  if (disabledAt !== undefined) silent.push([disabledAt, text.length]);
  return findings.filter((f) => !silent.some(([s, e]) => f.start >= s && f.end <= e));
}
