#!/usr/bin/env node
// The web extension's tests (test/e2e/web/*.test.js) in code-server's web-worker extension host: the packaged
// .vsix as a web-only copy (no `main`, so code-server must use the browser entry, as vscode.dev does), the tests
// bundled into one script, run through the workbench URL `payload` like test/e2e/code-server-exthost.mjs.
// The sample's diagnostics are compared with the Node server's (dist/server.js over stdio).
// Exit 0 = all passed, 1 = a test failed, 2 = harness error / timeout. Options: --keep, --verbose, --timeout-ms N.
import { parseArgs, format } from 'node:util';
import path from 'node:path';
import fs from 'node:fs';
import { log, findCodeServer, makeRunDir, isolatedEnv, startCodeServer, launchChromium, workbenchUrl, remoteUri, freePort } from '../../scripts/e2e/cs-harness.mjs';
import { ensureOrExit } from '../../scripts/e2e/setup.mjs';
import { bundleWebTests, makeWebWorkspace, resultFromLog, webOnlyCopy } from '../../scripts/e2e/web-extension.mjs';

const { values: o } = parseArgs({
  options: { 'run-dir': { type: 'string' }, keep: { type: 'boolean', default: false }, 'timeout-ms': { type: 'string', default: '240000' }, verbose: { type: 'boolean', default: false } },
});
const LABEL = 'e2e code-server web worker';
const { codeServer } = ensureOrExit({ codeServer: true, chromium: true, nvim: false });
const cs = findCodeServer(codeServer);
const d = makeRunDir(o['run-dir']);
const automationLog = path.join(d.root, 'automation.log');
let server; let browser; let rc = 2; let result;
try {
  const ext = webOnlyCopy(path.join(d.root, 'talk-notes-web'));
  // Inside the extension's folder: the workbench runs tests in the host that runs the extension they are in.
  const tests = bundleWebTests(path.join(ext, 'e2e', 'web-tests.js'));
  const ws = makeWebWorkspace(d.root);
  const host = '127.0.0.1';
  const port = await freePort();
  const hostPort = `${host}:${port}`;
  const payload = [['extensionDevelopmentPath', remoteUri(hostPort, ext)], ['extensionTestsPath', remoteUri(hostPort, tests)]];
  log('run dir', d.root);
  server = await startCodeServer({ cs, host, port, d, env: isolatedEnv(d) });
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
  await page.goto(workbenchUrl(server.url, ws, payload));
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
  if (server) await server.stop();
}
let summary = 'no results';
if (result) {
  for (const t of result.tests) console.log(`  ${t.state === 'passed' ? 'ok   ' : 'FAIL '} ${t.title}${t.error ? `\n        ${t.error.split('\n').slice(0, 3).join('\n        ')}` : ''}`);
  summary = `${result.passes} passed, ${result.failures} failed${result.pending ? `, ${result.pending} pending` : ''}`;
  if (rc === 0 && (result.failures || result.pending || !result.passes)) rc = 1;
} else if (rc === 0) rc = 2;
if (process.env.TALK_NOTES_E2E_FORCE_FAIL && rc === 0) { console.log('  FAIL  deliberate failure (negative control)'); rc = 1; }
if (rc !== 0 || o.keep) log(`logs kept in ${d.root} (code-server.log, automation.log)`);
else fs.rmSync(d.root, { recursive: true, force: true });
console.log(`${LABEL}: ${summary}${rc === 2 ? ' (harness error)' : ''}`);
process.exit(rc);
