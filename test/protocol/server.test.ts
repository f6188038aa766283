// The language server over stdio, as an editor sees it: dist/server.js spawned and driven through LSP.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, CompletionItem, CompletionList, Diagnostic, DocumentSymbol, Hover, MarkupContent, TextEdit, WorkspaceSymbol } from 'vscode-languageserver';
import { checkFixedSample, leftByFixAll } from './expected-fixes.ts';
import { applyTextEdits, LspClient, REPO, SAMPLE, textOf } from './lsp-client.ts';

const SAMPLE_TEXT = fs.readFileSync(SAMPLE, 'utf8');
const WARNING = 2;
const INFORMATION = 3;
const HINT = 4;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'talk-notes-lsp-'));
let docCounter = 0;
/** A fresh file:// URI per document, so tests never see each other's documents. */
const newUri = (name = 'notes'): string => pathToFileURL(path.join(tmp, `${name}-${++docCounter}.md`)).href;

const on = (diagnostics: Diagnostic[], text: string, word: string): Diagnostic[] => diagnostics.filter((d) => textOf(text, d) === word);
const editsOf = (action: CodeAction, uri: string): TextEdit[] => action.edit?.changes?.[uri] ?? [];
const itemsOf = (r: CompletionItem[] | CompletionList | null): CompletionItem[] => (Array.isArray(r) ? r : (r?.items ?? []));
const codeActions = (client: LspClient, uri: string, range: Diagnostic['range'], diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> =>
  client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, only } });

