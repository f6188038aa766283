#!/usr/bin/env node
// npm run test:e2e — every end-to-end runner, one after the other:
//   setup (apt packages, code-server, npm deps, dist/) -> npm run package -> .vsix contents -> code-server UI
//   (installs the .vsix; Talks view, completion, outline) -> the extension-host suite inside code-server -> the web
//   extension (the .vsix's browser entry) in code-server's web-worker host and in @vscode/test-web -> Neovim LSP test.
// A failing runner does not stop the others (except that no .vsix means no .vsix/UI tests: they count as failed).
// Exit 0 = all passed, 1 = something failed, 2 = the set-up failed (the message names what is missing).
// TALK_NOTES_E2E_FORCE_FAIL=1 makes every runner add one deliberately failing check (negative control).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const STEP_TIMEOUT_MS = 5 * 60 * 1000;
const node = process.execPath;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: REPO, stdio: 'inherit', detached: true });
    const timer = setTimeout(() => {
      console.error(`\n[e2e] ${[cmd, ...args].join(' ')}: no result after ${STEP_TIMEOUT_MS / 1000} s, killing it`);
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
    }, STEP_TIMEOUT_MS);
    const stop = () => { try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ } };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

const steps = [
  { name: 'set-up', cmd: node, args: ['scripts/e2e/setup.mjs'], fatal: true },
  { name: 'package (.vsix)', cmd: npm, args: ['run', '--silent', 'package'], gate: 'vsix' },
  { name: 'vsix contents', cmd: node, args: ['test/e2e/vsix.test.mjs'], needs: 'vsix' },
  { name: 'code-server UI', cmd: node, args: ['test/e2e/code-server-ui.test.mjs'], needs: 'vsix' },
  { name: 'code-server Talks view', cmd: node, args: ['test/e2e/talks-view.test.mjs'], needs: 'vsix' },
  { name: 'code-server completion', cmd: node, args: ['test/e2e/completion.test.mjs'], needs: 'vsix' },
  { name: 'code-server outline', cmd: node, args: ['test/e2e/outline.test.mjs'], needs: 'vsix' },
  { name: 'code-server fix all + hover', cmd: node, args: ['test/e2e/fix-all.test.mjs'], needs: 'vsix' },
  { name: 'code-server big file', cmd: node, args: ['test/e2e/big-file.test.mjs'], needs: 'vsix' },
  { name: 'grammar', cmd: node, args: ['test/e2e/grammar.test.mjs', '--require-textmate'] },
  { name: 'code-server extension host', cmd: node, args: ['test/e2e/code-server-exthost.mjs'] },
  { name: 'code-server web worker', cmd: node, args: ['test/e2e/code-server-web.mjs'], needs: 'vsix' },
  { name: 'test-web (offline)', cmd: node, args: ['test/e2e/test-web.mjs'], needs: 'vsix' },
  { name: 'nvim', cmd: node, args: ['test/e2e/nvim.test.mjs'] },
];

const T0 = Date.now();
const results = [];
const broken = new Set();
for (const s of steps) {
  if (s.needs && broken.has(s.needs)) { results.push({ ...s, rc: 'not run', secs: 0 }); continue; }
  console.log(`\n===== e2e: ${s.name} (${[path.basename(s.cmd), ...s.args].join(' ')}) =====`);
  const t0 = Date.now();
  const rc = await run(s.cmd, s.args);
  results.push({ ...s, rc, secs: (Date.now() - t0) / 1000 });
  if (rc !== 0 && s.gate) broken.add(s.gate);
  if (rc !== 0 && s.fatal) break;
}
const total = (Date.now() - T0) / 1000;
console.log('\n===== e2e summary =====');
for (const r of results) console.log(`  ${r.rc === 0 ? 'PASS' : 'FAIL'}  ${r.name.padEnd(28)} ${r.rc === 0 ? '' : `(exit ${r.rc}) `}${r.secs.toFixed(1)} s`);
for (const s of steps.slice(results.length)) console.log(`  FAIL  ${s.name.padEnd(28)} (not run: set-up failed)`);
const failed = steps.length - results.filter((r) => r.rc === 0).length;
console.log(`e2e took ${total.toFixed(0)} s`);
console.log(`e2e: ${steps.length - failed} passed, ${failed} failed`);
process.exit(results[0] && results[0].rc !== 0 ? 2 : failed ? 1 : 0);
