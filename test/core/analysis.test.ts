// Analysis.eachFinding (the CLI's report) must visit exactly what Analysis.findings lists, in the same order.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { DEFAULT_SETTINGS } from '../../server/src/core/check/settings.ts';
import type { Analysis } from '../../server/src/core/check/analysis.ts';
import { analyze } from './helpers.ts';

const SAMPLE = fs.readFileSync(path.resolve(__dirname, '..', '..', 'data', 'demo', 'kubecon-notes.md'), 'utf8');

function visited(analysis: Analysis): string[] {
  const out: string[] = [];
  analysis.eachFinding((f, start, end) => out.push(`${start}-${end} ${f.code} ${f.message} ${f.fixes.join('|')}`));
  return out;
}

function listed(analysis: Analysis): string[] {
  return analysis.findings.map((f) => `${f.start}-${f.end} ${f.code} ${f.message} ${f.fixes.join('|')}`);
}

describe('eachFinding', () => {
  test('visits the findings of the sample in order, before and after they are listed', () => {
    const analysis = analyze(SAMPLE);
    const before = visited(analysis);
    assert.ok(before.length > 10, `only ${before.length} findings`);
    assert.deepEqual(before, listed(analysis));
    assert.deepEqual(visited(analysis), before);
  });

  test('leaves out what disable comments and severity off leave out', () => {
    const text = `${SAMPLE}\n<!-- talk-notes-disable -->\nKubevirt and orchectration\n<!-- talk-notes-enable -->\nKubevirt again\n`;
    const withDirectives = analyze(text);
    assert.deepEqual(visited(withDirectives), listed(withDirectives));
    const silenced = text.indexOf('Kubevirt and');
    assert.ok(!withDirectives.findings.some((f) => f.start >= silenced && f.start < silenced + 30), 'the disabled line is silent');
    assert.ok(withDirectives.findings.some((f) => f.wrong === 'Kubevirt' && f.start > silenced + 30), 'the line after is not');
    const quiet = analyze(text, { severity: { ...DEFAULT_SETTINGS.severity, spelling: 'off', casing: 'off' } });
    const lines = visited(quiet);
    assert.deepEqual(lines, listed(quiet));
    assert.ok(!lines.some((l) => / (spelling|casing) /.test(l)), 'no spelling or casing findings');
    assert.ok(lines.length < visited(withDirectives).length);
  });
});
