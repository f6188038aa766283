// The CLI in CI: GitHub annotations, SARIF 2.1.0 (validated against the published schema), --max-warnings,
// .gitignore and node_modules when expanding folders and globs, and flags parsed by node:util.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { CHECK_DESCRIPTIONS, escapeData, escapeProperty } from '../../server/src/cli-report.ts';
import { REPO, run } from './run.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'talk-notes-ci-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function folder(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(tmp, 'case-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** GitHub's workflow-command syntax for an annotation with a position. */
const ANNOTATION = /^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+(,endLine=\d+,endColumn=\d+)?(,title=[^:]*)?::.+$/;
const NOTES = '# Day 1\n\nWe tried Kubevirt and ETCD, with a healhty cluster.\n';

describe('--format github', { concurrency: true }, () => {
  test('one annotation per problem in workflow-command syntax, then the summary', async () => {
    const dir = folder({ 'notes/day 1, a:b.md': NOTES, 'notes/day2.md': '# Day 2\n\nPromethus\n' });
    const r = await run(['check', '--format', 'github', 'notes'], dir);
    assert.equal(r.status, 1, r.stderr);
    const lines = r.stdout.split('\n').filter(Boolean);
    assert.equal(lines.pop(), '4 problems in 2 files');
    assert.equal(lines.length, 4);
    for (const l of lines) assert.match(l, ANNOTATION);
    assert.equal(lines[0], "::warning file=notes/day 1%2C a%3Ab.md,line=3,col=10,endLine=3,endColumn=18,title=Talk Notes (casing)::'Kubevirt' → KubeVirt (CNCF incubating)");
    assert.ok(lines.some((l) => l.startsWith('::notice file=notes/day 1%2C a%3Ab.md,line=3,col=36,') && l.includes('healhty')), 'information is a notice');
  });

  test('escaping follows GitHub: %, CR and LF in messages; also : and , in properties', () => {
    assert.equal(escapeData('50% done\r\nnext: a, b'), '50%25 done%0D%0Anext: a, b');
    assert.equal(escapeProperty('a:b,c%\n'), 'a%3Ab%2Cc%25%0A');
  });
});

describe('--format sarif', { concurrency: true }, () => {
  // The published schema is draft-04, which Ajv 8 has no class for. It uses nothing whose meaning changed in
  // draft-06/07 (boolean exclusiveMinimum/Maximum, `id` as a schema's id below the root): checked here, so
  // the draft-07 validator reads it as draft-04 would.
  const schemaText = fs.readFileSync(path.join(REPO, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8');
  const { $schema, id, ...schema } = JSON.parse(schemaText) as Record<string, unknown>;

  test('the schema is draft-04 and uses nothing draft-07 reads differently', () => {
    assert.equal($schema, 'http://json-schema.org/draft-04/schema#');
    assert.doesNotMatch(schemaText, /"exclusiveM(in|ax)imum"/);
    const ids: unknown[] = [];
    const visit = (node: unknown, isProperties: boolean): void => {
      if (!node || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        if (!isProperties && key === 'id') ids.push(value);
        visit(value, key === 'properties' && !isProperties);
      }
    };
    visit(schema, false);
    assert.deepEqual(ids, [], 'no nested schema ids');
    assert.equal(typeof id, 'string');
  });

  test('validates against the SARIF 2.1.0 schema, with rules, levels, regions and fixes', async () => {
    // unicodeRegExp off: the schema's pattern for `language` ("…]?$") is no valid Unicode-mode expression.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile({ $id: id as string, ...schema });
    const dir = folder({ 'notes/day 1.md': NOTES, 'notes/day2.md': '# Day 2\n\nPromethus\n' });
    const r = await run(['check', '--format', 'sarif', 'notes'], dir);
    assert.equal(r.status, 1, r.stderr);
    const log = JSON.parse(r.stdout) as { version: string; runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[] }[] }[] };
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    assert.equal(log.version, '2.1.0');
    assert.equal(validate({ ...log, version: '2.0.0' }), false, 'the validator does reject a wrong log');
    const [sarifRun] = log.runs;
    assert.deepEqual(sarifRun.tool.driver.rules.map((rule) => rule.id), Object.keys(CHECK_DESCRIPTIONS));
    assert.deepEqual(sarifRun.results.map((x) => x.level), ['warning', 'warning', 'note', 'warning']);
    const first = sarifRun.results[0].locations[0].physicalLocation;
    assert.equal(first.artifactLocation.uri, 'notes/day%201.md');
    assert.deepEqual(first.region, { startLine: 3, startColumn: 10, endLine: 3, endColumn: 18 });
  });

  test("the rules' descriptions are the settings' descriptions", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
    const severity = pkg.contributes.configuration.properties['talkNotes.severity'].properties as Record<string, { description: string }>;
    assert.deepEqual(CHECK_DESCRIPTIONS, Object.fromEntries(Object.entries(severity).map(([k, v]) => [k, v.description])));
  });
});

describe('--max-warnings', { concurrency: true }, () => {
  const dir = folder({ 'a.md': NOTES, 'strict/.talk-notes.json': '{ "severity": { "casing": "error" } }', 'strict/b.md': NOTES });
  const cases: [string, string[], number][] = [
    ['three problems, at most 3 allowed', ['a.md', '--max-warnings', '3'], 0],
    ['three problems, at most 2 allowed', ['a.md', '--max-warnings=2'], 1],
    ['no flag: any problem fails', ['a.md'], 1],
    ['an error fails whatever the number', ['strict/b.md', '--max-warnings', '100'], 1],
  ];
  for (const [name, args, status] of cases) {
    test(`${name}: exit ${status}`, async () => {
      const r = await run(['check', ...args], dir);
      assert.equal(r.status, status, r.stdout + r.stderr);
      if (name.includes('at most 2')) assert.match(r.stderr, /^talk-notes: 3 problems below error level, more than --max-warnings 2\n$/);
    });
  }
});

describe('folders and globs: .gitignore, node_modules and hidden folders', { concurrency: true }, () => {
  const dir = folder({
    '.gitignore': 'build/\n*.tmp.md\n!keep.tmp.md\n',
    'notes/a.md': NOTES,
    'notes/old.tmp.md': NOTES,
    'notes/keep.tmp.md': NOTES,
    'notes/sub/.gitignore': 'private.md\n',
    'notes/sub/private.md': NOTES,
    'notes/sub/b.MD': NOTES,
    'build/out.md': NOTES,
    'node_modules/pkg/README.md': NOTES,
    '.github/PULL_REQUEST_TEMPLATE.md': NOTES,
  });
  fs.mkdirSync(path.join(dir, '.git'));
  const files = async (...args: string[]): Promise<string[]> => {
    const r = await run(['check', '--format', 'json', ...args], dir);
    assert.notEqual(r.status, 2, r.stderr);
    return (JSON.parse(r.stdout) as { file: string }[]).map((f) => f.file).sort();
  };

  test('a folder: what git ignores (nested .gitignore and ! too), node_modules and hidden folders are left out', async () => {
    assert.deepEqual(await files('.'), ['notes/a.md', 'notes/keep.tmp.md', 'notes/sub/b.MD']);
  });

  test('a glob: the same rules', async () => {
    assert.deepEqual(await files('**/*.md'), ['notes/a.md', 'notes/keep.tmp.md']);
    assert.deepEqual(await files('notes/*.md'), ['notes/a.md', 'notes/keep.tmp.md']);
  });

  test('a file named on the command line is checked even if git ignores it', async () => {
    assert.deepEqual(await files('build/out.md', 'notes/sub/private.md'), ['build/out.md', 'notes/sub/private.md']);
  });
});

describe('bad flags: one line on stderr, nothing on stdout, exit 2', { concurrency: true }, () => {
  const dir = folder({ 'notes.md': NOTES });
  const cases: [string[], RegExp][] = [
    [['--bogus', 'notes.md'], /unknown option '--bogus'/],
    [['-x', 'notes.md'], /unknown option '-x'/],
    [['--format', 'xml', 'notes.md'], /--format takes 'text', 'json', 'github', 'sarif', not 'xml'/],
    [['notes.md', '--format'], /--format takes 'text', 'json', 'github', 'sarif'$/m],
    [['--catalog', '--fix', 'notes.md'], /--catalog takes a file/],
    [['--fix=yes', 'notes.md'], /--fix takes no value/],
    [['--max-warnings', 'ten', 'notes.md'], /--max-warnings takes a whole number, not 'ten'/],
    [['--max-warnings', '-1', 'notes.md'], /--max-warnings takes a whole number/],
    [['--format', 'sarif', '--outline', 'notes.md'], /--outline works with --format text or json/],
    [['--config', 'a.json', '--no-config', 'notes.md'], /exclude each other/],
  ];
  for (const [args, message] of cases) {
    test(args.join(' '), async () => {
      const r = await run(['check', ...args], dir);
      assert.equal(r.status, 2, r.stdout + r.stderr);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /^talk-notes: [^\n]+\n$/);
      assert.match(r.stderr, message);
    });
  }

  test('-- ends the options: a file named like one', async () => {
    fs.writeFileSync(path.join(dir, '--fix.md'), NOTES);
    const r = await run(['check', '--format', 'json', '--', '--fix.md'], dir);
    assert.equal(r.status, 1, r.stderr);
    assert.equal((JSON.parse(r.stdout) as { file: string }[])[0].file, '--fix.md');
  });
});
