#!/usr/bin/env node
// UI end-to-end tests of the Explorer's "Talks" view and the workspace-wide talk commands, in code-server
// (VS Code 1.100 in headless chromium via playwright-core). Installs the packaged talk-notes.vsix, opens a
// throw-away copy of test/fixtures/workspace/ (the sample kubecon notes + two small notes files), then:
// the view lists the files and their talks (speaker as description), clicking a talk / a section reveals its line,
// it follows edits (talkNotes/talksChanged), the refresh button works, "Go to Talk" searches the whole workspace
// (grouped by file, matches projects), "Projects in This File", semantic highlighting of known names, the
// empty-state welcome text in a folder without notes. Saves docs/screenshot-talks.png (Talks view + editor) when
// it is missing or with --update-screenshot, and only when every test before it passed.
// Options: --vsix FILE (default talk-notes.vsix), --keep (keep the run dir), --grep RE, --update-screenshot.
// Exit 0 = all passed, 1 = a test failed, 2 = harness error (code-server/chromium did not start, no .vsix).
import { createSuite, Fail, finish, openWorkbench, requireVsix, runCases, workbenchHelpers } from './ui-cases.mjs';
import { parseArgs } from 'node:util';
import path from 'node:path';
import fs from 'node:fs';
import {
  log, findCodeServer, makeRunDir, isolatedEnv,
  workbenchUrl, freePort, REPO,
} from '../../scripts/e2e/cs-harness.mjs';
import { ensureOrExit } from '../../scripts/e2e/setup.mjs';

const { values: o } = parseArgs({
  options: {
    vsix: { type: 'string', default: path.join(REPO, 'talk-notes.vsix') },
    'run-dir': { type: 'string' }, keep: { type: 'boolean', default: false },
    'update-screenshot': { type: 'boolean', default: false },
    grep: { type: 'string' },
  },
});
const LABEL = 'e2e talks view';
const FIXTURES = path.join(REPO, 'test', 'fixtures', 'workspace');
const SCREENSHOT = path.join(REPO, 'docs', 'screenshot-talks.png');
const FILES = ['kubecon-notes.md', 'security-track.md', 'virtualization-day.md'];
const SAMPLE_TALKS = ['CNCF Project Updates', 'Rook.io', 'Derek, creator of Maps and Open(something)', 'Lockland Container ... Azure ... TOC contributor'];
const T = 20000;   // default wait for one condition

const { codeServer } = ensureOrExit({ codeServer: true, chromium: true, nvim: false, build: false });   // runs the .vsix, not dist/
const vsix = requireVsix(o.vsix, LABEL);

// ---- small test framework ------------------------------------------------------------------------
const { tests, test, assert } = createSuite();

// ---- workbench helpers (all waits are condition-based) -------------------------------------------
let page;
const { status, waitStatus, quickInputClosed, closeWidgets, focusEditor, runCommand, visibleLines } = workbenchHelpers(() => page, T);
const activeTab = () => page.locator('.tabs-container .tab.active').getAttribute('data-resource-name').catch(() => null);
async function waitActiveTab(name) {
  try { await page.waitForSelector(`.tabs-container .tab.active[data-resource-name="${name}"]`, { timeout: T }); } catch { throw new Fail(`active editor is ${await activeTab()}, not ${name}`); }
}

