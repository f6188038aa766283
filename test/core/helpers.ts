// Shared set-up for core tests: the real bundled catalog and dictionary, loaded once.
import { analyzeText, type Analysis, type Engine } from '../../server/src/core/check/document.ts';
import { applyEdits, fixEdit } from '../../server/src/core/check/fixes.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/core/check/settings.ts';
import type { Finding } from '../../server/src/core/types.ts';
import { loadEngine } from '../../server/src/data.ts';

let engine: Engine | undefined;

export function testEngine(): Engine {
  return (engine ??= loadEngine());
}

export function analyze(text: string, settings: Partial<Settings> = {}, extraNames: string[] = []): Analysis {
  return analyzeText(testEngine(), text, { ...DEFAULT_SETTINGS, ...settings }, extraNames);
}

/** Findings that draw a squiggle (hints do not). */
export function visible(analysis: Analysis): Finding[] {
  return analysis.findings.filter((f) => DEFAULT_SETTINGS.severity[f.code] !== 'hint');
}

/** The finding that covers the nth occurrence of `wrong`. */
export function findingOn(analysis: Analysis, wrong: string, nth = 0): Finding | undefined {
  let at = -1;
  for (let k = 0; k <= nth; k++) {
    at = analysis.text.indexOf(wrong, at + 1);
    if (at < 0) return undefined;
  }
  return analysis.findings.find((f) => f.start < at + wrong.length && f.end > at);
}

/** The text after applying the finding's first fix. */
export function fixed(analysis: Analysis, finding: Finding): string {
  return applyEdits(analysis.text, [fixEdit(finding)]);
}

/** Asserts-friendly summary: what a sentence gets flagged for, as "wrong -> fix" strings. */
export function flags(text: string, settings: Partial<Settings> = {}): string[] {
  return visible(analyze(text, settings)).map((f) => `${f.wrong} -> ${f.fixes[0]}`);
}
