#!/usr/bin/env node
// One talk-aware outline, in code-server (VS Code 1.100 in headless chromium via playwright-core) with the
// packaged .vsix: speaker lines as people write them ("Speaker: Name, Company", "- **Speakers:** A & B",
// "by Name") give the talks their speakers in the Talks view; Go to Symbol in Editor (Ctrl+Shift+O) lists
// every heading once (Markdown's symbols only, none of ours), the breadcrumbs have no "Talk Notes" crumb,
// Go to Symbol in Workspace finds a speaker and no second copy of a heading; the Talks view follows the
// cursor and opens a file with many talks collapsed; "New Talk" with the clock pinned inserts the running session.
// Options: --vsix FILE (default talk-notes.vsix), --keep (keep the run dir), --grep RE.
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
    'update-screenshot': { type: 'boolean', default: false },
  },
});
const LABEL = 'e2e outline';
const FILE = 'speakers.md';
const NOTES = [
  '# KubeCon Day 1', '',
  '## Service mesh in production', '',
  'Speaker: Zorblat Quindle, Acme', '',
  '- Zorblat Quindle showed the mesh', '- retries and timeouts', '',
  '## Policy at scale', '',
  '- **Speakers:** Mirela Tanase & Halvard Brekke', '- rules as code', '- audits', '',
  '## Closing keynote', '',
  'by Kelsey Hightower', '',
  '- what comes next', '',
].join('\n');
const HEADINGS = ['KubeCon Day 1', 'Service mesh in production', 'Policy at scale', 'Closing keynote'];
/** A file with many talks: the Talks view opens it collapsed. */
const BIG = 'conference-archive.md';
const BIG_NOTES = Array.from({ length: 40 }, (_, k) => `## Archived talk ${k + 1}\n\n- notes of talk ${k + 1}\n`).join('\n');
/** The session running at the pinned clock in the schedule of the workspace (an invented conference). */
const RUNNING = 'Scaling Ferrowheel: Batch Jobs, Queues; and Backpressure';
/** The line New Talk writes its heading on: after a blank line below the notes (their last line is empty). */
const HEADING_LINE = NOTES.split('\n').length + 1;
const T = 30000;   // default wait for one condition (a loaded 2-core machine)

const { codeServer } = ensureOrExit({ codeServer: true, chromium: true, nvim: false, build: false });   // runs the .vsix, not dist/
const vsix = requireVsix(o.vsix, LABEL);

const { tests, test, assert } = createSuite();
let page;
const { waitStatus, quickInputOpen, quickInputClosed, closeWidgets, focusEditor, runCommand, goToLine, waitLine } = workbenchHelpers(() => page, T);

