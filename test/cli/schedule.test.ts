// `talk-notes check FILE --schedule FILE`: the schedule's speakers are known names; a broken schedule is
// reported by file and line on stderr and what parsed is used; a missing one is bad usage.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO } from '../protocol/lsp-client.ts';

const CLI = path.join(REPO, 'dist', 'cli.js');
const FIXTURES = path.join(REPO, 'test', 'fixtures', 'schedule');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'talk-notes-cli-schedule-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

const notes = path.join(tmp, 'day2.md');
fs.writeFileSync(notes, '# Day two\n\n- Tobiah Wrenfeld showed the backpressure API\n- Yevgenia Lindqvst on etcd quorum\n- Berit Soltvet closed the day\n');

const run = (...args: string[]) => spawnSync(process.execPath, [CLI, 'check', ...args], { cwd: tmp, encoding: 'utf8', timeout: 30_000 });

test('--schedule makes speakers known; repeatable, .ics and schedule.json', () => {
  const without = run('day2.md');
  assert.ok(!/Wrenfeld|Lindqvst/.test(without.stdout), without.stdout);
  const r = run('day2.md', '--schedule', path.join(FIXTURES, 'harbour-summit.ics'), `--schedule=${path.join(FIXTURES, 'schedule.json')}`, '--format', 'json');
  assert.equal(r.status, 1, r.stderr);
  assert.equal(r.stderr, '');
  const problems = (JSON.parse(r.stdout) as { problems: { wrong: string; fixes: string[]; line: number }[] }[])[0].problems;
  assert.deepEqual(problems.filter((p) => p.wrong === 'Wrenfeld').map((p) => [p.line, p.fixes[0]]), [[3, 'Wrenfield']]);
  assert.deepEqual(problems.filter((p) => p.wrong === 'Lindqvst').map((p) => p.fixes[0]), ['Lindqvist']);
});

test('a broken schedule: each problem on stderr with file and line, its good events still used', () => {
  const r = run('day2.md', '--schedule', path.join(FIXTURES, 'malformed.ics'));
  assert.equal(r.status, 1);
  assert.match(r.stderr, /^talk-notes: .*malformed\.ics:11: event skipped: .*THIS LINE HAS NO COLON/m);
  assert.match(r.stderr, /malformed\.ics:40: event not closed/);
  assert.match(r.stdout, /'Soltvet' → Soltvedt/);
});

test('a missing schedule file is bad usage (exit 2), and --schedule needs a file', () => {
  const missing = run('day2.md', '--schedule', 'nowhere.ics');
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /cannot read schedule file '.*nowhere\.ics': no such file/);
  const bare = run('day2.md', '--schedule');
  assert.equal(bare.status, 2);
  assert.match(bare.stderr, /--schedule takes a file/);
});

test("a talk heading that names a session makes its speakers the file's own, as in the editor", () => {
  const linked = path.join(tmp, 'day3.md');
  fs.writeFileSync(linked, '# Day three\n\n## Observability without the bill\n\n- Kwami showed tail sampling\n');
  const unlinked = path.join(tmp, 'hallway.md');
  fs.writeFileSync(unlinked, '# Day three\n\n## Hallway track\n\n- Kwami showed tail sampling\n');
  const r = run('day3.md', 'hallway.md', '--schedule', path.join(FIXTURES, 'harbour-summit.ics'));
  assert.match(r.stdout, /day3\.md:5:3 warning 'Kwami' → Kwame/);
  assert.doesNotMatch(r.stdout, /hallway\.md/);
});
