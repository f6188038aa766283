// The CLI and the project config file: the shared fixture's results (the server's are tested on the same one),
// a config found by walking up, --config and --no-config, and a malformed file.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DAY1, NOTES_REPO, WITH_CONFIG, WITHOUT_CONFIG } from '../fixtures/notes-repo.ts';
import { REPO, run } from './run.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'talk-notes-config-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface JsonFile {
  file: string;
  problems: { line: number; column: number; code: string; severity: string }[];
}
const problemsOf = (stdout: string, file: string): string[] =>
  (JSON.parse(stdout) as JsonFile[]).find((f) => f.file === file)!.problems.map((p) => `${p.line}:${p.column} ${p.code} ${p.severity}`);

describe('talk-notes check with .talk-notes.json', { concurrency: true }, () => {
  test('the fixture: the config changes the results as listed, and leaves the draft out', async () => {
    const [withConfig, without] = await Promise.all([run(['check', '--format', 'json', 'notes'], NOTES_REPO), run(['check', '--format', 'json', '--no-config', 'notes'], NOTES_REPO)]);
    assert.equal(withConfig.stderr, '');
    assert.deepEqual(problemsOf(withConfig.stdout, 'notes/day1.md'), WITH_CONFIG);
    assert.deepEqual((JSON.parse(withConfig.stdout) as JsonFile[]).map((f) => f.file), ['notes/day1.md'], 'drafts/ is excluded');
    assert.deepEqual(problemsOf(without.stdout, 'notes/day1.md'), WITHOUT_CONFIG);
    assert.deepEqual((JSON.parse(without.stdout) as JsonFile[]).map((f) => f.file), ['notes/day1.md', 'notes/drafts/wip.md']);
  });

  test('found from the file, whatever the working folder; an excluded file named on the command line is skipped', async () => {
    const r = await run(['check', DAY1, path.join(NOTES_REPO, 'notes', 'drafts', 'wip.md')], tmp);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /day1\.md:4:3 error 'ETCD' → etcd/);
    assert.doesNotMatch(r.stdout, /wip\.md/);
    assert.match(r.stdout, /^2 problems in 1 file$/m);
  });

  test('without paths, the project of the config in the working folder or above', async () => {
    const r = await run(['check'], path.join(NOTES_REPO, 'notes'));
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /^notes\/day1\.md:4:3 error|^day1\.md:4:3 error/m);
    assert.match(r.stdout, /^2 problems in 1 file$/m);
  });

  test('--config names the file for every file', async () => {
    const config = path.join(tmp, 'strict.json');
    fs.writeFileSync(config, JSON.stringify({ severity: { typo: 'off', casing: 'off', spelling: 'off' }, ignoredWords: ['Kubevirt'] }));
    const r = await run(['check', '--config', config, DAY1], tmp);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const missing = await run(['check', '--config', path.join(tmp, 'nope.json'), DAY1], tmp);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /^talk-notes: cannot read config file '.*nope\.json': no such file\n$/);
  });

  test('a malformed config is reported with its file and line; the files are still checked, with the defaults', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'broken-'));
    fs.writeFileSync(path.join(dir, '.talk-notes.json'), '{\n  "ignoredWords": ["Kubevirt"]\n  "severity": {}\n}\n');
    fs.writeFileSync(path.join(dir, 'a.md'), fs.readFileSync(DAY1));
    fs.writeFileSync(path.join(dir, 'b.md'), '# B\n\nPromethus\n');
    const r = await run(['check', '--format', 'json', '.'], dir);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /^talk-notes: .*\.talk-notes\.json:3:3: not valid JSON: ',' expected; its settings are not used until it is fixed\.$/m);
    assert.deepEqual(problemsOf(r.stdout, 'a.md'), WITHOUT_CONFIG);
    assert.equal(problemsOf(r.stdout, 'b.md').length, 1);
  });

  test('a wrong value is reported by line and the rest of the file applies', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'wrong-'));
    fs.writeFileSync(path.join(dir, '.talk-notes.json'), '{\n  "ignoredWords": "Kubevirt",\n  "severity": { "spelling": "off" }\n}\n');
    fs.writeFileSync(path.join(dir, 'a.md'), fs.readFileSync(DAY1));
    const r = await run(['check', '--format', 'json', 'a.md'], dir);
    assert.match(r.stderr, /^talk-notes: .*\.talk-notes\.json:2: ignoredWords should be a list of strings; it was ignored\.$/m);
    assert.ok(!problemsOf(r.stdout, 'a.md').some((p) => p.includes('spelling')));
    assert.ok(problemsOf(r.stdout, 'a.md').includes('3:12 casing warning'));
  });

  test("the file's schedules, catalog and dictionary are relative to its folder", async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'paths-'));
    fs.mkdirSync(path.join(dir, 'conf'));
    fs.mkdirSync(path.join(dir, 'notes'));
    fs.copyFileSync(path.join(REPO, 'test', 'fixtures', 'schedule', 'harbour-summit.ics'), path.join(dir, 'conf', 'harbour-summit.ics'));
    fs.writeFileSync(path.join(dir, 'conf', 'team.json'), JSON.stringify({ talkNotesCatalog: 1, sources: [], names: [{ name: 'Quillgate Mesh', kind: 'product' }] }));
    fs.writeFileSync(path.join(dir, 'conf', 'names.txt'), 'Flurbix\n');
    fs.writeFileSync(path.join(dir, '.talk-notes.json'), JSON.stringify({ schedules: ['conf/*.ics'], catalogFiles: ['conf/team.json'], dictionaryFile: 'conf/names.txt' }));
    fs.writeFileSync(path.join(dir, 'notes', 'day2.md'), '# Day two\n\n- Tobiah Wrenfeld showed the API\n- we deployed Quilgate Mesh\n- Flurbyx wrapped up\n');
    const r = await run(['check', 'day2.md'], path.join(dir, 'notes'));
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /'Wrenfeld' → Wrenfield/);
    assert.match(r.stdout, /'Quilgate Mesh' → Quillgate Mesh/);
    assert.match(r.stdout, /'Flurbyx' → Flurbix/);
  });
});

describe('talk-notes init', () => {
  test('writes a starter config and dictionary, never over existing files', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'init-'));
    const first = await run(['init'], dir);
    assert.equal(first.status, 0, first.stderr);
    assert.equal(first.stdout, 'wrote .talk-notes.json\nwrote .talk-notes-dictionary.txt\n');
    const config = JSON.parse(fs.readFileSync(path.join(dir, '.talk-notes.json'), 'utf8')) as Record<string, unknown>;
    assert.deepEqual(config.ignoredWords, []);
    fs.writeFileSync(path.join(dir, '.talk-notes-dictionary.txt'), 'Zandra Okoye\n');
    const again = await run(['init', dir], tmp);
    assert.equal(again.status, 0);
    assert.equal(again.stdout, '');
    assert.match(again.stderr, /\.talk-notes\.json already exists; left as it is\n.*\.talk-notes-dictionary\.txt already exists; left as it is\n$/);
    assert.equal(fs.readFileSync(path.join(dir, '.talk-notes-dictionary.txt'), 'utf8'), 'Zandra Okoye\n');
    // The project it starts is checked as a whole by `check` alone.
    fs.writeFileSync(path.join(dir, 'notes.md'), '# Talk\n\nKubevirt\n');
    const check = await run(['check'], dir);
    assert.equal(check.status, 1, check.stderr);
    assert.match(check.stdout, /^notes\.md:3:1 warning 'Kubevirt'/m);
    assert.equal((await run(['init', 'no-such-folder'], dir)).status, 2);
  });
});
