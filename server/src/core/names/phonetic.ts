import { doubleMetaphone } from 'double-metaphone';
import { editDistance } from './distance.ts';

/** Sound keys of a word (Double Metaphone primary and secondary), for catching misheard names. */
export function soundKeys(word: string): [string, string] {
  const [primary, secondary] = doubleMetaphone(word);
  return [primary, secondary];
}

/**
 * How far apart two words sound: 0 when a key is shared, 1 when keys of at least four sounds differ by one
 * edit, Infinity otherwise. Short keys must match exactly: too many words share them.
 */
export function soundDistance(a: [string, string], b: [string, string]): number {
  let best = Infinity;
  for (const x of a) {
    for (const y of b) {
      if (!x || !y) continue;
      if (x === y) return 0;
      if (Math.min(x.length, y.length) >= 4 && editDistance(x, y, 1) <= 1) best = 1;
    }
  }
  return best;
}
