// Shared helpers for the Talk Notes code-server e2e runners (adapted from the shared recipes):
// isolated profile, code-server in its own process group, headless Debian chromium through
// playwright-core, clean shutdown, free ports, throw-away workspace with the sample notes.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(HERE, '..', '..');
export const SAMPLE = path.join(REPO, 'data', 'demo', 'kubecon-notes.md');

// npm dependencies (playwright-core, mocha) are the project's devDependencies (REPO/node_modules).
export function requireDep(name) {
  try { return createRequire(path.join(REPO, 'noop.js'))(name); } catch (e) {
    if (e.code !== 'MODULE_NOT_FOUND') throw e;
    throw new Error(`MISSING npm package '${name}': run 'npm ci' in ${REPO} (it is a devDependency)`);
  }
}

// A TCP port nobody listens on right now (other people may run e2e tests on this machine too).
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
  });
}

// A throw-away workspace holding a copy of the sample notes (tests edit it; the repo stays untouched).
export function makeWorkspace(root) {
  const ws = path.join(root, 'workspace');
  fs.mkdirSync(ws, { recursive: true });
  fs.copyFileSync(SAMPLE, path.join(ws, path.basename(SAMPLE)));
  fs.chmodSync(path.join(ws, path.basename(SAMPLE)), 0o644);   // the sample may be read-only
  return ws;
}

