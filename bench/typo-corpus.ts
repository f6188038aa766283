// node --import tsx bench/typo-corpus.ts [--every N] [--offset K] [--show N] [--out file]: a yardstick for the English error
// model that is independent of the real notes. It scores our first correction on the real misspellings of
// @cspell/dict-en-common-misspellings ("wrong->right" pairs: Wikipedia's list of common misspellings and typos
// found in code), keeping pairs whose wrong word we do not know and whose right word we do.
// - rank@1: the first of `corrections()` (two edits deep) is a listed right word;
// - check (lowercase, mid-sentence) and opening (capitalized, at a line start): what the English check reports,
//   as found (a report at all), fixed (its first fix is right) and wrong (a report with a wrong first fix).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkEnglishWord, type Shape } from '../server/src/core/english/spelling.ts';
import type { Finding } from '../server/src/core/types.ts';
import { loadEngine } from '../server/src/data.ts';

const ROOT = path.resolve(__dirname, '..');
const FILE = path.join(ROOT, 'node_modules', '@cspell', 'dict-en-common-misspellings', 'dict', 'dict-en.json');

function option(name: string, fallback: number): number {
  const k = process.argv.indexOf(name);
  return k >= 0 ? Number(process.argv[k + 1]) : fallback;
}

const EVERY = option('--every', 5);
const OFFSET = option('--offset', 0);
const SHOW = option('--show', 0);
const outAt = process.argv.indexOf('--out');
const OUT = outAt >= 0 ? process.argv[outAt + 1] : undefined;

interface Pair {
  wrong: string;
  right: string[];
}

function pairs(): Pair[] {
  const json = JSON.parse(fs.readFileSync(FILE, 'utf8')) as { dictionaryDefinitions: { suggestWords?: string[]; flagWords?: string[] }[] };
  const out: Pair[] = [];
  for (const def of json.dictionaryDefinitions) {
    for (const entry of [...(def.flagWords ?? []), ...(def.suggestWords ?? [])]) {
      const m = /^([a-z]+)->(.+)$/.exec(entry.trim());
      if (!m) continue;
      const right = m[2].split(',').map((w) => w.trim()).filter((w) => /^[a-z]+$/.test(w));
      if (right.length) out.push({ wrong: m[1], right });
    }
  }
  return out.sort((a, b) => (a.wrong < b.wrong ? -1 : a.wrong > b.wrong ? 1 : 0));
}

const engine = loadEngine();
const words = engine.words;
const ctx = { words, ignored: new Set<string>() };

const all = pairs();
const sample = all.filter((_, k) => k % EVERY === OFFSET).filter((p) => p.wrong.length >= 3 && !words.isWord(p.wrong) && !words.isJargon(p.wrong) && words.isWord(p.right[0]));

interface Tally {
  found: number;
  fixed: number;
  wrong: number;
}
const tally = (): Tally => ({ found: 0, fixed: 0, wrong: 0 });
let rank1 = 0;
const checks: Record<'lower' | 'opening', Tally> = { lower: tally(), opening: tally() };
const misses: string[] = [];
const started = performance.now();

function judge(word: string, shape: Shape, p: Pair, t: Tally): void {
  const out: Finding[] = [];
  checkEnglishWord(word, 0, shape, ctx, out);
  if (!out.length) return;
  t.found++;
  if (p.right.includes(out[0].fixes[0].toLowerCase())) t.fixed++;
  else t.wrong++;
}

for (const p of sample) {
  const first = words.corrections(p.wrong)[0]?.word;
  if (first && p.right.includes(first)) rank1++;
  else misses.push(`${p.wrong} -> ${first ?? '(none)'} (want ${p.right.join('/')})`);
  judge(p.wrong, 'lower', p, checks.lower);
  judge(p.wrong.charAt(0).toUpperCase() + p.wrong.slice(1), 'opening', p, checks.opening);
}

const n = sample.length;
const pct = (x: number): string => (x / n).toFixed(3);
console.log(`typo corpus: ${n} pairs (every ${EVERY}th from ${OFFSET} of ${all.length}), ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log(`rank@1 ${pct(rank1)}`);
for (const [shape, t] of Object.entries(checks)) console.log(`${shape.padEnd(8)} found ${pct(t.found)}  fixed ${pct(t.fixed)}  wrong-fix ${pct(t.wrong)}`);
if (SHOW) console.log(misses.slice(0, SHOW).join('\n'));
if (OUT) fs.writeFileSync(OUT, misses.join('\n') + '\n');
