// EditorDocument must place positions exactly as vscode-languageserver-textdocument does, on any text
// and after any edit (CR, LF and CRLF mixed, edits that join or split them), while it reads the text from
// the NotesDocument.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { NotesDocument } from '../../server/src/core/check/document.ts';
import { EditorDocument } from '../../server/src/editor-document.ts';
import { random } from '../../bench/generate.ts';
import { testEngine } from '../core/helpers.ts';

const PIECES = ['a', 'bc', ' ', '\n', '\r', '\r\n', '\n\n', '# T\n', 'é', '🎉', '\r\r\n', 'xyz\r\n\r\n'];

function randomText(rnd: () => number, pieces: number): string {
  let out = '';
  for (let k = 0; k < pieces; k++) out += PIECES[Math.floor(rnd() * PIECES.length)];
  return out;
}

function assertSame(ours: EditorDocument, reference: TextDocument, context: string): void {
  const text = reference.getText();
  assert.equal(ours.getText(), text, context);
  assert.equal(ours.lineCount, reference.lineCount, `${context}: line count`);
  for (let offset = -1; offset <= text.length + 1; offset++) {
    assert.deepEqual(ours.positionAt(offset), reference.positionAt(offset), `${context}: positionAt(${offset}) in ${JSON.stringify(text)}`);
  }
  for (let line = -1; line <= reference.lineCount; line++) {
    for (const character of [-1, 0, 1, 2, 3, 5, 50]) {
      const p = { line, character };
      assert.equal(ours.offsetAt(p), reference.offsetAt(p), `${context}: offsetAt(${line}:${character}) in ${JSON.stringify(text)}`);
    }
  }
}

describe('editor document', () => {
  test('positions equal the text-document library after random edits, the text held by the notes', () => {
    const rnd = random(2024);
    const engine = testEngine();
    for (let run = 0; run < 60; run++) {
      const initial = randomText(rnd, Math.floor(rnd() * 12));
      let reference = TextDocument.create('file:///x.md', 'markdown', 1, initial);
      const notes = new NotesDocument(engine, initial);
      const ours = new EditorDocument('file:///x.md', 'markdown', 1, notes, initial);
      if (run % 2) ours.useNotesText();
      for (let step = 0; step < 25; step++) {
        const length = reference.getText().length;
        let start = Math.floor(rnd() * (length + 1));
        let end = Math.min(length, start + (rnd() < 0.4 ? 0 : Math.floor(rnd() * 4)));
        if (rnd() < 0.2) [start, end] = [end, start];
        const text = rnd() < 0.3 ? '' : randomText(rnd, 1 + Math.floor(rnd() * 3));
        const range = { start: reference.positionAt(Math.min(start, end)), end: reference.positionAt(Math.max(start, end)) };
        // Both sides take offsets from their own positions, as the server does.
        const a = ours.offsetAt(range.start);
        const b = ours.offsetAt(range.end);
        ours.update(a, b, text, step + 2);
        notes.applyChanges([{ start: a, end: b, text }]);
        reference = TextDocument.update(reference, [{ range, text }], step + 2);
        // The library itself miscounts edits that pair or part a CR and an LF: compare with a fresh parse.
        reference = TextDocument.create('file:///x.md', 'markdown', step + 2, reference.getText());
        assertSame(ours, reference, `run ${run} step ${step}`);
      }
    }
  });

  test('edits at any offset, between a CR and its LF too, keep the line table right', () => {
    const rnd = random(77);
    for (let run = 0; run < 80; run++) {
      let text = randomText(rnd, Math.floor(rnd() * 12));
      const notes = new NotesDocument(testEngine(), text);
      const ours = new EditorDocument('file:///z.md', 'markdown', 1, notes, text);
      ours.useNotesText();
      for (let step = 0; step < 25; step++) {
        const start = Math.floor(rnd() * (text.length + 1));
        const end = Math.min(text.length, start + (rnd() < 0.4 ? 0 : Math.floor(rnd() * 4)));
        const inserted = rnd() < 0.3 ? '' : randomText(rnd, 1 + Math.floor(rnd() * 3));
        ours.update(start, end, inserted, step + 2);
        notes.applyChanges([{ start, end, text: inserted }]);
        text = text.slice(0, start) + inserted + text.slice(end);
        assertSame(ours, TextDocument.create('file:///z.md', 'markdown', step + 2, text), `run ${run} step ${step}`);
      }
    }
  });

  test('reads ranges from the notes without joining the text', () => {
    const text = '# Talk\r\n\r\nLiz Rice - maintainer\n\n- Kubevirt\r\n';
    const notes = new NotesDocument(testEngine(), text);
    const ours = new EditorDocument('file:///y.md', 'markdown', 1, notes, text);
    ours.useNotesText();
    assert.equal(ours.getText({ start: { line: 2, character: 0 }, end: { line: 4, character: 99 } }), 'Liz Rice - maintainer\n\n- Kubevirt');
    assert.equal(ours.length, text.length);
  });
});
