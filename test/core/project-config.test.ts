// The project config file (.talk-notes.json): parsing with line numbers, precedence under the user's settings,
// the walk up to the nearest file, and its JSON schema kept equal to the settings package.json contributes.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { configSchema, SCHEMA_FILE } from '../../scripts/config-schema.ts';
import { applyProjectConfig, CONFIG_SETTING_KEYS, joinPath, parentFolder, parseProjectConfig } from '../../server/src/core/check/project-config.ts';
import { DEFAULT_SETTINGS, validateSettings } from '../../server/src/core/check/settings.ts';
import { ProjectConfigs } from '../../server/src/project-configs.ts';
import { STARTER_CONFIG } from '../../server/src/cli-init.ts';

const REPO = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));

describe('parseProjectConfig', () => {
  test('comments and trailing commas are allowed; relative paths start at the file\'s folder', () => {
    const config = parseProjectConfig('{\n  // team words\n  "ignoredWords": ["Acme"],\n  "catalogFiles": ["team/catalog.json"],\n  "dictionaryFile": "../names.txt",\n}\n', '/repo/notes/.talk-notes.json');
    assert.deepEqual(config.problems, []);
    assert.equal(config.parsed, true);
    assert.deepEqual(config.values.ignoredWords, ['Acme']);
    assert.deepEqual(config.values.catalogFiles, ['/repo/notes/team/catalog.json']);
    assert.equal(config.values.dictionaryFile, '/repo/names.txt');
  });

  test('a syntax error names the file, line and column; nothing of the file is used', () => {
    const config = parseProjectConfig('{\n  "ignoredWords": ["Acme"]\n  "knownNames": []\n}\n', '/repo/.talk-notes.json');
    assert.equal(config.parsed, false);
    assert.deepEqual(config.values, {});
    assert.match(config.problems[0], /^\/repo\/\.talk-notes\.json:3:3: not valid JSON: ',' expected$/);
  });

  test('a wrong value is reported on its line and left out; the rest is used', () => {
    const text = '{\n  "knownNames": "Acme",\n  "severity": {\n    "casing": "loud",\n    "spelling": "off"\n  },\n  "colour": true,\n  "ignoredWords": ["x"]\n}';
    const config = parseProjectConfig(text, '/r/.talk-notes.json');
    assert.deepEqual(config.problems, [
      '/r/.talk-notes.json:2: knownNames should be a list of strings; it was ignored.',
      '/r/.talk-notes.json:4: severity.casing should be one of error, warning, information, hint, off; it was ignored.',
      "/r/.talk-notes.json:7: unknown key 'colour' (known: enable, severity, knownNames, ignoredWords, dictionaryFile, catalogFiles, schedules, scheduleClock, maxProblems, highlightNames, fixAll.include, problems, include, exclude); it was ignored.",
    ]);
    assert.deepEqual(config.values.severity, { spelling: 'off' });
    assert.deepEqual(config.values.ignoredWords, ['x']);
  });

  test('not an object, or empty', () => {
    assert.match(parseProjectConfig('[1]', '/r/.talk-notes.json').problems[0], /^\/r\/\.talk-notes\.json:1: the file should hold an object/);
    assert.deepEqual(parseProjectConfig('', '/r/.talk-notes.json').problems, []);
  });
});

describe('applyProjectConfig', () => {
  const config = parseProjectConfig(
    JSON.stringify({ knownNames: ['Zandra Okoye'], ignoredWords: ['Acme'], severity: { spelling: 'off', casing: 'error' }, maxProblems: 50, schedules: ['conf.ics'], exclude: ['drafts/'], include: ['**/*.md'] }),
    '/repo/.talk-notes.json',
  );

  test('under the defaults, the file decides; the dictionary sits beside it', () => {
    const s = applyProjectConfig(DEFAULT_SETTINGS, config, '/repo/notes/a.md');
    assert.equal(s.severity.spelling, 'off');
    assert.equal(s.severity.casing, 'error');
    assert.equal(s.maxProblems, 50);
    assert.equal(s.dictionaryFile, '/repo/.talk-notes-dictionary.txt');
    assert.deepEqual(s.schedules, ['conf.ics']);
    assert.equal(s.scheduleFolder, '/repo');
    assert.equal(s.enable, true);
  });

  test("a setting the user changed wins; word lists are joined", () => {
    const user = validateSettings({ severity: { spelling: 'warning' }, maxProblems: 10, ignoredWords: ['Mine'], dictionaryFile: 'words.txt', schedules: [] }).settings;
    const s = applyProjectConfig(user, config, '/repo/a.md');
    assert.equal(s.severity.spelling, 'warning');
    assert.equal(s.severity.casing, 'error');
    assert.equal(s.maxProblems, 10);
    assert.deepEqual(s.ignoredWords, ['Mine', 'Acme']);
    assert.deepEqual(s.knownNames, ['Zandra Okoye']);
    assert.equal(s.dictionaryFile, 'words.txt');
    assert.deepEqual(s.schedules, []);
    assert.equal(s.scheduleFolder, undefined);
  });

  test('include and exclude decide which files are checked', () => {
    assert.equal(applyProjectConfig(DEFAULT_SETTINGS, config, '/repo/drafts/a.md').enable, false);
    assert.equal(applyProjectConfig(DEFAULT_SETTINGS, config, '/repo/notes/drafts/a.md').enable, false, 'a folder pattern matches at any depth, as in .gitignore');
    assert.equal(applyProjectConfig(DEFAULT_SETTINGS, config, '/repo/notes/a.markdown').enable, false, 'not included');
    assert.equal(applyProjectConfig(DEFAULT_SETTINGS, config, '/repo/notes/a.md').enable, true);
  });
});