after(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('language server with the sample notes (workspace/configuration answering {})', () => {
  let client: LspClient;
  let capabilities: Record<string, unknown>;
  let uri: string;
  let diagnostics: Diagnostic[];

  before(async () => {
    const started = await LspClient.start({ settings: {} });
    client = started.client;
    capabilities = started.result.capabilities as Record<string, unknown>;
    uri = newUri('kubecon');
    diagnostics = await client.open(uri, SAMPLE_TEXT);
  });
  after(() => client.stop());

  test('initialize advertises incremental sync, fix-all kinds and the dictionary command', () => {
    const sync = capabilities.textDocumentSync as number | { change?: number; openClose?: boolean };
    assert.equal(typeof sync === 'number' ? sync : sync.change, 2, 'incremental sync');
    assert.ok((capabilities.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds.includes('source.fixAll.talkNotes'));
    assert.ok((capabilities.executeCommandProvider as { commands: string[] }).commands.includes('talkNotes.addToDictionary'));
    assert.ok(client.serverRequests.some((r) => r.method === 'workspace/configuration'), 'settings are pulled per document');
  });

  test('publishes a casing warning on Kubevirt naming KubeVirt', () => {
    const [d, ...rest] = on(diagnostics, SAMPLE_TEXT, 'Kubevirt');
    assert.equal(rest.length, 0);
    assert.ok(d, 'a diagnostic covers "Kubevirt"');
    assert.deepEqual(d.range, { start: { line: 31, character: 27 }, end: { line: 31, character: 35 } });
    assert.equal(d.severity, WARNING);
    assert.equal(d.source, 'talk-notes');
    assert.equal(d.code, 'casing');
    assert.match(d.message, /KubeVirt/);
  });

  test('English typo is Information, k8s is at most a Hint, clean words are not flagged', () => {
    const typo = on(diagnostics, SAMPLE_TEXT, 'healhty');
    assert.equal(typo.length, 1);
    assert.equal(typo[0].severity, INFORMATION);
    assert.match(typo[0].message, /healthy/);
    for (const d of on(diagnostics, SAMPLE_TEXT, 'k8s')) assert.equal(d.severity, HINT, `k8s at line ${d.range.start.line} is ${d.severity}`);
    for (const word of ['Choria', 'Netlify', 'Liles', 'coffee', 'Coffee', 'Evenson', 'Strimzi', 'NATS']) {
      const lines = SAMPLE_TEXT.split('\n');
      let seen = 0;
      lines.forEach((line, ln) => {
        for (let at = line.indexOf(word); at >= 0; at = line.indexOf(word, at + 1)) {
          seen++;
          const hit = diagnostics.find((d) => d.range.start.line === ln && d.range.start.character < at + word.length && d.range.end.character > at);
          assert.equal(hit, undefined, `'${word}' on line ${ln + 1} is flagged: ${hit?.message}`);
        }
      });
      assert.ok(seen > 0, `'${word}' occurs in the sample`);
    }
  });

  test('code actions at Kubevirt: preferred quick fix writes KubeVirt, plus a fix-all quick fix', async () => {
    const d = on(diagnostics, SAMPLE_TEXT, 'Kubevirt')[0];
    const actions = await codeActions(client, uri, d.range, [d]);
    const preferred = actions.filter((a) => a.isPreferred);
    assert.equal(preferred.length, 1, `one preferred action, got ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(preferred[0].kind, 'quickfix');
    assert.deepEqual(editsOf(preferred[0], uri), [{ range: d.range, newText: 'KubeVirt' }]);
    assert.deepEqual(preferred[0].diagnostics, [d]);
    assert.ok(actions.some((a) => a.title === "Add 'Kubevirt' to the workspace dictionary" && a.command?.command === 'talkNotes.addToDictionary'));

    // An editor usually sends just the cursor: the same preferred fix.
    const cursor = { start: { line: 31, character: 30 }, end: { line: 31, character: 30 } };
    const atCursor = (await codeActions(client, uri, cursor, [])).filter((a) => a.isPreferred);
    assert.deepEqual(atCursor.map((a) => editsOf(a, uri)), [[{ range: d.range, newText: 'KubeVirt' }]]);

    const fixAll = actions.find((a) => a.title === 'Fix all Talk Notes names in this file');
    assert.ok(fixAll, 'a "Fix all" quick fix is offered');
    assert.equal(fixAll.kind, 'quickfix');
    const fixed = applyTextEdits(SAMPLE_TEXT, editsOf(fixAll, uri));
    assert.deepEqual(checkFixedSample(SAMPLE_TEXT, fixed, { leave: leftByFixAll }), []);
  });

  test('source.fixAll request returns source.fixAll.talkNotes whose edits fix the names of the whole file', async () => {
    const everything = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const actions = await codeActions(client, uri, everything, [], ['source.fixAll']);
    assert.equal(actions.length, 1, actions.map((a) => a.title).join(' | '));
    assert.equal(actions[0].kind, 'source.fixAll.talkNotes');
    const fixed = applyTextEdits(SAMPLE_TEXT, editsOf(actions[0], uri));
    const lines = fixed.split('\n');
    assert.equal(lines[31], 'Operator (Strimzi, NooBaa, KubeVirt)');
    assert.equal(lines[17], '#### etcd');
    assert.equal(lines[94], 'NATS started as a project to power Cloud Foundry');
    assert.deepEqual(checkFixedSample(SAMPLE_TEXT, fixed, { leave: leftByFixAll }), []);
    // Quick fixes only: no source actions without being asked.
    const plain = await codeActions(client, uri, everything, [], ['quickfix']);
    assert.ok(plain.every((a) => a.kind === 'quickfix'));
  });

  test('disable-next-line inserts the comment above, and the line is then silent', async () => {
    const u = newUri();
    const text = '# Notes\n\nOperator (Strimzi, Kubevirt)\n\nKubevirt again\n';
    const before = await client.open(u, text);
    const d = on(before, text, 'Kubevirt').find((x) => x.range.start.line === 2);
    assert.ok(d);
    const action = (await codeActions(client, u, d.range, [d])).find((a) => a.title === 'Disable Talk Notes for the next line');
    assert.ok(action);
    const edits = editsOf(action, u);
    assert.deepEqual(edits, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: '<!-- talk-notes-disable-next-line -->\n' }]);
    const after = await client.change(u, 2, edits.map((e) => ({ range: e.range, text: e.newText })));
    const next = applyTextEdits(text, edits);
    assert.equal(on(after, next, 'Kubevirt').filter((x) => x.range.start.line === 3).length, 0, 'the disabled line has no diagnostic');
    assert.equal(on(after, next, 'Kubevirt').filter((x) => x.range.start.line === 5).length, 1, 'the other line still has one');
  });

  test('completion after "Kube" offers KubeVirt with maturity, and its card has the homepage', async () => {
    const u = newUri();
    await client.open(u, '# Notes\n\nSome text.\n');
    await client.change(u, 2, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: 'Kube' }]);
    const items = itemsOf(await client.request<CompletionList | CompletionItem[] | null>('textDocument/completion', { textDocument: { uri: u }, position: { line: 3, character: 4 } }));
    const item = items.find((i) => i.label === 'KubeVirt');
    assert.ok(item, `KubeVirt among ${items.map((i) => i.label).slice(0, 10).join(', ')}`);
    assert.match(item.detail ?? '', /CNCF incubating/);
    // The card comes with completionItem/resolve, as editors ask for it when showing an item.
    const resolved = await client.request<CompletionItem>('completionItem/resolve', item);
    const doc = resolved.documentation as MarkupContent;
    assert.equal(doc.kind, 'markdown');
    const projects = (JSON.parse(fs.readFileSync(path.join(REPO, 'data', 'cncf-projects.json'), 'utf8')) as { projects: { name: string; homepage_url: string }[] }).projects;
    const homepage = projects.find((p) => p.name === 'KubeVirt')!.homepage_url;
    assert.ok(doc.value.includes(homepage), `documentation mentions ${homepage}: ${doc.value}`);
    assert.deepEqual(item.textEdit && 'range' in item.textEdit ? item.textEdit.range : undefined, { start: { line: 3, character: 0 }, end: { line: 3, character: 4 } });
  });

  test('hover on prometheus (line 75) and on a correct Prometheus shows the project card', async () => {
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 74, character: 5 } });
    assert.ok(hover);
    const value = (hover.contents as MarkupContent).value;
    assert.match(value, /Prometheus/);
    assert.match(value, /graduated/);
    // The editor shows the diagnostic's message in the same hover: the card does not repeat it.
    const message = on(diagnostics, SAMPLE_TEXT, 'prometheus')[0]?.message;
    assert.ok(message && !value.includes(message), `hover repeats '${message}': ${value}`);
    const u = newUri();
    await client.open(u, 'We scrape metrics with Prometheus every day.\n');
    const clean = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: u }, position: { line: 0, character: 25 } });
    assert.ok(clean);
    assert.match((clean.contents as MarkupContent).value, /\*\*Prometheus\*\*.*graduated/);
    assert.deepEqual(clean.range, { start: { line: 0, character: 23 }, end: { line: 0, character: 33 } });
  });

  test('documentSymbol lists the four talks with speakers and the first talk\'s sections', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['CNCF Project Updates', 'Rook.io', 'Derek, creator of Maps and Open(something)', 'Lockland Container ... Azure ... TOC contributor'],
    );
    assert.match(symbols[0].detail ?? '', /Bryan Liles/);
    assert.match(symbols[2].detail ?? '', /Derek Collison/);
    assert.match(symbols[3].detail ?? '', /Lachlan Evenson/);
    assert.deepEqual((symbols[0].children ?? []).map((c) => c.name), ['Open Policy A (OPA)', 'ETCD', 'CloudEvent']);
    assert.equal(symbols[1].selectionRange.start.line, 27);
  });

  test('workspace/symbol "rook" finds the Rook.io talk', async () => {
    const symbols = await client.request<WorkspaceSymbol[]>('workspace/symbol', { query: 'rook' });
    const rook = symbols.find((s) => s.name === 'Rook.io');
    assert.ok(rook, JSON.stringify(symbols.map((s) => s.name)));
    assert.equal(rook.location.uri, uri);
    assert.ok(!symbols.some((s) => s.name === 'CNCF Project Updates'), 'non-matching talks are filtered out');
  });

  test('incremental didChange republishes with the new diagnostic at the right position', async () => {
    const u = newUri();
    const text = SAMPLE_TEXT;
    await client.open(u, text);
    const insert = { range: { start: { line: 39, character: 0 }, end: { line: 39, character: 0 } }, text: 'Kubevirt again ' };
    const after = await client.change(u, 2, [insert]);
    const next = applyTextEdits(text, [{ range: insert.range, newText: insert.text }]);
    const added = after.find((d) => d.range.start.line === 39);
    assert.ok(added, 'a diagnostic on the edited line');
    assert.deepEqual(added.range, { start: { line: 39, character: 0 }, end: { line: 39, character: 8 } });
    assert.equal(added.code, 'casing');
    assert.equal(on(after, next, 'Kubevirt').length, 2);
  });

  test('positions count UTF-16 code units (emoji and accents before the word)', async () => {
    const u = newUri();
    const line = 'Café 🚀 déjà vu — naïve 👩‍💻 Kubevirt here';
    const diags = await client.open(u, `# Talk\n\n${line}\n`);
    const d = diags.find((x) => x.code === 'casing');
    assert.ok(d, JSON.stringify(diags));
    const at = line.indexOf('Kubevirt');
    assert.deepEqual(d.range, { start: { line: 2, character: at }, end: { line: 2, character: at + 8 } });
  });

  test('requests on unknown URIs return empty results, not errors', async () => {
    const ghost = { uri: 'file:///nowhere/ghost.md' };
    const position = { line: 0, character: 0 };
    const range = { start: position, end: position };
    assert.deepEqual(await client.request('textDocument/codeAction', { textDocument: ghost, range, context: { diagnostics: [] } }), []);
    assert.deepEqual(itemsOf(await client.request('textDocument/completion', { textDocument: ghost, position })), []);
    assert.equal(await client.request('textDocument/hover', { textDocument: ghost, position }), null);
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: ghost }), []);
    assert.equal(await client.request('workspace/executeCommand', { command: 'talkNotes.addToDictionary', arguments: ['untitled:Untitled-1', 'Zorp'] }), null);
  });

  test('didClose clears the document\'s diagnostics and forgets it', async () => {
    const u = newUri();
    assert.ok((await client.open(u, 'Operator (Kubevirt)\n')).length > 0);
    const since = client.publishes.length;
    client.notify('textDocument/didClose', { textDocument: { uri: u } });
    assert.deepEqual(await client.waitForDiagnostics(u, since), []);
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri: u } }), []);
  });
});

