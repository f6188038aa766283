#!/usr/bin/env node
// npm run test:electron — the extension-host suite (test/e2e/electron/*.test.js) in a real VS Code through
// @vscode/test-electron's runTests: downloads VS Code (VSCODE_TEST_VERSION, default 'stable') into .vscode-test/,
// starts it with this repo as extensionDevelopmentPath on a throw-away copy of the sample notes.
// Needs network access to update.code.visualstudio.com and a display (use xvfb-run on Linux CI).
// Where VS Code cannot be downloaded it fails (exit 1); the same suite runs in code-server with
// test/e2e/code-server-exthost.mjs (part of npm run test:e2e).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..', '..');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'talk-notes-electron-'));
const ws = path.join(root, 'workspace');
fs.mkdirSync(ws);
fs.copyFileSync(path.join(REPO, 'data', 'demo', 'kubecon-notes.md'), path.join(ws, 'kubecon-notes.md'));
fs.chmodSync(path.join(ws, 'kubecon-notes.md'), 0o644);
const results = path.join(root, 'results.json');

let rc = 1;
try {
  rc = await runTests({
    version: process.env.VSCODE_TEST_VERSION || 'stable',
    extensionDevelopmentPath: REPO,
    extensionTestsPath: path.join(HERE, 'index.js'),
    extensionTestsEnv: { EXTHOST_TEST_RESULTS: results },
    launchArgs: [ws, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes',
      '--user-data-dir', path.join(root, 'user-data'), '--extensions-dir', path.join(root, 'extensions')],
  });
} catch (e) {
  console.error(`test:electron: ${e && e.message ? e.message : e}`);
  rc = 1;
}
let summary = 'no results (VS Code did not run the suite)';
if (fs.existsSync(results)) {
  const r = JSON.parse(fs.readFileSync(results, 'utf8'));
  summary = `${r.passes} passed, ${r.failures} failed${r.pending ? `, ${r.pending} pending` : ''}`;
  if (r.failures || r.pending || !r.passes) rc = rc || 1;
} else rc = rc || 1;
console.log(`e2e electron (VS Code extension host): ${summary}`);
process.exit(rc ? 1 : 0);
