// The language server: a thin adapter from LSP to the core. Each handler looks the document up, asks the
// core, and maps the answer. Diagnostics are pushed; edits queued while a check runs are coalesced.
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type FoldingRange,
  type InitializeResult,
  type Location,
  type WorkspaceSymbol,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  FoldingRangeKind,
  SymbolKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { NotesDocument, type Analysis, type Engine } from './core/document.ts';
import { completeNames } from './core/complete.ts';
import { disableNextLineEdit, fixAllEdits, fixEdit } from './core/fixes.ts';
import { hoverAt } from './core/hover.ts';
import { DEFAULT_SETTINGS, validateSettings, type Settings } from './core/settings.ts';
import type { Section } from './core/talks.ts';
import { SOURCE, toCompletionItem, toDiagnostic, toDocumentSymbols, toTextEdit } from './convert.ts';
import { loadEngine } from './data.ts';
import { WorkspaceDictionary } from './dictionary.ts';
import { mentionAt, projectsByTalk } from './core/mentions.ts';
import {
  PROJECTS_IN_FILE,
  REINDEX,
  TALKS_CHANGED,
  WORKSPACE_TALKS,
  type FileTalks,
  type ProjectsInFileParams,
  type TalkProjects,
  type WorkspaceTalksParams,
} from './protocol.ts';
import { summarize, WorkspaceIndex, type FileSummary } from './workspace.ts';

