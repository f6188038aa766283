#!/usr/bin/env node
// A 20,000-line notes file in code-server (VS Code 1.100 in headless chromium via playwright-core), running the
// packaged .vsix, as a note-taker meets it: how long until the first squiggle after opening it, and typo →
// squiggle while typing in its middle (p95, next to the same in a small file, measured in the same run);
// after those edits, the squiggles at its top come back when scrolled to (the client tells the server what is
// on screen), and the status bar says how many problems are shown of how many; with talkNotes.problems
// "workspace", the Problems panel lists a file never opened.
// Options: --vsix FILE (default talk-notes.vsix), --keep, --grep RE, --json FILE (write the measurements).
// Exit 0 = all passed, 1 = a test failed, 2 = harness error (code-server/chromium did not start, no .vsix).
import { createSuite, Fail, finish, openWorkbench, requireVsix, runCases, workbenchHelpers } from './ui-cases.mjs';
import { parseArgs } from 'node:util';
import path from 'node:path';
import fs from 'node:fs';
import { log, findCodeServer, makeRunDir, makeWorkspace, isolatedEnv, freePort, REPO } from '../../scripts/e2e/cs-harness.mjs';
import { ensureOrExit } from '../../scripts/e2e/setup.mjs';

const { values: o } = parseArgs({
  options: {
    vsix: { type: 'string', default: path.join(REPO, 'talk-notes.vsix') },
    'run-dir': { type: 'string' }, keep: { type: 'boolean', default: false },
    grep: { type: 'string' },
    json: { type: 'string' },
  },
});
const LABEL = 'e2e big file';
const BIG = 'big-notes.md';
/** The sample notes, in the workspace and never opened: talkNotes.problems "workspace" lists its problems. */
const CLOSED = 'kubecon-notes.md';
const SMALL = 'small-notes.md';
const LINES = 20_000;
/** Typing samples per file (p95 of these). */
const SAMPLES = 20;
/**
 * Bounds that catch a broken or stuck checker without failing on a busy 2-core machine. The targets are 1.5 s
 * to the first squiggle and a typo → squiggle p95 of 150 ms; the measurements are logged, written with --json and
 * reported by `npm run bench`. (The server answers a keystroke there in about 5 ms over stdio: most of the time
 * measured here is the editor taking in the problems of a 20,000-line file.)
 */
const FIRST_SQUIGGLE_BOUND_MS = 15_000;
const TYPO_P95_BOUND_MS = 15_000;
/** One sample's wait for its squiggle. */
const SAMPLE_TIMEOUT_MS = 20_000;

/** Notes of a long conference: a talk every 40 notes, a misspelled project every 25th note. */
function bigLines() {
  const out = ['# Conference archive', ''];
  for (let k = 1; out.length < LINES; k++) {
    if (k % 40 === 1) out.push(`## Talk ${Math.ceil(k / 40)}`, '');
    out.push(k % 25 === 3 ? `- note ${k}: we run Kubevirt next to the queue` : `- note ${k}: the controller kept the queue short`);
  }
  return out.slice(0, LINES);
}
const BIG_LINES = bigLines();
const SMALL_LINES = ['# Small notes', '', 'We run Kubevirt.', '', '## One talk', '', ...Array.from({ length: 40 }, (_, k) => `- note ${k + 1}: the controller kept the queue short`)];
/** `SAMPLES` lines (1-based) from `from` on that hold a plain note, with its number. */
function noteLines(lines, from) {
  const out = [];
  for (let i = from - 1; i < lines.length && out.length < SAMPLES; i++) {
    const m = /^- note (\d+): the controller/.exec(lines[i]);
    if (m) out.push({ line: i + 1, note: Number(m[1]) });
  }
  return out;
}
const T = 30000;

const { codeServer } = ensureOrExit({ codeServer: true, chromium: true, nvim: false, build: false });
const vsix = requireVsix(o.vsix, LABEL);

const { tests, test, assert } = createSuite();
let page;
const { quickInputClosed, closeWidgets, focusEditor, goToLine } = workbenchHelpers(() => page, T);
const measured = {};

