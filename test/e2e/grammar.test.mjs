#!/usr/bin/env node
// Checks the TextMate injection grammar syntaxes/talk-notes.injection.tmLanguage.json:
//   1. static: it parses, names and selector are right, every regex compiles as a JS RegExp, and sample lines
//      match (or do not match) the intended patterns;
//   2. real tokenizer (when available): VS Code's own vscode-textmate + vscode-oniguruma and its Markdown
//      grammar, from the cached code-server install (scripts/e2e/setup.mjs), tokenize sample notes with the
//      injection: scopes land where intended, never in fenced/inline code or comments, and Markdown keeps its list
//      and heading scopes. Skipped (reported, not failed) when code-server is not installed; --require-textmate
//      makes that a failure.
// Usage: node test/e2e/grammar.test.mjs [--require-textmate]. Prints `grammar: N passed, N failed`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const FILE = path.join(REPO, 'syntaxes', 'talk-notes.injection.tmLanguage.json');
const requireTextmate = process.argv.includes('--require-textmate');

let passed = 0;
let failed = 0;
let skipped = 0;
const results = [];
async function check(name, fn) {
  try {
    const detail = await fn();
    passed++;
    results.push(`  ok    ${name}${detail ? ` (${detail})` : ''}`);
  } catch (e) {
    failed++;
    results.push(`  FAIL  ${name}: ${e.message}`);
  }
}
function assert(cond, msg) { if (!cond) throw new Error(msg); }

// ---- 1. static checks ----------------------------------------------------------------------------
let grammar;
await check('parses as JSON', () => { grammar = JSON.parse(fs.readFileSync(FILE, 'utf8')); });
if (!grammar) {
  for (const r of results) console.log(r);
  console.log(`grammar: ${passed} passed, ${failed} failed`);
  process.exit(1);
}
await check('scopeName is text.talk-notes.injection', () => assert(grammar.scopeName === 'text.talk-notes.injection', grammar.scopeName));
await check('injection selector targets Markdown and excludes code and comments', () => {
  const sel = grammar.injectionSelector;
  assert(typeof sel === 'string' && /^L:text\.html\.markdown\b/.test(sel), `selector ${sel}`);
  for (const ex of ['-comment', '-markup.fenced_code', '-markup.inline.raw']) assert(sel.split(/\s+/).includes(ex), `selector lacks ${ex}: ${sel}`);
  return sel;
});
await check('package.json contributes the grammar, injected into Markdown', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  const g = (pkg.contributes?.grammars ?? []).find((x) => x.scopeName === grammar.scopeName);
  assert(g, 'no contributes.grammars entry with this scopeName');
  assert(path.resolve(REPO, g.path) === FILE, `path ${g.path}`);
  assert(Array.isArray(g.injectTo) && g.injectTo.includes('text.html.markdown'), `injectTo ${JSON.stringify(g.injectTo)}`);
});

