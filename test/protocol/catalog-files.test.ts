// talkNotes.catalogFiles: a team's own catalog file makes its names known, its near misses caught, and a
// malformed one is reported while the bundled catalog keeps working.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, textOf } from './lsp-client.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'talk-notes-catalogs-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

const TEAM = JSON.stringify({
  talkNotesCatalog: 1,
  sources: [],
  names: [
    { name: 'Quillgate Mesh', kind: 'product' },
    { name: 'Zandra Okoye', kind: 'person', company: 'Acme' },
  ],
});
const NOTES = '# Platform day\n\n- we deployed Quilgate Mesh in March\n- Zandra Okoya showed the rollout\n- Kubevirt runs the VMs\n';

describe('talkNotes.catalogFiles', () => {
  test('names of a catalog file are known and their slips are caught', async () => {
    fs.writeFileSync(path.join(tmp, 'team.json'), TEAM);
    const { client } = await LspClient.start({ settings: { catalogFiles: [path.join(tmp, 'team.json')] } });
    try {
      const diags = await client.open(pathToFileURL(path.join(tmp, 'a.md')).href, NOTES);
      const flagged = diags.map((d) => textOf(NOTES, d));
      assert.ok(flagged.includes('Quilgate Mesh'), JSON.stringify(flagged));
      assert.ok(flagged.includes('Okoya'), JSON.stringify(flagged));
      assert.ok(flagged.includes('Kubevirt'), 'the bundled catalog still works');
    } finally {
      await client.stop();
    }
  });

  test('without the setting those words are not names', async () => {
    const { client } = await LspClient.start({ settings: {} });
    try {
      const diags = await client.open(pathToFileURL(path.join(tmp, 'b.md')).href, NOTES);
      const flagged = diags.map((d) => textOf(NOTES, d));
      assert.ok(!flagged.includes('Okoya') && !flagged.includes('Quilgate Mesh'), JSON.stringify(flagged));
    } finally {
      await client.stop();
    }
  });

  test('a malformed catalog file is reported by name and the bundled catalog is kept', async () => {
    fs.writeFileSync(path.join(tmp, 'broken.json'), '{ "talkNotesCatalog": 1, "names": [ { "name": "X" ');
    const { client } = await LspClient.start({ settings: { catalogFiles: [path.join(tmp, 'broken.json')] } });
    try {
      const diags = await client.open(pathToFileURL(path.join(tmp, 'c.md')).href, NOTES);
      assert.ok(diags.some((d) => textOf(NOTES, d) === 'Kubevirt'));
      const shown = (): string[] => [...client.notifications, ...client.serverRequests].filter((n) => n.method === 'window/showMessage' || n.method === 'window/showMessageRequest').map((n) => (n.params as { message: string }).message);
      await client.waitFor('a warning naming the file', () => (shown().some((m) => m.includes('broken.json')) ? true : undefined), 3_000);
    } finally {
      await client.stop();
    }
  });
});
