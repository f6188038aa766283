// The fast block parser must give exactly what remark-parse gives for every block it accepts, including
// nested bullets, simple emphasis and the edges around them (flanking rules, code spans, URLs, CRLF).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { generateNotes, random } from '../../bench/generate.ts';
import { scanBlocks } from '../../server/src/core/markdown/blocks.ts';
import { parseSimpleBlock } from '../../server/src/core/markdown/prose-fast.ts';
import { inlineRuns } from '../../server/src/core/markdown/prose-fast-inline.ts';
import { parseWithRemark, type ParsedProse } from '../../server/src/core/markdown/prose.ts';

const SAMPLE = fs.readFileSync(path.resolve(__dirname, '..', '..', 'data', 'demo', 'kubecon-notes.md'), 'utf8');

// The same comparison as incremental.test.ts.
const norm = (p: ParsedProse): string =>
  JSON.stringify({
    // Pieces without words carry nothing to check; remark keeps some whitespace-only ones.
    seg: p.segments.filter((s) => /[\p{L}\p{N}]/u.test(s.text)).map((s) => [s.text.trim(), s.start + (s.text.length - s.text.trimStart().length)]),
    out: p.outline,
  });

type Rnd = () => number;
const pick = <T>(rnd: Rnd, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];

const WORDS = ['Kubevirt', 'ETCD', 'OPA', 'decision-making', 'Rook.io', '2.5', 'it\'s', 'snake_case', 'a_b_c', 'Derek Collision'];
const TRICKY = ['__init__', 'x*y', '5 * 3', '🎉', 'é', '~40', 'a|b', '#tag', 'foo_', '_bar', 'q?', 'x**y', 'a__b'];
const DELIMS = ['_', '_', '__', '**', '*', '___', '***', '_*', '*_'];
const PUNCT = ['(', ')', '.', ',', '"', '\'', '!', ':', '-', '`x`', '_', '*', '🎉'];
const INLINE = ['`a_b`', '`*x*`', '``_ ` _``', 'https://x.io/a_b', 'see (https://x.io/a_(b))', 'www.example.org/x_y', 'https://x.io/u/'];
const ODD_INLINE = ['https://x.io/a_b_', '"https://x.io/q"', 'https://x.io/a*b', '_https://x.io_', 'https://x.io/~', 'https://x.io/~u/', '`un_closed'];

/**
 * Inline content built to hit emphasis edges: flanking, intraword, punctuation, unbalanced and crossed runs.
 * `hazard` is how often a piece is something odd, so that some blocks are mostly plain and some mostly odd.
 */
function inline(rnd: Rnd, hazard: number): string {
  const odd = (): boolean => rnd() < hazard;
  const parts: string[] = [];
  const n = 1 + Math.floor(rnd() * 5);
  for (let k = 0; k < n; k++) {
    const r = rnd();
    let word = pick(rnd, odd() ? TRICKY : WORDS);
    if (r < 0.45) {
      const d = odd() ? pick(rnd, DELIMS) : pick(rnd, DELIMS.slice(0, 4));
      const close = odd() ? pick(rnd, DELIMS) : d;
      const inner = rnd() < 0.15 ? `${word} ${pick(rnd, INLINE)} ${pick(rnd, WORDS)}` : rnd() < 0.3 ? `${word} ${pick(rnd, WORDS)}` : word;
      const pad = (): string => (odd() && rnd() < 0.3 ? ' ' : '');
      word = odd() && rnd() < 0.3 ? (rnd() < 0.5 ? d + pad() + inner : inner + pad() + close) : d + pad() + inner + pad() + close;
    } else if (r < 0.6) word = pick(rnd, odd() ? ODD_INLINE : INLINE);
    const punct = (): string => (odd() ? pick(rnd, PUNCT) : '');
    parts.push(punct() + word + punct());
  }
  return parts.join(odd() && rnd() < 0.3 ? '' : ' ');
}

