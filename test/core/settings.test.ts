// Settings and the workspace dictionary: broken values are reported and replaced by defaults.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_SETTINGS, parseDictionaryFile, validateSettings } from '../../server/src/core/check/settings.ts';
import { analyze, flags } from './helpers.ts';

describe('settings', () => {
  test('valid settings are taken', () => {
    const { settings, problems } = validateSettings({ enable: false, severity: { spelling: 'off', casing: 'Error' }, knownNames: ['Zed Quorn'], ignoredWords: ['Kubevirt'] });
    assert.deepEqual(problems, []);
    assert.equal(settings.enable, false);
    assert.equal(settings.severity.spelling, 'off');
    assert.equal(settings.severity.casing, 'error');
    assert.deepEqual(settings.knownNames, ['Zed Quorn']);
  });
  test('malformed values keep their defaults and are named', () => {
    const { settings, problems } = validateSettings({ enable: 'yes', severity: { casing: 'loud', nope: 'warning' }, knownNames: 42, ignoredWords: ['ok', 7] });
    assert.equal(settings.enable, true);
    assert.equal(settings.severity.casing, DEFAULT_SETTINGS.severity.casing);
    assert.deepEqual(settings.knownNames, []);
    assert.deepEqual(settings.ignoredWords, ['ok']);
    assert.equal(problems.length, 5);
    assert.ok(problems.some((p) => p.includes('talkNotes.severity.casing')));
  });
  test('problems: openFiles (default) or workspace', () => {
    assert.equal(DEFAULT_SETTINGS.problems, 'openFiles');
    assert.equal(validateSettings({ problems: 'workspace' }).settings.problems, 'workspace');
    const broken = validateSettings({ problems: 'everywhere' });
    assert.equal(broken.settings.problems, 'openFiles');
    assert.deepEqual(broken.problems, ["talkNotes.problems should be 'openFiles' or 'workspace'; the default is used."]);
  });
  test('a non-object is ignored', () => {
    assert.deepEqual(validateSettings('nonsense').settings, DEFAULT_SETTINGS);
    assert.equal(validateSettings([1]).problems.length, 1);
  });
  test('ignored words and severity off silence findings', () => {
    assert.deepEqual(flags('- Kubevirt and ETCD', { ignoredWords: ['kubevirt'] }), ['ETCD -> etcd']);
    assert.deepEqual(flags('- Kubevirt and ETCD', { severity: { ...DEFAULT_SETTINGS.severity, casing: 'off' } }), []);
  });
});

describe('workspace dictionary file', () => {
  test('one name per line, comments and blanks skipped, garbage lines reported', () => {
    const { names, problems } = parseDictionaryFile('# team names\nQuorn\n\n  Zed Vexley  \n' + 'x'.repeat(300) + '\nbad\u0007line\n');
    assert.deepEqual(names, ['Quorn', 'Zed Vexley']);
    assert.equal(problems.length, 2);
  });
  test('a binary file is ignored with a message', () => {
    const { names, problems } = parseDictionaryFile('abc\u0000def');
    assert.deepEqual(names, []);
    assert.equal(problems.length, 1);
  });
  test('dictionary names are known, and their near misses are caught', () => {
    const text = '- Quorvane ships the operator\n- Quorvanne again';
    assert.deepEqual(flags(text), []);
    const a = analyze(text, {}, ['Quorvane']);
    assert.deepEqual(a.findings.map((f) => `${f.wrong} -> ${f.fixes[0]}`), ['Quorvanne -> Quorvane']);
  });
});

describe('disable comments', () => {
  test('next line and regions', () => {
    const text = '<!-- talk-notes-disable-next-line -->\n- Kubevirt\n- ETCD\n<!-- talk-notes-disable -->\n- Noobaa\n<!-- talk-notes-enable -->\n- Fluentbit\n';
    assert.deepEqual(analyze(text).findings.map((f) => f.wrong), ['ETCD', 'Fluentbit']);
  });
});
