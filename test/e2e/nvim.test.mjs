#!/usr/bin/env node
// Neovim end-to-end test: headless nvim (0.7+, -u NONE) starts `node dist/server.js --stdio`, opens a copy of
// the sample notes and checks diagnostics, the quick fix (textDocument/codeAction), completion, document symbols
// and hover (test/e2e/nvim/talknotes.lua). Exit 0 = pass, 1 = a check failed, 2 = error (no report, timeout).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureOrExit } from '../../scripts/e2e/setup.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');
const LABEL = 'e2e nvim';
const TIMEOUT_MS = 90000;
const EXPECTED = 5;   // checks in nvim/talknotes.lua: fewer ok lines than this is an error, not a pass
const keep = process.argv.includes('--keep');

const { nvim } = ensureOrExit({ codeServer: false, chromium: false, nvim: true });
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'talk-notes-nvim-'));
const ws = path.join(root, 'workspace');
for (const d of [ws, 'tmp', 'config', 'data', 'state', 'cache'].map((x) => path.resolve(root, x))) fs.mkdirSync(d, { recursive: true });
const file = path.join(ws, 'kubecon-notes.md');
fs.copyFileSync(path.join(REPO, 'data', 'demo', 'kubecon-notes.md'), file);
fs.chmodSync(file, 0o644);   // the sample may be read-only
const report = path.join(root, 'report.txt');
const server = path.join(REPO, 'dist', 'server.js');
console.log(`${nvim}, server ${path.relative(REPO, server)}, run dir ${root}`);

const t0 = Date.now();
// detached: nvim and the server it starts get their own process group, killed on timeout
const child = spawn('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${path.join(HERE, 'nvim', 'talknotes.lua')}`], {
  cwd: ws, detached: true, stdio: ['ignore', 'ignore', 'pipe'],
  env: {
    ...process.env, TN_CMD: JSON.stringify([process.execPath, server, '--stdio']), TN_FILE: file, TN_OUT: report,
    TMPDIR: path.join(root, 'tmp'), XDG_CONFIG_HOME: path.join(root, 'config'), XDG_DATA_HOME: path.join(root, 'data'),
    XDG_STATE_HOME: path.join(root, 'state'), XDG_CACHE_HOME: path.join(root, 'cache'),
  },
});
let stderr = '';
child.stderr.on('data', (b) => { stderr += b; });
let timedOut = false;
const timer = setTimeout(() => { timedOut = true; try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, TIMEOUT_MS);
const code = await new Promise((r) => child.on('exit', (c, s) => r(c ?? s)));
clearTimeout(timer);
try { process.kill(-child.pid, 'SIGKILL'); } catch { /* group already gone */ }

const text = fs.existsSync(report) ? fs.readFileSync(report, 'utf8') : '';
for (const l of text.split('\n').filter(Boolean)) console.log('  ' + l);
if (stderr.trim()) console.log(`  nvim stderr: ${stderr.trim()}`);
const passed = (text.match(/^ok /gm) || []).length;
const failed = (text.match(/^FAIL /gm) || []).length;
let rc;
if (timedOut) { console.log(`  nvim did not finish within ${TIMEOUT_MS} ms`); rc = 2; }
else if (/^RESULT: PASS$/m.test(text) && code === 0 && failed === 0 && passed === EXPECTED) rc = 0;
else if (/^RESULT: FAIL$/m.test(text) || failed > 0) rc = 1;
else rc = 2;
console.log(`  (nvim exit ${code}, ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
const lspLog = path.join(root, 'cache', 'nvim', 'lsp.log');   // nvim logs the server's stderr here
if (rc !== 0 && fs.existsSync(lspLog)) {
  const tail = fs.readFileSync(lspLog, 'utf8').trim().split('\n').slice(-15);
  if (tail.length && tail[0]) console.log(`  ${lspLog} (last lines):\n    ${tail.join('\n    ')}`);
}
if (rc === 0 && !keep) fs.rmSync(root, { recursive: true, force: true });
else console.log(`  kept ${root}`);
console.log(`${LABEL}: ${passed} passed, ${failed} failed${rc === 2 ? ' (error: see above)' : ''}`);
process.exit(rc);