// every `match`/`begin`/`end`/`while` in the grammar, with its JSON path
const regexes = [];
(function walk(node, where) {
  if (Array.isArray(node)) { node.forEach((n, i) => walk(n, `${where}[${i}]`)); return; }
  if (!node || typeof node !== 'object') return;
  for (const [k, v] of Object.entries(node)) {
    if (['match', 'begin', 'end', 'while'].includes(k) && typeof v === 'string') regexes.push({ where: `${where}.${k}`, src: v });
    else walk(v, `${where}.${k}`);
  }
})(grammar, '$');
const ONIG_ONLY = /\\[GAzZh]|\(\?[imx]+-?[imx]*\)|\(\?>|\\p\{\^|\[\[:|\\k<|\\g</;
await check(`every regex compiles as a JS RegExp (${regexes.length})`, () => {
  assert(regexes.length > 0, 'no regexes found');
  const bad = [];
  for (const r of regexes) {
    if (ONIG_ONLY.test(r.src)) { bad.push(`${r.where}: Oniguruma-only syntax`); continue; }
    try { new RegExp(r.src, 'u'); } catch (e) { bad.push(`${r.where}: ${e.message}`); }
  }
  assert(!bad.length, bad.join('; '));
});
await check('lookbehinds are fixed-width per alternative (Oniguruma rejects variable-width ones)', () => {
  const bad = [];
  for (const r of regexes) {
    for (const m of r.src.matchAll(/\(\?<[=!]((?:[^()\\]|\\.|\((?:[^()\\]|\\.)*\))*)\)/g)) {
      if (/(^|[^\\])(\*|\+|\?(?![:=!<])|\{\d+,\d*\})/.test(m[1].replace(/\[(?:[^\]\\]|\\.)*\]/g, 'x'))) bad.push(`${r.where}: (?<…${m[1].slice(0, 40)}…)`);
    }
  }
  assert(!bad.length, bad.join('; '));
});

const rule = (name) => new RegExp(grammar.repository[name].match, 'u');
/** [rule, line, expected matched text (the capture `group`, default whole match) or null for no match] */
const samples = [
  ['timestamp-bracketed', '[10:32] intro', '10:32', 2],
  ['timestamp-bracketed', 'see [9:05:17] for the demo', '9:05:17', 2],
  ['timestamp', '10:32 intro', '10:32'],
  ['timestamp', 'break at 3:30pm then', '3:30pm'],
  ['timestamp', 'Kubernetes 1.30:45', null],
  ['timestamp', 'curl localhost:8080/healthz', null],
  ['timestamp', 'ssh 10.0.0.1:22', null],
  ['timestamp', 'a 16:9 screen', null],
  ['timestamp', 'at 25:00', null],
  ['question', 'Q: does it scale?', 'Q', 1],
  ['question', '- A: yes', 'A', 1],
  ['question', '  * Q: and multi-cluster?', 'Q', 1],
  ['question', '> Question: how?', 'Question', 1],
  ['question', 'Plan A: ship it', null],
  ['speaker', 'Speaker: Bryan Liles', 'Bryan Liles', 3],
  ['speaker', 'Speakers: Liz Rice, Thomas Graf', 'Liz Rice, Thomas Graf', 3],
  ['speaker', '- Moderator: Cheryl Hung', 'Cheryl Hung', 3],
  ['speaker', 'The speaker: was late', null],
  ['todo', 'TODO: rewatch', 'TODO', 1],
  ['todo', '- FIXME the demo link', 'FIXME', 1],
  ['todo', 'my todo list', null],
  ['end-heading', '### End CNCF Project Update', 'End', 1],
  ['end-heading', '### Endless loops', null],
];
for (const [name, line, want, group = 0] of samples) {
  await check(`${name}: ${JSON.stringify(line)} ${want === null ? 'does not match' : `→ ${JSON.stringify(want)}`}`, () => {
    const m = rule(name).exec(line);
    if (want === null) assert(!m, `matched ${JSON.stringify(m?.[0])}`);
    else assert(m && m[group] === want, `got ${m ? JSON.stringify(m[group]) : 'no match'}`);
  });
}

// ---- 2. the real tokenizer -----------------------------------------------------------------------
const CACHE = process.env.TALK_NOTES_E2E_CACHE || path.join(os.homedir(), '.cache', 'talk-notes-e2e');
const VSCODE = path.join(CACHE, 'code-server-4.100.3', 'node_modules', 'code-server', 'lib', 'vscode');
const MD_GRAMMAR = path.join(VSCODE, 'extensions', 'markdown-basics', 'syntaxes', 'markdown.tmLanguage.json');

async function loadTextmate() {
  if (!fs.existsSync(MD_GRAMMAR)) return null;
  const req = createRequire(path.join(VSCODE, 'noop.js'));
  const onig = req('vscode-oniguruma');
  const tm = req('vscode-textmate');
  const wasm = fs.readFileSync(path.join(path.dirname(req.resolve('vscode-oniguruma')), 'onig.wasm'));
  await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new tm.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (s) => new onig.OnigScanner(s), createOnigString: (s) => new onig.OnigString(s) }),
    loadGrammar: async (scope) => {
      if (scope === 'text.html.markdown') return tm.parseRawGrammar(fs.readFileSync(MD_GRAMMAR, 'utf8'), MD_GRAMMAR);
      if (scope === grammar.scopeName) return tm.parseRawGrammar(fs.readFileSync(FILE, 'utf8'), FILE);
      return null;   // embedded languages of fenced code: not needed
    },
    getInjections: (scope) => (scope === 'text.html.markdown' ? [grammar.scopeName] : undefined),
  });
  return { tm, md: await registry.loadGrammar('text.html.markdown') };
}

