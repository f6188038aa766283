// Talk Notes through the `vscode` API, inside the extension host (VS Code via @vscode/test-electron, or
// code-server). The workspace holds a copy of data/demo/kubecon-notes.md; edits are reverted after each test.
// EXTHOST_TEST_FORCE_FAIL=1 adds a deliberately failing test (to check that failures fail the run).
const assert = require('assert');
const vscode = require('vscode');

const EXT_ID = 'talk-notes.talk-notes';
const FILE = process.env.TALK_NOTES_E2E_FILE || 'kubecon-notes.md';
const SOURCE = 'talk-notes';
const TALKS = [
  'CNCF Project Updates',
  'Rook.io',
  'Derek, creator of Maps and Open(something)',
  'Lockland Container ... Azure ... TOC contributor',
];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** Polls fn until it returns something truthy (or the time is up: then returns its last value). */
async function waitFor(fn, ms = 15000, step = 50) {
  const end = Date.now() + ms;
  for (;;) { const v = await fn(); if (v || Date.now() > end) return v; await sleep(step); }
}
const ours = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);

describe('Talk Notes in the extension host', function () {
  let doc;
  let editor;
  const textAt = (range) => doc.getText(range);
  const kubevirt = () => ours(doc.uri).find((d) => textAt(d.range) === 'Kubevirt');
  const revert = async () => {
    await vscode.window.showTextDocument(doc);
    if (doc.isDirty) await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.strictEqual(doc.isDirty, false, 'document reverted');
  };

  before(async function () {
    this.timeout(60000);
    const folder = (vscode.workspace.workspaceFolders || [])[0];
    assert.ok(folder, 'a workspace folder is open');
    doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, FILE));
    editor = await vscode.window.showTextDocument(doc);
    assert.strictEqual(doc.languageId, 'markdown');
  });
  afterEach(revert);

  it('activates the extension for Markdown', async () => {
    const ext = vscode.extensions.getExtension(EXT_ID);
    assert.ok(ext, `${EXT_ID} is installed`);
    assert.strictEqual(await waitFor(() => ext.isActive, 15000), true, 'extension is active');
    const commands = await vscode.commands.getCommands(true);
    for (const c of ['talkNotes.goToTalk', 'talkNotes.fixAll']) assert.ok(commands.includes(c), `command ${c} registered`);
  });

  it('publishes a Warning diagnostic on "Kubevirt" (→ KubeVirt)', async function () {
    this.timeout(30000);
    const d = await waitFor(kubevirt, 25000);
    const all = ours(doc.uri);
    assert.ok(d, `a diagnostic on "Kubevirt"; got ${all.length}: ${JSON.stringify(all.map((x) => `${x.range.start.line + 1}:${textAt(x.range)}`))}`);
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(d.message, /KubeVirt/);
    assert.strictEqual(d.range.start.line, 31, 'on line 32 of the sample');
    assert.ok(all.length >= 10, `the sample has many findings (got ${all.length})`);
  });

  it('applies the preferred quick fix: "Kubevirt" becomes "KubeVirt"', async () => {
    const d = await waitFor(kubevirt);
    assert.ok(d, 'diagnostic on "Kubevirt"');
    // Right after activation the server may still be re-checking with the settings it just pulled: ask
    // until it answers with actions (a condition, not a sleep).
    let actions = [];
    await waitFor(async () => {
      actions = (await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value)) || [];
      return actions.length > 0;
    }, 10000, 200);
    const preferred = actions.filter((a) => a.isPreferred);
    assert.strictEqual(preferred.length, 1, `one preferred quick fix; got ${JSON.stringify(actions.map((a) => [a.title, a.isPreferred]))}`);
    const [fix] = preferred;
    assert.match(fix.title, /KubeVirt/);
    assert.ok(fix.edit, 'the quick fix carries a workspace edit');
    assert.strictEqual(await vscode.workspace.applyEdit(fix.edit), true, 'edit applied');
    const line = doc.lineAt(d.range.start.line).text;
    assert.match(line, /\bKubeVirt\b/);
    assert.doesNotMatch(line, /\bKubevirt\b/);
    // and the server re-checks: the diagnostic is gone
    assert.ok(await waitFor(() => !kubevirt() && ours(doc.uri).length > 0), 'diagnostic on "Kubevirt" gone after the fix');
  });

  it('offers KubeVirt when completing "Kube"', async () => {
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    assert.ok(await editor.edit((e) => e.insert(end, '\n\nKube')));
    const pos = doc.lineAt(doc.lineCount - 1).range.end;
    assert.strictEqual(doc.lineAt(pos.line).text, 'Kube');
    const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, pos);
    const labels = (list && list.items || []).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('KubeVirt'), `completion offers KubeVirt; got ${JSON.stringify(labels.slice(0, 20))}`);
    const item = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'KubeVirt');
    // the item replaces the typed word
    const range = item.range && (item.range.replacing || item.range);
    if (range) assert.strictEqual(doc.getText(range), 'Kube');
  });

  it('lists the sample\'s four talks once in the document symbols (Markdown\'s; Talk Notes adds none)', async () => {
    const symbols = await waitFor(async () => {
      const s = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', doc.uri);
      return s && s.length ? s : undefined;
    });
    assert.ok(symbols, 'document symbols');
    const flat = [];
    const walk = (list) => list.forEach((s) => { flat.push(s); walk(s.children || []); });
    walk(symbols);
    const names = flat.map((s) => s.name.replace(/^#+\s*/, ''));
    for (const talk of TALKS) assert.strictEqual(names.filter((n) => n === talk).length, 1, `${talk} in ${JSON.stringify(names)}`);
    assert.ok(!flat.some((s) => s.kind === vscode.SymbolKind.Event), 'no talk symbols of our own beside Markdown\'s');
  });

  it('shows a project card on hover ("NATS")', async () => {
    const line = doc.getText().split('\n').findIndex((l) => l.startsWith('NATS Project Update'));
    assert.ok(line >= 0, 'sample has "NATS Project Update"');
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, 1));
    const text = (hovers || []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /\*\*NATS\*\*/, `hover card for NATS; got ${JSON.stringify(text)}`);
    assert.match(text, /CNCF/);
  });

  if (process.env.EXTHOST_TEST_FORCE_FAIL) {
    it('deliberate failure (negative control)', () => assert.strictEqual(1, 2));
  }
});
