// Symbols: the talk-aware outline (textDocument/documentSymbol) and workspace symbols.
//
// VS Code gives each document symbol provider its own group: with two (its Markdown extension's and ours) the
// Outline view shows two trees, the breadcrumbs a "Talk Notes" crumb, and Go to Symbol (Ctrl+Shift+O) every
// heading twice; a group is folded away only when its provider returns nothing, and no setting turns off the
// Markdown one. So an editor that lists Markdown headings itself says so (initializationOptions
// `editorHasMarkdownSymbols`, sent by our VS Code client): the server then offers no document symbols (the
// Talks view, which follows the cursor, is the talk-aware outline there) and its workspace symbols are the
// speakers only (Ctrl+T "Quindle" finds her talk), never a second copy of a heading. Other editors (Neovim)
// get the talk outline and talk symbols.
import { SymbolKind, type InitializeParams, type ServerCapabilities, type WorkspaceSymbol } from 'vscode-languageserver';
import { toDocumentSymbols } from '../convert.ts';
import type { TalkInfo } from '../protocol.ts';
import type { Session } from '../session.ts';

export interface SymbolOptions {
  /** The editor has its own Markdown heading symbols (VS Code): ours would list every heading twice. */
  editorHasMarkdownSymbols?: boolean;
}

/** The speakers of a talk, one by one ("A & B" is how the outline shows two). */
export function speakersOf(talk: Pick<TalkInfo, 'speaker'>): string[] {
  return talk.speaker ? talk.speaker.split(' & ').map((s) => s.trim()).filter(Boolean) : [];
}

/** Registers the symbol handlers; `capabilities` answers for initialize, given the client's options. */
export function registerSymbolFeatures(session: Session): { capabilities(params: InitializeParams): Pick<ServerCapabilities, 'documentSymbolProvider' | 'workspaceSymbolProvider'> } {
  const connection = session.connection;
  let editorHasMarkdownSymbols = false;

  connection.onDocumentSymbol((params) => {
    const state = session.states.get(params.textDocument.uri);
    if (!state) return [];
    return toDocumentSymbols(session.analysisOf(state).outline, state.document);
  });

  connection.onWorkspaceSymbol((params) => {
    const words = (params.query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const matches = (haystack: string): boolean => words.every((w) => haystack.toLowerCase().includes(w));
    const symbols: WorkspaceSymbol[] = [];
    for (const f of session.allSummaries()) {
      for (const talk of f.talks) {
        const location = { uri: f.uri, range: talk.selectionRange };
        if (editorHasMarkdownSymbols) {
          for (const person of speakersOf(talk)) if (matches(person)) symbols.push({ name: person, kind: SymbolKind.Variable, containerName: talk.title, location });
          continue;
        }
        if (matches(`${talk.title} ${talk.speaker ?? ''} ${talk.projects.join(' ')}`)) symbols.push({ name: talk.title, kind: SymbolKind.Event, containerName: talk.speaker, location });
      }
    }
    return symbols;
  });

  return {
    capabilities(params) {
      editorHasMarkdownSymbols = (params.initializationOptions as SymbolOptions | undefined)?.editorHasMarkdownSymbols === true;
      return { documentSymbolProvider: !editorHasMarkdownSymbols, workspaceSymbolProvider: true };
    },
  };
}
