// Offsets are UTF-16 code units, as LSP positions are: right after emoji (surrogate pairs) and accents.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LineCursor, LineIndex } from '../../server/src/core/positions.ts';
import { analyze, findingOn } from './helpers.ts';

describe('UTF-16 positions', () => {
  test('a finding after an emoji and accented letters', () => {
    const text = '# Notes 🚀\n- Café ☕️ talk by Sébastien: 🎉🎉 Kubevirt on the edge\n';
    const a = analyze(text);
    const f = findingOn(a, 'Kubevirt');
    assert.ok(f);
    assert.equal(text.slice(f.start, f.end), 'Kubevirt');
    const pos = new LineIndex(text).positionAt(f.start);
    assert.deepEqual(pos, { line: 1, character: text.split('\n')[1].indexOf('Kubevirt') });
  });
  test('line index round-trips with CRLF and lone CR', () => {
    const text = 'a\r\nbb\rccc\nd';
    const lines = new LineIndex(text);
    assert.equal(lines.lineCount, 4);
    for (let offset = 0; offset <= text.length; offset++) {
      const p = lines.positionAt(offset);
      if (text[offset - 1] === '\r' && text[offset] === '\n') continue; // inside a CRLF
      assert.equal(lines.offsetAt(p), offset, `offset ${offset}`);
    }
    assert.deepEqual(lines.positionAt(text.indexOf('ccc')), { line: 2, character: 0 });
  });
  test('CRLF documents get the same findings at the same places', () => {
    const lf = '### Talk\n- Kubevirt and ETCD\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = analyze(lf).findings.map((f) => [new LineIndex(lf).positionAt(f.start), f.wrong]);
    const b = analyze(crlf).findings.map((f) => [new LineIndex(crlf).positionAt(f.start), f.wrong]);
    assert.deepEqual(b, a);
  });
  test('a line cursor answers as the line index does, in order, out of order and past the end', () => {
    for (const text of ['', 'abc', '\n', 'a\nbb\n\nccc\n', 'a\nb', 'a\r\nbb\rccc\nd', '\r\n\r\n']) {
      const index = new LineIndex(text);
      const cursor = new LineCursor(text);
      const offsets = [...Array(text.length + 3).keys()].map((k) => k - 1); // -1 … length + 1
      for (const offset of [...offsets, ...[...offsets].reverse()]) assert.deepEqual(cursor.positionAt(offset), index.positionAt(offset), `${JSON.stringify(text)} at ${offset}`);
    }
  });
});
