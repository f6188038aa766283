// Shared by the web extension's end-to-end runners (test/e2e/code-server-web.mjs, test/e2e/test-web.mjs):
// the web-only copy of the packaged extension, the tests as one browser script, and the workspace.
//
// A web-only copy: the .vsix's extension folder with `main` removed from its manifest. A host that can run both
// (code-server) runs an extension with a `main` in Node; without one it must use the `browser` entry, in its
// web-worker extension host, as vscode.dev and github.dev do. The tests are one script because the worker host
// cannot require() files: mocha's browser build and test/e2e/web/*.test.js bundled by esbuild.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { REPO, SAMPLE, log, requireDep } from './cs-harness.mjs';

export const VSIX = path.join(REPO, 'talk-notes.vsix');

/** The .vsix, packaged again when a bundle or the manifest is newer than it. */
export function ensureVsix() {
  const inputs = ['dist/web/extension.js', 'dist/web/server.js', 'dist/extension.js', 'package.json'].map((f) => path.join(REPO, f));
  const stale = !fs.existsSync(VSIX) || inputs.some((f) => !fs.existsSync(f) || fs.statSync(f).mtimeMs > fs.statSync(VSIX).mtimeMs);
  if (!stale) return VSIX;
  log('packaging the .vsix (npm run package)');
  const r = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'package'], { cwd: REPO, stdio: 'inherit' });
  if (r.status !== 0 || !fs.existsSync(VSIX)) throw new Error(`npm run package failed (exit ${r.status})`);
  return VSIX;
}

/** Writes the files under `extension/` of a .vsix (a zip) into `dest`. */
export function extractVsix(vsix, dest) {
  const buf = fs.readFileSync(vsix);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  if (eocd < 0) throw new Error(`${vsix}: not a zip file`);
  let p = buf.readUInt32LE(eocd + 16);
  for (let k = buf.readUInt16LE(eocd + 10); k > 0; k--) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLength = buf.readUInt16LE(p + 28);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    const local = buf.readUInt32LE(p + 42);
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    if (!name.startsWith('extension/') || name.endsWith('/')) continue;
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    const out = path.join(dest, name.slice('extension/'.length));
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, method === 8 ? zlib.inflateRawSync(data) : data);
  }
}

/** The packaged extension without `main`: only its browser entry can run. */
export function webOnlyCopy(dest) {
  fs.rmSync(dest, { recursive: true, force: true });
  extractVsix(ensureVsix(), dest);
  const manifestFile = path.join(dest, 'package.json');
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  if (!manifest.browser) throw new Error('the packaged manifest has no browser entry');
  delete manifest.main;
  fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
  log(`web-only copy of ${path.basename(VSIX)} in ${dest}`);
  return dest;
}

/** test/e2e/web/index.js with mocha and the tests, as one CommonJS script for the worker host. */
export function bundleWebTests(outfile) {
  const esbuild = requireDep('esbuild');
  esbuild.buildSync({
    entryPoints: [path.join(REPO, 'test', 'e2e', 'web', 'index.js')],
    outfile, bundle: true, platform: 'browser', format: 'cjs', target: 'es2022', external: ['vscode'], conditions: ['worker'], logLevel: 'warning',
  });
  return outfile;
}

/**
 * A workspace with the sample notes, more notes in a subfolder (for Go to Talk and the index), and the Node
 * server's diagnostics for the sample (.e2e/node-diagnostics.json: a dot folder, so Talk Notes reads nothing there).
 */
export function makeWebWorkspace(root) {
  const ws = path.join(root, 'workspace');
  fs.mkdirSync(path.join(ws, 'day2'), { recursive: true });
  fs.copyFileSync(SAMPLE, path.join(ws, path.basename(SAMPLE)));
  fs.copyFileSync(path.join(REPO, 'test', 'fixtures', 'notes-workspace', 'day2', 'platform.md'), path.join(ws, 'day2', 'platform.md'));
  for (const f of [path.basename(SAMPLE), 'day2/platform.md']) fs.chmodSync(path.join(ws, f), 0o644); // tests edit them
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO, 'test', 'e2e', 'web', 'node-diagnostics.ts'), SAMPLE], { cwd: REPO, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`the Node server's diagnostics: ${r.stderr || r.stdout}`);
  fs.mkdirSync(path.join(ws, '.e2e'), { recursive: true });
  fs.writeFileSync(path.join(ws, '.e2e', 'node-diagnostics.json'), r.stdout);
  return ws;
}

/** The `[web-tests] RESULT {...}` line test/e2e/web/index.js logs (the worker host has no file system to write to). */
export function resultFromLog(line) {
  const m = /\[web-tests\] RESULT (\{.*\})/.exec(line);
  return m ? JSON.parse(m[1]) : undefined;
}
