// After an edit that changes the names learned from a big file, the server answers with the blocks around
// the edit re-checked and finishes the rest once the user pauses: that later publish equals a fresh check.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver';
import { LspClient, SAMPLE } from './lsp-client.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'talk-notes-idle-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

// Many blocks, each with its own slip of a name that the notes learn only when a speaker line names her.
const slip = (k: number): string => 'Zorb' + 'aeiou'[k % 5] + 'bcdfghjkmnpqrstvwz'[Math.floor(k / 5) % 18] + 'x';
const NOTES =
  Array.from({ length: 90 }, (_, k) => `## Talk ${k}\n\nIn the hallway ${slip(k)} said the demo scales to ${k} clusters.\n`).join('\n') + '\n' + fs.readFileSync(SAMPLE, 'utf8');
const SPEAKER = '### Keynote\nZorblax Smith - maintainer\n\n';
const key = (d: Diagnostic): string => `${d.range.start.line}:${d.range.start.character} ${d.code} ${d.message}`;

describe('idle completion of a check', () => {
  test('a change of learned names in a big file ends in the same diagnostics as a fresh open', async () => {
    const { client } = await LspClient.start({ configuration: false });
    try {
      const uri = pathToFileURL(path.join(tmp, 'big.md')).href;
      await client.open(uri, NOTES);
      const line = NOTES.slice(0, NOTES.indexOf('## Talk 75')).split('\n').length - 1;
      const since = client.publishes.length;
      const first = await client.change(uri, 2, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: SPEAKER }]);
      // A later publish of the same version, without another edit, completes the check.
      const settled = await client.quiet(uri, 300);
      const text = NOTES.split('\n').slice(0, line).join('\n') + '\n' + SPEAKER + NOTES.split('\n').slice(line).join('\n');
      const fresh = await client.open(pathToFileURL(path.join(tmp, 'fresh.md')).href, text);
      const learned = (ds: Diagnostic[]): number => ds.filter((d) => d.code === 'learned').length;
      assert.ok(learned(fresh) >= 60, `the speaker line makes ${learned(fresh)} slips findings`);
      assert.ok(learned(first) <= learned(fresh), 'the first answer has at most the complete set');
      assert.ok(learned(first) > 0, 'the blocks around the edit are re-checked at once');
      assert.equal(client.publishes.filter((p) => p.uri === uri).at(-1)?.version, 2);
      assert.deepEqual(settled.map(key), fresh.map(key));
      assert.ok(client.publishes.length > since, 'published');
    } finally {
      await client.stop();
    }
  });
});
