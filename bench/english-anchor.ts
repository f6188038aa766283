// npm run bench:english: the English tier of the labelled real notes (../shared/eval/real-notes/cases.jsonl), checked by
// Talk Notes (the CLI), cSpell (the CLI, with the software-terms, k8s and companies dictionaries) and Harper (harper.js,
// WebAssembly, Markdown). The notes are other people's writing: they are read here at run time and written only to a
// temporary folder, never into the project. `--show-misses` lists each checker's misses and wrong first suggestions.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const CASES = path.resolve(ROOT, '..', 'shared', 'eval', 'real-notes', 'cases.jsonl');
const SHOW_MISSES = process.argv.includes('--show-misses');

interface Expect {
  wrong: string;
  fix: string;
  nth?: number;
  tier: string;
}
interface Case {
  id: string;
  text: string;
  expect: Expect[];
  clean: string[];
}
/** One report: [start, end) in UTF-16 units, its first suggestion (undefined: none) and whether it is a spelling report. */
interface Report {
  start: number;
  end: number;
  first: string | undefined;
  spelling: boolean;
}
interface Run {
  name: string;
  version: string;
  seconds: number;
  note?: string;
  reports: Map<string, Report[]>; // by case id
}

function occurrences(text: string, sub: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(sub); sub && i >= 0; i = text.indexOf(sub, i + 1)) out.push(i);
  return out;
}

function overlaps(s1: number, e1: number, s2: number, e2: number): boolean {
  if (s1 === e1) return s1 >= s2 && s1 < e2;
  if (s2 === e2) return s2 >= s1 && s2 < e1;
  return s1 < e2 && s2 < e1;
}

/** Whether replacing the report's span by its first suggestion turns the `wrong` range into `fix` (and nothing more). */
function fixes(text: string, r: Report, ws: number, we: number, fix: string): boolean {
  if (r.first === undefined) return false;
  const a = Math.min(r.start, ws);
  const b = Math.max(r.end, we);
  return text.slice(a, r.start) + r.first + text.slice(r.end, b) === text.slice(a, ws) + fix + text.slice(we, b);
}

