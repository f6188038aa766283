#!/usr/bin/env node
// Fix All and hover as a note-taker meets them, in code-server (VS Code 1.100 in headless chromium via
// playwright-core), running the packaged .vsix: hovering a squiggled name shows the diagnostic's message once
// plus the card; "Talk Notes: Fix All Names" on a file with speaker lines and an English typo fixes the wrong
// project names only (speaker lines and the typo untouched), says "Fixed 2 names in this file" with an Undo
// button that works; more than 5 fixes are listed first (all ticked), and unticking one leaves it.
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
  },
});
const LABEL = 'e2e fix all';
const FILE = 'mesh-notes.md';
const MANY = 'many-fixes.md';
const NOTES = [
  '# KubeCon notes',
  '',
  '## Service mesh patterns',
  '',
  'Speaker: Lee Calcote, Layer5',
  '',
  'We run Kubevirt next to Promethus. The healhty nodes stay up.',
  '',
  '## Envoy at scale',
  '',
  'Speaker: Matt Klien, Lyft',
  '',
  'Envoy proxies everything.',
  '',
].join('\n');
const MANY_NOTES = '# Notes\n\nWe run Kubevirt, ETCD, Promethus, fluentd, jaeger, opentracing and Dapr.io together.\n';
const T = 30000;   // default wait for one condition (a loaded 2-core machine)

const { codeServer } = ensureOrExit({ codeServer: true, chromium: true, nvim: false, build: false });   // runs the .vsix, not dist/
const vsix = requireVsix(o.vsix, LABEL);

const { tests, test, assert } = createSuite();
let page;
const { quickInputClosed, closeWidgets, focusEditor, runCommand, visibleLines } = workbenchHelpers(() => page, T);

async function waitLines(pred, what, timeout = T) {
  const end = Date.now() + timeout;
  let lines = [];
  while (Date.now() < end) {
    lines = await visibleLines();
    if (pred(lines)) return lines;
    await page.waitForTimeout(50);   // polling interval of a condition wait, not a fixed sleep
  }
  throw new Fail(`editor never showed ${what}; visible lines: ${JSON.stringify(lines.slice(0, 20))}`);
}

/** Opens a workspace file from the Explorer and waits for the server's squiggles in it. */
async function openFile(name) {
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
  await row.waitFor({ timeout: 60000 });
  await row.click();
  await page.waitForSelector(`.tab.active[data-resource-name="${name}"]`, { timeout: T });
  await page.locator('.editor-group-container .monaco-editor .squiggly-warning').first().waitFor({ timeout: 90000 });
  await focusEditor();
}

/** The toast whose message matches `re` (its text, once visible). */
async function waitToast(re) {
  const toast = page.locator('.notifications-toasts .notification-toast', { hasText: re }).first();
  try {
    await toast.waitFor({ state: 'visible', timeout: T });
  } catch {
    const shown = await page.locator('.notifications-toasts .notification-toast').allInnerTexts().catch(() => []);
    throw new Fail(`no notification matching ${re}; shown: ${JSON.stringify(shown)}`);
  }
  return toast;
}

async function clearToasts() {
  await runCommand('Notifications: Clear All Notifications');
  await quickInputClosed();
  await page.waitForSelector('.notifications-toasts .notification-toast', { state: 'detached', timeout: T }).catch(() => {});
  await focusEditor();
}

/** Bounding box of `word` in the rendered editor line that contains it. */
function wordBox(word) {
  return page.evaluate((w) => {
    for (const line of document.querySelectorAll('.editor-group-container .monaco-editor .view-lines .view-line')) {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.data.indexOf(w);
        if (i < 0) continue;
        const r = document.createRange();
        r.setStart(n, i); r.setEnd(n, i + w.length);
        const b = r.getBoundingClientRect();
        return { x: b.left, y: b.top, w: b.width, h: b.height };
      }
    }
    return null;
  }, word);
}