const T0 = Date.now();
export const log = (...a) => console.log(`[+${((Date.now() - T0) / 1000).toFixed(1)}s]`, ...a);
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Resolve the code-server binary: --code-server, $CODE_SERVER, or `code-server` on PATH.
export function findCodeServer(opt) {
  const c = opt || process.env.CODE_SERVER || 'code-server';  // runners pass the cached install (setup.mjs)
  if (c.includes('/')) {
    if (!fs.existsSync(c)) throw new Error(`code-server not found at ${c}`);
    return path.resolve(c);
  }
  const r = spawnSync('sh', ['-c', `command -v ${c}`], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error('code-server not found: pass --code-server PATH or set CODE_SERVER');
  return r.stdout.trim();
}

// Fresh, isolated profile under runDir: HOME, XDG_*, TMPDIR, user-data-dir, extensions-dir.
export function makeRunDir(runDir, settings = {}) {
  const dir = runDir ? path.resolve(runDir) : fs.mkdtempSync(path.join(os.tmpdir(), 'talk-notes-e2e-'));
  if (runDir) fs.rmSync(dir, { recursive: true, force: true });
  const d = {
    root: dir, ud: path.join(dir, 'user-data'), exts: path.join(dir, 'extensions'), home: path.join(dir, 'home'),
    tmp: path.join(dir, 'tmp'), config: path.join(dir, 'xdg-config'), data: path.join(dir, 'xdg-data'),
    cache: path.join(dir, 'xdg-cache'), log: path.join(dir, 'code-server.log'),
  };
  for (const k of ['ud', 'exts', 'home', 'tmp', 'config', 'data', 'cache']) fs.mkdirSync(d[k], { recursive: true });
  fs.mkdirSync(path.join(d.ud, 'User'), { recursive: true });
  fs.writeFileSync(path.join(d.ud, 'User', 'settings.json'), JSON.stringify({
    'telemetry.telemetryLevel': 'off', 'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false,
    'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false, 'extensions.ignoreRecommendations': true,
    'update.mode': 'none', 'workbench.tips.enabled': false,
    // code-server (web) defaults files.autoSave to afterDelay; desktop VS Code to off. Tests revert their edits.
    'files.autoSave': 'off', ...settings,
  }, null, 2));
  return d;
}

export function isolatedEnv(d, extra = {}) {
  return {
    ...process.env, HOME: d.home, TMPDIR: d.tmp, XDG_CONFIG_HOME: d.config, XDG_DATA_HOME: d.data,
    XDG_CACHE_HOME: d.cache, ...extra,
  };
}

// Put extensions into the (empty) extensions dir: a folder is copied (or symlinked with link=true),
// a .vsix goes through `code-server --install-extension`.
export function installExtensions(cs, d, env, exts = [], link = false) {
  for (const e of exts) {
    const p = path.resolve(e);
    if (p.endsWith('.vsix')) {
      const r = spawnSync(cs, ['--user-data-dir', d.ud, '--extensions-dir', d.exts, '--install-extension', p, '--force'],
        { env, encoding: 'utf8' });
      const out = (r.stdout + r.stderr).trim().split('\n').slice(-2).join(' | ');
      if (r.status !== 0) throw new Error(`--install-extension ${p} failed: ${out}`);
      log('installed vsix:', out);
    } else {
      const pkg = JSON.parse(fs.readFileSync(path.join(p, 'package.json'), 'utf8'));
      const target = path.join(d.exts, `${pkg.publisher}.${pkg.name}-${pkg.version}`);
      if (link) fs.symlinkSync(p, target); else fs.cpSync(p, target, { recursive: true });
      log(`${link ? 'linked' : 'copied'} extension ${pkg.publisher}.${pkg.name}@${pkg.version}`);
    }
  }
}

// Start code-server detached (= its own process group: server, extension host, LSP servers, watchers).
export async function startCodeServer({ cs, host = '127.0.0.1', port, d, env, extraArgs = [], timeoutMs = 60000 }) {
  const args = ['--bind-addr', `${host}:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened',
    '--user-data-dir', d.ud, '--extensions-dir', d.exts, ...extraArgs];
  const out = fs.openSync(d.log, 'a');
  const child = spawn(cs, args, { env, detached: true, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  let exited = null;
  child.on('exit', (code, sig) => { exited = { code, sig }; });
  const stop = installStopHandlers(child);
  const url = `http://${host}:${port}/`;
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (exited) throw new Error(`code-server exited early (${JSON.stringify(exited)}); see ${d.log}`);
    try { const r = await fetch(url + 'healthz'); if (r.ok) { log(`code-server up on ${url} (pid/pgid ${child.pid})`); return { child, url, stop }; } } catch { /* not yet */ }
    await sleep(200);
  }
  await stop();
  throw new Error(`code-server did not answer ${url}healthz within ${timeoutMs} ms; see ${d.log}`);
}

function groupAlive(pgid) {
  const r = spawnSync('ps', ['-eo', 'pgid=,stat='], { encoding: 'utf8' });
  return r.stdout.split('\n').some((l) => { const [g, s] = l.trim().split(/\s+/); return Number(g) === pgid && s && !s.startsWith('Z'); });
}

// Kill the whole process group (SIGTERM, then SIGKILL after 10 s). Returns true if nothing is left.
export async function killGroup(pgid) {
  try { process.kill(-pgid, 'SIGTERM'); } catch { return true; }
  for (let i = 0; i < 50; i++) { if (!groupAlive(pgid)) return true; await sleep(200); }
  try { process.kill(-pgid, 'SIGKILL'); } catch { /* gone */ }
  await sleep(300);
  const clean = !groupAlive(pgid);
  if (!clean) console.error(`WARN: processes left in process group ${pgid}`);
  return clean;
}

function installStopHandlers(child) {
  let done = null;
  const stop = () => (done ||= killGroup(child.pid));
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(sig, async () => { await stop(); process.exit(130); });
  }
  process.once('exit', () => { if (!done) { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } } });
  return stop;
}

export async function launchChromium() {
  const { chromium } = requireDep('playwright-core');
  const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
  return chromium.launch({
    executablePath, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
}

// Workbench URL for a folder. With a payload (extension development / tests) it is added as `payload=`.
export function workbenchUrl(base, folder, payload) {
  let u = `${base}?folder=${encodeURIComponent(path.resolve(folder))}`;
  if (payload) u += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return u;
}

// vscode-remote URI for a path on the server; the authority must be the host:port the browser uses.
export function remoteUri(hostPort, p) {
  return `vscode-remote://${hostPort}${pathToFileURL(path.resolve(p)).pathname}`;
}

// --env K=V list -> object
export function envPairs(list = []) {
  const o = {};
  for (const kv of list) { const i = kv.indexOf('='); if (i < 1) throw new Error(`--env wants K=V, got '${kv}'`); o[kv.slice(0, i)] = kv.slice(i + 1); }
  return o;
}
