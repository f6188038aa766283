// The loop and the ending shared by the code-server UI runners: run each case in order (a failed case gets
// a screenshot and its widgets closed, and the next case goes on), then report one closing line and exit.
import fs from 'node:fs';
import path from 'node:path';
import { installExtensions, launchChromium, startCodeServer, workbenchUrl } from '../../scripts/e2e/cs-harness.mjs';

/**
 * Installs the .vsix into the run's profile, starts code-server and Chromium, and opens the workbench on
 * `ws`. Each handle is passed to `started` as soon as it exists, so the caller can stop it even if a later
 * step fails. Returns the page, with the browser console logged to the run dir.
 */
export async function openWorkbench({ cs, runDir, env, vsix, ws, host, port, started }) {
  installExtensions(cs, runDir, env, [vsix]);
  const installed = fs.readdirSync(runDir.exts).filter((n) => n.startsWith('talk-notes.talk-notes-'));
  if (!installed.length) throw new Error(`--install-extension did not install talk-notes into ${runDir.exts}`);
  const server = await startCodeServer({ cs, host, port, d: runDir, env });
  started({ server });
  const browser = await launchChromium();
  started({ browser });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const consoleLog = path.join(runDir.root, 'browser-console.log');
  page.on('console', (m) => fs.appendFileSync(consoleLog, `[${m.type()}] ${m.text()}\n`));
  page.on('pageerror', (e) => fs.appendFileSync(consoleLog, `[pageerror] ${e.message}\n`));
  await page.goto(workbenchUrl(server.url, ws));
  await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
  return page;
}

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

/**
 * Workbench helpers shared by the UI runners; every wait is for a condition. `getPage` returns the page once
 * it is open; `T` is the default wait for one condition.
 */
export function workbenchHelpers(getPage, T) {
  const status = () => getPage().locator('#status\\.editor\\.selection').innerText().catch(() => '');
  async function waitStatus(re, timeout = T) {
    try {
      await getPage().waitForFunction((src) => {
        const el = document.getElementById('status.editor.selection');
        return !!el && new RegExp(src).test(el.innerText);
      }, re.source, { timeout });
    } catch { throw new Fail(`status bar never matched ${re}: ${JSON.stringify(await status())}`); }
  }
  const quickInputOpen = () => getPage().waitForSelector('.quick-input-widget:not([style*="display: none"]) input', { timeout: T });
  const quickInputClosed = () => getPage().waitForSelector('.quick-input-widget', { state: 'hidden', timeout: T });
  async function closeWidgets() { for (let i = 0; i < 3; i++) await getPage().keyboard.press('Escape'); }
  // Keyboard focus in the notes editor (keyboard, not a click: sticky-scroll headers can cover the text).
  // Waits until the editor's input element really has the focus: after a quick pick or the command palette
  // closes, focus returns asynchronously, and keys typed before that go elsewhere.
  const editorHasFocus = () => getPage().evaluate(() => {
    const a = document.activeElement;
    return !!a && !!a.closest('.editor-group-container .monaco-editor') && !a.closest('.overflow-guard .monaco-hover');
  });
  async function focusEditor() {
    const end = Date.now() + T;
    while (Date.now() < end) {
      if (await editorHasFocus()) return;
      await getPage().keyboard.press('Control+1');   // View: Focus First Editor Group
      try {
        await getPage().waitForFunction(() => { const a = document.activeElement; return !!a && !!a.closest('.editor-group-container .monaco-editor'); }, null, { timeout: 2000 });
        return;
      } catch { /* focus went elsewhere: press again */ }
    }
    throw new Fail('could not focus the editor');
  }
  async function runCommand(title) {
    const page = getPage();
    await page.keyboard.press('Control+Shift+P');
    await quickInputOpen();
    await page.keyboard.type(title);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: T });
    await page.keyboard.press('Enter');
  }
  /** Text of the rendered editor lines (only those in view). */
  const visibleLines = () => getPage().$$eval('.editor-group-container .monaco-editor .view-lines .view-line', (els) =>
    els.map((e) => ({ top: parseFloat(e.style.top) || 0, text: e.textContent.replace(/\u00a0/g, ' ') })).sort((a, b) => a.top - b.top).map((x) => x.text));
  /** Moves the cursor with Go to Line and waits for the status bar to show it there. */
  async function goToLine(line, col = 1) {
    const page = getPage();
    await focusEditor();
    await page.keyboard.press('Control+G');
    await quickInputOpen();
    await page.keyboard.type(`${line}:${col}`);
    await page.keyboard.press('Enter');
    await quickInputClosed();
    await waitStatus(new RegExp(`Ln ${line}, Col ${col}\\b`));
  }
  /** Waits until a rendered editor line satisfies `pred`. */
  async function waitLine(pred, what, timeout = T) {
    const end = Date.now() + timeout;
    let lines = [];
    while (Date.now() < end) {
      lines = await visibleLines();
      if (lines.some(pred)) return;
      await getPage().waitForTimeout(50);   // polling interval of a condition wait, not a fixed sleep
    }
    throw new Fail(`no editor line ${what}; visible lines: ${JSON.stringify(lines.slice(0, 40))}`);
  }
  /**
   * Waits until the language server answers: "Talk Notes: Go to Talk" (a server request) lists `talk`. The
   * editor's own Markdown symbols would answer before the server is up.
   */
  async function waitForServer(talk, timeout = 60000) {
    const page = getPage();
    const end = Date.now() + timeout;
    // On a busy machine the palette may drop the first keys typed while it opens: close it and try again.
    for (let attempt = 1; ; attempt++) {
      try {
        await runCommand('Talk Notes: Go to Talk');
        await page.locator('.quick-input-list .monaco-list-row', { hasText: talk }).first().waitFor({ timeout: Math.max(1000, end - Date.now()) });
        break;
      } catch (e) {
        if (attempt >= 3 || Date.now() >= end) throw e;
        await closeWidgets();
      }
    }
    await page.keyboard.press('Escape');
    await quickInputClosed();
  }
  return { status, waitStatus, quickInputOpen, quickInputClosed, closeWidgets, editorHasFocus, focusEditor, runCommand, visibleLines, goToLine, waitLine, waitForServer };
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