/** Whether a warning squiggle lies under `word` on the rendered line matching `lineSrc`. */
function squiggled(lineSrc, word) {
  return page.evaluate(([src, w]) => {
    const re = new RegExp(src);
    for (const line of document.querySelectorAll('.editor-group-container .monaco-editor .view-lines .view-line')) {
      const text = line.textContent.replace(/\u00a0/g, ' ');
      if (!re.test(text)) continue;
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.data.replace(/\u00a0/g, ' ').search(new RegExp(`\\b${w}\\b`));
        if (i < 0) continue;
        const r = document.createRange();
        r.setStart(n, i); r.setEnd(n, i + w.length);
        const b = r.getBoundingClientRect();
        for (const s of document.querySelectorAll('.editor-group-container .monaco-editor .view-overlays .squiggly-warning')) {
          const q = s.getBoundingClientRect();
          if (q.top < b.bottom && q.bottom > b.top && Math.min(q.right, b.right) - Math.max(q.left, b.left) >= b.width * 0.8) return true;
        }
      }
    }
    return false;
  }, [lineSrc, word]);
}
async function waitSquiggled(lineSrc, word, what, timeout = T) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (await squiggled(lineSrc, word)) return;
    await page.waitForTimeout(10);   // polling interval of a condition wait, not a fixed sleep
  }
  throw new Fail(`no squiggle under ${what}`);
}
async function openFile(name) {
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
  await row.waitFor({ timeout: 60000 });
  await row.click();
  await page.waitForSelector(`.tab.active[data-resource-name="${name}"]`, { timeout: T });
  await page.locator('.editor-group-container .monaco-editor .view-lines .view-line').first().waitFor({ timeout: T });
}
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];

/** Types a misspelled name at the end of each of the lines and times each until its squiggle. */
async function typoLatencies(samples) {
  const word = 'Promethus';
  const times = [];
  for (const { line, note } of samples) {
    await goToLine(line, 1);
    await page.keyboard.press('End');
    await page.keyboard.type(` ${word}`, { delay: 0 });
    const t0 = Date.now();
    await waitSquiggled(`note ${note}:.* ${word}$`, word, `"${word}" typed on line ${line}`, SAMPLE_TIMEOUT_MS);
    times.push(Date.now() - t0);
  }
  return times;
}

test('a 20,000-line file: first squiggles soon after opening', async () => {
  const t0 = Date.now();
  await openFile(BIG);
  // The first misspelled name on screen: note 3, line 5.
  await waitSquiggled('note 3:', 'Kubevirt', '"Kubevirt" on the first screen', 60000);
  measured.firstSquiggleMs = Date.now() - t0;
  log(`first squiggle in the ${LINES}-line file: ${measured.firstSquiggleMs} ms after opening it (target ≤ 1500 ms)`);
  assert(measured.firstSquiggleMs <= FIRST_SQUIGGLE_BOUND_MS, `first squiggle after ${measured.firstSquiggleMs} ms`);
});

test('typo → squiggle in the middle of the big file, next to a small file', async () => {
  await openFile(SMALL);
  await focusEditor();
  const small = await typoLatencies(noteLines(SMALL_LINES, 1));
  await openFile(BIG);
  await focusEditor();
  const big = await typoLatencies(noteLines(BIG_LINES, LINES / 2));
  measured.smallTypoP95Ms = p95(small);
  measured.bigTypoP95Ms = p95(big);
  log(`typo → squiggle p95: ${measured.bigTypoP95Ms} ms in the ${LINES}-line file, ${measured.smallTypoP95Ms} ms in a small one (${(measured.bigTypoP95Ms / Math.max(1, measured.smallTypoP95Ms)).toFixed(2)}×; target ≤ 150 ms)`);
  assert(measured.bigTypoP95Ms <= TYPO_P95_BOUND_MS, `big file p95 ${measured.bigTypoP95Ms} ms: ${JSON.stringify(big)}`);
});

