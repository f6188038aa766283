// The editor's side of the benchmark: test/e2e/big-file.test.mjs in code-server (the packaged .vsix in VS Code
// 1.100 in headless chromium) measures the first squiggle in a 20,000-line file and typo → squiggle p95 there,
// next to the same in a small file in the same run. Skipped with a note when code-server, chromium or the .vsix
// is missing (`npm run test:e2e` installs them and packages the .vsix).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

export function editorBench(section: (title: string) => void): void {
  section('Editor: a 20,000-line file in code-server (the .vsix in VS Code 1.100, headless chromium)');
  if (!fs.existsSync(path.join(ROOT, 'talk-notes.vsix'))) {
    console.log('skipped: no talk-notes.vsix (npm run package)');
    return;
  }
  const out = path.join(ROOT, 'bench', 'out', 'editor.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.rmSync(out, { force: true });
  const r = spawnSync(process.execPath, [path.join(ROOT, 'test', 'e2e', 'big-file.test.mjs'), '--json', out, '--grep', 'first squiggles|typo'], { cwd: ROOT, encoding: 'utf8', timeout: 10 * 60_000 });
  if (!fs.existsSync(out)) {
    console.log(`skipped: the code-server run did not finish (exit ${r.status}); ${(r.stdout + r.stderr).trim().split('\n').slice(-3).join(' / ')}`);
    return;
  }
  const m = JSON.parse(fs.readFileSync(out, 'utf8')) as { firstSquiggleMs?: number; bigTypoP95Ms?: number; smallTypoP95Ms?: number };
  console.log(`open the file → first squiggle: ${m.firstSquiggleMs} ms (target ≤ 1500 ms)`);
  if (m.bigTypoP95Ms !== undefined && m.smallTypoP95Ms !== undefined) {
    console.log(`typo → squiggle p95: ${m.bigTypoP95Ms} ms, ${(m.bigTypoP95Ms / Math.max(1, m.smallTypoP95Ms)).toFixed(2)}× a 46-line file's ${m.smallTypoP95Ms} ms (target ≤ 150 ms)`);
  }
}
