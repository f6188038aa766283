// fast-check generators for hostile Markdown notes: nested lists, fences opened and never closed, tables,
// HTML and comments (disable directives too), emoji and other astral characters, right-to-left text, tabs,
// NUL and other control characters, lone surrogates, very long lines, and \n, \r\n and lone \r line ends mixed.
import fc from 'fast-check';

/** Misspelled and correct names the matcher reacts to, so fixes are exercised. */
export const NAMES = [
  'Kubevirt', 'KubeVirt', 'ETCD', 'etcd', 'Promethus', 'Prometheus', 'prometheus', 'Sillium', 'Cilium', 'CloudFoundry',
  'Open Telemetry', 'Argo-CD', 'Dapr.io', 'Open Policy A', 'Kubern', 'CloudEvent', 'a CloudEvent', 'Cube Virt', 'Key Cloak',
  'Derek Collision', 'Lizz Rice', 'Liz Rice', 'Lachlan Evenson', 'Lockland', 'healhty', 'orchectration', 'integation',
  'k8s', 'OTel', 'Wasm', "Kubernetes's", 'Kubernets', 'helm chart', 'the envoy arrived', 'Quillgate', 'Ferrowheel',
];
const WORDS = ['the', 'a', 'we', 'ran', 'talk', 'notes', 'coffee', 'about', 'and', 'with', 'on', 'is', 'scaling', 'demo', 'Q&A', 'TODO'];
const ODD = [
  '😀', '🎉', '👩‍💻', '𝔘𝔫𝔦', '𠜎', '\u{1F1FA}\u{1F1F8}', 'é', 'e\u0301', 'ß', 'İ', 'ﬁ', // astral, ZWJ, combining, case oddities
  'مرحبا', 'שלום', '\u202E', '\u200F', '\u200B', '\uFEFF', // right-to-left, bidi controls, zero width, BOM
  '\u0000', '\u0001', '\u0007', '\u001B[31m', '\u007F', '\u0085', '\u2028', '\u2029', '\f', '\v', '\t', // control characters
  '\uD800', '\uDFFF', // lone surrogates
  '&amp;', '&#x1F600;', '\\*', '\\',
];

const word: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 4, arbitrary: fc.constantFrom(...NAMES) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
);

const inline: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: word },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.constantFrom('*', '**', '_', '`', '~~', '[', '<b>', '<!-- ', '<'), word, fc.constantFrom('*', '**', '_', '`', '~~', '](https://example.com/x)', '</b>', ' -->', '', '>')).map(([a, w, b]) => a + w + b),
  },
  { weight: 1, arbitrary: fc.constantFrom('https://kubevirt.io/Kubevirt', '<https://etcd.io>', 'user@example.com', './path/Kubevirt.md', '@ETCD', '#Kubevirt', 'v1.2.3', '![Kubevirt](x.png)', '[^1]') },
);

const sentence: fc.Arbitrary<string> = fc.array(inline, { minLength: 0, maxLength: 10 }).chain((ws) =>
  fc.array(fc.constantFrom(' ', ' ', ' ', '  ', '\t', ', ', '. ', ' — ', ''), { minLength: ws.length, maxLength: ws.length }).map((gaps) => ws.map((w, k) => w + (k < ws.length - 1 ? gaps[k] : '')).join('')),
);

/** A long line of ordinary words (up to a few thousand characters). */
const longLine: fc.Arbitrary<string> = fc.tuple(sentence, fc.integer({ min: 20, max: 300 })).map(([s, n]) => `${s} `.repeat(n).slice(0, 4000));

const line: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: sentence },
  { weight: 3, arbitrary: fc.tuple(fc.integer({ min: 1, max: 7 }), sentence).map(([d, s]) => `${'#'.repeat(d)} ${s}`) },
  { weight: 3, arbitrary: fc.tuple(fc.integer({ min: 0, max: 6 }), fc.constantFrom('- ', '* ', '+ ', '1. ', '2) ', '- [ ] ', '> '), sentence).map(([d, b, s]) => `${'  '.repeat(d)}${b}${s}`) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('```', '~~~', '````', '  ```', '\t```'), fc.constantFrom('', 'go', 'md', ' yaml ')).map(([f, l]) => f + l) },
  { weight: 2, arbitrary: fc.array(sentence, { minLength: 1, maxLength: 4 }).map((cells) => `| ${cells.join(' | ')} |`) },
  { weight: 1, arbitrary: fc.constantFrom('|---|---|', '| :-- | --: |', '---', '***', '===', '+++', '...') },
  { weight: 1, arbitrary: fc.constantFrom('<!-- talk-notes-disable-next-line -->', '<!-- talk-notes-disable -->', '<!-- talk-notes-enable -->', '<!--', '-->', '<div>', '</div>', '<details><summary>Kubevirt</summary>') },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('    ', '\t'), sentence).map(([i, s]) => i + s) },
  { weight: 1, arbitrary: longLine },
  { weight: 2, arbitrary: fc.constant('') },
);

const eol = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r');

/** A Markdown document of up to `maxLines` lines with mixed line ends (and sometimes no final newline). */
export function markdown(maxLines = 25): fc.Arbitrary<string> {
  return fc
    .tuple(fc.array(fc.tuple(line, eol), { minLength: 0, maxLength: maxLines }), fc.boolean(), fc.boolean())
    .map(([lines, frontMatter, noFinalEol]) => {
      let text = lines.map(([l, e]) => l + e).join('');
      if (noFinalEol) text = text.replace(/(\r\n|\r|\n)$/, '');
      return frontMatter ? `---\ntitle: Kubevirt\n---\n${text}` : text;
    });
}

/** True when offset `k` falls between the two halves of a surrogate pair. */
export function splitsPair(text: string, k: number): boolean {
  if (k <= 0 || k >= text.length) return false;
  const hi = text.charCodeAt(k - 1);
  const lo = text.charCodeAt(k);
  return hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff;
}