/** One line; `state.indent` is the last bullet's indentation, so most nesting steps by two as notes do. */
function line(rnd: Rnd, hazard: number, state: { indent: number }): string {
  const odd = (): boolean => rnd() < hazard;
  const r = rnd();
  const step = odd() ? Math.floor(rnd() * 7) : Math.max(0, Math.min(6, state.indent + pick(rnd, [-2, 0, 0, 2, 2])));
  const indent = ' '.repeat(step);
  if (r < 0.45) {
    state.indent = step;
    return `${indent}${pick(rnd, ['-', '-', '+', '*'])}${rnd() < 0.9 ? ' ' : '  '}${inline(rnd, hazard)}`;
  }
  state.indent = 0;
  if (r < 0.58) return `${'#'.repeat(1 + Math.floor(rnd() * 3))} ${inline(rnd, hazard)}${rnd() < 0.1 ? ' #' : ''}`;
  if (r < 0.68) return '';
  if (r < 0.7) return `\`\`\`bash\ncode _x_ ${inline(rnd, hazard)}\n\`\`\``;
  if (r < 0.74 && odd()) return pick(rnd, ['```', '1. ordered', `${indent}2) item`, '---', `${indent}- `, `${indent}- * * *`, `${indent}===`, '  > quote', `${indent}# indented`]);
  return (odd() ? indent : ' '.repeat(pick(rnd, [0, 0, step + 2]))) + inline(rnd, hazard) + (rnd() < 0.05 ? '  ' : '');
}

/** Blocks as the document is split into them: a blank line then an unindented line starts a new block. */
function blocks(rnd: Rnd, count: number, hazard: number): string[] {
  const out: string[] = [];
  while (out.length < count) {
    const state = { indent: 0 };
    const lines = Array.from({ length: 1 + Math.floor(rnd() * 12) }, () => line(rnd, hazard, state));
    const text = lines.join(rnd() < 0.2 ? '\r\n' : '\n') + '\n';
    for (const b of scanBlocks(text, 0, text.length, false).blocks) out.push(b.text);
  }
  return out;
}

