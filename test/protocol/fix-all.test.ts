// Fix All over the protocol: the plan request the VS Code client applies, the setting that adds English
// spelling, and the command other editors run (with change annotations asking for confirmation when long).
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, TextDocumentEdit, TextEdit } from 'vscode-languageserver';
import { FIX_ALL_PLAN, type FixAllPlanResult } from '../../server/src/protocol.ts';
import { checkFixedSample, leftByFixAll, leftByFixAllWithSpelling } from './expected-fixes.ts';
import { applyTextEdits, LspClient, SAMPLE } from './lsp-client.ts';

const SAMPLE_TEXT = fs.readFileSync(SAMPLE, 'utf8');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'talk-notes-fixall-'));
let n = 0;
const newUri = (): string => pathToFileURL(path.join(tmp, `notes-${++n}.md`)).href;
const NOTES = '# Mesh talk\n\nSpeaker: Matt Klien, Lyft\n\nWe run Kubevirt; the healhty nodes.\n';
const everything = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

after(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function fixOnSave(client: LspClient, uri: string): Promise<TextEdit[]> {
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: everything, context: { diagnostics: [], only: ['source.fixAll'] } });
  assert.equal(actions.length, 1);
  return actions[0].edit?.changes?.[uri] ?? [];
}

describe('Fix All over LSP', () => {
  test('the plan: names only, the speaker line left, what is left said', async () => {
    const { client } = await LspClient.start({ settings: {} });
    try {
      const uri = newUri();
      await client.open(uri, NOTES);
      const plan = await client.request<FixAllPlanResult>(FIX_ALL_PLAN, { uri });
      assert.equal(plan.version, 1);
      assert.deepEqual(plan.include, ['names']);
      assert.deepEqual(plan.edits.map((e) => `${e.wrong} -> ${e.newText} (${e.kind}, line ${e.range.start.line})`), ['Kubevirt -> KubeVirt (names, line 4)']);
      assert.match(plan.leftOver, /1 in speaker lines/);
      assert.match(plan.leftOver, /1 English spelling/);
      // Fix on save makes the same edits.
      assert.equal(applyTextEdits(NOTES, await fixOnSave(client, uri)), NOTES.replace('Kubevirt', 'KubeVirt'));
      const sample = newUri();
      await client.open(sample, SAMPLE_TEXT);
      assert.deepEqual(checkFixedSample(SAMPLE_TEXT, applyTextEdits(SAMPLE_TEXT, await fixOnSave(client, sample)), { leave: leftByFixAll }), []);
    } finally {
      await client.stop();
    }
  });

  test('talkNotes.fixAll.include ["names", "spelling"] fixes English spelling too, still not in speaker lines', async () => {
    const { client } = await LspClient.start({ settings: { fixAll: { include: ['names', 'spelling'] } } });
    try {
      const uri = newUri();
      await client.open(uri, NOTES);
      assert.equal(applyTextEdits(NOTES, await fixOnSave(client, uri)), NOTES.replace('Kubevirt', 'KubeVirt').replace('healhty', 'healthy'));
      const sample = newUri();
      await client.open(sample, SAMPLE_TEXT);
      const fixed = applyTextEdits(SAMPLE_TEXT, await fixOnSave(client, sample));
      assert.deepEqual(checkFixedSample(SAMPLE_TEXT, fixed, { leave: leftByFixAllWithSpelling }), []);
      assert.match(fixed, /Lachlan Evenson - Pricipal program manager, azure container/);
    } finally {
      await client.stop();
    }
  });

  test('the command: more than 5 fixes are annotated as needing confirmation, and the result is said', async () => {
    const workspaceEdit = { documentChanges: true, changeAnnotationSupport: { groupsOnLabel: true } };
    const { client } = await LspClient.start({ settings: {}, workspaceEdit });
    try {
      const uri = newUri();
      await client.open(uri, SAMPLE_TEXT);
      const result = await client.request<{ applied: boolean; fixed: number }>('workspace/executeCommand', { command: 'talkNotes.applyFixAll', arguments: [uri] });
      assert.equal(result.applied, true);
      assert.ok(result.fixed > 5, `fixed ${result.fixed}`);
      const edit = client.appliedEdits.at(-1)!.edit;
      const change = edit.documentChanges?.[0] as TextDocumentEdit;
      assert.equal(change.textDocument.version, 1);
      assert.equal(change.edits.length, result.fixed);
      assert.ok(change.edits.every((e) => 'annotationId' in e && e.annotationId === 'names'));
      assert.equal(edit.changeAnnotations?.names.needsConfirmation, true);
      const said = await client.waitFor('a summary', () => client.serverRequests.find((m) => m.method === 'window/showMessageRequest'));
      assert.match((said.params as { message: string }).message, new RegExp(`Fixed ${result.fixed} names in this file\\. Undo reverts them\\.`));
      // A short fix list is applied at once, without asking.
      const small = newUri();
      await client.open(small, NOTES);
      await client.request('workspace/executeCommand', { command: 'talkNotes.applyFixAll', arguments: [small] });
      assert.deepEqual(client.appliedEdits.at(-1)!.edit.changes?.[small]?.map((e) => e.newText), ['KubeVirt']);
    } finally {
      await client.stop();
    }
  });
});