describe('language server without the workspace.configuration capability', () => {
  let client: LspClient;
  before(async () => ({ client } = await LspClient.start({ configuration: false })));
  after(() => client.stop());

  test('publishes with default settings and never asks for configuration', async () => {
    const diags = await client.open(newUri(), SAMPLE_TEXT);
    const d = on(diags, SAMPLE_TEXT, 'Kubevirt')[0];
    assert.ok(d);
    assert.equal(d.severity, WARNING);
    assert.equal(client.serverRequests.filter((r) => r.method === 'workspace/configuration').length, 0);
  });
});

describe('language server settings from workspace/configuration', () => {
  test('{ severity: { casing: "off" } } removes casing diagnostics, keeps the others', async () => {
    const { client } = await LspClient.start({ settings: { severity: { casing: 'off' } } });
    try {
      const diags = await client.open(newUri(), SAMPLE_TEXT);
      assert.deepEqual(diags.filter((d) => d.code === 'casing'), []);
      assert.equal(on(diags, SAMPLE_TEXT, 'healhty').length, 1);
      assert.ok(diags.some((d) => d.code === 'spacing'), 'CloudFoundry is still reported');
    } finally {
      await client.stop();
    }
  });

  test('malformed settings keep the defaults, still publish, and warn', async () => {
    const { client } = await LspClient.start({ settings: { severity: 'loud', knownNames: 42 } });
    try {
      const diags = await client.open(newUri(), SAMPLE_TEXT);
      const d = on(diags, SAMPLE_TEXT, 'Kubevirt')[0];
      assert.ok(d, 'Kubevirt is still flagged');
      assert.equal(d.severity, WARNING);
      assert.equal(on(diags, SAMPLE_TEXT, 'healhty')[0]?.severity, INFORMATION);
      const shown = (): string[] =>
        [...client.notifications, ...client.serverRequests]
          .filter((n) => n.method === 'window/showMessage' || n.method === 'window/showMessageRequest')
          .map((n) => (n.params as { message: string }).message);
      await client.waitFor(`a warning naming talkNotes.severity (shown: ${JSON.stringify(shown())})`, () => (shown().some((m) => m.includes('talkNotes.severity')) ? true : undefined), 3_000);
    } finally {
      await client.stop();
    }
  });
});

