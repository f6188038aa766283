// The language server and the project config file: the shared fixture's results match the CLI's (the same
// list), a setting the user changed wins, the file is read again when it changes, and a malformed file is
// told with its file and line while the last good settings stay.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver';
import { DAY1, DRAFT, NOTES_REPO, WITH_CONFIG, WITHOUT_CONFIG } from '../fixtures/notes-repo.ts';
import { LspClient } from './lsp-client.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'talk-notes-project-config-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];
/** As the fixture lists them: `line:column code severity`, 1-based, hints left out (the CLI counts none). */
const listed = (diags: Diagnostic[]): string[] =>
  diags
    .filter((d) => d.severity !== 4)
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)} ${SEVERITY[d.severity ?? 0]}`)
    .sort((a, b) => parseInt(a) - parseInt(b) || parseInt(a.split(':')[1]) - parseInt(b.split(':')[1]));
const shown = (client: LspClient): string[] =>
  [...client.notifications, ...client.serverRequests].filter((n) => n.method === 'window/showMessage' || n.method === 'window/showMessageRequest').map((n) => (n.params as { message: string }).message);
const logged = (client: LspClient): string[] => client.notifications.filter((n) => n.method === 'window/logMessage').map((n) => (n.params as { message: string }).message);

/** A copy of the fixture that a test may change. */
function copyOfRepo(): string {
  const dir = fs.mkdtempSync(path.join(tmp, 'repo-'));
  fs.cpSync(NOTES_REPO, dir, { recursive: true });
  return dir;
}

describe('.talk-notes.json in the language server', () => {
  test('the fixture: the same results as the CLI, with and without the config; the draft is left out', async () => {
    const { client } = await LspClient.start({ workspaceFolder: NOTES_REPO, settings: {} });
    try {
      assert.deepEqual(listed(await client.open(pathToFileURL(DAY1).href, fs.readFileSync(DAY1, 'utf8'))), WITH_CONFIG);
      assert.deepEqual(await client.open(pathToFileURL(DRAFT).href, fs.readFileSync(DRAFT, 'utf8')), [], 'exclude: drafts/');
      const bare = path.join(tmp, 'no-config', 'day1.md');
      fs.mkdirSync(path.dirname(bare));
      fs.copyFileSync(DAY1, bare);
      assert.deepEqual(listed(await client.open(pathToFileURL(bare).href, fs.readFileSync(DAY1, 'utf8'))), WITHOUT_CONFIG);
    } finally {
      await client.stop();
    }
  });

  test('with settings pushed in initializationOptions (Neovim), the same', async () => {
    const { client } = await LspClient.start({ configuration: false, initializationOptions: { settings: {} } });
    try {
      assert.deepEqual(listed(await client.open(pathToFileURL(DAY1).href, fs.readFileSync(DAY1, 'utf8'))), WITH_CONFIG);
    } finally {
      await client.stop();
    }
  });

  test('a setting the user changed wins over the file; word lists are joined', async () => {
    const { client } = await LspClient.start({ settings: { severity: { casing: 'hint' }, ignoredWords: ['Promethus'] } });
    try {
      const diags = await client.open(pathToFileURL(DAY1).href, fs.readFileSync(DAY1, 'utf8'));
      // casing: the user's hint over the file's error; Kubevirt (the file's) and Promethus (the user's) ignored;
      // spelling: the user left the default, so the file's 'off' holds.
      assert.deepEqual(
        diags.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)} ${SEVERITY[d.severity ?? 0]}`),
        ['4:3 casing hint'],
      );
    } finally {
      await client.stop();
    }
  });

  test('read again when it changes; a malformed file is told by file and line and the last good one kept', async () => {
    const dir = copyOfRepo();
    const config = path.join(dir, '.talk-notes.json');
    const notes = path.join(dir, 'notes', 'day1.md');
    const uri = pathToFileURL(notes).href;
    const text = fs.readFileSync(notes, 'utf8');
    const { client } = await LspClient.start({ workspaceFolder: dir, settings: {}, progressAndWatching: true });
    const changed = async (content: string, accept: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]> => {
      fs.writeFileSync(config, content);
      const since = client.publishes.length;
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).href, type: 2 }] });
      return client.waitForDiagnostics(uri, since, accept);
    };
    try {
      assert.deepEqual(listed(await client.open(uri, text)), WITH_CONFIG);
      // Kubevirt is no longer ignored.
      const edited = await changed('{ "severity": { "spelling": "off", "casing": "error" } }', (d) => d.length === 3);
      assert.deepEqual(listed(edited), ['3:12 casing error', '4:3 casing error', '5:3 typo warning']);
      // Broken mid-edit: told with the file and line; the last good version stays in force.
      const since = client.publishes.length;
      fs.writeFileSync(config, '{\n  "severity": { "spelling": "off" }\n  "ignoredWords": []\n}\n');
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).href, type: 2 }] });
      const message = await client.waitFor('a warning naming the file and line', () => shown(client).find((m) => m.includes('.talk-notes.json:3:')));
      assert.match(message, /^Talk Notes: .*\.talk-notes\.json:3:3: not valid JSON: ',' expected; its last valid version is used until it is fixed\.$/);
      assert.ok(logged(client).some((m) => m.includes(`${config}:3:3`)), 'logged too');
      assert.deepEqual(listed(await client.waitForDiagnostics(uri, since)), ['3:12 casing error', '4:3 casing error', '5:3 typo warning']);
      // Deleted: the defaults.
      fs.rmSync(config);
      const before = client.publishes.length;
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).href, type: 3 }] });
      assert.deepEqual(listed(await client.waitForDiagnostics(uri, before)), WITHOUT_CONFIG);
    } finally {
      await client.stop();
    }
  });

  test('a server started with a malformed file tells it and checks with the defaults', async () => {
    const dir = copyOfRepo();
    fs.writeFileSync(path.join(dir, '.talk-notes.json'), '{ "ignoredWords": ["Kubevirt"], }}');
    const notes = path.join(dir, 'notes', 'day1.md');
    const { client } = await LspClient.start({ workspaceFolder: dir, settings: {} });
    try {
      assert.deepEqual(listed(await client.open(pathToFileURL(notes).href, fs.readFileSync(notes, 'utf8'))), WITHOUT_CONFIG);
      await client.waitFor('a warning naming the file', () => shown(client).find((m) => /\.talk-notes\.json:1:\d+: not valid JSON/.test(m)), 3_000);
    } finally {
      await client.stop();
    }
  });
});
