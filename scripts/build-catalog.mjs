#!/usr/bin/env node
// npm run catalog: regenerates data/catalog.json from the raw public sources with the built CLI
// (`talk-notes catalog`), merging in the hand-kept data/catalog-extra.json.
//
// Usage: node scripts/build-catalog.mjs [--sources DIR] [--out FILE]
//   --sources DIR  the folder with landscape.yml, project-maintainers.csv and cncf-people.json; default
//                  $TALK_NOTES_SOURCES, else ../shared/data/sources next to the repository
//   --out FILE     default data/catalog.json
// The sources folder's README.md (a table of file, repository, path, commit, license) gives each source's
// note in the catalog; without it the notes only count what was read.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { newest } from './newest.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name) => {
  const at = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (at < 0) return undefined;
  return args[at].includes('=') ? args[at].slice(args[at].indexOf('=') + 1) : args[at + 1];
};
const fail = (message) => {
  console.error(`build-catalog: ${message}`);
  process.exit(2);
};

const sources = path.resolve(option('--sources') ?? process.env.TALK_NOTES_SOURCES ?? path.join(root, '..', 'shared', 'data', 'sources'));
const out = path.resolve(option('--out') ?? path.join(root, 'data', 'catalog.json'));
const files = { landscape: 'landscape.yml', maintainers: 'project-maintainers.csv', people: 'cncf-people.json' };

if (!fs.existsSync(sources)) {
  fail(`the sources folder ${sources} does not exist. Pass --sources DIR or set TALK_NOTES_SOURCES to a folder holding ${Object.values(files).join(', ')} (see data/README.md, "catalog.json (built)").`);
}
const missing = Object.values(files).filter((f) => !fs.existsSync(path.join(sources, f)));
if (missing.length) fail(`${sources} lacks ${missing.join(', ')}`);

// Where each source came from: a row of the sources README's table,
// | `landscape.yml` | `cncf/landscape`, `landscape.yml`, `153d699…` (2026-08-07) | what it holds | license |
function notesFromReadme() {
  const readme = path.join(sources, 'README.md');
  if (!fs.existsSync(readme)) return {};
  const notes = {};
  for (const line of fs.readFileSync(readme, 'utf8').split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 6) continue;
    const file = /^`([^`]+)`$/.exec(cells[1])?.[1];
    const origin = /^`([^`]+)`,\s*`([^`]+)`,\s*`([0-9a-f]{7,40})`(?:\s*\(([^)]*)\))?/.exec(cells[2]);
    const key = Object.keys(files).find((k) => files[k] === file);
    if (!key || !origin) continue;
    const [, repo, repoPath, commit, date] = origin;
    const license = cells[cells.length - 2].replace(/`/g, '');
    notes[key] = `${repo} ${repoPath} at commit ${commit}${date ? ` (${date})` : ''}; license: ${license}`;
  }
  return notes;
}

// The CLI must include the catalog command: rebuild dist/ when it is older than the sources it bundles.
const cli = path.join(root, 'dist', 'cli.js');
const fresh = () => fs.existsSync(cli) && fs.statSync(cli).mtimeMs >= newest(path.join(root, 'server', 'src'));
if (!fresh()) {
  console.log('build-catalog: building dist/ first (node esbuild.mjs)…');
  try {
    execFileSync(process.execPath, [path.join(root, 'esbuild.mjs')], { cwd: root, stdio: 'inherit' });
  } catch {
    // esbuild.mjs bundles dist/cli.js before its other steps: a later step failing still leaves a usable CLI.
    if (!fresh()) fail('building dist/cli.js failed (see above); the catalog is unchanged');
    console.log('build-catalog: a later build step failed (see above), but dist/cli.js is built; going on');
  }
}

const cliArgs = ['catalog', '--out', out];
for (const [key, file] of Object.entries(files)) cliArgs.push(`--${key}`, path.join(sources, file));
const extra = path.join(root, 'data', 'catalog-extra.json');
if (fs.existsSync(extra)) cliArgs.push('--extra', extra);
for (const [key, note] of Object.entries(notesFromReadme())) cliArgs.push('--note', `${key}=${note}`);
if (args.includes('--verbose')) cliArgs.push('--verbose');

const result = spawnSync(process.execPath, [cli, ...cliArgs], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 2);