describe('workspace/didChangeConfiguration', () => {
  test('re-reads the settings and republishes open documents', async () => {
    const { client } = await LspClient.start({ settings: {} });
    try {
      const u = newUri();
      assert.equal(on(await client.open(u, SAMPLE_TEXT), SAMPLE_TEXT, 'Kubevirt').length, 1);
      client.settings = { severity: { casing: 'error', spelling: 'off' } };
      const since = client.publishes.length;
      client.notify('workspace/didChangeConfiguration', { settings: null });
      await client.waitForDiagnostics(u, since);
      const diags = await client.quiet(u);
      assert.equal(on(diags, SAMPLE_TEXT, 'Kubevirt')[0]?.severity, 1, 'casing is now an error');
      assert.deepEqual(on(diags, SAMPLE_TEXT, 'healhty'), [], 'spelling is off');
    } finally {
      await client.stop();
    }
  });
});

describe('talkNotes.addToDictionary', () => {
  let client: LspClient;
  let folder: string;
  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'talk-notes-ws-'));
    ({ client } = await LspClient.start({ workspaceFolder: folder }));
  });
  after(async () => {
    await client.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  test('writes the workspace dictionary and the name stops being flagged', async () => {
    const u = pathToFileURL(path.join(folder, 'notes', 'day1.md')).href;
    const text = '# Storage talk\n\nWe moved the cluster to Ciliom last year.\n';
    const before = await client.open(u, text);
    assert.equal(on(before, text, 'Ciliom').length, 1, 'the invented name is flagged first');
    const since = client.publishes.length;
    await client.request('workspace/executeCommand', { command: 'talkNotes.addToDictionary', arguments: [u, 'Ciliom'] });
    const file = path.join(folder, '.talk-notes-dictionary.txt');
    assert.ok(fs.existsSync(file), 'the dictionary file is in the workspace folder');
    assert.ok(fs.readFileSync(file, 'utf8').split(/\r?\n/).includes('Ciliom'));
    const after = await client.waitForDiagnostics(u, since);
    assert.deepEqual(on(after, text, 'Ciliom'), []);
  });
});
