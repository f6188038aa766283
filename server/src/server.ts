// The language server: a thin adapter from LSP to the core. server.ts owns the lifecycle and document sync;
// features/*.ts answer requests; session.ts holds what they share. Diagnostics are pushed, and edits queued
// while a check runs are coalesced into one check.
// The entry points give it a connection and a platform: server-node.ts (dist/server.js) and server-web.ts
// (dist/web/server.js, in a web worker).
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocumentSyncKind,
  type Connection,
  type FileEvent,
  type InitializeResult,
} from 'vscode-languageserver';
import { prepareCompletion } from './core/features/complete.ts';
import { NotesDocument } from './core/check/document.ts';
import { validateSettings } from './core/check/settings.ts';
import { CONFIG_FILE } from './core/check/project-config.ts';
import { EditorDocument } from './editor-document.ts';
import { ADD_TO_DICTIONARY, FIX_ALL_COMMAND, FIX_ALL_KIND, registerEditingFeatures, TOKEN_TYPES } from './features/editing.ts';
import { registerWorkspaceFeatures } from './features/workspace.ts';
import { registerSymbolFeatures } from './features/symbols.ts';
import { registerCompletion } from './features/completion.ts';
import { registerScheduleFeatures } from './features/schedule.ts';
import { registerBigFileFeatures } from './features/big-files.ts';
import type { Platform } from './platform/types.ts';
import { Session, type DocState } from './session.ts';

export { FIX_ALL_KIND };

/** Files changed outside the editor (watched by the client, or sent by the web client): the index, dictionaries, schedules and catalogs follow. */
export function filesChanged(session: Session, changes: FileEvent[]): void {
  const { index, dictionary } = session;
  let dictionaryChanged = false;
  let notesChanged = false;
  let configChanged = false;
  for (const c of changes) {
    const p = session.filePath(c.uri);
    if (!p) continue;
    if (p.endsWith(CONFIG_FILE) && /[\\/]$/.test(p.slice(0, -CONFIG_FILE.length))) configChanged = true;
    else if (/\.(md|markdown|mdown|mkd)$/i.test(p)) {
      // Open documents follow the editor's text; the index follows the disk.
      if (c.type === FileChangeType.Deleted) index.remove(p);
      else index.indexFile(p);
      notesChanged = true;
    } else {
      dictionary.invalidate(p);
      const patterns = [...new Set(session.open().flatMap((s) => s.settings.schedules).concat(session.pushedSettings.schedules))];
      if (session.schedules.changed(p, session.folders, patterns)) dictionaryChanged = true;
      if (session.catalogFileChanged(p)) dictionaryChanged = true;
      else if (!p.endsWith('.json')) dictionaryChanged = true;
    }
  }
  if (notesChanged) session.announceTalks();
  if (!configChanged) {
    if (dictionaryChanged) session.recheckAll();
    return;
  }
  // A project config changed: every open file's settings are read again, then all are checked.
  session.configs.invalidate();
  void Promise.all(session.open().map((s) => session.refreshSettings(s))).then(() => session.recheckAll());
  void session.problems.settingsChanged().catch((error: unknown) => session.log(`checking the workspace again failed: ${String(error)}`));
}

