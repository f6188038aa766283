// Talk Notes as a web extension, through the `vscode` API in a web-worker extension host: the server in a web
// worker, the workspace read through vscode.workspace.fs. The workspace (scripts/e2e/web-extension.mjs) holds
// the sample notes, day2/platform.md, and the Node server's diagnostics for the sample in .e2e/.
const assert = require('./assert.js');
const vscode = require('vscode');

const EXT_ID = 'talk-notes.talk-notes';
const SOURCE = 'talk-notes';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function waitFor(fn, ms = 20000, step = 100) {
  const end = Date.now() + ms;
  for (;;) { const v = await fn(); if (v || Date.now() > end) return v; await sleep(step); }
}
const ours = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
/** A diagnostic's range, severity (VS Code's: from 0, LSP's less one), code, source and message, in document order. */
const comparable = (list) => list
  .map((d) => ({
    range: { start: { line: d.range.start.line, character: d.range.start.character }, end: { line: d.range.end.line, character: d.range.end.character } },
    severity: d.severity, code: typeof d.code === 'object' && d.code ? String(d.code.value) : d.code, source: d.source, message: d.message,
  }))
  .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || String(a.code).localeCompare(String(b.code)));

describe('Talk Notes in a web worker', function () {
  let folder;
  let doc;
  let editor;
  const textAt = (range) => doc.getText(range);
  const revert = async () => {
    await vscode.window.showTextDocument(doc);
    if (doc.isDirty) await vscode.commands.executeCommand('workbench.action.files.revert');
  };

  before(async function () {
    this.timeout(60000);
    folder = (vscode.workspace.workspaceFolders || [])[0];
    assert.ok(folder, 'a workspace folder is open');
    doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'kubecon-notes.md'));
    editor = await vscode.window.showTextDocument(doc);
  });
  afterEach(revert);

  it('runs the browser entry, with no Node', async () => {
    const ext = vscode.extensions.getExtension(EXT_ID);
    assert.ok(ext, `${EXT_ID} is installed`);
    assert.ok(!ext.packageJSON.main, 'the manifest under test has no main');
    assert.strictEqual(await waitFor(() => ext.isActive), true, 'extension is active');
    assert.ok(typeof process === 'undefined' || !(process.versions && process.versions.node), 'no Node here');
    console.log(`[web-tests] document scheme: ${doc.uri.scheme}`);
  });

  it('publishes the same diagnostics as the Node server for the sample', async function () {
    this.timeout(60000);
    const expected = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, '.e2e', 'node-diagnostics.json'))));
    const want = comparable(expected.map((d) => ({ ...d, severity: d.severity - 1 })));
    // The first publish comes before the far blocks are checked: wait for the whole list.
    const got = await waitFor(() => { const list = comparable(ours(doc.uri)); return list.length === want.length ? list : undefined; }, 40000);
    const all = comparable(ours(doc.uri));
    assert.ok(got, `as many diagnostics as the Node server (${want.length}); got ${all.length}`);
    assert.deepStrictEqual(got, want);
    console.log(`[web-tests] ${got.length} diagnostics, equal to the Node server's`);
  });

  it('applies the preferred quick fix: "Kubevirt" becomes "KubeVirt"', async () => {
    const d = await waitFor(() => ours(doc.uri).find((x) => textAt(x.range) === 'Kubevirt'));
    assert.ok(d, 'diagnostic on "Kubevirt"');
    let actions = [];
    await waitFor(async () => {
      try {
        actions = (await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value)) || [];
      } catch (error) {
        // The editor cancels a request that a newer publish or edit made stale, as it does on every keystroke:
        // ask again, as the light bulb does.
        if (!/Canceled/.test(String(error && error.message))) throw error;
        actions = [];
      }
      return actions.length > 0;
    }, 10000, 200);
    const [fix] = actions.filter((a) => a.isPreferred);
    assert.ok(fix && /KubeVirt/.test(fix.title), JSON.stringify(actions.map((a) => a.title)));
    assert.strictEqual(await vscode.workspace.applyEdit(fix.edit), true);
    assert.match(doc.lineAt(d.range.start.line).text, /\bKubeVirt\b/);
    assert.ok(await waitFor(() => !ours(doc.uri).some((x) => textAt(x.range) === 'Kubevirt')), 'the diagnostic goes once fixed');
  });

  it('offers KubeVirt when completing "Kube", and a project card on hover', async () => {
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    assert.ok(await editor.edit((e) => e.insert(end, '\n\nKube')));
    const pos = doc.lineAt(doc.lineCount - 1).range.end;
    const labels = await waitFor(async () => {
      const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, pos);
      const found = ((list && list.items) || []).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      return found.includes('KubeVirt') ? found : undefined;
    }, 10000, 200);
    assert.ok(labels, 'completion offers KubeVirt');
    const line = doc.getText().split('\n').findIndex((l) => l.startsWith('NATS Project Update'));
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, 1));
    const text = (hovers || []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /\*\*NATS\*\*/, `hover card for NATS; got ${JSON.stringify(text)}`);
  });

  it('outlines, folds and colours the notes', async () => {
    const symbols = await waitFor(async () => { const s = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', doc.uri); return s && s.length ? s : undefined; });
    assert.ok(symbols, 'document symbols (the editor\'s Markdown outline)');
    const folds = await vscode.commands.executeCommand('vscode.executeFoldingRangeProvider', doc.uri);
    assert.ok(folds && folds.length > 0, 'folding ranges');
    const tokens = await vscode.commands.executeCommand('vscode.provideDocumentSemanticTokens', doc.uri);
    assert.ok(tokens && tokens.data && tokens.data.length >= 5, 'semantic tokens for known names');
  });

  it('finds mentions in notes that are not open (the workspace index), and Go to Talk opens a talk', async function () {
    this.timeout(60000);
    const line = doc.getText().split('\n').findIndex((l) => /\bRook\b/.test(l) && !l.startsWith('#'));
    const character = doc.lineAt(line).text.search(/\bRook\b/) + 1;
    const others = await waitFor(async () => {
      const refs = (await vscode.commands.executeCommand('vscode.executeReferenceProvider', doc.uri, new vscode.Position(line, character))) || [];
      return refs.some((r) => r.uri.path.endsWith('/day2/platform.md')) ? refs : undefined;
    }, 30000, 500);
    assert.ok(others, 'references to Rook include day2/platform.md, never opened');
    const going = vscode.commands.executeCommand('talkNotes.goToTalk');
    await sleep(1500);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await going;
    const active = vscode.window.activeTextEditor;
    assert.ok(active, 'an editor is active');
    assert.match(active.document.lineAt(active.selection.active.line).text, /^#+ /, 'the cursor is on a talk\'s heading');
  });

  it('adds a name to the workspace dictionary file through vscode.workspace.fs', async function () {
    this.timeout(30000);
    const file = vscode.Uri.joinPath(folder.uri, '.talk-notes-dictionary.txt');
    const lockland = () => ours(doc.uri).find((x) => textAt(x.range) === 'Lockland');
    assert.ok(await waitFor(lockland), 'a diagnostic on "Lockland"');
    try {
      await vscode.commands.executeCommand('talkNotes.addToDictionary', doc.uri.toString(), 'Lockland');
      const text = await waitFor(async () => { try { return new TextDecoder().decode(await vscode.workspace.fs.readFile(file)); } catch { return undefined; } });
      assert.match(text || '', /^Lockland$/m, 'the dictionary file has the name');
      assert.ok(await waitFor(() => !lockland()), 'the name is known once added');
    } finally {
      await vscode.workspace.fs.delete(file).then(undefined, () => undefined);
    }
  });
});