function packageVersion(name: string): string {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function timed<T>(f: () => T): [T, number] {
  const t = performance.now();
  const value = f();
  return [value, (performance.now() - t) / 1000];
}

function talkNotes(dir: string, cases: Case[]): Run {
  const cli = path.join(ROOT, 'dist', 'cli.js');
  if (!fs.existsSync(cli)) spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const [r, seconds] = timed(() =>
    spawnSync(process.execPath, [cli, 'check', ...cases.map((c) => `${c.id}.md`), '--format', 'json'], { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20 }),
  );
  if (r.status !== 0 && r.status !== 1) throw new Error(`talk-notes check failed (${r.status}): ${r.stderr}`);
  type Problem = { line: number; column: number; severity: string; code: string; wrong: string; fixes: string[] };
  const files = JSON.parse(r.stdout) as { file: string; problems: Problem[] }[];
  const reports = new Map<string, Report[]>();
  for (const f of files) {
    const c = cases.find((x) => `${x.id}.md` === path.basename(f.file))!;
    const starts = lineStarts(c.text);
    // Hints draw no squiggle (short forms such as k8s): not reports, as in the shared eval kit.
    const shown = f.problems.filter((p) => p.severity !== 'hint');
    reports.set(c.id, shown.map((p) => {
      const start = starts[p.line - 1] + p.column - 1;
      return { start, end: start + p.wrong.length, first: p.fixes[0], spelling: p.code === 'spelling' };
    }));
  }
  return { name: 'Talk Notes (ours)', version: JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version, seconds, reports };
}

function cspell(dir: string, cases: Case[]): Run {
  const config = path.join(dir, 'cspell.json');
  fs.writeFileSync(config, JSON.stringify({ version: '0.2', language: 'en', dictionaries: ['softwareTerms', 'k8s', 'companies'] }));
  const bin = path.join(ROOT, 'node_modules', 'cspell', 'bin.mjs');
  const args = ['lint', '--no-progress', '--show-suggestions', '--no-summary', '--no-cache', '--language-id', 'markdown'];
  args.push('--no-config-search', '-c', config, '--reporter', '@cspell/cspell-json-reporter', '--root', dir, '*.md');
  const [r, seconds] = timed(() => spawnSync(process.execPath, [bin, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 }));
  type Issue = { uri: string; offset: number; text: string; suggestionsEx?: { word: string; wordAdjustedToMatchCase?: string }[]; suggestions?: string[] };
  const out = JSON.parse(r.stdout) as { issues: Issue[]; error: { message: string }[]; result: { files: number } };
  if (out.error.length || out.result.files !== cases.length) throw new Error(`cspell checked ${out.result.files} files: ${JSON.stringify(out.error)}`);
  const reports = new Map<string, Report[]>(cases.map((c) => [c.id, []]));
  for (const i of out.issues) {
    const id = path.basename(decodeURIComponent(new URL(i.uri).pathname), '.md');
    const s = i.suggestionsEx?.[0];
    const first = s ? s.wordAdjustedToMatchCase || s.word : i.suggestions?.[0]; // as the CLI prints it
    reports.get(id)!.push({ start: i.offset, end: i.offset + i.text.length, first, spelling: true });
  }
  return { name: 'cSpell', version: packageVersion('cspell'), seconds, reports };
}

async function harper(cases: Case[]): Promise<Run[]> {
  const t0 = performance.now();
  const { LocalLinter, Dialect, SuggestionKind } = await import('harper.js');
  const { binaryInlined } = await import('harper.js/binaryInlined');
  const linter = new LocalLinter({ binary: binaryInlined, dialect: Dialect.American });
  await linter.setup();
  const t1 = performance.now();
  const spelling = new Map<string, Report[]>();
  const all = new Map<string, Report[]>();
  for (const c of cases) {
    const lints = await linter.lint(c.text, { language: 'markdown' });
    const reports: Report[] = [];
    for (const lint of lints) {
      let { start, end } = lint.span();
      if (c.text.slice(start, end) !== lint.get_problem_text()) {
        // Spans in code points (older harper.js): convert to UTF-16 units.
        const cps = [...c.text];
        [start, end] = [cps.slice(0, start).join('').length, cps.slice(0, end).join('').length];
      }
      const s = lint.suggestions()[0];
      const kind = s?.kind();
      const text = s?.get_replacement_text() ?? '';
      const first = s === undefined ? undefined : kind === SuggestionKind.Remove ? '' : kind === SuggestionKind.InsertAfter ? c.text.slice(start, end) + text : text;
      reports.push({ start, end, first, spelling: lint.lint_kind() === 'Spelling' });
    }
    spelling.set(c.id, reports.filter((r) => r.spelling));
    all.set(c.id, reports.map((r) => ({ ...r, spelling: true })));
  }
  const t2 = performance.now();
  await linter.dispose();
  const seconds = (t2 - t0) / 1000;
  const note = `lint ${((t2 - t1) / 1000).toFixed(2)} s + WASM load ${((t1 - t0) / 1000).toFixed(2)} s`;
  const version = packageVersion('harper.js');
  return [
    { name: 'Harper (Spelling lints)', version, seconds, note, reports: spelling },
    { name: 'Harper, any lint kind (for reference)', version, seconds, note, reports: all },
  ];
}

interface Score {
  found: number;
  fixed: number;
  expected: number;
  cleanHits: number;
  misses: string[];
}

function score(run: Run, cases: Case[]): Score {
  const s: Score = { found: 0, fixed: 0, expected: 0, cleanHits: 0, misses: [] };
  for (const c of cases) {
    const reports = run.reports.get(c.id) ?? [];
    for (const e of c.expect.filter((x) => x.tier === 'english')) {
      s.expected++;
      const ws = occurrences(c.text, e.wrong)[e.nth ?? 0];
      if (ws === undefined) throw new Error(`${c.id}: occurrence ${e.nth ?? 0} of an expected word is not in the text`);
      const we = ws + e.wrong.length;
      const hits = reports.filter((r) => overlaps(r.start, r.end, ws, we));
      const fixed = hits.some((r) => fixes(c.text, r, ws, we, e.fix));
      if (hits.length) s.found++;
      if (fixed) s.fixed++;
      if (!fixed) s.misses.push(`${c.id}: '${e.wrong}' -> '${e.fix}': ${hits.length ? `first suggestion ${hits.map((r) => JSON.stringify(r.first?.slice(0, 40) ?? null)).join(' / ')}` : 'not found'}`);
    }
    const cleanRanges = c.clean.flatMap((w) => occurrences(c.text, w).map((i) => [i, i + w.length] as const));
    s.cleanHits += reports.filter((r) => r.spelling && cleanRanges.some(([a, b]) => overlaps(r.start, r.end, a, b))).length;
  }
  return s;
}

async function main(): Promise<void> {
  if (!fs.existsSync(CASES)) {
    console.log(`The labelled real notes are not here (${CASES}): the English anchor comparison needs ../shared next to the project. Skipped.`);
    return;
  }
  const cases = fs.readFileSync(CASES, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Case);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'talk-notes-english-'));
  try {
    for (const c of cases) fs.writeFileSync(path.join(dir, `${c.id}.md`), c.text);
    const runs = [talkNotes(dir, cases), cspell(dir, cases), ...(await harper(cases))];
    const english = cases.reduce((n, c) => n + c.expect.filter((e) => e.tier === 'english').length, 0);
    const cleanCount = cases.reduce((n, c) => n + c.clean.length, 0);
    console.log(`\nEnglish tier of the real notes: ${english} expected fixes in ${cases.length} files; ${cleanCount} clean substrings (all tiers).\n`);
    console.log('| checker | version | recall (found/expected) | first-suggestion accuracy (fixed/expected) | clean hits (spelling reports) | time |');
    console.log('| --- | --- | ---: | ---: | ---: | --- |');
    const pct = (n: number, d: number): string => `${((100 * n) / d).toFixed(1)}% (${n}/${d})`;
    const scores = runs.map((run) => score(run, cases));
    runs.forEach((run, i) => {
      const s = scores[i];
      const time = `${run.seconds.toFixed(2)} s${run.note ? ` (${run.note})` : ''}`;
      console.log(`| ${run.name} | ${run.version} | ${pct(s.found, s.expected)} | ${pct(s.fixed, s.expected)} | ${s.cleanHits} | ${time} |`);
    });
    console.log(
      '\nOurs: every finding that is not a hint counts for recall; clean hits count only `spelling` findings. cSpell: every issue. ' +
        'Harper: `Spelling` lints (American dialect, Markdown); the reference row counts every lint kind (grammar, capitalization, ' +
        'and title case of headings, whose lint spans the whole heading). ' +
        'Times: Talk Notes and cSpell are one CLI process over all files (start-up included); Harper runs in this process.',
    );
    if (SHOW_MISSES) {
      runs.forEach((run, i) => {
        console.log(`\n### ${run.name}: not fixed`);
        for (const m of scores[i].misses) console.log(`- ${m}`);
      });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
