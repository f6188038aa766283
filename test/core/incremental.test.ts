// Incremental analysis must give exactly what a from-scratch check gives, on random edit sequences; the
// fast block parser must give exactly what remark-parse gives for the blocks it accepts.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { random } from '../../bench/generate.ts';
import { splitBlocks } from '../../server/src/core/markdown/blocks.ts';
import { analyzeText, NotesDocument, type Analysis } from '../../server/src/core/check/document.ts';
import { parseSimpleBlock } from '../../server/src/core/markdown/prose-fast.ts';
import { parseWithRemark } from '../../server/src/core/markdown/prose.ts';
import { DEFAULT_SETTINGS } from '../../server/src/core/check/settings.ts';
import { testEngine } from './helpers.ts';

const SAMPLE = fs.readFileSync(path.resolve(__dirname, '..', '..', 'data', 'demo', 'kubecon-notes.md'), 'utf8');
const SNIPPETS = ['Kubevirt ', '\n\n', '\n', '```\n', '### Talk\n', '#### Liz Rice\n', '- ', 'Lockland ', '<!-- talk-notes-disable -->\n', 'Quillgate ', '**', '`', '    ', 'CloudFoundry', '\r\n', '🎉', ''];

function summary(a: Analysis): unknown {
  return {
    findings: a.findings.map((f) => [f.start, f.end, f.code, f.fixes.join('|'), f.preferred]),
    outline: a.outline.talks.map((t) => [t.title, t.start, t.speaker, t.sections.map((s) => s.title)]),
  };
}

describe('incremental analysis', () => {
  test('random edit sequences give the same findings and outline as a fresh check', () => {
    const engine = testEngine();
    const rnd = random(1234);
    const doc = new NotesDocument(engine, SAMPLE);
    let text = SAMPLE;
    for (let step = 0; step < 150; step++) {
      const start = Math.floor(rnd() * (text.length + 1));
      const end = Math.min(text.length, start + (rnd() < 0.5 ? 0 : Math.floor(rnd() * 40)));
      const inserted = SNIPPETS[Math.floor(rnd() * SNIPPETS.length)];
      doc.applyChanges([{ start, end, text: inserted }]);
      text = text.slice(0, start) + inserted + text.slice(end);
      assert.equal(doc.text, text);
      if (step % 10 === 9) {
        const ours = doc.check(DEFAULT_SETTINGS);
        const fresh = analyzeText(engine, text, DEFAULT_SETTINGS);
        // The running count of findings (what a capped publish reports) follows the edits. (Asked first:
        // once the findings are listed, it is their number.)
        assert.equal(ours.findingsNear(0, 0).total, fresh.findingsNear(0, 0).total, `total after step ${step}`);
        assert.deepEqual(summary(ours), summary(fresh), `after step ${step}`);
      }
    }
  });

  test('checks with a deadline after every edit, completed now and then, end in a fresh check\'s result', () => {
    // Big enough that a change of learned names leaves blocks for later: names come and go while some
    // blocks still wait to be verified or matched.
    const engine = testEngine();
    const rnd = random(99);
    let text = [SAMPLE, SAMPLE, SAMPLE, SAMPLE].join('\n');
    // Speakers and repeated unknown words make names come and go.
    const snippets = [...SNIPPETS, '### Keynote\nZorblax Smith - maintainer\n\n', 'Zorblax ', 'Zorblux ', 'Quillgate '];
    const doc = new NotesDocument(engine, text);
    doc.check(DEFAULT_SETTINGS);
    let pendingSeen = 0;
    for (let step = 0; step < 120; step++) {
      const start = Math.floor(rnd() * (text.length + 1));
      const end = Math.min(text.length, start + (rnd() < 0.5 ? 0 : Math.floor(rnd() * 40)));
      const inserted = snippets[Math.floor(rnd() * snippets.length)];
      doc.applyChanges([{ start, end, text: inserted }]);
      text = text.slice(0, start) + inserted + text.slice(end);
      let a = doc.check(DEFAULT_SETTINGS, [], { near: start, deadline: -1, maxBlocks: 4 });
      if (a.pending) pendingSeen++;
      if (step % 10 === 9) {
        for (let round = 0; a.pending && round < 500; round++) a = doc.check(DEFAULT_SETTINGS, [], { near: start, deadline: -1, maxBlocks: 4 });
        assert.equal(a.pending, false);
        assert.deepEqual(summary(a), summary(analyzeText(engine, text, DEFAULT_SETTINGS)), `after step ${step}`);
      }
    }
    assert.ok(pendingSeen > 2, `checks left blocks for later ${pendingSeen} times`);
  });

  test('setText finds the changed part and agrees with a fresh check', () => {
    const engine = testEngine();
    const doc = new NotesDocument(engine, SAMPLE);
    doc.check(DEFAULT_SETTINGS);
    const edited = SAMPLE.replace('Kubevirt', 'KubeVirt').replace('### Rook.io', '```\n### Rook.io');
    doc.setText(edited);
    assert.deepEqual(summary(doc.check(DEFAULT_SETTINGS)), summary(analyzeText(engine, edited, DEFAULT_SETTINGS)));
  });

  test('blocks after an edit are reused, not re-parsed', () => {
    const doc = new NotesDocument(testEngine(), SAMPLE);
    const before = doc.check(DEFAULT_SETTINGS).findings.length;
    doc.applyChanges([{ start: 0, end: 0, text: 'Kubevirt\n\n' }]);
    assert.equal(doc.check(DEFAULT_SETTINGS).findings.length, before + 1);
  });

  test('findingsNear keeps the findings closest to the edit, in order', () => {
    const text = Array.from({ length: 40 }, (_, k) => `- item ${k} Kubevirt\n`).join('\n');
    const a = new NotesDocument(testEngine(), text).check(DEFAULT_SETTINGS);
    const at = text.indexOf('item 20');
    const { findings, total } = a.findingsNear(at, 5);
    assert.equal(total, 40);
    assert.equal(findings.length, 5);
    const lines = findings.map((f) => Number(/item (\d+)/.exec(text.slice(f.start - 10, f.start))![1]));
    assert.deepEqual(lines, [18, 19, 20, 21, 22]);
  });
});

