// Across all notes: the workspace index behind Go to Talk, workspace symbols, references, and its updates
// when files change on disk. Runs on a copy of test/fixtures/notes-workspace.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { LspClient, REPO } from './lsp-client.ts';

interface FileTalks {
  uri: string;
  modified: number;
  talks: { title: string; speaker?: string; projects: string[]; selectionRange: { start: { line: number } } }[];
}

const FIXTURE = path.join(REPO, 'test', 'fixtures', 'notes-workspace');

describe('workspace index', () => {
  let dir: string;
  let client: LspClient;
  const file = (rel: string): string => path.join(dir, rel);
  const uri = (rel: string): string => pathToFileURL(file(rel)).href;
  const talks = (query = ''): Promise<FileTalks[]> => client.request<FileTalks[]>('talkNotes/workspaceTalks', { query });

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'talk-notes-ws-'));
    fs.cpSync(FIXTURE, dir, { recursive: true });
    // Oldest to newest: day1, hallway, day2.
    const now = Date.now() / 1000;
    fs.utimesSync(file('day1-kubecon.md'), now - 300, now - 300);
    fs.utimesSync(file('hallway.md'), now - 200, now - 200);
    fs.utimesSync(file('day2/platform.md'), now - 100, now - 100);
    ({ client } = await LspClient.start({ workspaceFolder: dir, progressAndWatching: true }));
    // The index is built in the background after initialized: wait until every file is in.
    for (let k = 0; k < 100; k++) {
      if ((await talks()).length >= 3) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('indexes every notes file with progress, without opening them', async () => {
    const files = await talks();
    assert.deepEqual(
      files.map((f) => path.relative(dir, new URL(f.uri).pathname)),
      ['day2/platform.md', 'hallway.md', 'day1-kubecon.md'],
      'most recently modified file first',
    );
    assert.deepEqual(files[0].talks.map((t) => [t.title, t.speaker]), [
      ['Platform engineering keynote', 'Kelsey Hightower'],
      ['Storage deep dive', 'Liz Rice'],
    ]);
    assert.equal(files[2].talks.length, 4);
    assert.ok(client.serverRequests.some((r) => r.method === 'window/workDoneProgress/create'), 'progress was reported');
    assert.ok(client.serverRequests.some((r) => r.method === 'client/registerCapability' && JSON.stringify(r.params).includes('workspace/didChangeWatchedFiles')), 'notes files are watched');
  });

  test('Go to Talk searches titles, speakers and projects across files', async () => {
    const byProject = await talks('kubevirt');
    assert.deepEqual(byProject.flatMap((f) => f.talks.map((t) => t.title)).sort(), ['Lunch with the KEDA maintainers', 'Platform engineering keynote', 'Rook.io', 'Storage deep dive']);
    const bySpeaker = await talks('liz');
    assert.deepEqual(bySpeaker.flatMap((f) => f.talks.map((t) => t.title)), ['Storage deep dive']);
  });

  test('workspace symbols return talks of every file', async () => {
    const symbols = await client.request<{ name: string; location: { uri: string } }[]>('workspace/symbol', { query: '' });
    const files = new Set(symbols.map((s) => path.relative(dir, new URL(s.location.uri).pathname)));
    assert.deepEqual([...files].sort(), ['day1-kubecon.md', 'day2/platform.md', 'hallway.md']);
    const keda = await client.request<{ name: string }[]>('workspace/symbol', { query: 'KEDA' });
    assert.deepEqual(keda.map((s) => s.name), ['Lunch with the KEDA maintainers']);
  });

  test('references find right and misspelled mentions in every file', async () => {
    const text = fs.readFileSync(file('hallway.md'), 'utf8');
    await client.open(uri('hallway.md'), text);
    const line = text.split('\n').findIndex((l) => l.includes('KubeVirt'));
    const character = text.split('\n')[line].indexOf('KubeVirt') + 2;
    const refs = await client.request<{ uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[]>('textDocument/references', {
      textDocument: { uri: uri('hallway.md') },
      position: { line, character },
      context: { includeDeclaration: true },
    });
    const written = refs.map((r) => {
      const lines = fs.readFileSync(new URL(r.uri), 'utf8').split('\n');
      return `${path.relative(dir, new URL(r.uri).pathname)}:${lines[r.range.start.line].slice(r.range.start.character, r.range.end.character)}`;
    });
    assert.deepEqual(written.sort(), ['day1-kubecon.md:Kubevirt', 'day2/platform.md:KubeVirt', 'day2/platform.md:Kubevirt', 'hallway.md:KubeVirt']);
  });

  test('the index follows a file that changes on disk', async () => {
    const notified = client.notifications.length;
    fs.appendFileSync(file('day2/platform.md'), '\n## Closing panel on Cilium\nThomas Graf - panel\n- Cilium everywhere\n');
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('day2/platform.md'), type: 2 }] });
    await client.waitFor('talks changed', () => client.notifications.slice(notified).find((n) => n.method === 'talkNotes/talksChanged'));
    const files = await talks('cilium');
    assert.deepEqual(files.flatMap((f) => f.talks.map((t) => [t.title, t.speaker])), [['Closing panel on Cilium', 'Thomas Graf']]);
    fs.rmSync(file('hallway.md'));
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('hallway.md'), type: 3 }] });
    await new Promise((resolve) => setTimeout(resolve, 100));
    // hallway.md is still open in the editor: the open document stands for it until it is closed.
    assert.ok((await talks('keda')).length === 1);
    client.notify('textDocument/didClose', { textDocument: { uri: uri('hallway.md') } });
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal((await talks('keda')).length, 0);
  });

  test('folding ranges per talk, name highlighting, and definition at the first mention', async () => {
    const text = fs.readFileSync(file('day1-kubecon.md'), 'utf8');
    await client.open(uri('day1-kubecon.md'), text);
    const folds = await client.request<{ startLine: number; endLine: number }[]>('textDocument/foldingRange', { textDocument: { uri: uri('day1-kubecon.md') } });
    assert.ok(folds.some((f) => f.startLine === 0 && f.endLine >= 20), 'the first talk folds');
    assert.ok(folds.some((f) => f.startLine === 137), 'the last talk folds');
    const tokens = await client.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri: uri('day1-kubecon.md') } });
    assert.equal(tokens.data.length % 5, 0);
    assert.ok(tokens.data.length / 5 >= 10, 'known names are highlighted');
    const lines = text.split('\n');
    const nats = lines.findIndex((l) => l.startsWith('NATS Project Update'));
    const def = await client.request<{ range: { start: { line: number } } }[]>('textDocument/definition', { textDocument: { uri: uri('day1-kubecon.md') }, position: { line: nats, character: 1 } });
    assert.equal(def[0].range.start.line, lines.findIndex((l) => l.includes('NATS')));
  });
});