describe('paths', () => {
  test('parentFolder and joinPath, POSIX and Windows', () => {
    assert.equal(parentFolder('/a/b/c.md'), '/a/b');
    assert.equal(parentFolder('/a'), '/');
    assert.equal(parentFolder('/'), undefined);
    assert.equal(parentFolder('C:\\notes\\a.md'), 'C:\\notes');
    assert.equal(parentFolder('C:\\notes'), 'C:\\');
    assert.equal(parentFolder('C:\\'), undefined);
    assert.equal(joinPath('/a/b', '../c/./d.txt'), '/a/c/d.txt');
    assert.equal(joinPath('/', '.talk-notes.json'), '/.talk-notes.json');
    assert.equal(joinPath('/a', '/abs.txt'), '/abs.txt');
    assert.equal(joinPath('C:\\notes', 'team\\c.json'), 'C:\\notes\\team\\c.json');
  });
});

describe('ProjectConfigs', () => {
  test('the nearest file walking up; a broken file keeps its last valid version', () => {
    const files = new Map<string, string>([['/repo/.talk-notes.json', '{ "ignoredWords": ["Acme"] }']]);
    const reads: string[] = [];
    const told: string[] = [];
    const configs = new ProjectConfigs((f) => (reads.push(f), files.get(f)), (p) => told.push(...p));
    assert.equal(configs.forFile('/repo/notes/2024/a.md')?.file, '/repo/.talk-notes.json');
    assert.deepEqual(reads, ['/repo/notes/2024/.talk-notes.json', '/repo/notes/.talk-notes.json', '/repo/.talk-notes.json']);
    configs.forFile('/repo/notes/2024/b.md');
    assert.equal(reads.length, 3, 'each folder is looked up once');
    assert.equal(configs.forFile('/elsewhere/a.md'), undefined);

    files.set('/repo/.talk-notes.json', '{ "ignoredWords": [');
    configs.invalidate();
    assert.deepEqual(configs.settingsFor('/repo/a.md', DEFAULT_SETTINGS).ignoredWords, ['Acme']);
    assert.match(told[0], /^\/repo\/\.talk-notes\.json:1:\d+: not valid JSON: .*; its last valid version is used until it is fixed\.$/);
  });
});

describe('the schema of .talk-notes.json', () => {
  const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8'));

  test('is the one made from package.json (run `node --import tsx scripts/config-schema.ts` after changing a setting)', () => {
    assert.deepEqual(schema, configSchema(pkg));
  });

  test('has a key for every resource setting, and the file reader takes each', () => {
    const settings = Object.entries(pkg.contributes.configuration.properties as Record<string, { scope?: string }>)
      .filter(([, s]) => s.scope !== 'window')
      .map(([k]) => k.replace(/^talkNotes\./, ''));
    assert.deepEqual(Object.keys(schema.properties).sort(), [...settings, 'include', 'exclude', '$schema'].sort());
    assert.deepEqual(Object.keys(CONFIG_SETTING_KEYS).sort(), settings.sort());
    assert.ok(pkg.contributes.jsonValidation.some((v: { fileMatch: string; url: string }) => v.fileMatch === '.talk-notes.json' && path.resolve(REPO, v.url) === SCHEMA_FILE));
    assert.match(fs.readFileSync(path.join(REPO, '.vscodeignore'), 'utf8'), /^!schemas\/talk-notes\.schema\.json$/m, 'the schema ships in the .vsix');
  });

  test('accepts the starter file of `talk-notes init` and rejects a typo', () => {
    const ajv = new Ajv({ allErrors: true });
    ajv.addVocabulary(['markdownDescription', 'enumDescriptions', 'patternErrorMessage']); // VS Code's own keywords
    const validate = ajv.compile(schema);
    assert.ok(validate(JSON.parse(STARTER_CONFIG)), JSON.stringify(validate.errors));
    assert.equal(validate({ ignoredWord: [] }), false);
    assert.equal(validate({ severity: { casing: 'loud' } }), false);
  });
});
