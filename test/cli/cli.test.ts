// The command line, run as a child process: `node dist/cli.js check …`.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkFixedSample } from '../protocol/expected-fixes.ts';
import { REPO, SAMPLE } from '../protocol/lsp-client.ts';

const CLI = path.join(REPO, 'dist', 'cli.js');
const SAMPLE_TEXT = fs.readFileSync(SAMPLE, 'utf8');
const LINE = /^.+:\d+:\d+ (warning|information|hint|error) .+ \[[a-z-]+\]$/;
const SUMMARY = /^(\d+) problems? in (\d+) files?$|^no problems in (\d+) files?$/;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'talk-notes-cli-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], cwd: string = REPO): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/** One run per distinct invocation of the sample, shared by the tests that read it. */
const memo = new Map<string, Promise<Run>>();
const runSample = (...flags: string[]): Promise<Run> => {
  const key = flags.join(' ');
  if (!memo.has(key)) memo.set(key, run(['check', ...flags, 'data/demo/kubecon-notes.md']));
  return memo.get(key)!;
};

/** A fresh folder under the test's temp folder holding the given files. */
function folder(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(tmp, 'case-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const lines = (out: string): string[] => out.split('\n').filter(Boolean);

describe('talk-notes check: text output', { concurrency: true }, () => {
  test('the sample: one line per problem plus a summary, exit 1', async () => {
    const r = await runSample();
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.stderr, '');
    const out = lines(r.stdout);
    const summary = out.pop()!;
    const m = SUMMARY.exec(summary);
    assert.ok(m && m[1], `summary line: ${summary}`);
    assert.ok(out.length > 10);
    for (const l of out) assert.match(l, LINE);
    assert.ok(out.every((l) => l.startsWith('data/demo/kubecon-notes.md:')), 'paths are relative to the working folder');
    assert.ok(out.includes("data/demo/kubecon-notes.md:32:28 warning 'Kubevirt' → KubeVirt (CNCF incubating) [casing]"), out.join('\n'));
    assert.ok(out.some((l) => /^data\/demo\/kubecon-notes\.md:115:3 information .*healhty.* \[spelling\]$/.test(l)));
    // The summary counts what is reported above hint level.
    assert.equal(Number(m[1]), out.filter((l) => !/:\d+ hint /.test(l)).length);
    assert.equal(m[2], '1');
  });

  test('a clean file exits 0', async () => {
    const dir = folder({ 'clean.md': '# Talk\n\nWe ran Kubernetes and Prometheus with a coffee in hand.\n' });
    const r = await run(['check', 'clean.md'], dir);
    assert.equal(r.status, 0, r.stdout);
    assert.equal(r.stdout, 'no problems in 1 file\n');
    assert.equal(r.stderr, '');
  });

  test('--outline prints the four talks with their speakers', async () => {
    const r = await runSample('--outline');
    assert.equal(r.status, 1);
    const out = r.stdout.slice(r.stdout.indexOf('data/demo/kubecon-notes.md: outline\n'));
    assert.ok(out.length < r.stdout.length, 'an outline header');
    const talks = lines(out).filter((l) => /^ {2}\S/.test(l));
    assert.deepEqual(
      talks.map((l) => l.trim().replace(/ {2}\(line \d+\).*/, '')),
      ['CNCF Project Updates', 'Rook.io', 'Derek, creator of Maps and Open(something)', 'Lockland Container ... Azure ... TOC contributor'],
    );
    assert.match(talks[0], /\(line 1\).*Bryan Liles/);
    assert.match(talks[2], /Derek Collison/);
    assert.match(talks[3], /\(line 138\).*Lachlan Evenson/);
    assert.ok(out.includes('- ETCD\n'));
  });
});

describe('talk-notes check --format json', { concurrency: true }, () => {
  test('parses, with line, column, code and fixes per problem', async () => {
    const r = await runSample('--format', 'json');
    assert.equal(r.status, 1);
    const parsed = JSON.parse(r.stdout) as { file: string; problems: { line: number; column: number; code: string; severity: string; fixes: string[]; wrong: string }[] }[];
    assert.equal(parsed.length, 1);
    assert.equal(parsed[0].file, 'data/demo/kubecon-notes.md');
    const problems = parsed[0].problems;
    for (const p of problems) {
      assert.equal(typeof p.line, 'number');
      assert.equal(typeof p.column, 'number');
      assert.match(p.code, /^[a-z-]+$/);
      assert.ok(Array.isArray(p.fixes));
    }
    const kubevirt = problems.find((p) => p.wrong === 'Kubevirt');
    assert.deepEqual(kubevirt && [kubevirt.line, kubevirt.column, kubevirt.code, kubevirt.fixes[0]], [32, 28, 'casing', 'KubeVirt']);
    // Same problems as the text format.
    const text = lines((await runSample()).stdout).slice(0, -1);
    assert.equal(problems.length, text.length);
  });
});

describe('talk-notes check: bad usage and unreadable input exit 2', { concurrency: true }, () => {
  const dir = folder({
    'notes.md': SAMPLE_TEXT,
    'empty/readme.txt': 'not markdown\n',
    'binary.md': Buffer.from([0x23, 0x20, 0x54, 0x00, 0x01, 0x02, 0x0a]),
  });
  const cases: [string, string[]][] = [
    ['no arguments', []],
    ['unknown command', ['lint', 'notes.md']],
    ['no files', ['check']],
    ['bad flag', ['check', '--bogus', 'notes.md']],
    ['--format xml', ['check', '--format', 'xml', 'notes.md']],
    ['--format=xml', ['check', '--format=xml', 'notes.md']],
    ['--format without a value', ['check', 'notes.md', '--format']],
    ['missing file', ['check', 'missing.md']],
    ['folder without Markdown', ['check', 'empty']],
    ['binary file', ['check', 'binary.md']],
    ['glob matching nothing', ['check', 'nowhere/**/*.md']],
  ];
  for (const [name, args] of cases) {
    test(`${name}: one line on stderr, nothing on stdout`, async () => {
      const r = await run(args, dir);
      assert.equal(r.status, 2, `${r.stdout}${r.stderr}`);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /^talk-notes: [^\n]+\n$/);
    });
  }

  test('--fix with one unreadable input writes nothing at all', async () => {
    const r = await run(['check', '--fix', 'notes.md', 'missing.md'], dir);
    assert.equal(r.status, 2);
    assert.equal(fs.readFileSync(path.join(dir, 'notes.md'), 'utf8'), SAMPLE_TEXT);
    assert.equal((await run(['check', '--fix', 'notes.md', 'binary.md'], dir)).status, 2);
    assert.equal(fs.readFileSync(path.join(dir, 'notes.md'), 'utf8'), SAMPLE_TEXT);
  });
});

