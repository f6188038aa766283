// Runs Node's test runner (through tsx, for TypeScript) over the test files of the given folders.
// Node 20's --test takes no globs, so the files are listed here.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const folders = process.argv.slice(2).length ? process.argv.slice(2) : ['test/core', 'test/protocol', 'test/cli', 'test/reliability'];

function collect(dir, out) {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) collect(full, out);
    else if (entry.name.endsWith('.test.ts')) out.push(path.relative(root, full));
  }
}

const files = [];
for (const folder of folders) collect(path.join(root, folder), files);
if (!files.length) {
  console.error(`no test files under ${folders.join(', ')}`);
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files.sort()], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
