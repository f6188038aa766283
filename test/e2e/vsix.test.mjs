#!/usr/bin/env node
// Checks the packaged .vsix (npm run package -> talk-notes.vsix): it ships only what runs.
// Reads the zip's central directory directly (no unzip needed). Usage: node test/e2e/vsix.test.mjs [FILE.vsix]
// Exit 0 = all checks pass, 1 = a check failed, 2 = no/invalid .vsix.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const file = path.resolve(process.argv[2] || path.join(REPO, 'talk-notes.vsix'));
const MAX_BYTES = 1.5 * 1024 * 1024;

/** Names in a zip file, from its central directory. */
export function zipEntries(buf) {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new Error('not a zip file (no end-of-central-directory record)');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const names = [];
  for (let k = 0; k < count; k++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`bad central directory entry at ${p}`);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    names.push({ name: buf.toString('utf8', p + 46, p + 46 + nameLen), size: buf.readUInt32LE(p + 24) });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

if (!fs.existsSync(file)) {
  console.error(`no .vsix at ${file}: run 'npm run package' first`);
  console.log('e2e vsix: 0 passed, 1 failed');
  process.exit(2);
}
const bytes = fs.statSync(file).size;
let entries;
try { entries = zipEntries(fs.readFileSync(file)); } catch (e) {
  console.error(`${file}: ${e.message}`);
  console.log('e2e vsix: 0 passed, 1 failed');
  process.exit(2);
}
// Files of the extension itself live under extension/; the rest is vsce's manifest ([Content_Types].xml, extension.vsixmanifest).
const files = entries.map((e) => e.name).filter((n) => !n.endsWith('/'));
const ext = files.filter((n) => n.startsWith('extension/')).map((n) => n.slice('extension/'.length));
console.log(`${path.relative(process.cwd(), file)}: ${bytes} bytes, ${files.length} files`);
for (const e of entries) console.log(`  ${e.name} (${e.size} B)`);

const checks = [];
const check = (name, fn) => {
  try { const detail = fn(); checks.push({ name, ok: true }); console.log(`  ok    ${name}${detail ? ` (${detail})` : ''}`); } catch (e) { checks.push({ name, ok: false }); console.log(`  FAIL  ${name}: ${e.message}`); }
};
const none = (what, re) => () => { const bad = ext.filter((n) => re.test(n)); if (bad.length) throw new Error(`${what}: ${bad.join(', ')}`); };

console.log('');
check('is under 1.5 MB', () => { if (bytes >= MAX_BYTES) throw new Error(`${bytes} bytes >= ${MAX_BYTES}`); return `${(bytes / 1024).toFixed(1)} KB`; });
check('ships the Node and the web bundles, the config schema and the manifest', () => {
  const want = ['package.json', 'dist/extension.js', 'dist/server.js', 'dist/cli.js', 'dist/web/extension.js', 'dist/web/server.js', 'schemas/talk-notes.schema.json'];
  const lost = want.filter((w) => !ext.includes(w));
  if (lost.length) throw new Error(`missing ${lost.join(', ')}`);
});
check('ships the catalog and dictionary once, embedded in the web server (no data/*.json, no dist/*.bin)', none('a second copy of the data',
  /^data\/[^/]+\.(json|txt)$|^dist\/[^/]+\.bin$/));
check('the manifest has a Node and a browser entry', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  if (manifest.main !== './dist/extension.js' || manifest.browser !== './dist/web/extension.js') throw new Error(`main ${manifest.main}, browser ${manifest.browser}`);
});
check('has no node_modules', none('node_modules', /(^|\/)node_modules\//));
check('has no sources (.ts, client/, server/, scripts/, build config)', none('sources',
  /\.(ts|tsx|mts|cts)$|^(client|server|scripts|bench)\/|^(esbuild\.mjs|tsconfig[^/]*\.json|package-lock\.json|\.vscodeignore|\.gitignore)$/));
check('has no source maps (they embed the sources)', none('source maps', /\.map$/));
check('has no tests (test/, *.test.*, fixtures)', none('tests', /^(test|tests|\.ci)\/|\.test\.[cm]?[jt]s$|(^|\/)fixtures\//));
check('has nothing outside the shipped set (dist, data, syntaxes, the config schema, docs/screenshot-*.png, README, LICENSE, CHANGELOG, icon, package.json)', none('unexpected files',
  /^(?!(dist\/(web\/)?(extension|server)\.js|dist\/cli\.js|data\/.+|syntaxes\/.+|schemas\/talk-notes\.schema\.json|docs\/screenshot-[^/]+\.png|readme\.md|license(\.txt|\.md)?|changelog\.md|icon\.png|images\/icon\.png|package\.json)$)/i));
if (process.env.TALK_NOTES_E2E_FORCE_FAIL) check('deliberate failure (negative control)', () => { throw new Error('TALK_NOTES_E2E_FORCE_FAIL is set'); });

const failed = checks.filter((c) => !c.ok).length;
console.log(`e2e vsix: ${checks.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
