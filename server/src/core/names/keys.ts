// Which blocks a change of the learned names can affect. A block's findings depend on the names learned from
// the rest of the file only through its words: a learned name can match a word or a run of words exactly, or
// be near one in letters or sound. So each block lists its word keys, and when the learned names change, only
// blocks with a key equal or near to an added or removed name are matched again.
import { nameKey } from './catalog.ts';
import { allowedEdits, editDistance } from './distance.ts';
import { joinable, surface } from './match.ts';
import type { ParsedProse } from '../markdown/prose-types.ts';
import { tokenize } from '../markdown/tokens.ts';

export interface BlockKeys {
  /** Keys a learned name could equal: words, runs of up to four words, hyphen parts, domain names. */
  exact: ReadonlySet<string>;
  /** Keys a learned name could be near: single words and runs of two or three capitalized words. */
  fuzzy: string[];
}

const cache = new WeakMap<ParsedProse, BlockKeys>();

export function blockKeys(prose: ParsedProse): BlockKeys {
  let keys = cache.get(prose);
  if (keys) return keys;
  const exact = new Set<string>();
  const fuzzy = new Set<string>();
  for (const segment of prose.segments) {
    const tokens = tokenize(segment.text);
    tokens.forEach((t, i) => {
      const key = nameKey(t.base);
      exact.add(key);
      fuzzy.add(key);
      const parts = t.base.split(/[-.]/);
      for (let k = 1; k <= parts.length; k++) exact.add(nameKey(parts.slice(0, k).join('-')));
      for (let n = 2; n <= 4; n++) {
        if (!joinable(tokens, i, n)) break;
        const joined = nameKey(surface(tokens, i, n));
        exact.add(joined);
        const words = tokens.slice(i, i + n);
        if (n <= 3 && words.every((w) => (w.shape === 'capitalized' || w.shape === 'mixed') && !w.hasDigit)) fuzzy.add(joined);
      }
    });
  }
  keys = { exact, fuzzy: [...fuzzy] };
  cache.set(prose, keys);
  return keys;
}

/**
 * Whether a learned name's key can match a written key by letters or sound: the most edits any rule of the
 * matcher allows for that length (typos, sound-alikes, people's names), so this is a superset of its matches.
 */
export function mayMatch(written: string, learned: string): boolean {
  const length = Math.max(written.length, learned.length);
  const bound = Math.min(4, Math.max(2, allowedEdits(length), Math.ceil(0.4 * length)));
  return Math.abs(written.length - learned.length) <= bound && editDistance(written, learned, bound) <= bound;
}

/**
 * Learned names that came, went or changed: which blocks they can affect. Whether a written key is near one
 * of them is remembered, since the same words recur block after block.
 */
export class NameChange {
  private readonly names = new Set<string>();
  private readonly near = new Map<string, boolean>();

  add(keys: Iterable<string>): void {
    for (const key of keys) {
      if (this.names.has(key)) continue;
      this.names.add(key);
      this.near.clear();
    }
  }

  clear(): void {
    this.names.clear();
    this.near.clear();
  }

  /** Whether the findings of a block with this parse can change: a key of it equals or is near a name. */
  affects(prose: ParsedProse): boolean {
    const keys = blockKeys(prose);
    for (const name of this.names) if (keys.exact.has(name)) return true;
    for (const key of keys.fuzzy) {
      let near = this.near.get(key);
      if (near === undefined) {
        near = false;
        for (const name of this.names) if ((near = mayMatch(key, name))) break;
        this.near.set(key, near);
      }
      if (near) return true;
    }
    return false;
  }
}