const talksPane = () => page.locator('.pane', { has: page.locator('.pane-header h3.title', { hasText: /^talks$/i }) }).first();
async function rowTexts() {
  return talksPane().locator('.monaco-list-row').evaluateAll((rows) => rows.map((r) => ({
    label: (r.querySelector('.label-name')?.textContent ?? '').trim(),
    description: (r.querySelector('.label-description')?.textContent ?? '').trim(),
    expanded: r.getAttribute('aria-expanded'),
    selected: r.getAttribute('aria-selected') === 'true' || r.classList.contains('selected'),
  })));
}
async function waitRows(pred, what, timeout = T) {
  const end = Date.now() + timeout;
  let rows = [];
  while (Date.now() < end) {
    rows = await rowTexts();
    if (pred(rows)) return rows;
    await page.waitForTimeout(100);   // polling interval of a condition wait, not a fixed sleep
  }
  throw new Fail(`Talks view never showed ${what}; rows: ${JSON.stringify(rows)}`);
}
async function openTalksView() {
  // Only rows in view are in the DOM: give the Talks view the sidebar by collapsing the other sections.
  for (const h of await page.locator('.part.sidebar .pane-header[aria-expanded="true"]').all()) {
    const title = ((await h.locator('h3.title').textContent().catch(() => '')) ?? '').trim();
    if (!/^talks$/i.test(title)) await h.click();
  }
  const header = talksPane().locator('.pane-header');
  await header.waitFor({ timeout: T });
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
}
/** The rows of the open quick input, once `ready(labels)` holds. */
async function quickRows(ready, what) {
  const end = Date.now() + T;
  let labels = [];
  while (Date.now() < end) {
    labels = (await page.locator('.quick-input-list .monaco-list-row .label-name').allInnerTexts().catch(() => [])).map((s) => s.trim());
    if (ready(labels)) return labels;
    await page.waitForTimeout(50);
  }
  throw new Fail(`${what}: ${JSON.stringify(labels)}`);
}
const bare = (label) => label.replace(/^#+\s*/, '');
/** A README screenshot (docs/), written when asked (--update-screenshot) or missing. */
async function screenshot(name) {
  const file = path.join(REPO, 'docs', name);
  if (!o['update-screenshot'] && fs.existsSync(file)) return;
  await page.screenshot({ path: file });
  log(`screenshot written to docs/${name}`);
}

test('"Speaker: Name, Company" and the other speaker lines give the talks their speakers (Talks view)', async () => {
  await openTalksView();
  const rows = await waitRows((r) => r.some((x) => x.label === 'Closing keynote' && x.description), 'the three talks with speakers');
  const speaker = (title) => rows.find((r) => r.label === title)?.description;
  assert(speaker('Service mesh in production') === 'Zorblat Quindle', `Service mesh: ${JSON.stringify(speaker('Service mesh in production'))}`);
  assert(speaker('Policy at scale') === 'Mirela Tanase & Halvard Brekke', `Policy: ${JSON.stringify(speaker('Policy at scale'))}`);
  assert(speaker('Closing keynote') === 'Kelsey Hightower', `Closing: ${JSON.stringify(speaker('Closing keynote'))}`);
});

test('a file with many talks starts collapsed; a small one expanded', async () => {
  const rows = await waitRows((r) => r.some((x) => x.label === BIG), `the ${BIG} row`);
  const big = rows.find((r) => r.label === BIG);
  const small = rows.find((r) => r.label === FILE);
  assert(big.expanded === 'false', `${BIG} aria-expanded=${big.expanded}`);
  assert(small?.expanded === 'true', `${FILE} aria-expanded=${small?.expanded}`);
  assert(!rows.some((r) => /^Archived talk/.test(r.label)), 'no archived talk rows while collapsed');
});

test('the Talks view follows the cursor: the talk the cursor is in is selected', async () => {
  await goToLine(13, 1);   // "- rules as code", in "Policy at scale"
  await waitRows((r) => r.some((x) => x.label === 'Policy at scale' && x.selected), '"Policy at scale" selected');
  await goToLine(7, 1);    // "- Zorblat Quindle showed the mesh"
  await waitRows((r) => r.some((x) => x.label === 'Service mesh in production' && x.selected), '"Service mesh in production" selected');
});

test('Go to Symbol in Editor (Ctrl+Shift+O) lists every heading once', async () => {
  await focusEditor();
  await page.keyboard.press('Control+Shift+O');
  await quickInputOpen();
  const labels = await quickRows((l) => HEADINGS.every((h) => l.some((x) => bare(x) === h)), 'Go to Symbol never listed every heading');
  log('symbols:', JSON.stringify(labels));
  const names = labels.map(bare);
  const twice = names.filter((n, k) => names.indexOf(n) !== k);
  assert(!twice.length, `listed twice: ${JSON.stringify(twice)} in ${JSON.stringify(labels)}`);
  assert(!labels.some((l) => /Talk Notes/.test(l)), `a "Talk Notes" entry: ${JSON.stringify(labels)}`);
  await page.keyboard.press('Escape');
  await quickInputClosed();
});

test('the breadcrumbs show the headings without a "Talk Notes" crumb', async () => {
  await goToLine(13, 1);
  const crumbs = page.locator('.editor-group-container .breadcrumbs-control .monaco-breadcrumb-item');
  const end = Date.now() + T;
  let texts = [];
  while (Date.now() < end) {
    texts = (await crumbs.allInnerTexts().catch(() => [])).map((s) => s.trim());
    if (texts.some((t) => bare(t) === 'Policy at scale')) break;
    await page.waitForTimeout(50);
  }
  log('breadcrumbs:', JSON.stringify(texts));
  assert(texts.some((t) => bare(t) === 'Policy at scale'), `breadcrumbs: ${JSON.stringify(texts)}`);
  assert(!texts.some((t) => /Talk Notes/.test(t)), `a "Talk Notes" crumb: ${JSON.stringify(texts)}`);
});

/**
 * Types `query` into the open Go to Symbol in Workspace until its rows satisfy `ready`: the list is final
 * once the providers answered, and an index still filling (Markdown's, ours) answers nothing yet.
 */
async function searchSymbols(query, ready, what) {
  const end = Date.now() + 3 * T;
  let labels = [];
  while (Date.now() < end) {
    await page.keyboard.press('Control+A');
    await page.keyboard.type(`#${query}`);   // "#": the quick input's workspace symbol mode
    const tryEnd = Date.now() + 5000;
    while (Date.now() < tryEnd) {
      labels = (await page.locator('.quick-input-list .monaco-list-row .label-name').allInnerTexts().catch(() => [])).map((s) => s.trim());
      if (ready(labels)) return labels;
      await page.waitForTimeout(100);
    }
  }
  throw new Fail(`${what}: ${JSON.stringify(labels)}`);
}

test('Go to Symbol in Workspace finds a speaker, and a heading once', async () => {
  await runCommand('Go to Symbol in Workspace');
  await quickInputOpen();
  const found = await searchSymbols('Quindle', (l) => l.includes('Zorblat Quindle'), 'no "Zorblat Quindle" symbol');
  log('workspace symbols for "Quindle":', JSON.stringify(found));
  const labels = await searchSymbols('Policy', (l) => l.some((x) => bare(x) === 'Policy at scale'), 'no "Policy at scale" symbol');
  log('workspace symbols for "Policy":', JSON.stringify(labels));
  assert(labels.filter((x) => bare(x) === 'Policy at scale').length === 1, `listed twice: ${JSON.stringify(labels)}`);
  await page.keyboard.press('Escape');
  await quickInputClosed();
});

test('New Talk (clock pinned to 11:10 on the second day): the running session first; picking it inserts its heading, speakers and time', async () => {
  await focusEditor();
  await page.keyboard.press('Control+End');
  await runCommand('Talk Notes: New Talk');
  await quickInputOpen();
  const labels = await quickRows((l) => l.length > 1, 'New Talk listed no sessions');
  log('New Talk picks:', JSON.stringify(labels.slice(0, 4)));
  assert(labels[0] === RUNNING, `first pick: ${JSON.stringify(labels[0])}`);
  const separator = ((await page.locator('.quick-input-list .monaco-list-row .quick-input-list-separator').first().innerText().catch(() => '')) ?? '').trim();
  assert(/running now/i.test(separator), `first separator: ${JSON.stringify(separator)}`);
  await screenshot('screenshot-new-talk.png');
  await page.keyboard.press('Enter');
  await quickInputClosed();
  await waitLine((l) => l === `## ${RUNNING}`, `"## ${RUNNING}"`);
  await waitLine((l) => l.startsWith('Speakers: Tobiah Wrenfield (Acme), Ingrid Haldorsen-Vey'), 'the speakers line in the file style ("Speaker: …")');
  await waitLine((l) => l === '_Wed 2 Apr, 11:00–11:30 · Room 114 (Level 1)_', 'the time and room line');
  await page.keyboard.press('Escape');   // leave the snippet's tab stops
  // The new heading's hover shows its session (Show Hover: Ctrl+K Ctrl+I).
  await goToLine(HEADING_LINE, 8);
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'Room 114' }).first();
  await hover.waitFor({ timeout: T }).catch(async () => { throw new Fail(`no schedule hover on the heading: ${JSON.stringify(await page.locator('.monaco-hover').allInnerTexts().catch(() => []))}`); });
  const card = await hover.innerText();
  assert(/Speakers: Tobiah Wrenfield/.test(card) && /Open in the schedule/.test(card), `hover: ${JSON.stringify(card)}`);
  await screenshot('screenshot-schedule-hover.png');
  await closeWidgets();
  await openTalksView();
  await waitRows((r) => r.some((x) => x.label === RUNNING && x.description.includes('11:00–11:30')), 'the new talk with its session time');
});