/** Tokens of a Markdown document: per line, [{ text, scopes }]. */
function tokenize(tm, md, text) {
  let stack = tm.INITIAL;
  return text.split('\n').map((line) => {
    const r = md.tokenizeLine(line, stack);
    stack = r.ruleStack;
    return r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

const NOTES = [
  '### CNCF Project Updates',               // 0
  'Speaker: Bryan Liles',                   // 1
  '',                                       // 2
  '[10:32] intro, 10:45 demo',              // 3
  '',                                       // 4
  'Q: does it scale?',                      // 5
  '',                                       // 6
  '- A: yes',                               // 7
  '- TODO: rewatch',                        // 8
  '',                                       // 9
  '```yaml',                                // 10
  'time: 10:32 # TODO Q: x',                // 11
  '```',                                    // 12
  '',                                       // 13
  'Inline `10:32 TODO` code.',             // 14
  '',                                       // 15
  '### End CNCF Project Update',            // 16
  '',                                       // 17
  '    indented code 10:32 TODO',           // 18
  '',                                       // 19
  '<!-- TODO 10:32 Q: x -->',               // 20 (an inline comment needs VS Code's HTML grammar, not loaded here)
].join('\n');

let tmx = null;
try { tmx = await loadTextmate(); } catch (e) { tmx = { error: e }; }
if (!tmx || tmx.error) {
  const why = tmx?.error ? `could not load vscode-textmate: ${tmx.error.message}` : `no code-server at ${VSCODE} (run node scripts/e2e/setup.mjs)`;
  if (requireTextmate) await check('real tokenizer available', () => { throw new Error(why); });
  else { skipped++; results.push(`  skip  real-tokenizer checks: ${why}`); }
} else {
  const lines = tokenize(tmx.tm, tmx.md, NOTES);
  const scopesOf = (ln, text) => lines[ln].filter((t) => t.text === text).map((t) => t.scopes);
  const hasScope = (ln, text, scope) => scopesOf(ln, text).some((s) => s.some((x) => x.startsWith(scope)));
  const expectScope = (ln, text, scope) => check(`tokenizer: line ${ln + 1} "${text}" is ${scope}`, () => {
    assert(hasScope(ln, text, scope), `tokens of line ${ln + 1}: ${JSON.stringify(lines[ln].map((t) => [t.text, t.scopes.slice(1).join(' ')]))}`);
  });
  const expectNoInjection = (ln, what) => check(`tokenizer: no talk-notes scope in ${what} (line ${ln + 1})`, () => {
    const bad = lines[ln].filter((t) => t.scopes.some((s) => s.endsWith('.talk-notes')));
    assert(!bad.length, JSON.stringify(bad.map((t) => [t.text, t.scopes.slice(1).join(' ')])));
  });
  await expectScope(1, 'Speaker', 'keyword.other.speaker.talk-notes');
  await expectScope(1, 'Bryan Liles', 'entity.name.tag.speaker.talk-notes');
  await expectScope(3, '10:32', 'constant.numeric.timestamp.talk-notes');
  await expectScope(3, '10:45', 'constant.numeric.timestamp.talk-notes');
  await expectScope(5, 'Q', 'keyword.other.question.talk-notes');
  await expectScope(7, 'A', 'keyword.other.question.talk-notes');
  await expectScope(7, '-', 'punctuation.definition.list.begin.markdown');   // the list keeps its own scope
  await expectScope(7, 'A', 'markup.list.unnumbered.markdown');
  await expectScope(8, 'TODO', 'keyword.todo.talk-notes');
  await expectScope(16, 'End', 'keyword.control.end-talk.talk-notes');
  await expectScope(16, 'End', 'markup.heading.markdown');                   // the heading keeps its own scope
  await expectScope(0, 'CNCF Project Updates', 'entity.name.section.markdown');
  await expectNoInjection(11, 'fenced code');
  await expectNoInjection(14, 'inline code');
  await check('tokenizer: line 21 is an HTML comment for Markdown', () => assert(lines[20].every((t) => t.scopes.some((x) => x.startsWith('comment'))), JSON.stringify(lines[20])));
  await expectNoInjection(20, 'an HTML comment');
  await expectNoInjection(18, 'an indented code block');
}

if (process.env.TALK_NOTES_E2E_FORCE_FAIL) await check('deliberate failure (negative control)', () => { throw new Error('TALK_NOTES_E2E_FORCE_FAIL is set'); });

for (const r of results) console.log(r);
console.log(`grammar: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed ? 1 : 0);
