// node --import tsx bench/readme-noise.ts [--out file]: what the English check says about text it should
// mostly leave alone, the README.md files of the installed packages (technical English full of names and
// jargon, with a few real typos). A change to the error model or the thresholds should not add many reports
// here: compare the lists of two runs (--out) and read what was added.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeText } from '../server/src/core/check/document.ts';
import { DEFAULT_SETTINGS } from '../server/src/core/check/settings.ts';
import { loadEngine } from '../server/src/data.ts';

const ROOT = path.resolve(__dirname, '..');
const outAt = process.argv.indexOf('--out');
const OUT = outAt >= 0 ? process.argv[outAt + 1] : undefined;

function readmes(): string[] {
  const dir = path.join(ROOT, 'node_modules');
  const files: string[] = [];
  for (const name of fs.readdirSync(dir).sort()) {
    const pkgs = name.startsWith('@') ? fs.readdirSync(path.join(dir, name)).sort().map((n) => path.join(name, n)) : [name];
    for (const pkg of pkgs) {
      const file = path.join(dir, pkg, 'README.md');
      if (fs.existsSync(file)) files.push(file);
    }
  }
  return files;
}

const engine = loadEngine();
const lines: string[] = [];
let words = 0;
const started = performance.now();
const cpu = process.cpuUsage();
for (const file of readmes()) {
  const text = fs.readFileSync(file, 'utf8');
  if (text.length > 200_000) continue;
  words += text.split(/\s+/).length;
  const pkg = path.relative(path.join(ROOT, 'node_modules'), path.dirname(file));
  for (const f of analyzeText(engine, text, DEFAULT_SETTINGS, []).findings) {
    if (f.code === 'spelling') lines.push(`${pkg}: ${f.wrong} -> ${f.fixes.join(', ')}`);
  }
}
console.log(`readme noise: ${lines.length} English reports in ${words} words (${((lines.length / words) * 10_000).toFixed(1)} per 10,000), ${((performance.now() - started) / 1000).toFixed(1)} s (${(process.cpuUsage(cpu).user / 1e6).toFixed(1)} s CPU)`);
if (OUT) fs.writeFileSync(OUT, lines.join('\n') + '\n');
