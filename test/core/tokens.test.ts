// countNameLikeWords must count exactly the tokens the learner used to filter out of tokenize().
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { countNameLikeWords, MID_SENTENCE, tokenize } from '../../server/src/core/markdown/tokens.ts';
import { random } from '../../bench/generate.ts';

function byTokens(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of tokenize(text)) {
    if (t.hasDigit || t.dotted || (t.shape !== 'capitalized' && t.shape !== 'mixed') || t.base.length < 4) continue;
    counts.set(t.base, (counts.get(t.base) ?? 0) + 1);
  }
  return counts;
}

const PIECES = ['Kubevirt', 'kubevirt', "Liz's", 'Rice’s', "dogs'", 'NATS', 'OpenTelemetry', 'Dapr.io', 'k8s', 'K8s', 'Envoy2',
  'https://Cilium.io/Docs', 'www.Example.com', '@Lachlan', '#Flux', 'src/Main.ts', 'ÉCOLE', 'Émile', 'ǅemal', 'İstanbul', 'Zürich',
  'rock’n’roll', 'Co-Founder', 'e.g.', 'U.S.', 'the', ' ', ' ', ', ', '. ', ' — ', '(', ')', '\t', 'Ab', 'Abcd', 'iPhone', 'macOS'];

describe('name-like word counts', () => {
  test('equal the filtered tokens on random lines and on the sample', () => {
    const rnd = random(31);
    for (let n = 0; n < 5000; n++) {
      let line = '';
      const len = 1 + Math.floor(rnd() * 12);
      for (let k = 0; k < len; k++) line += PIECES[Math.floor(rnd() * PIECES.length)] + (rnd() < 0.6 ? ' ' : '');
      const counts = new Map<string, number>();
      countNameLikeWords(line, counts);
      assert.deepEqual(wordsOnly(counts), [...byTokens(line)].sort(), JSON.stringify(line));
    }
    const sample = fs.readFileSync(path.resolve(__dirname, '..', '..', 'data', 'demo', 'kubecon-notes.md'), 'utf8');
    for (const line of sample.split('\n')) {
      const counts = new Map<string, number>();
      countNameLikeWords(line, counts);
      assert.deepEqual(wordsOnly(counts), [...byTokens(line)].sort(), line);
    }
  });
  test('also count the words capitalized in the middle of a sentence', () => {
    const counts = new Map<string, number>();
    countNameLikeWords('- Summitt was fun. Skaffold builds, then Skaffold deploys: Tilt too', counts);
    assert.deepEqual(
      [...counts].filter(([k]) => k.startsWith(MID_SENTENCE)).map(([k, n]) => [k.slice(1), n]).sort(),
      [['Skaffold', 1]],
    );
  });
});

function wordsOnly(counts: Map<string, number>): [string, number][] {
  return [...counts].filter(([k]) => !k.startsWith(MID_SENTENCE)).sort();
}

import { nameKey } from '../../server/src/core/names/catalog.ts';

describe('name keys', () => {
  test('equal the Unicode definition for ASCII and other text', () => {
    const definition = (text: string): string => text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\p{L}\p{N}]+/gu, '');
    const rnd = random(41);
    const chars = 'abcXYZ019 -._\'’\t\u007f\u0000/@#Éüß🎉İ';
    for (let n = 0; n < 20000; n++) {
      let text = '';
      for (let k = Math.floor(rnd() * 10); k > 0; k--) text += chars[Math.floor(rnd() * chars.length)];
      assert.equal(nameKey(text), definition(text), JSON.stringify(text));
    }
    for (const text of ['OpenTelemetry', 'open-telemetry', 'k8s', 'Kubernetes’s', 'Émile Zola', '']) assert.equal(nameKey(text), definition(text), text);
  });
});
