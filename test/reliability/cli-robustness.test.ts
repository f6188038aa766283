// The CLI on unreadable input (made truly unreadable even as root) and `--fix` safety: the target is only ever
// replaced by a rename of a complete temporary file, and line endings and the final newline are kept exactly.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO } from '../protocol/lsp-client.ts';

const CLI = path.join(REPO, 'dist', 'cli.js');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'talk-notes-cli-rel-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));
let n = 0;
const folder = (): string => fs.mkdtempSync(path.join(tmp, `case-${++n}-`));

function run(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}, preload?: string): Promise<{ status: number | null; signal: string | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(preload ? ['--require', preload] : []), CLI, ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', reject);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr });
    });
  });
}

const ONE_LINE = /^talk-notes: [^\n]+\n$/;
const NOTES = '# Talk\n\nWe ran Kubevirt and ETCD.\n';

describe('talk-notes check: unreadable input exits 2 with one line (works as root too)', { concurrency: true }, () => {
  test('a file larger than Node can read (a sparse 2.1 GB file)', async () => {
    const dir = folder();
    fs.writeFileSync(path.join(dir, 'ok.md'), NOTES);
    fs.writeFileSync(path.join(dir, 'huge.md'), '');
    fs.truncateSync(path.join(dir, 'huge.md'), 2_200_000_000); // sparse: no disk space used
    const r = await run(['check', '--fix', 'ok.md', 'huge.md'], dir);
    assert.equal(r.status, 2, r.stdout + r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, ONE_LINE);
    assert.match(r.stderr, /cannot read 'huge\.md': the file is larger than 2 GiB/);
    assert.equal(fs.readFileSync(path.join(dir, 'ok.md'), 'utf8'), NOTES, 'nothing is written when one input is unreadable');
  });

  test('a read that fails with an I/O error (a link to /proc/self/mem)', { skip: !fs.existsSync('/proc/self/mem') && 'no /proc on this system' }, async () => {
    const dir = folder();
    fs.symlinkSync('/proc/self/mem', path.join(dir, 'mem.md'));
    const r = await run(['check', 'mem.md'], dir);
    assert.equal(r.status, 2, r.stdout + r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, ONE_LINE);
    assert.match(r.stderr, /cannot read 'mem\.md': input\/output error \(EIO\)/);
  });

  test('a symbolic link loop', async () => {
    const dir = folder();
    fs.symlinkSync('loop.md', path.join(dir, 'loop.md'));
    const r = await run(['check', 'loop.md'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, ONE_LINE);
    assert.match(r.stderr, /cannot read 'loop\.md': too many symbolic links/);
  });

  test('a folder named like a Markdown file, with no Markdown inside', async () => {
    const dir = folder();
    fs.mkdirSync(path.join(dir, 'x.md'));
    const r = await run(['check', 'x.md'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, ONE_LINE);
    assert.match(r.stderr, /no Markdown files in folder 'x\.md'/);
  });
});

/** A preload that records every write and rename the CLI makes, and can fail or crash in the middle. */
function writePreload(dir: string): string {
  const file = path.join(dir, 'preload.cjs');
  fs.writeFileSync(
    file,
    `const fs = require('node:fs');
const log = (entry) => fs.appendFileSync(process.env.TN_LOG, JSON.stringify(entry) + '\\n');
const { writeFileSync, renameSync } = fs;
fs.writeFileSync = function (target, data, ...rest) {
  if (String(target) !== process.env.TN_LOG) log({ op: 'write', target: String(target), length: String(data).length });
  if (process.env.TN_MODE === 'crash-mid-write') {
    writeFileSync.call(fs, target, String(data).slice(0, 10));
    process.kill(process.pid, 'SIGKILL');
  }
  return writeFileSync.call(fs, target, data, ...rest);
};
fs.renameSync = function (from, to) {
  log({ op: 'rename', from: String(from), to: String(to) });
  if (process.env.TN_MODE === 'fail-rename') { const e = new Error('EXDEV: simulated rename failure'); e.code = 'EXDEV'; throw e; }
  return renameSync.call(fs, from, to);
};
`,
  );
  return file;
}

describe('talk-notes check --fix writes atomically', { concurrency: true }, () => {
  const readLog = (file: string): { op: string; target?: string; from?: string; to?: string }[] =>
    fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { op: string }) : [];

  test('the target is only replaced by renaming a complete temporary file beside it', async () => {
    const dir = folder();
    const preload = writePreload(dir);
    fs.writeFileSync(path.join(dir, 'notes.md'), NOTES);
    const logFile = path.join(dir, 'log.jsonl');
    const r = await run(['check', '--fix', 'notes.md'], dir, { TN_LOG: logFile }, preload);
    assert.notEqual(r.status, 2, r.stderr);
    const ops = readLog(logFile);
    const target = path.join(dir, 'notes.md');
    assert.ok(!ops.some((o) => o.op === 'write' && o.target === target), `never written in place: ${JSON.stringify(ops)}`);
    const rename = ops.find((o) => o.op === 'rename' && o.to === target);
    assert.ok(rename, 'replaced by a rename');
    assert.equal(path.dirname(rename.from!), dir, 'the temporary file sits beside the target (same file system)');
    assert.match(fs.readFileSync(target, 'utf8'), /KubeVirt and etcd/);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['log.jsonl', 'notes.md', 'preload.cjs']);
  });

  test('a failed rename leaves the original intact, no temporary file behind, and exits 2 with one line', async () => {
    const dir = folder();
    const preload = writePreload(dir);
    fs.writeFileSync(path.join(dir, 'notes.md'), NOTES);
    const r = await run(['check', '--fix', 'notes.md'], dir, { TN_LOG: path.join(dir, 'log.jsonl'), TN_MODE: 'fail-rename' }, preload);
    assert.equal(r.status, 2, r.stdout + r.stderr);
    assert.match(r.stderr, ONE_LINE);
    assert.equal(fs.readFileSync(path.join(dir, 'notes.md'), 'utf8'), NOTES);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['log.jsonl', 'notes.md', 'preload.cjs']);
  });

  test('a crash (SIGKILL) in the middle of writing never leaves a half-written target', async () => {
    const dir = folder();
    const preload = writePreload(dir);
    fs.writeFileSync(path.join(dir, 'notes.md'), NOTES);
    const r = await run(['check', '--fix', 'notes.md'], dir, { TN_LOG: path.join(dir, 'log.jsonl'), TN_MODE: 'crash-mid-write' }, preload);
    assert.equal(r.signal, 'SIGKILL');
    assert.equal(fs.readFileSync(path.join(dir, 'notes.md'), 'utf8'), NOTES, 'the original is untouched');
  });
});