describe('fast block parser', () => {
  const pieces = ['```bash', '```', 'kind: Kubevirt', '~40 replicas', '- run `kubectl get Kubevirt` first', 'docs at https://kubevirt.io/Kubevirt. Kubevirt again', 'see (https://x.example.com/a_(b)) and www.example.org, ok', '``code ` span`` Kubevirt', 'Q&A with Kubevirt', 'cost >80% with ETCD', 'a | b Kubevirt', '### Heading with Kubevirt', '#### Liz Rice', '- list item Kubevirt', '  - nested item ETCD', 'plain paragraph line', 'Derek Collision', '- ', '-   spaced item', '+ plus item', '#hashtag text', 'Scale == Hard', 'Last 2.5 years', '### Closing #', ''];
  const norm = (p: NonNullable<ReturnType<typeof parseSimpleBlock>>): string =>
    JSON.stringify({
      // Pieces without words carry nothing to check; remark keeps some whitespace-only ones.
      seg: p.segments.filter((s) => /[\p{L}\p{N}]/u.test(s.text)).map((s) => [s.text.trim(), s.start + (s.text.length - s.text.trimStart().length)]),
      out: p.outline,
    });

  test('agrees with remark-parse on every block it accepts', () => {
    const rnd = random(99);
    let accepted = 0;
    for (let n = 0; n < 400; n++) {
      const lines = Array.from({ length: 1 + Math.floor(rnd() * 6) }, () => pieces[Math.floor(rnd() * pieces.length)]);
      const block = lines.join(rnd() < 0.2 ? '\r\n' : '\n') + '\n';
      const fast = parseSimpleBlock(block);
      if (!fast) continue;
      accepted++;
      assert.equal(norm(fast), norm(parseWithRemark(block)), JSON.stringify(block));
    }
    assert.ok(accepted > 100, `the fast path took ${accepted} of 400 blocks`);
  });

  test('agrees with remark-parse on the sample, and declines markup', () => {
    for (const b of splitBlocks(SAMPLE)) {
      const fast = parseSimpleBlock(b.text);
      if (fast) assert.equal(norm(fast), norm(parseWithRemark(b.text)));
    }
    for (const markup of ['an `unclosed code span', '***strong emphasis***', '[link](x)', '<b>html</b>', '| a | b |\n| --- | --- |', 'see <https://x.io>', 'http://localhost:8080 is local', '1. ordered', '    indented code', 'Title\n===']) {
      assert.equal(parseSimpleBlock(markup + '\n'), undefined, markup);
    }
  });
});
