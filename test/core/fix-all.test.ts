// Fix All applies only what is safe in bulk: clear name fixes (English spelling when asked), never in a
// speaker line or on a speaker's name (issue #15: "Speaker: Lee Calcote, Layer5" became "Lee Calcite").
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fixAllLeftOver, fixAllSummary, planFixAll, type FixAllKind } from '../../server/src/core/check/fix-all.ts';
import { applyEdits } from '../../server/src/core/check/fixes.ts';
import { validateSettings } from '../../server/src/core/check/settings.ts';
import type { Finding } from '../../server/src/core/types.ts';
import { analyze, testEngine } from './helpers.ts';

function fixAll(text: string, include?: FixAllKind[], extra: Finding[] = []): { text: string; plan: ReturnType<typeof planFixAll> } {
  const a = analyze(text);
  const plan = planFixAll({ text: a.text, findings: [...a.findings, ...extra], outline: a.outline, learned: a.learned }, testEngine().catalog, include);
  return { text: applyEdits(text, plan.edits), plan };
}

describe('Fix All', () => {
  test('a labelled speaker line is left alone; the rest of the file is fixed', () => {
    const { text, plan } = fixAll('# Talk\n\n- Speaker: Matt Klien, Lyft\n- We run Kubevirt.\n');
    assert.equal(text, '# Talk\n\n- Speaker: Matt Klien, Lyft\n- We run KubeVirt.\n');
    assert.equal(plan.skipped.speaker, 1);
  });

  test('the speaker line under a talk heading and "by Name" lines are left alone', () => {
    assert.equal(fixAll('## Keynote\n\nby Derek Collision\n\nNATS and Kubevirt.\n').text, '## Keynote\n\nby Derek Collision\n\nNATS and KubeVirt.\n');
    const sample = '### NATS update\nDerek Collision - Synadia, azure fan\n\nRuns on Kubevirt.\n';
    assert.equal(fixAll(sample).text, '### NATS update\nDerek Collision - Synadia, azure fan\n\nRuns on KubeVirt.\n');
  });

  test("a speaker's name is not changed elsewhere in the file", () => {
    const text = '# Mesh talk\n\nSpeaker: Lee Calcote, Layer5\n\nCalcote showed Meshery on Kubevirt.\n';
    const at = text.indexOf('Calcote showed');
    // The slip the issue reports: the surname taken for a catalog name.
    const slip: Finding = { code: 'typo', start: at, end: at + 7, wrong: 'Calcote', fixes: ['Calcite'], preferred: true, message: "'Calcote' → Calcite" };
    const { text: fixed, plan } = fixAll(text, undefined, [slip]);
    assert.equal(fixed, text.replace('Kubevirt', 'KubeVirt'));
    assert.equal(plan.skipped.speaker, 1);
  });

  test('English spelling is left by default and fixed when included', () => {
    const text = '# Talk\n\nThe healhty nodes run Kubevirt.\n';
    const names = fixAll(text);
    assert.equal(names.text, '# Talk\n\nThe healhty nodes run KubeVirt.\n');
    assert.equal(names.plan.skipped.spelling, 1);
    assert.match(fixAllLeftOver(names.plan), /1 English spelling \(add "spelling" to talkNotes.fixAll.include/);
    const both = fixAll(text, ['names', 'spelling']);
    assert.equal(both.text, '# Talk\n\nThe healthy nodes run KubeVirt.\n');
    assert.equal(fixAllSummary(both.plan.edits, ['names', 'spelling']), 'Fixed 1 name and 1 spelling in this file');
  });

  test('a fix without one clear choice is skipped and counted', () => {
    const text = 'Did hwo see Kubevirt?\n';
    const { text: fixed, plan } = fixAll(text, ['names', 'spelling']);
    assert.equal(fixed, 'Did hwo see KubeVirt?\n');
    assert.equal(plan.skipped.unclear, 1);
    const at = text.indexOf('Kubevirt');
    const unclear: Finding = { code: 'typo', start: at, end: at + 8, wrong: 'Kubevirt', fixes: ['KubeVirt', 'Kubeflow'], preferred: false, message: '' };
    const a = analyze(text);
    const only = planFixAll({ text, findings: [unclear], outline: a.outline, learned: a.learned }, testEngine().catalog);
    assert.deepEqual(only.edits, []);
  });

  test('short forms (k8s) are accepted writing, never expanded in bulk', () => {
    assert.equal(fixAll('We run k8s and Kubevirt.\n').text, 'We run k8s and KubeVirt.\n');
  });

  test('the summary counts names', () => {
    const { plan } = fixAll('Kubevirt, ETCD and Promethus.\n');
    assert.equal(fixAllSummary(plan.edits), 'Fixed 3 names in this file');
    assert.equal(fixAllSummary([]), 'No names to fix in this file');
  });

  test('talkNotes.fixAll.include is read nested (VS Code) or dotted, unknown kinds reported', () => {
    assert.deepEqual(validateSettings({}).settings.fixAllInclude, ['names']);
    assert.deepEqual(validateSettings({ fixAll: { include: ['spelling', 'names'] } }).settings.fixAllInclude, ['names', 'spelling']);
    assert.deepEqual(validateSettings({ 'fixAll.include': ['spelling'] }).settings.fixAllInclude, ['spelling']);
    const odd = validateSettings({ fixAll: { include: ['names', 'grammar'] } });
    assert.deepEqual(odd.settings.fixAllInclude, ['names']);
    assert.equal(odd.problems.length, 1);
  });
});
