// editDistance reuses its rows between calls; near() skips names by letter counts before measuring. Both
// must give what the plain definitions give.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DistancesFrom, editDistance } from '../../server/src/core/names/distance.ts';
import { Catalog } from '../../server/src/core/names/catalog.ts';
import { random } from '../../bench/generate.ts';
import { testEngine } from './helpers.ts';

/** Optimal string alignment distance, straight from its definition. */
function reference(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

describe('edit distance', () => {
  test('equals the definition on random strings of changing lengths, bounded or not', () => {
    const rnd = random(11);
    const word = (max: number): string => Array.from({ length: Math.floor(rnd() * max) }, () => 'abcde'[Math.floor(rnd() * 5)]).join('');
    for (let n = 0; n < 4000; n++) {
      const a = word(n % 50 === 0 ? 150 : 12);
      const b = word(n % 70 === 0 ? 130 : 12);
      const exact = reference(a, b);
      assert.equal(editDistance(a, b), exact, `${a} / ${b}`);
      const bound = Math.floor(rnd() * 5);
      // Bounded: the distance when within the bound, and some number above the bound otherwise.
      const bounded = editDistance(a, b, bound);
      if (exact > bound) assert.ok(bounded > bound, `${a} / ${b} within ${bound}: ${bounded}`);
      else assert.equal(bounded, exact, `${a} / ${b} within ${bound}`);
    }
  });

  test('the bit-parallel distances from one word equal the definition, also past 30 letters and beyond ASCII', () => {
    const rnd = random(13);
    for (let n = 0; n < 6000; n++) {
      const alphabet = n % 3 === 0 ? 'abé文' : 'abcde';
      const word = (max: number): string => Array.from({ length: Math.floor(rnd() * max) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
      const a = word(n % 20 === 0 ? 40 : 14);
      const from = new DistancesFrom(a);
      for (let k = 0; k < 3; k++) {
        const b = word(n % 25 === 0 ? 40 : 14);
        assert.equal(from.to(b), reference(a, b), `${a} / ${b}`);
      }
    }
  });

  test('near() finds exactly the names within one to four edits (one for names matched by one slip only)', () => {
    const catalog: Catalog = testEngine().catalog;
    const names = catalog.entries.filter((e) => e.kind !== 'person' && e.reach !== 'exact');
    const within = (e: (typeof names)[number], reach: number): number => (e.reach === 'typo' ? Math.min(reach, 1) : reach);
    const rnd = random(12);
    for (let n = 0; n < 300; n++) {
      const base = names[Math.floor(rnd() * names.length)].key;
      // A slip of up to three letters, so that neighbours exist.
      let key = base;
      for (let k = Math.floor(rnd() * 4); k > 0; k--) {
        const at = Math.floor(rnd() * (key.length + 1));
        key = key.slice(0, at) + 'aeiouxz'[Math.floor(rnd() * 7)] + key.slice(at + (rnd() < 0.5 ? 1 : 0));
      }
      for (const reach of [4, 3, 2, 1]) {
        const expected = names.filter((e) => Math.abs(e.key.length - key.length) <= 3 && reference(key, e.key) >= 1 && reference(key, e.key) <= within(e, reach)).map((e) => e.canonical);
        assert.deepEqual(catalog.near(key, reach).map((x) => x.entry.canonical).sort(), expected.sort(), `${key} within ${reach}`);
      }
    }
  });
});