// The Talks view: the Explorer pane whose header title is "Talks".
const talksPane = () => page.locator('.pane', { has: page.locator('.pane-header h3.title', { hasText: /^talks$/i }) }).first();
const talkRows = () => talksPane().locator('.monaco-list-row');
async function rowTexts() {
  return talkRows().evaluateAll((rows) => rows.map((r) => ({
    label: (r.querySelector('.label-name')?.textContent ?? '').trim(),
    description: (r.querySelector('.label-description')?.textContent ?? '').trim(),
    level: Number(r.getAttribute('aria-level') || 0),
    expanded: r.getAttribute('aria-expanded'),
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
  throw new Fail(`Talks view never showed ${what}; rows: ${JSON.stringify(rows.map((r) => `${'  '.repeat(Math.max(0, r.level - 1))}${r.label}${r.description ? ` — ${r.description}` : ''}`))}`);
}
const row = (label) => talkRows().filter({ has: page.locator('.label-name', { hasText: label }) }).first();
async function openTalksView() {
  // The tree is virtualized (only rows in view are in the DOM): give it the Explorer's height by collapsing
  // the other sections (the folder, Outline, Timeline).
  for (const h of await page.locator('.part.sidebar .pane-header[aria-expanded="true"]').all()) {
    const title = ((await h.locator('h3.title').textContent().catch(() => '')) ?? '').trim();
    if (!/^talks$/i.test(title)) await h.click();
  }
  const header = talksPane().locator('.pane-header');
  await header.waitFor({ timeout: 30000 });
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  await page.waitForFunction(() => [...document.querySelectorAll('.pane-header')].some((h) => /^talks$/i.test(h.querySelector('h3.title')?.textContent?.trim() ?? '') && h.getAttribute('aria-expanded') === 'true'), null, { timeout: T });
}
async function collapsePane(title) {
  const header = page.locator('.pane-header', { has: page.locator('h3.title', { hasText: new RegExp(`^${title}$`, 'i') }) }).first();
  if (await header.count() && (await header.getAttribute('aria-expanded')) === 'true') await header.click();
}
/** Computed colour of the first rendered span whose text is exactly `word` in the editor. */
function colourOf(word) {
  return page.evaluate((w) => {
    for (const s of document.querySelectorAll('.editor-group-container .monaco-editor .view-lines .view-line span span')) {
      if (s.textContent.replace(/\u00a0/g, ' ').trim() === w) return getComputedStyle(s).color;
    }
    return null;
  }, word);
}

// ---- the tests -------------------------------------------------------------------------------------
test('the Talks view lists the notes files with their number of talks', async () => {
  await openTalksView();
  const rows = await waitRows((rs) => FILES.every((f) => rs.some((r) => r.label === f)), `the files ${FILES.join(', ')}`, 60000);
  log('files:', JSON.stringify(rows.filter((r) => FILES.includes(r.label)).map((r) => `${r.label} (${r.description})`)));
  for (const f of FILES) {
    const r = rows.find((x) => x.label === f);
    assert(/^\d+ talks?$/.test(r.description), `${f} has description ${JSON.stringify(r.description)}, want "N talks"`);
  }
  assert(rows.find((r) => r.label === 'kubecon-notes.md').description === '4 talks', 'kubecon-notes.md should have 4 talks');
});

test('the sample\'s talks are listed under its file, with the speaker as description', async () => {
  const rows = await waitRows((rs) => SAMPLE_TALKS.every((t) => rs.some((r) => r.label === t)), 'the sample talks');
  const cncf = rows.find((r) => r.label === 'CNCF Project Updates');
  log('talks:', JSON.stringify(rows.filter((r) => r.level === 2).map((r) => `${r.label}${r.description ? ` — ${r.description}` : ''}`)));
  assert(/Bryan Liles/.test(cncf.description), `CNCF Project Updates description: ${JSON.stringify(cncf.description)}`);
  const file = rows.find((r) => r.label === 'kubecon-notes.md');
  assert(cncf.level === file.level + 1, `talks nest under their file (levels ${file.level} / ${cncf.level})`);
  const tip = await row('CNCF Project Updates').evaluate((r) => r.querySelector('.monaco-icon-label')?.getAttribute('title') ?? r.getAttribute('aria-label') ?? '');
  log('talk row aria/title:', JSON.stringify(tip));
});

test('clicking a talk opens the file and reveals its heading', async () => {
  await row('Lockland Container').click();
  await waitActiveTab('kubecon-notes.md');
  await waitStatus(/Ln 138\b/);
  const lines = await visibleLines();
  assert(lines.some((l) => l.includes('Lockland Container')), `heading not visible: ${JSON.stringify(lines.slice(0, 5))}`);
  log('status bar:', await status());
});

test('a talk\'s sections nest under it; clicking one reveals it', async () => {
  const talk = row('CNCF Project Updates');
  // The tree may re-render (a file opened by the previous test moved to the top) as the twistie is clicked:
  // click until the talk reports itself expanded.
  const end = Date.now() + T;
  while ((await talk.getAttribute('aria-expanded')) !== 'true' && Date.now() < end) {
    await talk.locator('.monaco-tl-twistie').click().catch(() => undefined);
    await page.waitForTimeout(200);   // polling interval of a condition wait, not a fixed sleep
  }
  const rows = await waitRows((rs) => rs.some((r) => r.label === 'ETCD') && rs.some((r) => r.label === 'CNCF Project Updates'), 'the section "ETCD" under CNCF Project Updates');
  const cncf = rows.find((r) => r.label === 'CNCF Project Updates');
  assert(rows.find((r) => r.label === 'ETCD').level === cncf.level + 1, 'ETCD nests under its talk');
  // A click that lands while the tree re-renders selects the row without running its command: click
  // again until the editor shows the section (each wait is for the condition, bounded by T overall).
  const until = Date.now() + T;
  for (;;) {
    await row('ETCD').click();
    try {
      await waitActiveTab('kubecon-notes.md');
      await waitStatus(/Ln 18\b/, 3000);
      break;
    } catch (error) {
      if (Date.now() > until) throw error;
    }
  }
  await talk.locator('.monaco-tl-twistie').click();   // collapse again (for the screenshot)
});

test('it follows edits: a new talk heading appears without refreshing', async () => {
  await row('Storage for VMs').click();
  await waitActiveTab('virtualization-day.md');
  await waitStatus(/Ln 15\b/);
  await focusEditor();
  await page.keyboard.press('Home');
  await page.keyboard.type('## Live Migration Deep Dive\n\n');
  await waitRows((rs) => rs.some((r) => r.label === 'Live Migration Deep Dive'), 'the new talk "Live Migration Deep Dive"');
  await focusEditor();
  await runCommand('File: Revert File');
  await quickInputClosed();
  await waitRows((rs) => !rs.some((r) => r.label === 'Live Migration Deep Dive'), 'the talk gone again after revert');
});

test('the refresh button re-indexes: a file created outside the editor appears', async () => {
  fs.writeFileSync(path.join(ws, 'added-later.md'), '# Added Later\n\n## Late Breaking Talk\nNATS and Dapr\n');
  const refresh = talksPane().locator('.pane-header .action-label[aria-label*="Refresh Talks"]');
  await talksPane().locator('.pane-header').hover();
  await refresh.first().click({ timeout: T });
  await waitRows((rs) => rs.some((r) => r.label === 'added-later.md') && rs.some((r) => r.label === 'Late Breaking Talk'), 'added-later.md after refresh');
  fs.rmSync(path.join(ws, 'added-later.md'));
  await refresh.first().click({ timeout: T });
  await waitRows((rs) => !rs.some((r) => r.label === 'added-later.md'), 'added-later.md gone after deleting it and refreshing');
});

test('"Talk Notes: Go to Talk" searches the workspace, grouped by file, and matches projects', async () => {
  await focusEditor();
  await runCommand('Talk Notes: Go to Talk');
  await page.waitForSelector('.quick-input-widget input[placeholder="Go to talk"], .quick-input-widget input[aria-label*="Go to talk"]', { timeout: T });
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Policy as Code' }).first().waitFor({ timeout: T });
  const labels = (await page.locator('.quick-input-list .monaco-list-row .label-name').allInnerTexts()).map((s) => s.trim());
  const separators = (await page.locator('.quick-input-list .monaco-list-row .quick-input-list-separator').allInnerTexts()).map((s) => s.trim()).filter(Boolean);
  log('go to talk:', JSON.stringify(labels.slice(0, 12)), 'separators:', JSON.stringify(separators));
  assert(SAMPLE_TALKS.every((t) => labels.includes(t)) || labels.length >= 6, `workspace talks: ${JSON.stringify(labels)}`);
  assert(separators.some((s) => /\.md$/.test(s)), `file separators: ${JSON.stringify(separators)}`);
  await page.keyboard.type('KubeVirt');   // a project: matched in the detail line, from both files
  await page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('.quick-input-list .monaco-list-row .label-name')].map((e) => e.textContent.trim());
    return rows.includes('Policy as Code with Open Policy Agent') && rows.includes('VMs on Kubernetes with Kubevirt');
  }, null, { timeout: T }).catch(async () => {
    throw new Fail(`typing "KubeVirt" left ${JSON.stringify(await page.locator('.quick-input-list .monaco-list-row .label-name').allInnerTexts())}`);
  });
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Policy as Code' }).first().click();
  await quickInputClosed();
  await waitActiveTab('security-track.md');
  await waitStatus(/Ln 3\b/);
});

test('"Talk Notes: Projects in This File" lists the talks with their projects', async () => {
  await row('VMs on Kubernetes').click();
  await waitActiveTab('virtualization-day.md');
  await focusEditor();
  await runCommand('Talk Notes: Projects in This File');
  const pick = page.locator('.quick-input-list .monaco-list-row', { hasText: 'VMs on Kubernetes with Kubevirt' }).first();
  await pick.waitFor({ timeout: T });
  const rows = (await page.locator('.quick-input-list .monaco-list-row').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim());
  log('projects in file:', JSON.stringify(rows));
  assert(rows.some((r) => /VMs on Kubernetes with Kubevirt/.test(r) && /KubeVirt/.test(r)), `no KubeVirt for the VMs talk: ${JSON.stringify(rows)}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Storage for VMs' }).first().click();
  await quickInputClosed();
  await waitStatus(/Ln 15\b/);
});

test('known names are coloured (semantic highlighting) and talk notes syntax is highlighted', async () => {
  await row('VMs on Kubernetes').click();
  await waitActiveTab('virtualization-day.md');
  await waitStatus(/Ln 3\b/);
  const end = Date.now() + 30000;
  let c = {};
  while (Date.now() < end) {
    c = { plain: await colourOf('live migration between nodes'), project: await colourOf('Prometheus'), time: await colourOf('10:32'), q: await colourOf('Q') };
    if (c.plain && c.project && c.project !== c.plain && c.time && c.time !== c.plain) break;
    await page.waitForTimeout(100);
  }
  log('colours:', JSON.stringify(c));
  assert(c.project && c.project !== c.plain, `"Prometheus" is not coloured apart from prose: ${JSON.stringify(c)}`);
  assert(c.time && c.time !== c.plain, `"10:32" is not coloured apart from prose: ${JSON.stringify(c)}`);
});

test('screenshot of the Talks view and the editor (docs/screenshot-talks.png)', async () => {
  await collapsePane('outline');
  await collapsePane('timeline');
  await page.mouse.move(640, 790);
  const shot = path.join(runDir.root, 'screenshot-talks.png');
  await page.screenshot({ path: shot });
  const before = tests.slice(0, tests.findIndex((t) => t.name.startsWith('screenshot')));
  if (o['update-screenshot'] || !fs.existsSync(SCREENSHOT)) {
    if (failed) { log(`not writing ${path.relative(REPO, SCREENSHOT)}: ${failed} of ${before.length} earlier tests failed (see ${shot})`); return; }
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    fs.copyFileSync(shot, SCREENSHOT);
    log(`screenshot written to ${path.relative(REPO, SCREENSHOT)}`);
  }
});

test('an empty workspace shows the welcome text', async () => {
  const empty = path.join(runDir.root, 'empty-workspace');
  fs.mkdirSync(empty, { recursive: true });
  fs.writeFileSync(path.join(empty, 'readme.txt'), 'no notes here\n');
  const ctx2 = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const p2 = await ctx2.newPage();
  try {
    await p2.goto(workbenchUrl(server.url, empty));
    await p2.waitForSelector('.monaco-workbench', { timeout: 60000 });
    const pane = p2.locator('.pane', { has: p2.locator('.pane-header h3.title', { hasText: /^talks$/i }) }).first();
    const header = pane.locator('.pane-header');
    await header.waitFor({ timeout: 30000 });
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    const welcome = pane.locator('.welcome-view-content', { hasText: 'No talks found yet' });
    await welcome.waitFor({ timeout: 30000 });
    const text = (await welcome.innerText()).replace(/\s+/g, ' ');
    log('welcome:', JSON.stringify(text));
    assert(/Open a notes file/.test(text), `welcome text: ${text}`);
  } finally {
    await ctx2.close();
  }
});

if (process.env.TALK_NOTES_E2E_FORCE_FAIL) test('deliberate failure (negative control)', async () => assert(false, 'TALK_NOTES_E2E_FORCE_FAIL is set'));

// ---- run -------------------------------------------------------------------------------------------
const cs = findCodeServer(codeServer);
const runDir = makeRunDir(o['run-dir'], { 'editor.stickyScroll.enabled': false, 'workbench.colorTheme': 'Default Dark Modern' });
const ws = path.join(runDir.root, 'workspace');
fs.cpSync(FIXTURES, ws, { recursive: true });
for (const f of fs.readdirSync(ws)) fs.chmodSync(path.join(ws, f), 0o644);
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
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: FILES[0] }).first().waitFor({ timeout: 30000 });
  log('workbench up');
  ({ passed, failed } = await runCases(tests, { grep: o.grep, page, runDir, closeWidgets }));
} catch (e) {
  harness = e;
  console.error('harness error:', e.message);
} finally {
  if (browser) await browser.close().catch(() => {});
  if (server) await server.stop();
}
finish({ label: LABEL, harness, passed, failed, runDir, keep: o.keep, log });
