// An editor's check has a deadline: after a change of learned names it re-matches the blocks nearest the
// edit first and leaves the rest pending. The first check is always complete, the nearest blocks are right
// at once, and later checks (or idle work) complete the rest to exactly a fresh check's result.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { analyzeText, NotesDocument, type Analysis } from '../../server/src/core/check/document.ts';
import { DEFAULT_SETTINGS } from '../../server/src/core/check/settings.ts';
import { testEngine } from './helpers.ts';

const SAMPLE = fs.readFileSync(path.resolve(__dirname, '..', '..', 'data', 'demo', 'kubecon-notes.md'), 'utf8');
// Many blocks, each with its own slip of a name the notes learn only once a speaker line names her.
const slip = (k: number): string => 'Zorb' + 'aeiou'[k % 5] + 'bcdfghjkmnpqrstvwz'[Math.floor(k / 5) % 18] + 'x';
const NOTES = Array.from({ length: 90 }, (_, k) => `## Talk ${k}\n\nIn the hallway ${slip(k)} said the demo scales to ${k} clusters.\n`).join('\n') + '\n' + SAMPLE;
const SPEAKER = '### Keynote\nZorblax Smith - maintainer\n\n';

const summary = (a: Analysis): string[] => a.findings.map((f) => `${f.start}-${f.end} ${f.code} ${f.fixes.join('|')}`);
const past = { deadline: -1 }; // a deadline already passed: only what must be matched is matched

describe('checks with a deadline', () => {
  test('the first check of a document is complete whatever the deadline', () => {
    const engine = testEngine();
    const a = new NotesDocument(engine, NOTES).check(DEFAULT_SETTINGS, [], past);
    assert.equal(a.pending, false);
    assert.deepEqual(summary(a), summary(analyzeText(engine, NOTES, DEFAULT_SETTINGS)));
  });

  test('a change of learned names re-matches near the edit first and completes later', () => {
    const engine = testEngine();
    const doc = new NotesDocument(engine, NOTES);
    doc.check(DEFAULT_SETTINGS, [], past);
    // A speaker line makes "Quillgate" a name of the file: every block mentioning "Quilgate" changes.
    const at = NOTES.indexOf('## Talk 60');
    const insert = SPEAKER;
    doc.applyChanges([{ start: at, end: at, text: insert }]);
    const text = NOTES.slice(0, at) + insert + NOTES.slice(at);
    const fresh = analyzeText(engine, text, DEFAULT_SETTINGS);
    const first = doc.check(DEFAULT_SETTINGS, [], { near: at, deadline: -1, maxBlocks: 8 });
    assert.equal(first.pending, true, 'far blocks are left for later');
    // The blocks around the edit are already right.
    const near = (a: Analysis): string[] => summary(a).filter((s) => Math.abs(Number(s.split('-')[0]) - at) < 150);
    assert.ok(near(fresh).length > 0 && fresh.findings.filter((f) => f.code === 'learned').length > 60, 'the edit changes findings all over');
    assert.deepEqual(near(first), near(fresh));
    let rounds = 0;
    let a = first;
    while (a.pending && rounds++ < 100) a = doc.check(DEFAULT_SETTINGS, [], { near: at, deadline: -1, maxBlocks: 8 });
    assert.equal(a.pending, false);
    assert.ok(rounds > 3, `completed in ${rounds} rounds`);
    assert.deepEqual(summary(a), summary(fresh));
  });

  test('without a deadline a check is always complete', () => {
    const engine = testEngine();
    const doc = new NotesDocument(engine, NOTES);
    doc.check(DEFAULT_SETTINGS);
    const at = NOTES.indexOf('## Talk 10');
    doc.applyChanges([{ start: at, end: at, text: SPEAKER }]);
    const a = doc.check(DEFAULT_SETTINGS);
    assert.equal(a.pending, false);
    assert.deepEqual(summary(a), summary(analyzeText(engine, doc.text, DEFAULT_SETTINGS)));
  });

  test('after a change of learned names only blocks with a word near the name are matched again', () => {
    const engine = testEngine();
    const doc = new NotesDocument(engine, NOTES);
    doc.check(DEFAULT_SETTINGS);
    const at = NOTES.indexOf('## Talk 30');
    doc.applyChanges([{ start: at, end: at, text: SPEAKER }]);
    const a = doc.check(DEFAULT_SETTINGS);
    assert.deepEqual(summary(a), summary(analyzeText(engine, doc.text, DEFAULT_SETTINGS)));
    // The 90 talks each slip on the new name; the sample's blocks mention nothing like it.
    const { matched, verified } = doc.lastCheck;
    assert.ok(matched >= 90 && matched < 100, `${matched} blocks matched again`);
    assert.ok(verified > 20, `${verified} blocks found unaffected without matching`);
  });

  test('learned names that change again before the far blocks are done still end in the exact result', () => {
    const engine = testEngine();
    const doc = new NotesDocument(engine, NOTES);
    doc.check(DEFAULT_SETTINGS);
    let text = NOTES;
    const edit = (start: number, end: number, insert: string): void => {
      doc.applyChanges([{ start, end, text: insert }]);
      text = text.slice(0, start) + insert + text.slice(end);
    };
    const at = NOTES.indexOf('## Talk 45');
    edit(at, at, SPEAKER);
    let a = doc.check(DEFAULT_SETTINGS, [], { near: at, deadline: -1, maxBlocks: 8 });
    assert.equal(a.pending, true);
    // The speaker goes again (the name with it), and another comes, while most blocks are still suspects.
    edit(at, at + SPEAKER.length, '');
    a = doc.check(DEFAULT_SETTINGS, [], { near: at, deadline: -1, maxBlocks: 8 });
    const other = NOTES.indexOf('## Talk 80');
    edit(other, other, '### Demo\nQuillgate Jones - maintainer\n\n');
    a = doc.check(DEFAULT_SETTINGS, [], { near: other, deadline: -1, maxBlocks: 8 });
    let rounds = 0;
    while (a.pending && rounds++ < 200) a = doc.check(DEFAULT_SETTINGS, [], { near: other, deadline: -1, maxBlocks: 8 });
    assert.equal(a.pending, false);
    assert.deepEqual(summary(a), summary(analyzeText(engine, text, DEFAULT_SETTINGS)));
  });
});
