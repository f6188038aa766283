// Core results -> LSP shapes. Pure mapping, no logic.
import {
  CompletionItemKind,
  DiagnosticSeverity,
  SymbolKind,
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
  type TextEdit,
} from 'vscode-languageserver';
import type { CompletionEntry } from './core/complete.ts';
import type { TextEdit as CoreEdit } from './core/fixes.ts';
import { LineIndex } from './core/positions.ts';
import type { Settings } from './core/settings.ts';
import { isGroup, type Outline, type Section, type Talk } from './core/talks.ts';
import type { Finding, SeverityName } from './core/types.ts';

export const SOURCE = 'talk-notes';

const SEVERITY: Record<Exclude<SeverityName, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(f: Finding, lines: LineIndex, settings: Settings): Diagnostic | undefined {
  const severity = settings.severity[f.code];
  if (severity === 'off') return undefined;
  return {
    range: lines.rangeOf(f.start, f.end),
    severity: SEVERITY[severity],
    source: SOURCE,
    code: f.code,
    message: f.message,
    data: { fixes: f.fixes, preferred: f.preferred, wrong: f.wrong },
  };
}

export function toTextEdit(e: CoreEdit, lines: LineIndex): TextEdit {
  return { range: lines.rangeOf(e.start, e.end), newText: e.newText };
}

function sectionSymbol(s: Section, lines: LineIndex): DocumentSymbol {
  return {
    name: s.title || '(untitled)',
    kind: SymbolKind.String,
    range: lines.rangeOf(s.start, Math.max(s.end, s.blockEnd)),
    selectionRange: lines.rangeOf(s.start, s.end),
    children: s.sections.map((c) => sectionSymbol(c, lines)),
  };
}

function talkSymbol(t: Talk, lines: LineIndex): DocumentSymbol {
  return {
    name: t.title || '(untitled talk)',
    detail: [t.speaker, t.subtitle].filter(Boolean).join(' — ') || undefined,
    kind: SymbolKind.Event,
    range: lines.rangeOf(t.start, Math.max(t.end, t.blockEnd)),
    selectionRange: lines.rangeOf(t.start, t.end),
    children: t.sections.map((s) => sectionSymbol(s, lines)),
  };
}

export function toDocumentSymbols(outline: Outline, lines: LineIndex): DocumentSymbol[] {
  return outline.items.map((item) =>
    isGroup(item)
      ? {
          name: item.title || '(untitled)',
          kind: SymbolKind.Namespace,
          range: lines.rangeOf(item.start, Math.max(item.end, item.blockEnd)),
          selectionRange: lines.rangeOf(item.start, item.end),
          children: item.talks.map((t) => talkSymbol(t, lines)),
        }
      : talkSymbol(item, lines),
  );
}

export function toCompletionItem(c: CompletionEntry, lines: LineIndex): CompletionItem {
  return {
    label: c.label,
    kind: CompletionItemKind.Value,
    detail: c.detail,
    documentation: { kind: 'markdown', value: c.documentation },
    sortText: c.sortText,
    filterText: c.filterText,
    textEdit: { range: lines.rangeOf(c.start, c.end), newText: c.label },
  };
}