export function startServer(rawConnection: Connection, platform: Platform): Session {
  const session = new Session(rawConnection, platform);
  const connection = session.connection;
  const { states, index, dictionary } = session;
  const log = (m: string): void => session.log(m);
  const symbols = registerSymbolFeatures(session);

  connection.onInitialize((params): InitializeResult => {
    session.canPullConfig = !!params.capabilities.workspace?.configuration;
    session.canProgress = !!params.capabilities.window?.workDoneProgress;
    session.canWatch = !platform.clientSendsFiles && !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    const workspaceEdit = params.capabilities.workspace?.workspaceEdit;
    session.canAnnotate = !!workspaceEdit?.documentChanges && !!workspaceEdit.changeAnnotationSupport;
    session.folders = (params.workspaceFolders ?? []).flatMap((f) => session.filePath(f.uri) ?? []);
    if (!session.folders.length && params.rootUri) session.folders = [session.filePath(params.rootUri)].filter((p): p is string => !!p);
    const options = params.initializationOptions as { settings?: unknown; showsProblemCap?: unknown } | undefined;
    session.showsProblemCap = options?.showsProblemCap === true;
    const initial = validateSettings(options?.settings);
    initial.problems.forEach((p) => log(p));
    session.pushedSettings = initial.settings;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND] },
        completionProvider: { resolveProvider: true },
        hoverProvider: true,
        ...symbols.capabilities(params),
        executeCommandProvider: { commands: [ADD_TO_DICTIONARY, FIX_ALL_COMMAND] },
        referencesProvider: true,
        definitionProvider: true,
        foldingRangeProvider: true,
        semanticTokensProvider: { legend: { tokenTypes: TOKEN_TYPES, tokenModifiers: [] }, full: true },
      },
      serverInfo: { name: 'talk-notes', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (session.canPullConfig) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'talkNotes' }).catch(() => undefined);
    if (session.canWatch) {
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{md,markdown,mdown,mkd}' }, { globPattern: '**/*.json' }, { globPattern: '**/*.ics' }, { globPattern: `**/${CONFIG_FILE}` }] })
        .catch(() => undefined);
    }
    // Index the workspace after the first requests had their turn.
    setTimeout(() => void session.reindex().catch((error) => connection.console.error(`[talk-notes] indexing failed: ${String(error)}`)), 50);
    // Load the catalog and dictionary, and the completion keys, before the first document needs them.
    platform.setImmediate(() => {
      try {
        prepareCompletion(session.getEngine().catalog);
      } catch (error) {
        connection.console.error(`[talk-notes] ${String(error)}`);
      }
    });
  });

  connection.onDidChangeConfiguration(async (change) => {
    if (!session.canPullConfig) {
      const { settings, problems } = validateSettings((change.settings as { talkNotes?: unknown } | undefined)?.talkNotes);
      problems.forEach((p) => session.warnOnce(p));
      session.pushedSettings = settings;
    }
    await Promise.all(session.open().map((s) => session.refreshSettings(s)));
    dictionary.invalidate();
    session.recheckAll();
    await session.problems.settingsChanged();
  });

  connection.onDidChangeWatchedFiles((change) => filesChanged(session, change.changes));

  connection.onDidOpenTextDocument(async (params) => {
    const { uri, languageId, version, text } = params.textDocument;
    const notes = new NotesDocument(session.getEngine(), '');
    const state: DocState = {
      document: new EditorDocument(uri, languageId, version, notes, text),
      notes,
      settings: session.pushedSettings,
      lastEdit: 0,
    };
    states.set(uri, state);
    // Ask for the file's settings first, so the first publish already honours them.
    const settings = session.refreshSettings(state);
    await session.load(state, text);
    await settings;
    if (states.get(uri) === state) session.schedule(uri);
  });

  connection.onDidChangeTextDocument((params) => {
    const state = states.get(params.textDocument.uri);
    if (!state) return;
    const { uri, version } = params.textDocument;
    for (const change of params.contentChanges) {
      if (!('range' in change)) {
        if (state.loading) state.loading.queued.push({ start: 0, end: state.document.length, text: change.text });
        state.document.replaceAll(change.text, version);
        if (!state.loading) state.notes.setText(change.text);
        continue;
      }
      // A range may come reversed. The editor document takes the edit first (it reads the text around it).
      let start = state.document.offsetAt(change.range.start);
      let end = state.document.offsetAt(change.range.end);
      if (start > end) [start, end] = [end, start];
      state.document.update(start, end, change.text, version);
      if (state.loading) state.loading.queued.push({ start, end, text: change.text });
      else state.notes.applyChanges([{ start, end, text: change.text }]);
      state.lastEdit = start;
    }
    state.editedAt = Date.now();
    session.schedule(uri);
  });

  connection.onDidCloseTextDocument((params) => {
    states.delete(params.textDocument.uri);
    session.unschedule(params.textDocument.uri);
    // Back to the disk's version in the index (unsaved edits are gone with the editor).
    const p = session.filePath(params.textDocument.uri);
    if (p && session.folders.some((f) => p.startsWith(f + '/')) && /\.(md|markdown|mdown|mkd)$/i.test(p)) {
      index.indexFile(p);
      session.announceTalks();
    }
    void connection.sendDiagnostics({ uri: params.textDocument.uri, diagnostics: [] });
  });

  registerEditingFeatures(session);
  registerCompletion(session);
  registerScheduleFeatures(session);
  registerBigFileFeatures(session);
  registerWorkspaceFeatures(session);
  connection.listen();
  return session;
}
