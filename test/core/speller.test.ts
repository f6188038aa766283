// The compiled dictionary must answer exactly as nspell reading the .aff/.dic does, for every word form,
// in every casing, and for near misses; and a compiled file from other .aff/.dic files must not be used.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import nspell from 'nspell';
import { CompiledSpeller, SortedWords, type CompiledDictionary } from '../../server/src/core/english/speller.ts';
import { editDistance } from '../../server/src/core/names/distance.ts';
import { Lexicon } from '../../server/src/core/english/lexicon.ts';
import { decodeDictionary, decodeLexicon, loadCompiledSpeller, loadLexicon } from '../../server/src/data.ts';
import { random } from '../../bench/generate.ts';
// @ts-expect-error: a plain .mjs build script, without type declarations
import { compileDictionary, encodeDictionary, encodeLexicon } from '../../scripts/compile-dictionary.mjs';

const DATA = path.resolve(__dirname, '..', '..', 'data');
const aff = fs.readFileSync(path.join(DATA, 'dictionary', 'en_US.aff'));
const dic = fs.readFileSync(path.join(DATA, 'dictionary', 'en_US.dic'));

describe('compiled dictionary', () => {
  const reference = nspell(aff, dic);
  const compiledData = compileDictionary(aff, dic) as CompiledDictionary;
  const compiled = new CompiledSpeller(compiledData);

  test('agrees with nspell on every word form in three casings and on near misses', () => {
    const forms = Object.keys(reference.data);
    assert.ok(forms.length > 100_000, `only ${forms.length} forms`);
    const rnd = random(7);
    const letters = "abcdefghijklmnopqrstuvwxyz'’";
    let checked = 0;
    let disagreements: string[] = [];
    const compare = (word: string): void => {
      checked++;
      if (reference.correct(word) !== compiled.correct(word)) disagreements.push(word);
    };
    for (const [k, form] of forms.entries()) {
      compare(form);
      if (k % 3 === 0) {
        compare(form.toUpperCase());
        compare(form.charAt(0).toUpperCase() + form.slice(1));
        compare(form.toLowerCase());
        // A typo: one letter changed, added or dropped.
        const at = Math.floor(rnd() * (form.length + 1));
        const c = letters[Math.floor(rnd() * letters.length)];
        compare(form.slice(0, at) + c + form.slice(at + (rnd() < 0.5 ? 1 : 0)));
        compare(form.slice(0, at) + form.slice(at + 1));
      }
    }
    // Numbers and ordinals (compound rules), curly apostrophes (input conversion), spaces.
    for (const w of ['1st', '22nd', '113th', '11th', '2th', '12st', 'x21st', '1', '42', 'doesn’t', 'isn’t', ' hello ', '', ' ', 'KubeCon']) compare(w);
    disagreements = disagreements.slice(0, 20);
    assert.deepEqual(disagreements, [], `checked ${checked}`);
  });

  test('reads back from its file as it was compiled', () => {
    const read = decodeDictionary(encodeDictionary(compiledData));
    assert.deepEqual(read, compiledData);
  });

  test('knows the lowercase form of every entry', () => {
    const lower = new Set(Object.keys(reference.data).map((w) => w.toLowerCase()));
    for (const w of lower) assert.ok(compiled.hasLowercaseForm(w), w);
    for (const w of ['qzxv', 'kubernetes', 'mastercardd']) assert.equal(compiled.hasLowercaseForm(w), lower.has(w), w);
  });

  test('a compiled file from other dictionary files is not used', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'talk-notes-speller-'));
    try {
      fs.mkdirSync(path.join(root, 'data'));
      fs.mkdirSync(path.join(root, 'dist'));
      const file = path.join(root, 'dist', 'en_US.dictionary.bin');
      fs.writeFileSync(file, encodeDictionary(compiledData));
      assert.ok(loadCompiledSpeller(path.join(root, 'data'), aff, dic), 'the matching file is used');
      assert.equal(loadCompiledSpeller(path.join(root, 'data'), aff, Buffer.concat([dic, Buffer.from('zzyzx\n')])), undefined);
      for (const broken of [Buffer.from('{"format": 1, "words": 3'), encodeDictionary(compiledData).subarray(0, 5000), Buffer.alloc(0)]) {
        fs.writeFileSync(file, broken);
        assert.equal(loadCompiledSpeller(path.join(root, 'data'), aff, dic), undefined, 'a broken file is ignored');
      }
      fs.rmSync(file);
      assert.equal(loadCompiledSpeller(path.join(root, 'data'), aff, dic), undefined, 'a missing file is ignored');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('sorted word lists', () => {
  test('near() finds exactly the words a few edits away, ignoring the capitals of the list', () => {
    const reference = nspell(aff, dic);
    const forms = Object.keys(reference.data).sort();
    const list = new SortedWords(forms.join('\n'));
    for (const word of ['recieve', 'teh', 'kubernetes', 'christmas', 'xqzv', 'obsrevabilty', 'a']) {
      for (const max of [1, 2]) {
        const got = new Map<number, number>();
        list.near(word, max, (k, d) => got.set(k, d));
        const want = new Map<number, number>();
        forms.forEach((f, k) => {
          const d = editDistance(word, f.toLowerCase(), max);
          if (d <= max) want.set(k, d);
        });
        assert.deepEqual([...got].sort((a, b) => a[0] - b[0]), [...want].sort((a, b) => a[0] - b[0]), `${word} within ${max}`);
      }
    }
    const [from, to] = list.prefixRange('rec');
    assert.ok(to > from && list.at(from).startsWith('rec') && list.at(to - 1).startsWith('rec') && !list.at(to).startsWith('rec'));
  });

  test('the lexicon reads back from its file, and a stale one is not used', () => {
    const data = { freq: Uint8Array.from([0, 7, 255]), english: 'colours\nvalidations', jargon: 'kubectl\nkubelet', terms: 'kubectl', acronyms: 'SDK', stemmed: Uint8Array.from([2]) };
    const read = decodeLexicon(encodeLexicon(data, 'fingerprint'));
    assert.deepEqual({ ...read, freq: [...read.freq], stemmed: [...read.stemmed] }, { ...data, freq: [0, 7, 255], stemmed: [2], source: 'fingerprint' });
    assert.equal(new Lexicon(read).stemmedWords('v').at(0), 'validations', 'the second word is marked as having a stem');
    assert.equal(new Lexicon(read).stemmedWords('c').size, 0);
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'talk-notes-lexicon-'));
    try {
      fs.mkdirSync(path.join(root, 'data'));
      fs.mkdirSync(path.join(root, 'dist'));
      fs.writeFileSync(path.join(root, 'dist', 'english-lexicon.bin'), encodeLexicon(data, 'not these files'));
      // Stale, and no node_modules to build one from.
      assert.equal(loadLexicon(path.join(root, 'data'), aff, dic), undefined);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
