// The loop and the ending shared by the code-server UI runners: run each case in order (a failed case gets
// a screenshot and its widgets closed, and the next case goes on), then report one closing line and exit.
import fs from 'node:fs';
import path from 'node:path';

/** The .vsix the runner installs: exits with a harness error (2) when it is missing. */
export function requireVsix(file, label) {
  const vsix = path.resolve(file);
  if (!fs.existsSync(vsix)) {
    console.error(`no .vsix at ${vsix}: run 'npm run package' first`);
    console.log(`${label}: 0 passed, 0 failed (harness error)`);
    process.exit(2);
  }
  return vsix;
}

/** A tiny test framework: register cases with test(name, fn); assert throws a Fail. */
export class Fail extends Error {}
export function createSuite() {
  const tests = [];
  const test = (name, fn) => tests.push({ name, fn });
  const assert = (cond, msg) => {
    if (!cond) throw new Fail(msg);
  };
  return { tests, test, assert };
}

/** Runs the cases whose name matches `grep` (all when unset). Returns the counts. */
export async function runCases(tests, { grep, page, runDir, closeWidgets }) {
  let passed = 0;
  let failed = 0;
  for (const [k, t] of tests.entries()) {
    if (grep && !new RegExp(grep).test(t.name)) continue;
    const t0 = Date.now();
    try {
      await t.fn();
      passed++;
      console.log(`  ok    ${t.name} (${Date.now() - t0} ms)`);
    } catch (e) {
      failed++;
      const shot = path.join(runDir.root, `failed-${k + 1}.png`);
      await page.screenshot({ path: shot }).catch(() => {});
      console.log(`  FAIL  ${t.name} (${Date.now() - t0} ms)\n        ${String(e.message).split('\n').slice(0, 4).join('\n        ')}\n        screenshot: ${shot}`);
      await closeWidgets().catch(() => {});
    }
  }
  return { passed, failed };
}

/** Prints `LABEL: N passed, N failed`, keeps the run's logs when something failed, and exits (0, 1, or 2). */
export function finish({ label, harness, passed, failed, runDir, keep, log }) {
  const rc = harness ? 2 : failed ? 1 : passed ? 0 : 1;
  if (rc !== 0 || keep) log(`logs kept in ${runDir.root} (code-server.log, browser-console.log, user-data/logs/, failed-*.png)`);
  else fs.rmSync(runDir.root, { recursive: true, force: true });
  console.log(`${label}: ${passed} passed, ${failed} failed${harness ? ' (harness error)' : ''}`);
  process.exit(rc);
}
