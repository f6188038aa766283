// What "fix all" must do to the sample notes: every required replacement of the shared fixture is applied,
// optional ones (the fixture's optional list plus a few brand casings the checker is allowed to fix) may be
// applied, and every other character stays as it was. Shared by the protocol and CLI tests.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO } from './lsp-client.ts';

interface Replacement {
  /** 1-based line. */
  line: number;
  wrong: string;
  fix: string;
  /** Which occurrence of `wrong` on the line (0-based, default 0). */
  nth?: number;
}

interface Fixture {
  required: Replacement[];
  optional: Replacement[];
  clean: string[];
  outline: { talk: string; speaker?: string; subtitle?: string; sections?: string[] }[];
}

const FIXTURE_FILE = process.env.TALK_NOTES_FIXTURE ?? path.join(REPO, 'test', 'fixtures', 'kubecon-notes.expected.json');

export const FIXTURE: Fixture = JSON.parse(fs.readFileSync(FIXTURE_FILE, 'utf8')) as Fixture;

/** Fixes outside the fixture that are still right (brand and product casing). */
const ALSO_ALLOWED: Replacement[] = [
  { line: 89, wrong: 'docker', fix: 'Docker' },
  { line: 89, wrong: 'docker', fix: 'Docker', nth: 1 },
  { line: 118, wrong: 'github', fix: 'GitHub' },
  { line: 164, wrong: 'Confidential computing consortium', fix: 'Confidential Computing Consortium' },
];

/** Column of the nth occurrence of `wrong` on the line. */
function columnOf(line: string, r: Replacement): number {
  let at = -1;
  for (let k = 0; k <= (r.nth ?? 0); k++) {
    at = line.indexOf(r.wrong, at + 1);
    if (at < 0) throw new Error(`fixture: '${r.wrong}' (#${r.nth ?? 0}) is not on line ${r.line}: ${line}`);
  }
  return at;
}

/** Every acceptable version of a line: all required fixes applied, plus any subset of the optional ones. */
function variants(line: string, required: Replacement[], optional: Replacement[]): Set<string> {
  const out = new Set<string>();
  for (let mask = 0; mask < 1 << optional.length; mask++) {
    const chosen = [...required, ...optional.filter((_, k) => mask & (1 << k))]
      .map((r) => ({ r, at: columnOf(line, r) }))
      .sort((a, b) => b.at - a.at); // right to left, so earlier columns stay valid
    let v = line;
    for (const { r, at } of chosen) v = v.slice(0, at) + r.fix + v.slice(at + r.wrong.length);
    out.add(v);
  }
  return out;
}

/** Required fixes that Fix All leaves by default: English spelling, and the two speaker lines (51 and 139). */
const SPELLING = new Set(['orchectration', 'integation', 'healhty', 'Pricipal']);
export const SPEAKER_LINES = [51, 139];
export const leftByFixAll = (r: Replacement): boolean => SPELLING.has(r.wrong) || SPEAKER_LINES.includes(r.line);
export const leftByFixAllWithSpelling = (r: Replacement): boolean => SPEAKER_LINES.includes(r.line);

/**
 * Checks a fixed version of the sample line by line and returns the problems (empty when it is right).
 * Line endings are compared separately by the callers; here both texts are split on \r?\n. Required fixes
 * that `leave` picks must not be made.
 */
export function checkFixedSample(original: string, fixed: string, options: { leave?: (r: Replacement) => boolean } = {}): string[] {
  const before = original.split(/\r?\n/);
  const after = fixed.split(/\r?\n/);
  const problems: string[] = [];
  if (before.length !== after.length) problems.push(`line count changed: ${before.length} -> ${after.length}`);
  const optional = [...FIXTURE.optional, ...ALSO_ALLOWED];
  before.forEach((line, k) => {
    const n = k + 1;
    const allowed = variants(
      line,
      FIXTURE.required.filter((r) => r.line === n && !options.leave?.(r)),
      optional.filter((r) => r.line === n),
    );
    if (!allowed.has(after[k] ?? '')) problems.push(`line ${n}: got ${JSON.stringify(after[k])}, expected one of ${JSON.stringify([...allowed])}`);
  });
  return problems;
}
