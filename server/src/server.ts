// The language server: a thin adapter from LSP to the core. Each handler looks the document up, asks the
// core, and maps the answer. Diagnostics are pushed; edits queued while a check runs are coalesced.
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type InitializeResult,
  type WorkspaceSymbol,
  SymbolKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analyzer, type Analysis, type Engine } from './core/analyze.ts';
import { completeNames } from './core/complete.ts';
import { disableNextLineEdit, fixAllEdits, fixEdit } from './core/fixes.ts';
import { hoverAt } from './core/hover.ts';
import { LineIndex } from './core/positions.ts';
import { DEFAULT_SETTINGS, validateSettings, type Settings } from './core/settings.ts';
import { toCompletionItem, toDiagnostic, toDocumentSymbols, toTextEdit } from './convert.ts';
import { loadEngine } from './data.ts';
import { WorkspaceDictionary } from './dictionary.ts';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.talkNotes`;
const ADD_TO_DICTIONARY = 'talkNotes.addToDictionary';
const FIX_ALL_COMMAND = 'talkNotes.applyFixAll';

interface DocState {
  analyzer: Analyzer;
  analysis?: Analysis;
  version?: number;
  settings: Settings;
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const dictionary = new WorkspaceDictionary();
  const states = new Map<string, DocState>();
  const pending = new Set<string>();
  const reported = new Set<string>();
  let engine: Engine | undefined;
  let folders: string[] = [];
  let canPullConfig = false;
  let flushScheduled = false;

  const log = (message: string): void => connection.console.log(`[talk-notes] ${message}`);
  const warnOnce = (message: string): void => {
    if (reported.has(message)) return;
    reported.add(message);
    connection.console.warn(`[talk-notes] ${message}`);
    void connection.window.showWarningMessage(`Talk Notes: ${message}`);
  };

  const getEngine = (): Engine => (engine ??= loadEngine());

  const stateOf = (uri: string): DocState => {
    let state = states.get(uri);
    if (!state) {
      state = { analyzer: new Analyzer(getEngine()), settings: DEFAULT_SETTINGS };
      states.set(uri, state);
    }
    return state;
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
    if (!canPullConfig) return stateOf(uri).settings;
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
  const analysisOf = (document: TextDocument): Analysis => {
    const state = stateOf(document.uri);
    if (!state.analysis || state.version !== document.version) {
      state.analysis = state.analyzer.analyze(document.getText(), state.settings, dictionaryNames(document.uri, state.settings));
      state.version = document.version;
    }
    return state.analysis;
  };

  const publish = (document: TextDocument): void => {
    const state = stateOf(document.uri);
    if (!state.settings.enable) {
      void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: [] });
      return;
    }
    try {
      const analysis = analysisOf(document);
      const lines = new LineIndex(analysis.text);
      const diagnostics = analysis.findings.flatMap((f) => toDiagnostic(f, lines, state.settings) ?? []);
      void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
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
      const document = documents.get(uri);
      if (document) publish(document);
    }
  };
  const schedule = (uri: string): void => {
    pending.add(uri);
    if (!flushScheduled) {
      flushScheduled = true;
      setImmediate(flush);
    }
  };

  const refreshSettings = async (uri: string): Promise<void> => {
    stateOf(uri).settings = await fetchSettings(uri);
    stateOf(uri).version = undefined;
  };

  connection.onInitialize((params): InitializeResult => {
    canPullConfig = !!params.capabilities.workspace?.configuration;
    folders = (params.workspaceFolders ?? []).flatMap((f) => filePath(f.uri) ?? []);
    if (!folders.length && params.rootUri) folders = [filePath(params.rootUri)].filter((p): p is string => !!p);
    const initial = validateSettings((params.initializationOptions as { settings?: unknown } | undefined)?.settings);
    initial.problems.forEach((p) => log(p));
    DEFAULT_INITIAL.settings = initial.settings;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND] },
        completionProvider: { resolveProvider: false },
        hoverProvider: true,
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        executeCommandProvider: { commands: [ADD_TO_DICTIONARY, FIX_ALL_COMMAND] },
      },
      serverInfo: { name: 'talk-notes', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (canPullConfig) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'talkNotes' }).catch(() => undefined);
    // Load the catalog and dictionary before the first document needs them.
    setImmediate(() => {
      try {
        getEngine();
      } catch (error) {
        connection.console.error(`[talk-notes] ${String(error)}`);
      }
    });
  });

  connection.onDidChangeConfiguration(async (change) => {
    if (!canPullConfig) {
      const raw = (change.settings as { talkNotes?: unknown } | undefined)?.talkNotes;
      const { settings, problems } = validateSettings(raw);
      problems.forEach(warnOnce);
      for (const state of states.values()) {
        state.settings = settings;
        state.version = undefined;
      }
    } else {
      await Promise.all(documents.all().map((d) => refreshSettings(d.uri)));
    }
    dictionary.invalidate();
    documents.all().forEach((d) => schedule(d.uri));
  });

  connection.onDidChangeWatchedFiles((change) => {
    for (const c of change.changes) {
      const p = filePath(c.uri);
      if (p) dictionary.invalidate(p);
    }
    for (const state of states.values()) state.version = undefined;
    documents.all().forEach((d) => schedule(d.uri));
  });

  documents.onDidOpen(async (event) => {
    const state = stateOf(event.document.uri);
    if (!canPullConfig) state.settings = DEFAULT_INITIAL.settings;
    schedule(event.document.uri);
    if (canPullConfig) {
      await refreshSettings(event.document.uri);
      schedule(event.document.uri);
    }
  });
  documents.onDidChangeContent((event) => schedule(event.document.uri));
  documents.onDidClose((event) => {
    states.delete(event.document.uri);
    pending.delete(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const analysis = analysisOf(document);
    const lines = new LineIndex(analysis.text);
    const uri = document.uri;
    const only = params.context.only;
    const wantsFixAll = only?.some((k) => k === CodeActionKind.SourceFixAll || k === FIX_ALL_KIND || k === CodeActionKind.Source);
    const fixAll = (kind: string, title: string): CodeAction | undefined => {
      const edits = fixAllEdits(analysis.findings);
      if (!edits.length) return undefined;
      return { title, kind, edit: { changes: { [uri]: edits.map((e) => toTextEdit(e, lines)) } } };
    };
    if (wantsFixAll) return [fixAll(FIX_ALL_KIND, 'Fix all Talk Notes problems')].filter((a): a is CodeAction => !!a);

    const start = document.offsetAt(params.range.start);
    const end = document.offsetAt(params.range.end);
    const actions: CodeAction[] = [];
    const here = analysis.findings.filter((f) => f.start <= end && f.end >= start);
    for (const f of here) {
      const diagnostic = params.context.diagnostics.find((d) => d.source === 'talk-notes' && document.offsetAt(d.range.start) === f.start && d.code === f.code);
      f.fixes.forEach((fix, k) => {
        actions.push({
          title: `Change to '${fix}'`,
          kind: CodeActionKind.QuickFix,
          diagnostics: diagnostic ? [diagnostic] : undefined,
          isPreferred: f.preferred && k === 0,
          edit: { changes: { [uri]: [toTextEdit(fixEdit(f, fix), lines)] } },
        });
      });
      actions.push({
        title: `Add '${f.wrong}' to the workspace dictionary`,
        kind: CodeActionKind.QuickFix,
        diagnostics: diagnostic ? [diagnostic] : undefined,
        command: { title: 'Add to dictionary', command: ADD_TO_DICTIONARY, arguments: [uri, f.wrong] },
      });
      actions.push({
        title: 'Disable Talk Notes for the next line',
        kind: CodeActionKind.QuickFix,
        diagnostics: diagnostic ? [diagnostic] : undefined,
        edit: { changes: { [uri]: [toTextEdit(disableNextLineEdit(analysis.text, f.start), lines)] } },
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
    const [uri, word] = (params.arguments ?? []) as [string?, string?];
    if (params.command === ADD_TO_DICTIONARY && typeof uri === 'string' && typeof word === 'string') {
      const file = dictionaryFile(uri, stateOf(uri).settings);
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
      for (const state of states.values()) state.version = undefined;
      documents.all().forEach((d) => schedule(d.uri));
    } else if (params.command === FIX_ALL_COMMAND && typeof uri === 'string') {
      const document = documents.get(uri);
      if (!document) return;
      const analysis = analysisOf(document);
      const lines = new LineIndex(analysis.text);
      const edits = fixAllEdits(analysis.findings).map((e) => toTextEdit(e, lines));
      if (edits.length) await connection.workspace.applyEdit({ label: 'Fix all Talk Notes problems', edit: { changes: { [uri]: edits } } });
    }
  });

  connection.onCompletion((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const state = stateOf(document.uri);
    const text = document.getText();
    const lines = new LineIndex(text);
    const learned = state.analysis?.learned;
    const catalogs = learned ? [learned, getEngine().catalog] : [getEngine().catalog];
    const items = completeNames(text, document.offsetAt(params.position), catalogs).map((c) => toCompletionItem(c, lines));
    return { isIncomplete: true, items };
  });

  connection.onHover((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    const analysis = analysisOf(document);
    const hover = hoverAt(analysis.text, document.offsetAt(params.position), analysis.findings, [getEngine().catalog, analysis.learned]);
    if (!hover) return null;
    return { contents: { kind: 'markdown', value: hover.markdown }, range: new LineIndex(analysis.text).rangeOf(hover.start, hover.end) };
  });

  connection.onDocumentSymbol((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const analysis = analysisOf(document);
    return toDocumentSymbols(analysis.outline, new LineIndex(analysis.text));
  });

  connection.onWorkspaceSymbol((params) => {
    const query = params.query.toLowerCase();
    const symbols: WorkspaceSymbol[] = [];
    for (const document of documents.all()) {
      const analysis = analysisOf(document);
      const lines = new LineIndex(analysis.text);
      for (const talk of analysis.outline.talks) {
        const haystack = `${talk.title} ${talk.speaker ?? ''}`.toLowerCase();
        if (query && !haystack.includes(query)) continue;
        symbols.push({
          name: talk.title,
          kind: SymbolKind.Event,
          containerName: talk.speaker,
          location: { uri: document.uri, range: lines.rangeOf(talk.start, talk.end) },
        });
      }
    }
    return symbols;
  });

  documents.listen(connection);
  connection.listen();
}

/** Settings for clients that cannot be asked per resource (taken from initializationOptions). */
const DEFAULT_INITIAL: { settings: Settings } = { settings: DEFAULT_SETTINGS };

process.on('uncaughtException', (error) => {
  console.error(`[talk-notes] uncaught: ${error.stack ?? String(error)}`);
});

if (require.main === module) {
  startServer(createConnection(ProposedFeatures.all));
}

