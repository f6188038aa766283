// Makes a fresh clone ready: installs dependencies when they are missing and builds dist/ when it is
// missing or older than the sources. Used by `npm start` and `npm test` so each is one command.
import { execSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { newest } from './newest.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
// Browsers come from Debian (the end-to-end set-up installs chromium): a browser package's install script must not
// try to download one (nothing but the npm registry and Debian's packages is reachable).
const run = (cmd) => execSync(cmd, { cwd: root, stdio: 'inherit', env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' } });

const lock = path.join(root, 'package-lock.json');
const marker = path.join(root, 'node_modules', '.package-lock.json');
if (!fs.existsSync(marker) || fs.statSync(marker).mtimeMs < fs.statSync(lock).mtimeMs) {
  console.log('[talk-notes] installing dependencies (npm ci)…');
  run('npm ci --no-audit --no-fund');
}


const outputs = ['extension.js', 'server.js', 'cli.js', 'en_US.dictionary.bin', 'english-lexicon.bin', 'web/extension.js', 'web/server.js'].map((f) => path.join(root, 'dist', f));
const built = outputs.every((f) => fs.existsSync(f)) ? Math.min(...outputs.map((f) => fs.statSync(f).mtimeMs)) : 0;
// data/ too: the web server bundle embeds the catalog.
const sources = Math.max(newest(path.join(root, 'server', 'src')), newest(path.join(root, 'client', 'src')), fs.statSync(path.join(root, 'esbuild.mjs')).mtimeMs, newest(path.join(root, 'data')), ...['compile-dictionary.mjs', 'embed-data.mjs'].map((f) => fs.statSync(path.join(root, 'scripts', f)).mtimeMs));
if (built < sources) {
  console.log('[talk-notes] building dist/ (esbuild)…');
  run('node esbuild.mjs');
}
