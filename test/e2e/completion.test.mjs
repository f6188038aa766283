#!/usr/bin/env node
// Completion as a note-taker meets it, in code-server (VS Code 1.100 in headless chromium via playwright-core),
// with the extension's own settings only (its configurationDefaults for [markdown]); Ctrl+Space is never pressed:
// typing "Kube" shows suggestions with Kubernetes first; "open tele" + Enter gives "OpenTelemetry" (both words
// replaced); typing ordinary prose ("It is a link to the image…") and a name inside a code block shows none.
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
const LABEL = 'e2e completion';
const FILE = 'live-notes.md';
const NOTES = '# Live notes\n\n## Opening keynote\n\nIntro line.\n\n```yaml\nkind: Pod\n```\n';
const T = 20000;   // default wait for one condition
/** How long nothing must show after a word, for "no suggestions" (the server answers in milliseconds). */
const QUIET_MS = 700;

const { codeServer } = ensureOrExit({ codeServer: true, chromium: true, nvim: false, build: false });   // runs the .vsix, not dist/
const vsix = requireVsix(o.vsix, LABEL);

const { tests, test, assert } = createSuite();
let page;
const { quickInputClosed, closeWidgets, focusEditor, runCommand, goToLine, waitLine, waitForServer } = workbenchHelpers(() => page, T);
const widget = '.editor-group-container .suggest-widget.visible';

/** The suggestion labels once the widget shows `first` as its first row. */
async function waitSuggestions(first, timeout = T) {
  const end = Date.now() + timeout;
  let labels = [];
  while (Date.now() < end) {
    labels = (await page.locator(`${widget} .monaco-list-row .label-name`).allInnerTexts().catch(() => [])).map((s) => s.trim());
    if (labels[0] === first) return labels;
    await page.waitForTimeout(50);
  }
  throw new Fail(`suggestions never showed ${first} first (without Ctrl+Space); shown: ${JSON.stringify(labels)}`);
}

/** No suggestion widget within QUIET_MS of the last key (a negative needs a window). */
async function assertNoSuggestions(what) {
  const end = Date.now() + QUIET_MS;
  while (Date.now() < end) {
    if (await page.locator(widget).count()) {
      const labels = await page.locator(`${widget} .monaco-list-row .label-name`).allInnerTexts().catch(() => []);
      throw new Fail(`suggestions shown ${what}: ${JSON.stringify(labels)}`);
    }
    await page.waitForTimeout(50);
  }
}

async function revertFile() {
  await closeWidgets();
  await runCommand('File: Revert File');
  await quickInputClosed();
  await page.waitForSelector('.tabs-container .tab.dirty', { state: 'detached', timeout: T });
  await focusEditor();
}

test('typing "Kube" shows suggestions without Ctrl+Space, Kubernetes first; Enter accepts it', async () => {
  await goToLine(5, 12);   // end of "Intro line."
  await page.keyboard.press('Enter');
  // The first word typed in a fresh workbench sometimes gets no suggestions although the server answers (seen
  // in code-server 1.100, cause not found yet; the next word does get them): retype it, at most three times.
  let labels;
  for (let attempt = 1; !labels; attempt++) {
    await page.keyboard.type('Kube', { delay: 60 });
    try {
      labels = await waitSuggestions('Kubernetes', attempt < 3 ? 8000 : T);
    } catch (error) {
      if (attempt >= 3) throw error;
      log(`no suggestions for "Kube" on attempt ${attempt}: retyping it`);
      await page.keyboard.press('Escape');
      for (let k = 0; k < 4; k++) await page.keyboard.press('Backspace');
    }
  }
  log('suggestions for "Kube":', JSON.stringify(labels.slice(0, 8)));
  assert(labels.includes('KubeVirt'), `KubeVirt among ${JSON.stringify(labels)}`);
  await page.keyboard.press('Enter');
  await waitLine((l) => l === 'Kubernetes', '"Kubernetes" after Enter');
});

test('"open tele" + Enter gives "OpenTelemetry", replacing both words', async () => {
  await page.keyboard.type(' with open ', { delay: 60 });
  // On a busy machine the widget may miss a burst of keys (as for the first word above): retype the last word.
  let labels;
  for (let attempt = 1; !labels; attempt++) {
    await page.keyboard.type('tele', { delay: 60 });
    try {
      labels = await waitSuggestions('OpenTelemetry', attempt < 3 ? 8000 : T);
    } catch (error) {
      if (attempt >= 3) throw error;
      log(`no suggestions for "open tele" on attempt ${attempt}: retyping "tele"`);
      await page.keyboard.press('Escape');
      for (let k = 0; k < 4; k++) await page.keyboard.press('Backspace');
    }
  }
  log('suggestions for "open tele":', JSON.stringify(labels));
  await page.keyboard.press('Enter');
  await waitLine((l) => l === 'Kubernetes with OpenTelemetry', '"Kubernetes with OpenTelemetry"');
});

test('ordinary prose shows no suggestions (no words, no snippets)', async () => {
  await page.keyboard.press('Enter');
  for (const word of ['It', 'is', 'a', 'link', 'to', 'the', 'image', 'and', 'some', 'code', 'we', 'configure', 'here']) {
    await page.keyboard.type(`${word}`, { delay: 40 });
    await assertNoSuggestions(`after typing "${word}"`);
    await page.keyboard.type(' ');
  }
  await revertFile();
});

test('a name typed inside a code block shows no suggestions', async () => {
  await goToLine(8, 10);   // end of "kind: Pod", inside the fence
  await page.keyboard.press('Enter');
  await page.keyboard.type('image: Kube', { delay: 60 });
  await assertNoSuggestions('inside a fenced code block');
  await revertFile();
});

if (process.env.TALK_NOTES_E2E_FORCE_FAIL) test('deliberate failure (negative control)', async () => assert(false, 'TALK_NOTES_E2E_FORCE_FAIL is set'));

// ---- run -------------------------------------------------------------------------------------------
const cs = findCodeServer(codeServer);
const runDir = makeRunDir(o['run-dir'], { 'editor.stickyScroll.enabled': false });
const ws = makeWorkspace(runDir.root);
fs.writeFileSync(path.join(ws, FILE), NOTES);
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
  await row.waitFor({ timeout: 30000 });
  await row.click();
  await page.waitForSelector(`.tab[data-resource-name="${FILE}"]`, { timeout: T });
  await page.locator('.editor-group-container .monaco-editor .view-lines').first().waitFor({ timeout: T });
  await focusEditor();
  // Type only once the language server answers (the editor's own Markdown outline would answer sooner).
  await waitForServer('Opening keynote');
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
