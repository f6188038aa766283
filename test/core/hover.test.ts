// Hover adds the name's card to what the editor shows; the diagnostic's message is already in the same hover
// (VS Code puts it there), so it is not repeated (issue #15, point 5).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hoverAt } from '../../server/src/core/features/hover.ts';
import { analyze, testEngine } from './helpers.ts';

function hover(text: string, word: string) {
  const a = analyze(text);
  return { a, h: hoverAt(a.text, a.text.indexOf(word) + 1, a.findings, [testEngine().catalog, a.learned]) };
}

describe('hover', () => {
  test('on a finding: the card only, not the message again', () => {
    const { a, h } = hover('We run Kubevirt in prod.\n', 'Kubevirt');
    const finding = a.findings.find((f) => f.wrong === 'Kubevirt');
    assert.ok(finding && h);
    assert.ok(h.markdown.startsWith('**KubeVirt** — CNCF'), h.markdown);
    assert.ok(!h.markdown.includes(finding.message), h.markdown);
    assert.ok(!h.markdown.includes('Talk Notes:'), h.markdown);
    assert.deepEqual([h.start, h.end], [finding.start, finding.end]);
  });

  test('on an English typo: nothing to add to the diagnostic', () => {
    assert.equal(hover('The healhty nodes.\n', 'healhty').h, undefined);
  });

  test('on a correct name: its card', () => {
    const { h } = hover('We scrape with Prometheus.\n', 'Prometheus');
    assert.match(h?.markdown ?? '', /^\*\*Prometheus\*\* — CNCF graduated/);
  });
});
