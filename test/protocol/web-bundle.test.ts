// The web server bundle (dist/web/server.js) loaded with web-worker globals only (no process, Buffer, require,
// setImmediate, document): it answers as the Node server does, so a Node API creeping back in, or embedded data
// that differs from data/, fails here rather than in a browser. And the Node server of the .vsix, which has no
// data/ folder, reads the same embedded data.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, CompletionList, Diagnostic, DocumentSymbol, FoldingRange, Hover, SemanticTokens } from 'vscode-languageserver';
import { LspClient, REPO, SAMPLE } from './lsp-client.ts';
import { WorkerServer, WEB_SERVER } from './web-worker.ts';
import { WORKSPACE_FILES, WORKSPACE_TALKS, WRITE_FILE, type FileTalks, type WorkspaceFilesParams, type WriteFileParams } from '../../server/src/protocol.ts';

const SAMPLE_TEXT = fs.readFileSync(SAMPLE, 'utf8');
const FOLDER = 'vscode-test-web://mount';
const URI = `${FOLDER}/kubecon-notes.md`;
/**
 * What must match between two servers: everything but the document URI, in document order (the order of a
 * publish follows which blocks a check reached first, a matter of timing).
 */
const comparable = (list: Diagnostic[]) =>
  list
    .map((d) => ({ range: d.range, severity: d.severity, code: d.code, source: d.source, message: d.message }))
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || String(a.code).localeCompare(String(b.code)));

async function nodeDiagnostics(server?: string): Promise<Diagnostic[]> {
  const { client } = await LspClient.start({ settings: {}, server });
  try {
    const uri = pathToFileURL(path.join(os.tmpdir(), 'kubecon-notes.md')).href;
    await client.open(uri, SAMPLE_TEXT);
    return await client.quiet(uri, 300);
  } finally {
    await client.stop();
  }
}

describe('web server bundle in a worker-like context', () => {
  let web: WorkerServer;
  let diagnostics: Diagnostic[];

  before(async () => {
    web = new WorkerServer();
    await web.initialize({}, [{ uri: `${FOLDER}/`, name: 'mount' }]);
    web.notify('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'markdown', version: 1, text: SAMPLE_TEXT } });
    diagnostics = await web.quietDiagnostics(URI);
  });
  after(() => web.stop());

  test('the bundle starts with the embedded data and loads fast', () => {
    assert.ok(fs.readFileSync(WEB_SERVER, 'utf8').startsWith('var TALK_NOTES_DATA={'));
    assert.ok(web.loadMs < 3000, `loaded in ${Math.round(web.loadMs)} ms`);
  });

  test('publishes exactly the Node server\'s diagnostics for the sample', async () => {
    assert.ok(diagnostics.length >= 20, `the sample has many findings (got ${diagnostics.length})`);
    assert.deepEqual(comparable(diagnostics), comparable(await nodeDiagnostics()));
  });

  test('answers quick fixes, hover, completion, outline, folding and semantic tokens', async () => {
    const kubevirt = diagnostics.find((d) => d.message.includes('KubeVirt'));
    assert.ok(kubevirt, 'a finding on Kubevirt');
    const actions = await web.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: URI }, range: kubevirt.range, context: { diagnostics: [kubevirt] } });
    assert.ok(actions.some((a) => a.isPreferred && a.title.includes('KubeVirt')), JSON.stringify(actions.map((a) => a.title)));
    const line = SAMPLE_TEXT.split('\n').findIndex((l) => l.startsWith('NATS Project Update'));
    const hover = await web.request<Hover | null>('textDocument/hover', { textDocument: { uri: URI }, position: { line, character: 1 } });
    assert.match(JSON.stringify(hover?.contents), /\*\*NATS\*\*/);
    const lines = SAMPLE_TEXT.split('\n').length;
    web.notify('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [{ range: { start: { line: lines, character: 0 }, end: { line: lines, character: 0 } }, text: '\nKube' }] });
    const completion = await web.request<CompletionList>('textDocument/completion', { textDocument: { uri: URI }, position: { line: lines + 1, character: 4 } });
    assert.ok(completion.items.some((i) => i.label === 'KubeVirt'), JSON.stringify(completion.items.slice(0, 10).map((i) => i.label)));
    const symbols = await web.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: URI } });
    assert.ok(symbols.length >= 1);
    const folds = await web.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: URI } });
    assert.ok(folds.length >= 1);
    const tokens = await web.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: URI } });
    assert.ok(tokens.data.length >= 5);
  });

  test('indexes the files the client sends and writes the workspace dictionary through the client', async () => {
    const dir = path.join(REPO, 'test', 'fixtures', 'notes-workspace');
    const files = ['day1-kubecon.md', 'hallway.md', 'day2/platform.md'].map((f) => ({ uri: `${FOLDER}/${f}`, text: fs.readFileSync(path.join(dir, f), 'utf8'), modified: 1, size: 1 }));
    web.notify(WORKSPACE_FILES, { reset: true, files } satisfies WorkspaceFilesParams);
    const talks = await waitFor(async () => {
      const found = await web.request<FileTalks[]>(WORKSPACE_TALKS, {});
      return found.some((f) => f.uri.endsWith('/day2/platform.md') && f.talks.length) ? found : undefined;
    });
    assert.ok(talks.some((f) => f.uri === `${FOLDER}/hallway.md`), JSON.stringify(talks.map((f) => f.uri)));
    const written: WriteFileParams[] = [];
    web.answers.set(WRITE_FILE, (params) => void written.push(params as WriteFileParams));
    const before = web.publishes(URI).length;
    await web.request('workspace/executeCommand', { command: 'talkNotes.addToDictionary', arguments: [URI, 'Kubevirt'] });
    assert.deepEqual(written.map((w) => w.uri), [`${FOLDER}/.talk-notes-dictionary.txt`]);
    assert.match(written[0].text, /\nKubevirt\n$/);
    const after = await web.quietDiagnostics(URI, before);
    assert.ok(!after.some((d) => d.message.includes('KubeVirt') && d.range.start.line === 31), 'the name is known once added');
  });
});

test('the Node server of the .vsix (no data/ folder) reads the embedded data and answers the same', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'talk-notes-vsix-layout-'));
  try {
    fs.mkdirSync(path.join(root, 'dist', 'web'), { recursive: true });
    fs.copyFileSync(path.join(REPO, 'dist', 'server.js'), path.join(root, 'dist', 'server.js'));
    fs.copyFileSync(WEB_SERVER, path.join(root, 'dist', 'web', 'server.js'));
    assert.deepEqual(comparable(await nodeDiagnostics(path.join(root, 'dist', 'server.js'))), comparable(await nodeDiagnostics()));
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}
