// The core is pure: it never imports the editor API or the LSP libraries, so it runs anywhere (CLI, tests,
// other editors) and stays easy to test on in-memory documents.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

const coreDir = path.resolve(__dirname, '..', '..', 'server', 'src', 'core');
const FORBIDDEN = /(?:from\s+|require\(\s*|import\(\s*)['"](vscode|vscode-languageserver[^'"]*|vscode-languageclient[^'"]*|vscode-jsonrpc[^'"]*)['"]/;

test('server/src/core imports neither vscode nor vscode-languageserver*', () => {
  const files = fs.readdirSync(coreDir).filter((f) => f.endsWith('.ts'));
  assert.ok(files.length >= 10, 'core files found');
  const offenders = files.filter((f) => FORBIDDEN.test(fs.readFileSync(path.join(coreDir, f), 'utf8')));
  assert.deepEqual(offenders, []);
});

test('the forbidden-import rule catches each form', () => {
  for (const line of [`import * as vscode from 'vscode';`, `import { x } from "vscode-languageserver/node";`, `const v = require('vscode');`]) {
    assert.ok(FORBIDDEN.test(line), line);
  }
  assert.ok(!FORBIDDEN.test(`import { x } from './vscode-like.ts';`));
});