test('hover over a squiggled name: the message once, then the card', async () => {
  const box = await wordBox('Kubevirt');
  assert(box, '"Kubevirt" is not rendered');
  await page.mouse.move(box.x + box.w / 2, box.y + box.h / 2);
  // Both parts must be in: the marker's message and our card (they render as one hover).
  const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'KubeVirt — CNCF incubating' }).filter({ hasText: "'Kubevirt' →" }).first();
  try { await hover.waitFor({ state: 'visible', timeout: T }); } catch {
    throw new Fail(`no hover with both the message and the card: ${JSON.stringify(await page.locator('.monaco-hover').allInnerTexts().catch(() => []))}`);
  }
  const text = (await hover.innerText()).replace(/\s+/g, ' ');
  log('hover:', JSON.stringify(text.slice(0, 300)));
  const times = text.split("'Kubevirt' → KubeVirt").length - 1;
  assert(times === 1, `the message is shown ${times} times: ${text}`);
  assert(/KubeVirt — CNCF incubating/.test(text), `the card is shown: ${text}`);
  assert(!/Talk Notes: /.test(text), `no "Talk Notes:" copy of the message: ${text}`);
  await page.mouse.move(5, 5);
  await page.waitForSelector('.monaco-hover:not(.hidden)', { state: 'detached', timeout: T }).catch(() => {});
});

test('Fix All Names: project names fixed, speaker lines and the English typo untouched, summary with Undo', async () => {
  await focusEditor();
  await runCommand('Talk Notes: Fix All Names');
  await quickInputClosed();
  const toast = await waitToast(/Fixed 2 names in this file/);
  const message = (await toast.innerText()).replace(/\s+/g, ' ');
  log('summary:', JSON.stringify(message));
  assert(/Undo \((Ctrl|⌘)\+?Z\) reverts them/.test(message), `undo hint in ${message}`);
  assert(/1 in speaker lines/.test(message) && /1 English spelling/.test(message), `what was left is said: ${message}`);
  const lines = await waitLines((l) => l.includes('We run KubeVirt next to Prometheus. The healhty nodes stay up.'), 'the fixed line');
  assert(lines.includes('Speaker: Lee Calcote, Layer5'), `speaker line kept: ${JSON.stringify(lines)}`);
  assert(lines.includes('Speaker: Matt Klien, Lyft'), `speaker line with a flagged name kept: ${JSON.stringify(lines)}`);
  await toast.locator('.monaco-button', { hasText: 'Undo' }).first().click();
  await waitLines((l) => l.includes('We run Kubevirt next to Promethus. The healhty nodes stay up.'), 'the line restored by Undo');
  await clearToasts();
});

test('more than 5 fixes: listed first, all ticked; one unticked is left, Enter applies the rest', async () => {
  await openFile(MANY);
  await runCommand('Talk Notes: Fix All Names');
  const rows = page.locator('.quick-input-list .monaco-list-row');
  try { await rows.filter({ hasText: 'Dapr.io → Dapr' }).first().waitFor({ state: 'visible', timeout: T }); } catch {
    throw new Fail(`no list of the fixes: ${JSON.stringify(await page.locator('.quick-input-widget').allInnerTexts().catch(() => []))}`);
  }
  const labels = (await rows.locator('.label-name').allInnerTexts()).map((s) => s.trim()).filter((s) => s.includes('→'));   // not the line shown under each
  log('fixes listed:', JSON.stringify(labels));
  assert(labels.length === 7, `7 fixes listed: ${JSON.stringify(labels)}`);
  const ticked = await rows.evaluateAll((els) => els.filter((e) => e.getAttribute('aria-checked') === 'true').length);
  assert(ticked === 7, `every fix ticked at first, ${ticked} are`);
  // Nothing is changed while the list is open.
  await waitLines((l) => l.some((x) => x.includes('Kubevirt, ETCD, Promethus')), 'the text unchanged while listing');
  await rows.filter({ hasText: 'opentracing → OpenTracing' }).first().click();
  await page.waitForFunction(() => [...document.querySelectorAll('.quick-input-list .monaco-list-row')].filter((e) => e.getAttribute('aria-checked') === 'true').length === 6, null, { timeout: T });
  await page.keyboard.press('Enter');
  await quickInputClosed();
  await waitToast(/Fixed 6 names in this file/);
  await waitLines((l) => l.includes('We run KubeVirt, etcd, Prometheus, Fluentd, Jaeger, opentracing and Dapr together.'), 'the 6 ticked fixes made, opentracing left');
  await clearToasts();
});

if (process.env.TALK_NOTES_E2E_FORCE_FAIL) test('deliberate failure (negative control)', async () => assert(false, 'TALK_NOTES_E2E_FORCE_FAIL is set'));

// ---- run -------------------------------------------------------------------------------------------
const cs = findCodeServer(codeServer);
const runDir = makeRunDir(o['run-dir'], { 'editor.stickyScroll.enabled': false, 'editor.hover.delay': 300 });
const ws = makeWorkspace(runDir.root);
fs.writeFileSync(path.join(ws, FILE), NOTES);
fs.writeFileSync(path.join(ws, MANY), MANY_NOTES);
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
  await openFile(FILE);
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
