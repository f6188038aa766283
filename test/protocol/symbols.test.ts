// One outline: in an editor that lists Markdown headings itself (VS Code, which says so with
// initializationOptions.editorHasMarkdownSymbols), the server offers no document symbols and its workspace
// symbols are speakers, never a heading again. Other editors keep the talk outline and talk symbols.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { WorkspaceSymbol } from 'vscode-languageserver';
import { LspClient, REPO } from './lsp-client.ts';

const FIXTURE = path.join(REPO, 'test', 'fixtures', 'notes-workspace');

async function startIn(dir: string, initializationOptions?: unknown): Promise<{ client: LspClient; documentSymbols: unknown; workspaceSymbols: unknown }> {
  const { client, result } = await LspClient.start({ workspaceFolder: dir, initializationOptions });
  // The index is built in the background after initialized.
  for (let k = 0; k < 100; k++) {
    const files = await client.request<{ talks: unknown[] }[]>('talkNotes/workspaceTalks', {});
    if (files.filter((f) => f.talks.length).length >= 3) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { client, documentSymbols: result.capabilities.documentSymbolProvider, workspaceSymbols: result.capabilities.workspaceSymbolProvider };
}

describe('symbols', () => {
  let dir: string;
  const clients: LspClient[] = [];

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'talk-notes-symbols-'));
    fs.cpSync(FIXTURE, dir, { recursive: true });
  });
  after(async () => {
    await Promise.all(clients.map((c) => c.stop()));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('with the editor\'s own Markdown symbols: no document symbols, speakers as workspace symbols', async () => {
    const { client, documentSymbols, workspaceSymbols } = await startIn(dir, { editorHasMarkdownSymbols: true });
    clients.push(client);
    assert.equal(documentSymbols, false);
    assert.equal(workspaceSymbols, true);
    const all = await client.request<WorkspaceSymbol[]>('workspace/symbol', { query: '' });
    const names = all.map((s) => s.name).sort();
    assert.deepEqual(names, ['Bryan Liles', 'Derek Collison', 'Kelsey Hightower', 'Lachlan Evenson', 'Liz Rice']);
    const liz = await client.request<WorkspaceSymbol[]>('workspace/symbol', { query: 'liz' });
    assert.deepEqual(liz.map((s) => [s.name, s.containerName]), [['Liz Rice', 'Storage deep dive']]);
    assert.match(liz[0].location.uri, /day2\/platform\.md$/);
    // A talk's title is Markdown's heading symbol already: searching for it finds no second copy.
    assert.deepEqual(await client.request('workspace/symbol', { query: 'storage' }), []);
  });

  test('other editors keep the talk outline and talk symbols', async () => {
    const { client, documentSymbols } = await startIn(dir);
    clients.push(client);
    assert.equal(documentSymbols, true);
    const keda = await client.request<WorkspaceSymbol[]>('workspace/symbol', { query: 'KEDA' });
    assert.deepEqual(keda.map((s) => s.name), ['Lunch with the KEDA maintainers']);
  });
});