if (process.env.TALK_NOTES_E2E_FORCE_FAIL) test('deliberate failure (negative control)', async () => assert(false, 'TALK_NOTES_E2E_FORCE_FAIL is set'));

// ---- run -------------------------------------------------------------------------------------------
const cs = findCodeServer(codeServer);
const runDir = makeRunDir(o['run-dir'], { 'editor.stickyScroll.enabled': false, 'talkNotes.scheduleClock': '2025-04-02T11:10:00+02:00' });
const ws = makeWorkspace(runDir.root);
fs.writeFileSync(path.join(ws, FILE), NOTES);
fs.writeFileSync(path.join(ws, BIG), BIG_NOTES);
fs.copyFileSync(path.join(REPO, 'test', 'fixtures', 'schedule', 'harbour-summit.ics'), path.join(ws, 'harbour-summit.ics'));
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
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: FILE }).first();
  await row.waitFor({ timeout: 60000 });
  await row.click();
  await page.waitForSelector(`.tab[data-resource-name="${FILE}"]`, { timeout: T });
  await page.locator('.editor-group-container .monaco-editor .view-lines').first().waitFor({ timeout: T });
  await focusEditor();
  log(`opened ${FILE}`);
  ({ passed, failed } = await runCases(tests, { grep: o.grep, page, runDir, closeWidgets }));
} catch (e) {
  harness = e;
  console.error('harness error:', e.message);
} finally {
  if (browser) await browser.close().catch(() => {});
  if (server) await server.stop();
}
finish({ label: LABEL, harness, passed, failed, runDir, keep: o.keep, log });
