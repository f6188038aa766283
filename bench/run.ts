// npm run bench: how fast Talk Notes is, as ratios against baselines measured in the same run on this machine.
// Generates notes of 2k, 20k and 100k lines, a 5 MB file and a workspace of 5,000 notes files (bench/out/), then
// measures the core, the language server over stdio (typing, and indexing the workspace), and the CLI next to
// cSpell and a whole-document remark-parse.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NotesDocument } from '../server/src/core/check/document.ts';
import { clearParseCache } from '../server/src/core/markdown/prose.ts';
import { DEFAULT_SETTINGS } from '../server/src/core/check/settings.ts';
import { loadEngine } from '../server/src/data.ts';
import { LspClient } from '../test/protocol/lsp-client.ts';
import { generateBytes, generateNotes } from './generate.ts';
import { generateIcs } from './generate-schedule.ts';
import { parseSchedule } from '../server/src/core/schedule/schedule.ts';
import ICAL from 'ical.js';
import { median, ms } from './stats.ts';
import { editorBench } from './editor.ts';

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'bench', 'out');
const QUICK = process.argv.includes('--quick');
// Runs of the CLI and of cSpell on the 5 MB file: this machine's speed wanders, and a median of five holds
// steadier than one of three.
const CLI_RUNS = QUICK ? 1 : 5;
const EDITS = QUICK ? 20 : 60;


function write(name: string, text: string): string {
  fs.mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, name);
  fs.writeFileSync(file, text);
  return file;
}

/** Runs a command, returning wall time and peak RSS (read by a preload that reports at exit). */
function measureCommand(args: string[], env: NodeJS.ProcessEnv = {}): { seconds: number; rssMb: number; status: number | null } {
  const report = path.join(OUT, `rss-${process.pid}-${Date.now()}.txt`);
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--require', path.join(ROOT, 'bench', 'maxrss.cjs'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env, TALK_NOTES_BENCH_RSS: report },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - t) / 1000;
  const rssMb = fs.existsSync(report) ? Math.max(...fs.readFileSync(report, 'utf8').trim().split('\n').map(Number)) / 1024 : NaN;
  fs.rmSync(report, { force: true });
  return { seconds, rssMb, status: r.status };
}

function section(title: string): void {
  console.log(`\n## ${title}`);
}

/** Keystroke, completion and symbol latency over stdio, measured from a fresh process (see lsp-latency.ts). */
function lspLatency(file: string, lines: number): void {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench', 'lsp-latency.ts'), file, String(lines), String(EDITS)], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`lsp-latency.ts failed for ${file}: ${r.stderr}`);
  const out = r.stdout.trimEnd().split('\n');
  console.log(out.slice(0, -1).join('\n'));
  results.set(lines, JSON.parse(out[out.length - 1]));
}

const results = new Map<number, { p95: number; completionP95: number; initMs: number }>();

/**
 * The workspace index at scale, in a fresh server process (see index-scale.ts): a generated workspace of
 * notes files of 8 KB each, timed from initialize to the index built, and the server's RSS then.
 */
