// Core results -> LSP shapes. Pure mapping, no logic.
import {
  CompletionItemKind,
  DiagnosticSeverity,
  SymbolKind,
  type CompletionItem,
  type Position,
  type Range,
  type Diagnostic,
  type DocumentSymbol,
  type TextEdit,
} from 'vscode-languageserver';
import type { CompletionEntry } from './core/features/complete.ts';
import type { TextEdit as CoreEdit } from './core/check/fixes.ts';
import type { Settings } from './core/check/settings.ts';
import { isGroup, type Outline, type Section, type Talk } from './core/features/talks.ts';
import type { Finding, SeverityName } from './core/types.ts';

export const SOURCE = 'talk-notes';

/** Offsets -> LSP positions (an EditorDocument or the core's LineIndex). */
export interface Positions {
  positionAt(offset: number): Position;
}

function rangeOf(lines: Positions, start: number, end: number): Range {
  return { start: lines.positionAt(start), end: lines.positionAt(end) };
}

const SEVERITY: Record<Exclude<SeverityName, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(f: Finding, lines: Positions, settings: Settings): Diagnostic | undefined {
  const severity = settings.severity[f.code];
  if (severity === 'off') return undefined;
  return {
    range: rangeOf(lines, f.start, f.end),
    severity: SEVERITY[severity],
    source: SOURCE,
    code: f.code,
    message: f.message,
  };
}

export function toTextEdit(e: CoreEdit, lines: Positions): TextEdit {
  return { range: rangeOf(lines, e.start, e.end), newText: e.newText };
}

function sectionSymbol(s: Section, lines: Positions): DocumentSymbol {
  return {
    name: s.title || '(untitled)',
    kind: SymbolKind.String,
    range: rangeOf(lines, s.start, Math.max(s.end, s.blockEnd)),
    selectionRange: rangeOf(lines, s.start, s.end),
    children: s.sections.map((c) => sectionSymbol(c, lines)),
  };
}

function talkSymbol(t: Talk, lines: Positions): DocumentSymbol {
  return {
    name: t.title || '(untitled talk)',
    detail: [t.speaker, t.subtitle].filter(Boolean).join(' — ') || undefined,
    kind: SymbolKind.Event,
    range: rangeOf(lines, t.start, Math.max(t.end, t.blockEnd)),
    selectionRange: rangeOf(lines, t.start, t.end),
    children: t.sections.map((s) => sectionSymbol(s, lines)),
  };
}

export function toDocumentSymbols(outline: Outline, lines: Positions): DocumentSymbol[] {
  return outline.items.map((item) =>
    isGroup(item)
      ? {
          name: item.title || '(untitled)',
          kind: SymbolKind.Namespace,
          range: rangeOf(lines, item.start, Math.max(item.end, item.blockEnd)),
          selectionRange: rangeOf(lines, item.start, item.end),
          children: item.talks.map((t) => talkSymbol(t, lines)),
        }
      : talkSymbol(item, lines),
  );
}

export function toCompletionItem(c: CompletionEntry, lines: Positions): CompletionItem {
  return {
    label: c.label,
    kind: CompletionItemKind.Value,
    detail: c.detail,
    // The card comes with completionItem/resolve: a list of sixty cards per keystroke is slow to send.
    data: { name: c.label },
    sortText: c.sortText,
    filterText: c.filterText,
    textEdit: { range: rangeOf(lines, c.start, c.end), newText: c.label },
  };
}