describe('fast block parser: nested lists and emphasis', () => {
  test('agrees with remark-parse on every random block it accepts, and accepts a healthy share', () => {
    const rnd = random(2024);
    let withEmphasis = 0;
    let nested = 0;
    // Hazard 0 is notes as people write them; the others mix in ever more odd markup to be declined.
    for (const [hazard, share] of [[0, 0.85], [0.05, 0.3], [0.2, 0.08], [0.6, 0.02]]) {
      const all = blocks(rnd, 3000, hazard);
      let accepted = 0;
      for (const b of all) {
        const fast = parseSimpleBlock(b);
        if (!fast) continue;
        accepted++;
        if (/(?:^|\s)_[A-Za-z]|\*\*[A-Za-z]/.test(b)) withEmphasis++;
        if (/\n {2,}[-+*] /.test(b)) nested++;
        assert.equal(norm(fast), norm(parseWithRemark(b)), JSON.stringify(b));
      }
      assert.ok(accepted > all.length * share, `hazard ${hazard}: the fast path took ${accepted} of ${all.length} blocks`);
    }
    assert.ok(withEmphasis > 800 && nested > 800, `emphasis ${withEmphasis}, nested ${nested}`);
  });

  test('agrees with remark-parse on random character soup it accepts', () => {
    // Short strings of markup-prone pieces reach corners the word-level blocks miss (this found the table,
    // strikethrough and trailing-space cases below).
    const rnd = random(31);
    const PIECES = ['_', '__', '**', '*', 'a', 'Kb', ' ', ' ', '.', '(', ')', '`', '`x`', '\n```\n', '-', ':', '|', '~', '=', '#', '## ', '\n', '\n', '\r\n', '"', '!', '1', 'x_y', 'https://x.io/a_b', 'www.a.io/_', '  ', '    ', '- ', '+ ', '* ', '1. ', '\u00a0', 'é', '\n  - ', '\n    - ', '\n\n  '];
    let accepted = 0;
    for (let n = 0; n < 40_000; n++) {
      let b = '';
      for (let k = 1 + Math.floor(rnd() * 14); k > 0; k--) b += pick(rnd, PIECES);
      b += '\n';
      const fast = parseSimpleBlock(b);
      if (!fast) continue;
      accepted++;
      assert.equal(norm(fast), norm(parseWithRemark(b)), JSON.stringify(b));
    }
    assert.ok(accepted > 5000, `accepted ${accepted}`);
  });

  test('single-star emphasis logic agrees with remark-parse where it accepts', () => {
    // parseSimpleBlock leaves single `*` to remark for now; the logic is checked so it can be switched on.
    const rnd = random(7);
    let accepted = 0;
    for (let n = 0; n < 12_000; n++) {
      const text = inline(rnd, pick(rnd, [0.1, 0.3, 0.7]));
      if (!/\S/.test(text) || /^[\s#>=+*-]|\d[.)]|[[\]<\\&@~]/.test(text)) continue;
      const runs = inlineRuns(text, 0, true);
      if (!runs) continue;
      accepted++;
      const fast = { segments: runs, outline: [], comments: [] };
      const remark = { ...parseWithRemark(text), outline: [] };
      assert.equal(norm(fast), norm(remark), JSON.stringify(text));
    }
    assert.ok(accepted > 1000, `accepted ${accepted}`);
  });

  test('takes the sample blocks that used to fall back, with the same prose as remark', () => {
    const blocks = scanBlocks(SAMPLE, 0, SAMPLE.length, true).blocks.filter((b) => !b.frontMatter);
    for (const b of blocks) {
      const fast = parseSimpleBlock(b.text);
      assert.ok(fast, `falls back: ${JSON.stringify(b.text)}`);
      assert.equal(norm(fast), norm(parseWithRemark(b.text)), JSON.stringify(b.text));
    }
    const former = [
      'OPA decouples _decision-making_ from _enforcement_. Webassembly emerging',
      '#### CloudEvent\nAchieved incubation status\nReleased 1.0\n_Specification for sending events_',
      'Coffee is in our _DNA_\nBut it\'s a _process_ (to turn an observation',
      '"Built for me" to serve _CloudFoundry_ and _BOSH_ control planes',
      'Be the _enabling_ technology',
      '_and then he reads off stats of NATS github_',
    ];
    for (const piece of former) assert.ok(blocks.some((b) => b.text.includes(piece)), piece);
  });

  test('takes every block of the generated benchmark notes, with the same prose as remark', () => {
    const notes = generateNotes(3000);
    const distinct = new Set(scanBlocks(notes, 0, notes.length, true).blocks.map((b) => b.text));
    assert.ok([...distinct].some((b) => /\n\n {2}- /.test(b)), 'has indented items after a blank line');
    for (const b of distinct) {
      const fast = parseSimpleBlock(b);
      assert.ok(fast, `falls back: ${JSON.stringify(b)}`);
      assert.equal(norm(fast), norm(parseWithRemark(b)), JSON.stringify(b));
    }
  });

  test('examples: nested bullets, emphasis pieces and what still goes to remark', () => {
    const same = ['## Scaling etcd (21)\nMatt Klein - maintainer\n\n  - Services\n  - Event/data streaming\n- IOT and edge\n', '  - starts indented\n    - deeper Kubevirt\n      - deepest\n   - back\n', 'Coffee is in our _DNA_ and **ETCD**\n', 'a_b _c_ d\n', '- a\n\n  second paragraph\n', 'trailing spaces end the paragraph  \n'];
    for (const b of same) {
      const fast = parseSimpleBlock(b);
      assert.ok(fast, b);
      assert.equal(norm(fast), norm(parseWithRemark(b)), b);
    }
    assert.deepEqual(parseSimpleBlock('Coffee is in our _DNA_ ok\n')!.segments, [
      { text: 'Coffee is in our ', start: 0 },
      { text: 'DNA', start: 18 },
      { text: ' ok', start: 22 },
    ]);
    const declined = ['***emphasis***', '_a *b_ c*', '**a _b_ c**', '___a___', '_a\nb_', 'x_y_ z _w', '- a\n      - code or text', '    code', '- a\n    ===', 'say "https://x.io" ok', 'see https://x.io/~ ok', '## h\n+', '1. ordered', '🎉_x_', 'one-column table\n:-', '~struck\nacross lines~', 'no-break\u00a0space'];
    for (const b of declined) assert.equal(parseSimpleBlock(b + '\n'), undefined, b);
  });
});