const TOKEN_TYPES = ['talkNotesProject', 'talkNotesPerson'];

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.talkNotes`;
const ADD_TO_DICTIONARY = 'talkNotes.addToDictionary';
const FIX_ALL_COMMAND = 'talkNotes.applyFixAll';

interface DocState {
  /** The editor's view of the text (versions, positions). */
  document: TextDocument;
  /** The same text kept ready for checking. */
  notes: NotesDocument;
  analysis?: Analysis;
  analyzedVersion?: number;
  settings: Settings;
  /** Where the user last edited: with a capped problem list, the problems nearest it are shown. */
  lastEdit: number;
  /** The cap was reported to the user for this document. */
  capReported?: boolean;
  summary?: { version: number; value: FileSummary };
  /** Talk titles and speakers last announced, to tell the Talks view only about real changes. */
  talksKey?: string;
}

export function startServer(connection: Connection): void {
  const dictionary = new WorkspaceDictionary();
  const states = new Map<string, DocState>();
  const pending = new Set<string>();
  const reported = new Set<string>();
  let engine: Engine | undefined;
  let folders: string[] = [];
  let canPullConfig = false;
  let flushScheduled = false;
  /** Settings for clients that cannot be asked per resource (initializationOptions, didChangeConfiguration). */
  let pushedSettings: Settings = DEFAULT_SETTINGS;

  const log = (message: string): void => connection.console.log(`[talk-notes] ${message}`);
  const warnOnce = (message: string): void => {
    if (reported.has(message)) return;
    reported.add(message);
    connection.console.warn(`[talk-notes] ${message}`);
    void connection.window.showWarningMessage(`Talk Notes: ${message}`);
  };

  const getEngine = (): Engine => (engine ??= loadEngine());
  const open = (): DocState[] => [...states.values()];
  const index = new WorkspaceIndex(getEngine, () => pushedSettings, log);
  let canProgress = false;
  let canWatch = false;
  let talksChangedTimer: NodeJS.Timeout | undefined;
  const announceTalks = (): void => {
    if (talksChangedTimer) return;
    talksChangedTimer = setTimeout(() => {
      talksChangedTimer = undefined;
      void connection.sendNotification(TALKS_CHANGED);
    }, 200);
  };

  const filePath = (uri: string): string | undefined => {
    try {
      return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
    } catch {
      return undefined;
    }
  };

  const dictionaryFile = (uri: string, settings: Settings): string | undefined => {
    const p = filePath(uri);
    return p ? dictionary.fileFor(p, folders, settings.dictionaryFile) : undefined;
  };

  const dictionaryNames = (uri: string, settings: Settings): string[] => {
    const file = dictionaryFile(uri, settings);
    if (!file) return [];
    const state = dictionary.read(file);
    state.problems.forEach(warnOnce);
    return state.names;
  };

  const fetchSettings = async (uri: string): Promise<Settings> => {
    if (!canPullConfig) return pushedSettings;
    try {
      const raw = await connection.workspace.getConfiguration({ scopeUri: uri, section: 'talkNotes' });
      const { settings, problems } = validateSettings(raw);
      problems.forEach(warnOnce);
      return settings;
    } catch (error) {
      log(`could not read settings for ${uri}: ${String(error)}`);
      return DEFAULT_SETTINGS;
    }
  };

  /** The analysis of the document's current text (reusing the last one when nothing changed). */
  const analysisOf = (state: DocState): Analysis => {
    if (!state.analysis || state.analyzedVersion !== state.document.version) {
      state.analysis = state.notes.check(state.settings, dictionaryNames(state.document.uri, state.settings));
      state.analyzedVersion = state.document.version;
    }
    return state.analysis;
  };

  const summaryOf = (state: DocState): FileSummary => {
    if (state.summary?.version !== state.document.version) {
      state.summary = { version: state.document.version, value: summarize(state.document.uri, analysisOf(state), Date.now()) };
    }
    return state.summary.value;
  };

  /** Every notes file: open documents from the editor, the rest from the index. */
  const allSummaries = (): FileSummary[] => {
    const byUri = new Map<string, FileSummary>();
    for (const f of index.files.values()) byUri.set(f.uri, f);
    for (const state of open()) byUri.set(state.document.uri, summaryOf(state));
    return [...byUri.values()];
  };

  const publish = (state: DocState): void => {
    const { document } = state;
    if (!state.settings.enable) {
      void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: [] });
      return;
    }
    try {
      const analysis = analysisOf(state);
      const limit = state.settings.maxProblems;
      const { findings, total } = analysis.findingsNear(state.lastEdit, limit);
      const diagnostics = findings.flatMap((f) => toDiagnostic(f, document, state.settings) ?? []);
      void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
      if (analysis.outlineVersion !== state.talksKey) {
        state.talksKey = analysis.outlineVersion;
        announceTalks();
      }
      if (total > limit && !state.capReported) {
        state.capReported = true;
        const message = `${document.uri} has about ${total} problems; the ${limit} nearest your edits are shown. Raise talkNotes.maxProblems to see more, or run 'talk-notes check' for the full list.`;
        log(message);
        void connection.window.showInformationMessage(`Talk Notes: ${message}`);
      }
    } catch (error) {
      connection.console.error(`[talk-notes] checking ${document.uri} failed: ${(error as Error).stack ?? String(error)}`);
    }
  };

  // Checks run after the messages already queued have been read, so a burst of edits costs one check.
  const flush = (): void => {
    flushScheduled = false;
    const uris = [...pending];
    pending.clear();
    for (const uri of uris) {
      const state = states.get(uri);
      if (state) publish(state);
    }
  };
  const schedule = (uri: string): void => {
    pending.add(uri);
    if (!flushScheduled) {
      flushScheduled = true;
      setImmediate(flush);
    }
  };

  const refreshSettings = async (state: DocState): Promise<void> => {
    state.settings = await fetchSettings(state.document.uri);
    state.analyzedVersion = undefined;
  };

  connection.onInitialize((params): InitializeResult => {
    canPullConfig = !!params.capabilities.workspace?.configuration;
    canProgress = !!params.capabilities.window?.workDoneProgress;
    canWatch = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    folders = (params.workspaceFolders ?? []).flatMap((f) => filePath(f.uri) ?? []);
    if (!folders.length && params.rootUri) folders = [filePath(params.rootUri)].filter((p): p is string => !!p);
    const initial = validateSettings((params.initializationOptions as { settings?: unknown } | undefined)?.settings);
    initial.problems.forEach((p) => log(p));
    pushedSettings = initial.settings;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND] },
        completionProvider: { resolveProvider: false },
        hoverProvider: true,
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        executeCommandProvider: { commands: [ADD_TO_DICTIONARY, FIX_ALL_COMMAND] },
        referencesProvider: true,
        definitionProvider: true,
        foldingRangeProvider: true,
        semanticTokensProvider: { legend: { tokenTypes: TOKEN_TYPES, tokenModifiers: [] }, full: true },
      },
      serverInfo: { name: 'talk-notes', version: '0.1.0' },
    };
  });

  const reindex = async (): Promise<void> => {
    if (!folders.length) return;
    const progress = canProgress ? await connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
    progress?.begin('Talk Notes: indexing notes', 0, undefined, false);
    const t = Date.now();
    const count = await index.build(folders, (done, total) => progress?.report(total ? Math.round((done / total) * 100) : 100, `${done}/${total} files`));
    progress?.done();
    log(`indexed ${count} notes files in ${Date.now() - t} ms`);
    announceTalks();
  };

  connection.onInitialized(() => {
    if (canPullConfig) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'talkNotes' }).catch(() => undefined);
    if (canWatch) {
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{md,markdown,mdown,mkd}' }] })
        .catch(() => undefined);
    }
    // Index the workspace after the first requests had their turn.
    setTimeout(() => void reindex().catch((error) => connection.console.error(`[talk-notes] indexing failed: ${String(error)}`)), 50);
    // Load the catalog and dictionary before the first document needs them.
    setImmediate(() => {
      try {
        getEngine();
      } catch (error) {
        connection.console.error(`[talk-notes] ${String(error)}`);
      }
    });
  });

  const recheckAll = (): void => {
    for (const state of open()) {
      state.analyzedVersion = undefined;
      schedule(state.document.uri);
    }
  };

  connection.onDidChangeConfiguration(async (change) => {
    if (!canPullConfig) {
      const { settings, problems } = validateSettings((change.settings as { talkNotes?: unknown } | undefined)?.talkNotes);
      problems.forEach(warnOnce);
      pushedSettings = settings;
      for (const state of open()) state.settings = settings;
    } else {
      await Promise.all(open().map(refreshSettings));
    }
    dictionary.invalidate();
    recheckAll();
  });

  connection.onDidChangeWatchedFiles((change) => {
    let dictionaryChanged = false;
    let notesChanged = false;
    for (const c of change.changes) {
      const p = filePath(c.uri);
      if (!p) continue;
      if (/\.(md|markdown|mdown|mkd)$/i.test(p)) {
        // Open documents follow the editor's text; the index follows the disk.
        if (c.type === FileChangeType.Deleted) index.remove(p);
        else index.indexFile(p);
        notesChanged = true;
      } else {
        dictionary.invalidate(p);
        dictionaryChanged = true;
      }
    }
    if (dictionaryChanged) recheckAll();
    if (notesChanged) announceTalks();
  });

  connection.onDidOpenTextDocument(async (params) => {
    const { uri, languageId, version, text } = params.textDocument;
    const state: DocState = {
      document: TextDocument.create(uri, languageId, version, text),
      notes: new NotesDocument(getEngine(), text),
      settings: pushedSettings,
      lastEdit: 0,
    };
    states.set(uri, state);
    // Ask for the file's settings first, so the first publish already honours them.
    if (canPullConfig) await refreshSettings(state);
    if (states.get(uri) === state) schedule(uri);
  });

  connection.onDidChangeTextDocument((params) => {
    const state = states.get(params.textDocument.uri);
    if (!state) return;
    for (const change of params.contentChanges) {
      if ('range' in change) {
        const start = state.document.offsetAt(change.range.start);
        const end = state.document.offsetAt(change.range.end);
        state.notes.applyChanges([{ start, end, text: change.text }]);
        state.lastEdit = start;
      } else {
        state.notes.setText(change.text);
      }
      state.document = TextDocument.update(state.document, [change], params.textDocument.version);
    }
    schedule(params.textDocument.uri);
  });

  connection.onDidCloseTextDocument((params) => {
    states.delete(params.textDocument.uri);
    pending.delete(params.textDocument.uri);
    // Back to the disk's version in the index (unsaved edits are gone with the editor).
    const p = filePath(params.textDocument.uri);
    if (p && folders.some((f) => p.startsWith(f + '/')) && /\.(md|markdown|mdown|mkd)$/i.test(p)) {
      index.indexFile(p);
      announceTalks();
    }
    void connection.sendDiagnostics({ uri: params.textDocument.uri, diagnostics: [] });
  });

  connection.onCodeAction((params) => {
    const state = states.get(params.textDocument.uri);
    if (!state) return [];
    const { document } = state;
    const analysis = analysisOf(state);
    const uri = document.uri;
    const only = params.context.only;
    const wantsFixAll = only?.some((k) => k === CodeActionKind.SourceFixAll || k === FIX_ALL_KIND || k === CodeActionKind.Source);
    const fixAll = (kind: string, title: string): CodeAction | undefined => {
      const edits = fixAllEdits(analysis.findings);
      if (!edits.length) return undefined;
      return { title, kind, edit: { changes: { [uri]: edits.map((e) => toTextEdit(e, document)) } } };
    };
    if (wantsFixAll) return [fixAll(FIX_ALL_KIND, 'Fix all Talk Notes problems')].filter((a): a is CodeAction => !!a);

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
      const all = fixAll(CodeActionKind.QuickFix, 'Fix all Talk Notes problems in this file');
      if (all) actions.push(all);
    }
    if (only?.length) return actions.filter((a) => only.some((k) => a.kind === k || a.kind?.startsWith(k + '.')));
    return actions;
  });

  connection.onExecuteCommand(async (params) => {
    const [uri, word] = (params.arguments ?? []) as [unknown, unknown];
    if (typeof uri !== 'string') return;
    if (params.command === ADD_TO_DICTIONARY && typeof word === 'string') {
      const file = dictionaryFile(uri, states.get(uri)?.settings ?? pushedSettings);
      if (!file) {
        void connection.window.showWarningMessage('Talk Notes: only files on disk have a workspace dictionary.');
        return;
      }
      try {
        dictionary.add(file, word);
        log(`added '${word}' to ${file}`);
      } catch (error) {
        void connection.window.showErrorMessage(`Talk Notes: could not write ${file}: ${String(error)}`);
        return;
      }
      recheckAll();
    } else if (params.command === FIX_ALL_COMMAND) {
      const state = states.get(uri);
      if (!state) return;
      const edits = fixAllEdits(analysisOf(state).findings).map((e) => toTextEdit(e, state.document));
      if (edits.length) await connection.workspace.applyEdit({ label: 'Fix all Talk Notes problems', edit: { changes: { [uri]: edits } } });
    }
  });

  connection.onCompletion((params) => {
    const state = states.get(params.textDocument.uri);
    if (!state) return [];
    const { document } = state;
    // Completion never waits for a check: it uses the names learned at the last one.
    const learned = state.analysis?.learned;
    const catalogs = learned ? [learned, getEngine().catalog] : [getEngine().catalog];
    // Only the line up to the cursor matters: no copy of a huge document per keystroke.
    const lineStart = document.offsetAt({ line: params.position.line, character: 0 });
    const offset = document.offsetAt(params.position);
    const before = document.getText({ start: { line: params.position.line, character: 0 }, end: params.position });
    const items = completeNames(before, offset - lineStart, catalogs).map((c) => toCompletionItem({ ...c, start: c.start + lineStart, end: c.end + lineStart }, document));
    return { isIncomplete: true, items };
  });

  connection.onHover((params) => {
    const state = states.get(params.textDocument.uri);
    if (!state) return null;
    const analysis = analysisOf(state);
    const hover = hoverAt(analysis.text, state.document.offsetAt(params.position), analysis.findings, [getEngine().catalog, analysis.learned]);
    if (!hover) return null;
    return { contents: { kind: 'markdown', value: hover.markdown }, range: { start: state.document.positionAt(hover.start), end: state.document.positionAt(hover.end) } };
  });

  connection.onDocumentSymbol((params) => {
    const state = states.get(params.textDocument.uri);
    if (!state) return [];
    return toDocumentSymbols(analysisOf(state).outline, state.document);
  });

  connection.onWorkspaceSymbol((params) => {
    const words = params.query.toLowerCase().split(/\s+/).filter(Boolean);
    const symbols: WorkspaceSymbol[] = [];
    for (const f of allSummaries()) {
      for (const talk of f.talks) {
        const haystack = `${talk.title} ${talk.speaker ?? ''} ${talk.projects.join(' ')}`.toLowerCase();
        if (!words.every((w) => haystack.includes(w))) continue;
        symbols.push({ name: talk.title, kind: SymbolKind.Event, containerName: talk.speaker, location: { uri: f.uri, range: talk.selectionRange } });
      }
    }
    return symbols;
  });

  connection.onRequest(WORKSPACE_TALKS, (params: WorkspaceTalksParams | undefined): FileTalks[] => {
    const words = (params?.query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const matches = (haystack: string): boolean => words.every((w) => haystack.includes(w));
    return allSummaries()
      .map((f) => ({
        uri: f.uri,
        modified: f.modified,
        talks: f.talks.filter((t) => matches(`${t.title} ${t.speaker ?? ''} ${t.subtitle ?? ''} ${t.projects.join(' ')}`.toLowerCase())),
      }))
      .filter((f) => f.talks.length || !words.length)
      .sort((a, b) => b.modified - a.modified || a.uri.localeCompare(b.uri));
  });

  connection.onRequest(REINDEX, async () => {
    await reindex();
    return index.files.size;
  });

  connection.onRequest(PROJECTS_IN_FILE, (params: ProjectsInFileParams): TalkProjects[] => {
    const state = states.get(params.uri);
    if (!state) return [];
    const analysis = analysisOf(state);
    return projectsByTalk(analysis.outline, analysis.mentions).map((p) => ({
      talk: p.talk?.title ?? null,
      line: p.talk ? state.document.positionAt(p.talk.start).line : 0,
      projects: p.projects,
    }));
  });

  /** The known name under the cursor: a mention (right or wrong) or a finding's subject. */
  const nameAt = (state: DocState, offset: number): string | undefined => {
    const analysis = analysisOf(state);
    return mentionAt(analysis.mentions, offset)?.name;
  };

  connection.onReferences((params): Location[] => {
    const state = states.get(params.textDocument.uri);
    if (!state) return [];
    const name = nameAt(state, state.document.offsetAt(params.position));
    if (!name) return [];
    return allSummaries().flatMap((f) => f.mentions.filter((m) => m.name === name).map((m) => ({ uri: f.uri, range: m.range })));
  });

  connection.onDefinition((params): Location[] => {
    const state = states.get(params.textDocument.uri);
    if (!state) return [];
    const name = nameAt(state, state.document.offsetAt(params.position));
    if (!name) return [];
    // A project has no definition in the notes: its first mention in this file stands for it.
    const first = summaryOf(state).mentions.find((m) => m.name === name);
    return first ? [{ uri: state.document.uri, range: first.range }] : [];
  });

  connection.onFoldingRanges((params): FoldingRange[] => {
    const state = states.get(params.textDocument.uri);
    if (!state) return [];
    const ranges: FoldingRange[] = [];
    const add = (start: number, end: number): void => {
      const a = state.document.positionAt(start).line;
      // Fold up to the last line before the next talk, trailing blank lines excluded.
      const text = state.document.getText().slice(start, end).replace(/\s+$/, '');
      const b = state.document.positionAt(start + text.length).line;
      if (b > a) ranges.push({ startLine: a, endLine: b, kind: FoldingRangeKind.Region });
    };
    const walk = (sections: Section[]): void => {
      for (const s of sections) {
        add(s.start, s.blockEnd);
        walk(s.sections);
      }
    };
    for (const talk of analysisOf(state).outline.talks) {
      add(talk.start, talk.blockEnd);
      walk(talk.sections);
    }
    return ranges;
  });

  connection.languages.semanticTokens.on((params) => {
    const state = states.get(params.textDocument.uri);
    if (!state || !state.settings.highlightNames) return { data: [] };
    const data: number[] = [];
    let line = 0;
    let character = 0;
    for (const m of analysisOf(state).mentions) {
      const start = state.document.positionAt(m.start);
      const end = state.document.positionAt(m.end);
      if (end.line !== start.line) continue;
      data.push(start.line - line, start.line === line ? start.character - character : start.character, end.character - start.character, m.kind === 'person' ? 1 : 0, 0);
      line = start.line;
      character = start.character;
    }
    return { data };
  });

  connection.listen();
}

process.on('uncaughtException', (error) => {
  console.error(`[talk-notes] uncaught: ${error.stack ?? String(error)}`);
});

if (require.main === module) {
  startServer(createConnection(ProposedFeatures.all));
}
