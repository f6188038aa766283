// talkNotes.problems: "openFiles" publishes the open documents' problems only; "workspace" those of every
// indexed notes file too, following changes on disk, cleared when a file is deleted or the setting goes back.
// Open documents keep their live diagnostics throughout.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver';
import { LspClient, textOf } from './lsp-client.ts';

const FILES: Record<string, string> = {
  'typo.md': '# Day one\n\nWe scraped everything with Promethus.\n',
  'clean.md': '# Day two\n\nWe scraped everything with Prometheus.\n',
  'talks/open.md': '# Day three\n\nThe mesh runs on Cillium.\n',
};

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function workspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'talk-notes-problems-'));
  for (const [rel, text] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

/** Resolves once the server logged that the index is built (the count of such lines so far is `before`). */
function indexed(client: LspClient, before = 0): Promise<true> {
  const count = (): number => client.notifications.filter((n) => /indexed \d+ notes files/.test((n.params as { message?: string }).message ?? '')).length;
  return client.waitFor('the index', () => (count() > before ? true : undefined), 20_000);
}

describe('talkNotes.problems', () => {
  let dir: string;
  let client: LspClient;
  const file = (rel: string): string => path.join(dir, rel);
  const uri = (rel: string): string => pathToFileURL(file(rel)).href;
  const publishesOf = (rel: string, since = 0): { diagnostics: Diagnostic[]; version?: number }[] => client.publishes.slice(since).filter((p) => p.uri === uri(rel));
  const changed = (rel: string, type: 1 | 2 | 3): void => client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(rel), type }] });
  const setProblems = (problems: string): void => {
    client.settings = { problems };
    client.notify('workspace/didChangeConfiguration', { settings: null });
  };

  before(async () => {
    dir = workspace();
    ({ client } = await LspClient.start({ workspaceFolder: dir, progressAndWatching: true }));
    await indexed(client);
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('by default, files that are not open get no diagnostics', async () => {
    await sleep(300);
    assert.deepEqual(client.publishes.map((p) => p.uri), []);
  });

  test('"workspace" publishes every indexed file\'s problems, without opening it', async () => {
    const since = client.publishes.length;
    setProblems('workspace');
    const typo = await client.waitForDiagnostics(uri('typo.md'), since, (d) => d.length > 0);
    assert.deepEqual(typo.map((d) => [d.code, textOf(FILES['typo.md'], d)]), [['typo', 'Promethus']]);
    const open = await client.waitForDiagnostics(uri('talks/open.md'), since, (d) => d.length > 0);
    assert.deepEqual(open.map((d) => textOf(FILES['talks/open.md'], d)), ['Cillium']);
    await sleep(300);
    assert.deepEqual(publishesOf('clean.md', since), [], 'a file without problems needs no publish');
  });

  test('a file changed on disk is checked again; a deleted one is cleared', async () => {
    let since = client.publishes.length;
    fs.writeFileSync(file('clean.md'), '# Day two\n\nWe run Kubernets.\n');
    changed('clean.md', 2);
    const now = await client.waitForDiagnostics(uri('clean.md'), since, (d) => d.length > 0);
    assert.deepEqual(now.map((d) => d.code), ['typo']);

    since = client.publishes.length;
    fs.rmSync(file('clean.md'));
    changed('clean.md', 3);
    await client.waitForDiagnostics(uri('clean.md'), since, (d) => d.length === 0);
  });

  test('an open document keeps its live diagnostics; closed, it gets the disk\'s back', async () => {
    const text = '# Day three\n\nThe mesh runs on Envoy and Kubernets.\n';
    const live = await client.open(uri('talks/open.md'), text);
    assert.deepEqual(live.map((d) => textOf(text, d)), ['Kubernets']);
    const since = client.publishes.length;
    // The file changes on disk while open: the index follows it, the editor's diagnostics stay.
    const disk = '# Day three\n\nThe mesh runs on Cillium, scraped by Promethus.\n';
    fs.writeFileSync(file('talks/open.md'), disk);
    changed('talks/open.md', 2);
    await sleep(400);
    assert.deepEqual(publishesOf('talks/open.md', since), [], 'no publish from the index for an open document');

    client.notify('textDocument/didClose', { textDocument: { uri: uri('talks/open.md') } });
    const back = await client.waitForDiagnostics(uri('talks/open.md'), since, (d) => d.length > 0);
    assert.deepEqual(back.map((d) => textOf(disk, d)), ['Cillium', 'Promethus']);
    assert.equal(client.publishes.filter((p) => p.uri === uri('talks/open.md')).pop()!.diagnostics.length, 2, 'the last publish is the disk\'s');
  });

  test('back to "openFiles", the unopened files are cleared', async () => {
    const since = client.publishes.length;
    setProblems('openFiles');
    await client.waitForDiagnostics(uri('typo.md'), since, (d) => d.length === 0);
    await client.waitForDiagnostics(uri('talks/open.md'), since, (d) => d.length === 0);
    // And changes on disk publish nothing any more.
    const after = client.publishes.length;
    fs.writeFileSync(file('typo.md'), '# Day one\n\nWe scraped everything with Promethus and Kubernets.\n');
    changed('typo.md', 2);
    await sleep(400);
    assert.deepEqual(publishesOf('typo.md', after), []);
  });
});

describe('talkNotes.problems from initializationOptions (no workspace/configuration)', () => {
  test('publishes the indexed files\' problems from the start', async () => {
    const dir = workspace();
    const { client } = await LspClient.start({ workspaceFolder: dir, configuration: false, initializationOptions: { settings: { problems: 'workspace' } } });
    try {
      const typo = await client.waitForDiagnostics(pathToFileURL(path.join(dir, 'typo.md')).href, 0, (d) => d.length > 0, 20_000);
      assert.deepEqual(typo.map((d) => d.code), ['typo']);
    } finally {
      await client.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