describe('talk-notes check --fix keeps line endings and the final newline exactly', { concurrency: true }, () => {
  const endings = (text: string): string[] => text.match(/\r\n|\r|\n/g) ?? [];
  const cases: [string, string][] = [
    ['mixed \\n, \\r\\n and lone \\r, no final newline', '# Talk\r\n\r\nWe ran Kubevirt.\nETCD is fast.\r- Promethus\r\n\n- CloudFoundry and k8s'],
    ['CRLF with a final newline and a BOM', '\uFEFF# Talk\r\n\r\nKubevirt and ETCD\r\n'],
    ['several final newlines', '# Talk\n\nKubevirt\n\n\n'],
    ['lone CR only', '# Talk\r\rKubevirt on ETCD\r'],
  ];
  for (const [name, text] of cases) {
    test(name, async () => {
      const dir = folder();
      fs.writeFileSync(path.join(dir, 'notes.md'), text);
      const r = await run(['check', '--fix', 'notes.md'], dir);
      assert.notEqual(r.status, 2, r.stderr);
      const fixed = fs.readFileSync(path.join(dir, 'notes.md'), 'utf8');
      assert.notEqual(fixed, text, 'something was fixed');
      assert.deepEqual(endings(fixed), endings(text), 'the same line endings in the same order');
      assert.equal(/(\r\n|\r|\n)*$/.exec(fixed)![0], /(\r\n|\r|\n)*$/.exec(text)![0], 'the same final newline(s)');
      assert.equal(fixed.startsWith('\uFEFF'), text.startsWith('\uFEFF'), 'a BOM is kept as it was');
      assert.deepEqual(fs.readdirSync(dir), ['notes.md']);
    });
  }
});