test('after edits in the middle, the squiggles at the top come back on scrolling; the status bar tells the cap', async () => {
  await closeWidgets();
  await focusEditor();
  await page.keyboard.press('Control+Home');
  await waitSquiggled('note 3:', 'Kubevirt', '"Kubevirt" at the top after scrolling back', 15000);
  const item = page.locator('.statusbar-item', { hasText: /\d+ of \d+ problems/ }).first();
  try { await item.waitFor({ timeout: T }); } catch { throw new Fail('no "N of M problems" in the status bar'); }
  const text = (await item.innerText()).trim();
  log('status bar:', JSON.stringify(text));
  const m = /(\d+) of (\d+) problems/.exec(text);
  assert(m && Number(m[1]) === 200 && Number(m[2]) > 700, `status bar: ${text}`);
  await item.click();
  const rows = page.locator('.quick-input-list .monaco-list-row');
  try { await rows.first().waitFor({ timeout: T }); } catch { throw new Fail('List All Problems showed nothing'); }
  const placeholder = await page.locator('.quick-input-widget input').first().getAttribute('placeholder');
  assert(new RegExp(`^${m[2]} problems in ${BIG}`).test(placeholder ?? ''), `list: ${placeholder}`);
  await page.keyboard.press('Escape');
  await quickInputClosed();
});

test('talkNotes.problems "workspace": the Problems panel lists the problems of a notes file never opened', async () => {
  await closeWidgets();
  await page.keyboard.press('Control+Shift+M');
  // Problems rows are virtualized (the big file's 200 come first): filter them to the file's.
  const filter = page.locator('.markers-panel-action-filter input, .viewpane-filter input').first();
  await filter.waitFor({ timeout: T });
  await filter.click();
  await filter.fill(`**/${CLOSED}`);
  const row = page.locator('.markers-panel .monaco-list-row', { hasText: CLOSED }).first();
  try { await row.waitFor({ timeout: 60000 }); } catch {
    throw new Fail(`no Problems row for ${CLOSED}: ${JSON.stringify(await page.locator('.markers-panel .monaco-list-row').allInnerTexts().catch(() => []))}`);
  }
  const text = (await row.innerText()).replace(/\s+/g, ' ');
  log('Problems row of the closed file:', JSON.stringify(text));
  assert(/\b[1-9]\d*\b/.test(text), `a problem count for ${CLOSED}: ${text}`);
  assert(!(await page.locator(`.tab[data-resource-name="${CLOSED}"]`).count()), `${CLOSED} was never opened`);
  await filter.fill('');
  await page.keyboard.press('Control+Shift+M');
});

if (process.env.TALK_NOTES_E2E_FORCE_FAIL) test('deliberate failure (negative control)', async () => assert(false, 'TALK_NOTES_E2E_FORCE_FAIL is set'));

// ---- run -------------------------------------------------------------------------------------------
const cs = findCodeServer(codeServer);
const runDir = makeRunDir(o['run-dir'], { 'editor.stickyScroll.enabled': false, 'editor.minimap.enabled': false, 'talkNotes.problems': 'workspace', ...(process.env.TALK_NOTES_E2E_TRACE ? { 'talkNotes.trace.server': 'messages' } : {}) });
const ws = makeWorkspace(runDir.root);
fs.writeFileSync(path.join(ws, BIG), BIG_LINES.join('\n') + '\n');
fs.writeFileSync(path.join(ws, SMALL), SMALL_LINES.join('\n') + '\n');
const env = isolatedEnv(runDir);
const host = '127.0.0.1';
const port = await freePort();
log('run dir', runDir.root);
let server; let browser; let passed = 0; let failed = 0; let harness = null;
try {
  page = await openWorkbench({
    cs, runDir, env, vsix, ws, host, port,
    started: (h) => { server = h.server ?? server; browser = h.browser ?? browser; },
  });
  // The server is up once the small file has its squiggle: the big file is opened with it running (not timed).
  await openFile(SMALL);
  await waitSquiggled('We run Kubevirt', 'Kubevirt', 'the small file (the server starting)', 90000);
  ({ passed, failed } = await runCases(tests, { grep: o.grep, page, runDir, closeWidgets }));
  if (o.json) fs.writeFileSync(o.json, JSON.stringify(measured, null, 2) + '\n');
} catch (e) {
  harness = e;
  console.error('harness error:', e.message);
} finally {
  if (browser) await browser.close().catch(() => {});
  if (server) await server.stop();
}
finish({ label: LABEL, harness, passed, failed, runDir, keep: o.keep, log });
