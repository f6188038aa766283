// Regression tests for robustness bugs the reliability tests found (all fixed).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeText, NotesDocument } from '../../server/src/core/check/document.ts';
import { applyEdits, fixAllEdits } from '../../server/src/core/check/fixes.ts';
import { DEFAULT_SETTINGS } from '../../server/src/core/check/settings.ts';
import { testEngine } from '../core/helpers.ts';
import { LspClient } from '../protocol/lsp-client.ts';

const findings = (text: string): string[] => analyzeText(testEngine(), text, DEFAULT_SETTINGS).findings.map((f) => `${f.start} ${f.wrong}`);
function incremental(start: string, at: number, end: number, inserted: string): { incremental: string[]; fresh: string[] } {
  const doc = new NotesDocument(testEngine(), start);
  doc.check(DEFAULT_SETTINGS);
  doc.applyChanges([{ start: at, end, text: inserted }]);
  return { incremental: doc.check(DEFAULT_SETTINGS).findings.map((f) => `${f.start} ${f.wrong}`), fresh: findings(doc.text) };
}

describe('known robustness bugs', () => {
  test('fixed (blocks.ts): breaking the closing --- of front matter whose new end lies past the re-scanned region', () => {
    const r = incremental('---\ntitle: Kubevirt\n---\n\nirt\n---\n\nKubevirt\n', 21, 21, '\n');
    assert.deepEqual(r.incremental, r.fresh);
  });

  test(
    'an edit far below that closes front matter opened at the top is seen by the incremental check',
    () => {
      const text = '---\ntitle: Kubevirt\n\npara one\n\npara two\n\npara three\n\nKubevirt end\n';
      const r = incremental(text, text.length, text.length, '---\n');
      assert.deepEqual(r.incremental, r.fresh); // incremental ['11 Kubevirt', '53 Kubevirt'], fresh []
    },
  );

  test(
    'fix-all is idempotent when a truncated name is followed by a singular plural name',
    () => {
      const text = 'We use Open Policy A CloudEvent.\n';
      const once = applyEdits(text, fixAllEdits(analyzeText(testEngine(), text, DEFAULT_SETTINGS).findings));
      const twice = applyEdits(once, fixAllEdits(analyzeText(testEngine(), once, DEFAULT_SETTINGS).findings));
      assert.equal(twice, once); // once: 'We use Open Policy Agent CloudEvent.', twice: '… CloudEvents.'
    },
  );

  test(
    'a single 1,000-letter word is checked in < 250 ms',
    () => {
      const t = performance.now();
      findings('a'.repeat(1_000));
      const ms = performance.now() - t;
      console.log(`# one 1,000-letter word: ${ms.toFixed(0)} ms`);
      assert.ok(ms < 250, `1,000 letters took ${ms.toFixed(0)} ms (cubic: 3,000 take ~27 times as long)`);
    },
  );

  test(
    'an edit that joins a lone \\r and a \\n into \\r\\n keeps the server in step with the client',
    async () => {
      const { client } = await LspClient.start({ settings: {} });
      try {
        const uri = 'untitled:crjoin.md';
        await client.open(uri, 'a\rb\nKubevirt\n');
        await client.change(uri, 2, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '\n' }]); // 'a\r\nb\nKubevirt\n'
        const diagnostics = await client.change(uri, 3, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'ETCD ' }]); // line 2 is 'Kubevirt'
        assert.deepEqual(diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code}`).sort(), ['2:0 casing', '2:5 casing']);
      } finally {
        await client.stop();
      }
    },
  );

  test('fixed (document.ts): a text of 150,000 blocks, and replacing all of it, no longer overflow the stack', () => {
    const many = 'Kubevirt note\n\n'.repeat(150_000);
    const doc = new NotesDocument(testEngine(), many);
    assert.equal(doc.check(DEFAULT_SETTINGS).findings.length, 150_000);
    // Every block changes: the whole text is one replaced region.
    const other = 'Promethus note\n\n'.repeat(150_000);
    doc.setText(other);
    const findings = doc.check(DEFAULT_SETTINGS).findings;
    assert.equal(findings.length, 150_000);
    assert.equal(findings[149_999].start, other.length - 'Promethus note\n\n'.length);
  });

  test(
    'fixed (editor-document.ts): pasting 300,000 lines into an open document keeps the server answering with right positions',
    async () => {
      const { client } = await LspClient.start({ settings: {} });
      try {
        const uri = 'untitled:bigpaste.md';
        // A problem in the opened text, so that the line table is built before the paste.
        await client.open(uri, '# Notes\n\nETCD start\n');
        const paste = 'note\n'.repeat(300_000) + 'Kubevirt\n';
        const diagnostics = await client.change(uri, 2, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: paste }]);
        assert.deepEqual(diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code}`), ['300002:0 casing', '300003:0 casing']);
      } finally {
        await client.stop();
      }
    },
  );
});
