// Editor features on one document: code actions, commands, hover, folding, highlighting (completion: completion.ts; outline: symbols.ts).
import { CodeActionKind, FoldingRangeKind, type CodeAction, type FoldingRange } from 'vscode-languageserver';
import { SOURCE, toTextEdit } from '../convert.ts';
import { disableNextLineEdit, fixEdit } from '../core/check/fixes.ts';
import { hoverAt } from '../core/features/hover.ts';
import { talkHover } from './schedule.ts';
import type { Section } from '../core/features/talks.ts';
import type { Session } from '../session.ts';
import { applyFixAll, FIX_ALL_COMMAND, fixAllPlanOf, fixAllTextEdits, registerFixAll } from './fix-all.ts';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.talkNotes`;
export const ADD_TO_DICTIONARY = 'talkNotes.addToDictionary';
export { FIX_ALL_COMMAND };
export const TOKEN_TYPES = ['talkNotesProject', 'talkNotesPerson'];

export function registerEditingFeatures(session: Session): void {
  const connection = session.connection;
  registerFixAll(session);
  connection.onCodeAction((params) => {
    const state = session.states.get(params.textDocument.uri);
    if (!state) return [];
    const { document } = state;
    const analysis = session.analysisOf(state);
    const uri = document.uri;
    const only = params.context.only;
    const wantsFixAll = only?.some((k) => k === CodeActionKind.SourceFixAll || k === FIX_ALL_KIND || k === CodeActionKind.Source);
    // The same safe subset as the Fix All command (no speaker lines, clear fixes, names unless spelling is
    // included), without its preview: fix on save must not stop to ask.
    const fixAll = (kind: string, title: string): CodeAction | undefined => {
      const edits = fixAllTextEdits(fixAllPlanOf(session, state), state);
      if (!edits.length) return undefined;
      return { title, kind, edit: { changes: { [uri]: edits } } };
    };
    if (wantsFixAll) return [fixAll(FIX_ALL_KIND, 'Fix all Talk Notes names')].filter((a): a is CodeAction => !!a);

    const start = document.offsetAt(params.range.start);
    const end = document.offsetAt(params.range.end);
    const actions: CodeAction[] = [];
    const here = analysis.findings.filter((f) => f.start <= end && f.end >= start);
    for (const f of here) {
      const diagnostic = params.context.diagnostics.find((d) => d.source === SOURCE && document.offsetAt(d.range.start) === f.start && d.code === f.code);
      const diagnostics = diagnostic ? [diagnostic] : undefined;
      f.fixes.forEach((fix, k) => {
        actions.push({
          title: `Change to '${fix}'`,
          kind: CodeActionKind.QuickFix,
          diagnostics,
          isPreferred: f.preferred && k === 0,
          edit: { changes: { [uri]: [toTextEdit(fixEdit(f, fix), document)] } },
        });
      });
      actions.push({
        title: `Add '${f.wrong}' to the workspace dictionary`,
        kind: CodeActionKind.QuickFix,
        diagnostics,
        command: { title: 'Add to dictionary', command: ADD_TO_DICTIONARY, arguments: [uri, f.wrong] },
      });
      actions.push({
        title: 'Disable Talk Notes for the next line',
        kind: CodeActionKind.QuickFix,
        diagnostics,
        edit: { changes: { [uri]: [toTextEdit(disableNextLineEdit(analysis.text, f.start), document)] } },
      });
    }
    if (here.length && analysis.findings.filter((f) => f.preferred).length > 1) {
      const all = fixAll(CodeActionKind.QuickFix, 'Fix all Talk Notes names in this file');
      if (all) actions.push(all);
    }
    if (only?.length) return actions.filter((a) => only.some((k) => a.kind === k || a.kind?.startsWith(k + '.')));
    return actions;
  });

  connection.onExecuteCommand(async (params) => {
    const [uri, word] = (params.arguments ?? []) as [unknown, unknown];
    if (typeof uri !== 'string') return;
    if (params.command === ADD_TO_DICTIONARY && typeof word === 'string') {
      const file = session.dictionaryFile(uri, session.states.get(uri)?.settings ?? session.pushedSettings);
      if (!file) {
        void connection.window.showWarningMessage('Talk Notes: only files on disk have a workspace dictionary.');
        return;
      }
      try {
        await session.dictionary.add(file, word);
        session.log(`added '${word}' to ${file}`);
      } catch (error) {
        void connection.window.showErrorMessage(`Talk Notes: could not write ${file}: ${String(error)}`);
        return;
      }
      session.recheckAll();
    } else if (params.command === FIX_ALL_COMMAND) {
      return applyFixAll(session, uri);
    }
  });

  connection.onHover((params) => {
    const state = session.states.get(params.textDocument.uri);
    if (!state) return null;
    const analysis = session.analysisOf(state);
    const offset = state.document.offsetAt(params.position);
    const hover = hoverAt(analysis.text, offset, analysis.findings, [session.getEngine().catalog, analysis.learned]) ?? talkHover(session, state, offset);
    if (!hover) return null;
    return { contents: { kind: 'markdown', value: hover.markdown }, range: { start: state.document.positionAt(hover.start), end: state.document.positionAt(hover.end) } };
  });

  connection.onFoldingRanges((params): FoldingRange[] => {
    const state = session.states.get(params.textDocument.uri);
    if (!state) return [];
    const ranges: FoldingRange[] = [];
    const add = (start: number, end: number): void => {
      const a = state.document.positionAt(start).line;
      // Fold up to the last line before the next talk, trailing blank lines excluded.
      const text = state.document.slice(start, end).replace(/\s+$/, '');
      const b = state.document.positionAt(start + text.length).line;
      if (b > a) ranges.push({ startLine: a, endLine: b, kind: FoldingRangeKind.Region });
    };
    const walk = (sections: Section[]): void => {
      for (const s of sections) {
        add(s.start, s.blockEnd);
        walk(s.sections);
      }
    };
    for (const talk of session.analysisOf(state).outline.talks) {
      add(talk.start, talk.blockEnd);
      walk(talk.sections);
    }
    return ranges;
  });

  connection.languages.semanticTokens.on((params) => {
    const state = session.states.get(params.textDocument.uri);
    if (!state || !state.settings.highlightNames) return { data: [] };
    const data: number[] = [];
    let line = 0;
    let character = 0;
    for (const m of session.analysisOf(state).mentions) {
      const start = state.document.positionAt(m.start);
      const end = state.document.positionAt(m.end);
      if (end.line !== start.line) continue;
      data.push(start.line - line, start.line === line ? start.character - character : start.character, end.character - start.character, m.kind === 'person' ? 1 : 0, 0);
      line = start.line;
      character = start.character;
    }
    return { data };
  });

}