describe('talk-notes check --fix', { concurrency: true }, () => {
  async function fixOnce(content: string): Promise<{ dir: string; fixed: string; r: Run }> {
    const dir = folder({ 'notes.md': content });
    const r = await run(['check', '--fix', 'notes.md'], dir);
    return { dir, fixed: fs.readFileSync(path.join(dir, 'notes.md'), 'utf8'), r };
  }

  test('writes the fixed sample, leaves no temp files, and a second run changes nothing', async () => {
    const { dir, fixed, r } = await fixOnce(SAMPLE_TEXT);
    assert.notEqual(r.status, 2, r.stderr);
    assert.match(r.stdout, /^notes\.md: fixed \d+ problems$/m);
    assert.match(fixed, /Operator \(Strimzi, NooBaa, KubeVirt\)/);
    assert.match(fixed, /^#### etcd$/m);
    assert.match(fixed, /to power Cloud Foundry$/m);
    assert.deepEqual(checkFixedSample(SAMPLE_TEXT, fixed), []);
    assert.ok(fixed.endsWith('consortium\n') || fixed.endsWith('Consortium\n'), 'trailing newline kept');
    assert.deepEqual(fs.readdirSync(dir), ['notes.md']);

    const again = await run(['check', '--fix', 'notes.md'], dir);
    assert.doesNotMatch(again.stdout, /fixed/);
    assert.equal(fs.readFileSync(path.join(dir, 'notes.md'), 'utf8'), fixed);
    assert.deepEqual(fs.readdirSync(dir), ['notes.md']);
    // What is left is below warning level.
    assert.equal(again.status, 0, again.stdout);
  });

  test('keeps CRLF line endings', async () => {
    const crlf = SAMPLE_TEXT.replace(/\n/g, '\r\n');
    const { fixed } = await fixOnce(crlf);
    assert.equal(fixed.replace(/\r\n/g, '').includes('\n'), false, 'no bare \\n line breaks');
    assert.equal(fixed.split('\r\n').length, crlf.split('\r\n').length);
    assert.deepEqual(checkFixedSample(SAMPLE_TEXT, fixed.replace(/\r\n/g, '\n')), []);
  });

  test('keeps a missing trailing newline missing', async () => {
    const { fixed } = await fixOnce(SAMPLE_TEXT.replace(/\n$/, ''));
    assert.ok(fixed.endsWith('Confidential Computing Consortium'), JSON.stringify(fixed.slice(-40)));
    assert.deepEqual(checkFixedSample(SAMPLE_TEXT.replace(/\n$/, ''), fixed), []);
    const small = await fixOnce('Operator (Strimzi, Kubevirt)');
    assert.equal(small.fixed, 'Operator (Strimzi, KubeVirt)');
  });
});

describe('talk-notes check: folders and globs', { concurrency: true }, () => {
  const dir = folder({
    'notes/day1.md': '# Day 1\n\nWe tried Kubevirt.\n',
    'notes/track/day2.md': '# Day 2\n\nETCD was fast.\n',
    'notes/track/slides.txt': 'Kubevirt\n',
    'notes/node_modules/dep.md': 'Kubevirt\n',
    'other.md': '# Other\n\nCloudFoundry\n',
  });
  const filesIn = (r: Run): string[] => (JSON.parse(r.stdout) as { file: string }[]).map((f) => f.file).sort();

  test('a folder expands to its Markdown files, recursively', async () => {
    const r = await run(['check', '--format', 'json', 'notes'], dir);
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(filesIn(r), ['notes/day1.md', 'notes/track/day2.md']);
  });

  test('dir/**/*.md matches at every depth, dir/*.md only at the top', async () => {
    const [deep, top, text] = await Promise.all([
      run(['check', '--format', 'json', 'notes/**/*.md'], dir),
      run(['check', '--format', 'json', 'notes/*.md'], dir),
      run(['check', '**/*.md'], dir),
    ]);
    assert.deepEqual(filesIn(deep), ['notes/day1.md', 'notes/track/day2.md']);
    assert.deepEqual(filesIn(top), ['notes/day1.md']);
    assert.equal(text.status, 1);
    assert.match(text.stdout, /^3 problems in 3 files$/m);
  });
});

describe('check --catalog', () => {
  const team = path.join(tmp, 'team-catalog.json');
  const notes = path.join(tmp, 'team-notes.md');
  test('a catalog file adds its names; a bad entry is reported and the rest kept', async () => {
    fs.writeFileSync(team, JSON.stringify({ talkNotesCatalog: 1, sources: [], names: [{ name: 'Quillgate Mesh', kind: 'product' }, { name: 'no kind' }] }));
    fs.writeFileSync(notes, '- we deployed Quilgate Mesh in March\n');
    const plain = await run(['check', notes]);
    assert.equal(plain.status, 0, plain.stdout + plain.stderr);
    const r = await run(['check', notes, '--catalog', team]);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /'Quilgate Mesh' → Quillgate Mesh/);
    assert.match(r.stderr, /team-catalog\.json: names\[1\]/);
  });
  test('a missing catalog file is bad input (exit 2, one line)', async () => {
    fs.writeFileSync(notes, '- plain words\n');
    const r = await run(['check', notes, '--catalog', path.join(tmp, 'nope.json')]);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr.trim().split('\n').length, 1);
  });
});
