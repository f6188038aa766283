// The bundled sample notes against their expectations: every required problem with the right preferred
// fix, nothing on the clean words, and the exact talk outline.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { LineIndex } from '../../server/src/core/positions.ts';
import { analyze, fixed, visible } from './helpers.ts';

const root = path.resolve(__dirname, '..', '..');
const text = fs.readFileSync(path.join(root, 'data', 'demo', 'kubecon-notes.md'), 'utf8');
const expected = JSON.parse(fs.readFileSync(path.join(root, 'test', 'fixtures', 'kubecon-notes.expected.json'), 'utf8')) as {
  required: { line: number; wrong: string; fix: string }[];
  clean: string[];
  outline: { talk: string; speaker?: string; subtitle?: string; sections?: string[] }[];
};

describe('sample notes (data/demo/kubecon-notes.md)', () => {
  const analysis = analyze(text);
  const lines = new LineIndex(text);

  for (const req of expected.required) {
    test(`line ${req.line}: '${req.wrong}' -> '${req.fix}'`, () => {
      const lineStart = lines.lineStart(req.line - 1);
      const lineText = text.slice(lineStart, lines.lineEnd(req.line - 1));
      const at = lineStart + lineText.indexOf(req.wrong);
      assert.ok(at >= lineStart, `'${req.wrong}' is on line ${req.line}`);
      const finding = visible(analysis).find((f) => f.start < at + req.wrong.length && f.end > at);
      assert.ok(finding, `a diagnostic on '${req.wrong}'`);
      assert.ok(finding.preferred, `the fix for '${req.wrong}' is preferred`);
      const after = fixed(analysis, finding);
      const afterLine = after.split('\n')[req.line - 1];
      assert.equal(afterLine, lineText.replace(req.wrong, req.fix));
    });
  }

  test('no diagnostic on any occurrence of the clean words', () => {
    const hits: string[] = [];
    for (const word of expected.clean) {
      for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
        const f = visible(analysis).find((d) => d.start < at + word.length && d.end > at);
        if (f) hits.push(`${word} (line ${lines.positionAt(at).line + 1}): ${f.message}`);
      }
    }
    assert.deepEqual(hits, []);
  });

  test('the talk-aware outline', () => {
    const outline = analysis.outline.talks.map((t) => {
      const o: Record<string, unknown> = { talk: t.title };
      if (t.speaker) o.speaker = t.speaker;
      if (t.subtitle) o.subtitle = t.subtitle;
      if (t.sections.length) o.sections = t.sections.map((s) => s.title);
      return o;
    });
    assert.deepEqual(outline, expected.outline);
  });
});
