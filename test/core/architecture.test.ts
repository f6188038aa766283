// The core is pure: it never imports the editor API or the LSP libraries, so it runs anywhere (CLI, tests,
// other editors) and stays easy to test on in-memory documents. Its folders are the stages of the pipeline,
// and no file reaches back to a file that (directly or not) imports it.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

const coreDir = path.resolve(__dirname, '..', '..', 'server', 'src', 'core');
const FORBIDDEN = /(?:from\s+|require\(\s*|import\(\s*)['"](vscode|vscode-languageserver[^'"]*|vscode-languageclient[^'"]*|vscode-jsonrpc[^'"]*)['"]/;
const RELATIVE_IMPORT = /(?:from\s+|import\(\s*)['"](\.{1,2}\/[^'"]+\.ts)['"]/g;

function coreFiles(dir = coreDir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? coreFiles(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every import cycle among the given files (type-only imports included), as lists of paths. */
export function importCycles(files: string[], read: (file: string) => string): string[][] {
  const edges = new Map(files.map((f) => [f, [...read(f).matchAll(RELATIVE_IMPORT)].map((m) => path.resolve(path.dirname(f), m[1]))]));
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string): void => {
    state.set(f, 'open');
    stack.push(f);
    for (const to of edges.get(f) ?? []) {
      if (state.get(to) === 'open') cycles.push(stack.slice(stack.indexOf(to)));
      else if (!state.has(to)) visit(to);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of files) if (!state.has(f)) visit(f);
  return cycles;
}

test('server/src/core imports neither vscode nor vscode-languageserver*', () => {
  const files = coreFiles();
  assert.ok(files.length >= 10, 'core files found');
  const offenders = files.filter((f) => FORBIDDEN.test(fs.readFileSync(f, 'utf8')));
  assert.deepEqual(offenders, []);
});

test('the forbidden-import rule catches each form', () => {
  for (const line of [`import * as vscode from 'vscode';`, `import { x } from "vscode-languageserver/node";`, `const v = require('vscode');`]) {
    assert.ok(FORBIDDEN.test(line), line);
  }
  assert.ok(!FORBIDDEN.test(`import { x } from './vscode-like.ts';`));
});

test('the core is grouped by stage: no loose files but the shared types', () => {
  const loose = fs.readdirSync(coreDir).filter((f) => f.endsWith('.ts'));
  assert.deepEqual(loose.sort(), ['positions.ts', 'types.ts']);
});

test('no import cycles in the core', () => {
  const cycles = importCycles(coreFiles(), (f) => fs.readFileSync(f, 'utf8')).map((c) => c.map((f) => path.relative(coreDir, f)).join(' -> '));
  assert.deepEqual(cycles, []);
});

test('the cycle finder finds a cycle through a type-only import', () => {
  const files = ['/x/a.ts', '/x/b.ts', '/x/c.ts'];
  const text: Record<string, string> = { '/x/a.ts': `import { b } from './b.ts';`, '/x/b.ts': `import type { C } from './c.ts';`, '/x/c.ts': `import { a } from './a.ts';` };
  assert.equal(importCycles(files, (f) => text[f]).length, 1);
  text['/x/c.ts'] = '';
  assert.equal(importCycles(files, (f) => text[f]).length, 0);
});