function indexScale(files: number, mode = ''): { seconds: number; rss: number } {
  const dir = path.join(OUT, `workspace-${files}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench', 'index-scale.ts'), dir, String(files), '8000', mode].filter(Boolean), {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`index-scale.ts failed for ${files} files: ${r.stderr}`);
  const out = r.stdout.trimEnd().split('\n');
  console.log(out.slice(0, -1).join('\n'));
  return JSON.parse(out[out.length - 1]);
}

async function main(): Promise<void> {
  console.log(`Talk Notes benchmark — node ${process.version}, ${QUICK ? 'quick' : 'full'} run, ${EDITS} edits per size`);
  const sizes = [2000, 20000, 100000];
  const files = new Map<number, string>();
  for (const n of sizes) files.set(n, write(`notes-${n / 1000}k.md`, generateNotes(n)));
  const big = write('notes-5mb.md', generateBytes(5 * 1024 * 1024));

  section('Core (in process, catalog loaded once)');
  const engine = loadEngine();
  const sample = fs.readFileSync(path.join(ROOT, 'data', 'demo', 'kubecon-notes.md'), 'utf8');
  const sampleRuns: number[] = [];
  for (let k = 0; k < 30; k++) {
    // A fresh document and no shared parses: a cold check of the sample (the catalog stays loaded).
    clearParseCache();
    const t = performance.now();
    void new NotesDocument(engine, sample).check(DEFAULT_SETTINGS).findings;
    sampleRuns.push(performance.now() - t);
  }
  console.log(`sample (${(sample.length / 1024).toFixed(1)} KB): median ${ms(median(sampleRuns.slice(5)))} (budget 30 ms)`);
  for (const [n, file] of [...files, [0, big] as [number, string]]) {
    const text = fs.readFileSync(file, 'utf8');
    clearParseCache();
    const t = performance.now();
    void new NotesDocument(engine, text).check(DEFAULT_SETTINGS).findings;
    const took = performance.now() - t;
    console.log(`${n ? `${n} lines` : '5 MB file'} (${(text.length / 1e6).toFixed(2)} MB): ${ms(took)}, ${(text.length / 1e6 / (took / 1000)).toFixed(2)} MB/s`);
  }

  // A big conference's calendar: the first read (cold, as when the server starts) and later ones, next to
  // ical.js's bare parse of the same text (what reading the sessions adds to it).
  const ics = generateIcs(1000);
  const coldStart = performance.now();
  const cold = parseSchedule(ics, 'bench.ics');
  const coldMs = performance.now() - coldStart;
  const warm: number[] = [];
  const bare: number[] = [];
  for (let k = 0; k < 7; k++) {
    let t = performance.now();
    parseSchedule(ics, 'bench.ics');
    warm.push(performance.now() - t);
    t = performance.now();
    ICAL.parse(ics);
    bare.push(performance.now() - t);
  }
  console.log(
    `schedule of ${cold.sessions.length} sessions (${(ics.length / 1e6).toFixed(2)} MB .ics): first load ${ms(coldMs)} (budget 300 ms), then median ${ms(median(warm))}; ` +
      `${(median(warm) / median(bare)).toFixed(2)}× ical.js's bare parse (${ms(median(bare))})`,
  );

  section('Language server over stdio (keystroke = didChange → publishDiagnostics)');
  for (const [n, file] of files) lspLatency(file, n);
  const p95 = (n: number): number => results.get(n)!.p95;
  console.log(`ratio p95(100k) / p95(2k) = ${(p95(100000) / p95(2000)).toFixed(2)} (target ≤ 2); p95 at 20k = ${ms(p95(20000))} (target ≤ 15 ms)`);

  // The quick run indexes a tenth of the workspace: the targets are the full one's.
  const indexFiles = QUICK ? 500 : 5000;
  section(`Workspace index: ${indexFiles.toLocaleString('en')} notes files (${indexFiles * 8 / 1000} MB), language server over stdio`);
  const index = indexScale(indexFiles);
  indexScale(indexFiles, 'workspace');
  if (!QUICK) console.log(`indexed in ${index.seconds.toFixed(1)} s (target ≤ 10 s), server RSS ${index.rss.toFixed(0)} MB (target ≤ 300 MB)`);

  section(`CLI on the 5 MB file, next to baselines on the same file (median of ${CLI_RUNS} runs each, interleaved)`);
  const cspellBin = path.join(ROOT, 'node_modules', 'cspell', 'bin.mjs');
  const hasCspell = fs.existsSync(cspellBin);
  const ourRuns: ReturnType<typeof measureCommand>[] = [];
  const cspellRuns: ReturnType<typeof measureCommand>[] = [];
  // Interleaved, so that a slow spell of the machine weighs on both alike.
  for (let k = 0; k < CLI_RUNS; k++) {
    ourRuns.push(measureCommand([path.join(ROOT, 'dist', 'cli.js'), 'check', big]));
    if (hasCspell) cspellRuns.push(measureCommand([cspellBin, 'lint', '--no-progress', '--no-summary', '--no-cache', big]));
  }
  const middle = (runs: ReturnType<typeof measureCommand>[]): ReturnType<typeof measureCommand> => [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor(runs.length / 2)];
  const ours = middle(ourRuns);
  console.log(`talk-notes check: ${ours.seconds.toFixed(2)} s (runs: ${ourRuns.map((r) => r.seconds.toFixed(2)).join(', ')}), peak RSS ${Math.max(...ourRuns.map((r) => r.rssMb)).toFixed(0)} MB`);
  if (hasCspell) {
    const cspell = middle(cspellRuns);
    console.log(
      `cspell lint (9.8): ${cspell.seconds.toFixed(2)} s (runs: ${cspellRuns.map((r) => r.seconds.toFixed(2)).join(', ')}), peak RSS ${cspell.rssMb.toFixed(0)} MB  →  ` +
        `talk-notes is ${(cspell.seconds / ours.seconds).toFixed(2)}× faster (target ≥ 5×)`,
    );
  } else {
    console.log('cspell is not installed (npm ci installs it as a dev dependency); skipped');
  }
  // A whole-document remark-parse of 5 MB of such notes takes minutes here: it is measured on the 20k-line
  // file instead, next to the CLI on that same file.
  const mid = files.get(20000)!;
  const oursMid = measureCommand([path.join(ROOT, 'dist', 'cli.js'), 'check', mid]);
  const remark = measureCommand(['--max-old-space-size=6144', path.join(ROOT, 'bench', 'remark-whole.mjs'), mid]);
  console.log(
    `whole-document remark-parse of the 20k-line file: ${remark.seconds.toFixed(2)} s, peak RSS ${remark.rssMb.toFixed(0)} MB; ` +
      `talk-notes check on it: ${oursMid.seconds.toFixed(2)} s, ${oursMid.rssMb.toFixed(0)} MB  →  ${(remark.seconds / oursMid.seconds).toFixed(2)}× faster`,
  );

  section('Cold start');
  const starts: number[] = [];
  for (let k = 0; k < 5; k++) {
    const t = performance.now();
    const { client } = await LspClient.start({ configuration: false });
    starts.push(performance.now() - t);
    await client.stop();
  }
  console.log(`server spawn → initialize result: median ${ms(median(starts))} (target ≤ 300 ms)`);

  // What a user sees first: a fresh server, one notes file of about 30 KB opened, its first diagnostics; and
  // the memory of a server with one small file open.
  const firstFile = generateBytes(30_000, 7);
  const opens: number[] = [];
  const smallRss: number[] = [];
  for (let k = 0; k < 5; k++) {
    const { client } = await LspClient.start({ configuration: false });
    const t = performance.now();
    await client.open(`file:///bench/first-${k}.md`, firstFile);
    opens.push(performance.now() - t);
    await client.stop();
    const small = await LspClient.start({ configuration: false });
    await small.client.open(`file:///bench/small-${k}.md`, fs.readFileSync(path.join(ROOT, 'data', 'demo', 'kubecon-notes.md'), 'utf8'));
    const status = fs.readFileSync(`/proc/${small.client.child.pid}/status`, 'utf8');
    smallRss.push(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024);
    await small.client.stop();
  }
  console.log(`open a ${(firstFile.length / 1024).toFixed(0)} KB file → first diagnostics (fresh server): median ${ms(median(opens))}, max ${ms(Math.max(...opens))} (target ≤ 300 ms)`);
  console.log(`server RSS with the sample open: median ${median(smallRss).toFixed(0)} MB (target ≤ 150 MB)`);
  console.log(`completion p95 at 20k lines: ${ms(results.get(20000)!.completionP95)} (target ≤ 10 ms)`);

  if (!QUICK) editorBench(section);
}


main().catch((error) => {
  console.error(error);
  process.exit(1);
});
