#!/usr/bin/env node
// The @vscode/test-electron suite (test/e2e/electron/*.test.js) run inside code-server's extension host.
// code-server rejects --extensionDevelopmentPath/--extensionTestsPath on its CLI; the browser workbench takes
// them from the URL `payload` (vscode-remote:// URIs) and calls window.codeAutomationExit(code) when the
// tests module's run() settles. This runner exposes that function through playwright, then kills code-server.
// Exit 0 = all passed, 1 = a test failed, 2 = harness error / timeout.
// Options: --keep (keep the run dir), --grep REGEX, --force-fail (adds a failing test: negative control).
import { parseArgs, format } from 'node:util';
import path from 'node:path';
import fs from 'node:fs';
import {
  log, findCodeServer, makeRunDir, makeWorkspace, isolatedEnv, startCodeServer, launchChromium, workbenchUrl,
  remoteUri, freePort, REPO,
} from '../../scripts/e2e/cs-harness.mjs';
import { ensureOrExit } from '../../scripts/e2e/setup.mjs';

const { values: o } = parseArgs({
  options: {
    'run-dir': { type: 'string' }, keep: { type: 'boolean', default: false }, grep: { type: 'string' },
    'force-fail': { type: 'boolean', default: false }, 'timeout-ms': { type: 'string', default: '180000' },
    verbose: { type: 'boolean', default: false },
  },
});
const LABEL = 'e2e code-server extension host';
const { codeServer } = ensureOrExit({ codeServer: true, chromium: true, nvim: false });
const timeout = Number(o['timeout-ms']);
const cs = findCodeServer(codeServer);
const d = makeRunDir(o['run-dir']);
const ws = makeWorkspace(d.root);
const tests = path.join(REPO, 'test', 'e2e', 'electron', 'index.js');
const results = path.join(d.root, 'results.json');
const env = isolatedEnv(d, {
  EXTHOST_TEST_RESULTS: results,
  ...(o.grep ? { EXTHOST_TEST_GREP: o.grep } : {}),
  ...(o['force-fail'] || process.env.TALK_NOTES_E2E_FORCE_FAIL ? { EXTHOST_TEST_FORCE_FAIL: '1' } : {}),
});
const host = '127.0.0.1';
const port = await freePort();
const hostPort = `${host}:${port}`;
const payload = [['extensionDevelopmentPath', remoteUri(hostPort, REPO)], ['extensionTestsPath', remoteUri(hostPort, tests)]];
log('run dir', d.root);
const automationLog = path.join(d.root, 'automation.log');
let server; let browser; let rc = 2;
try {
  server = await startCodeServer({ cs, host, port, d, env });
  browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  let finish;
  const finished = new Promise((r) => { finish = r; });
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = `[${type}] ${format(...(Array.isArray(args) ? args : [args]))}`;
    fs.appendFileSync(automationLog, line + '\n');
    // mocha's spec output comes through here; the workbench's own chatter only with --verbose
    // (mocha's spec lines are indented or empty; everything is in automation.log)
    if (o.verbose || /^\[(log|info)\] ( {2}|$|\[exthost-tests\])/.test(line)) console.log('  ' + line);
  });
  await page.exposeFunction('codeAutomationExit', (code, logs) => {
    for (const l of logs || []) {
      const f = path.join(d.root, 'window-logs', l.relativePath);
      fs.mkdirSync(path.dirname(f), { recursive: true });
      fs.writeFileSync(f, l.contents);
    }
    finish(code);
  });
  page.on('pageerror', (e) => fs.appendFileSync(automationLog, `[pageerror] ${e.message}\n`));
  await page.goto(workbenchUrl(server.url, ws, payload));
  let timer;
  const code = await Promise.race([finished, new Promise((r) => { timer = setTimeout(() => r('timeout'), timeout); })]);
  clearTimeout(timer);
  if (code === 'timeout') {
    await page.screenshot({ path: path.join(d.root, 'timeout.png') }).catch(() => {});
    log(`no codeAutomationExit within ${timeout} ms (screenshot: ${path.join(d.root, 'timeout.png')})`);
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
if (fs.existsSync(results)) {
  const r = JSON.parse(fs.readFileSync(results, 'utf8'));
  for (const t of r.tests) console.log(`  ${t.state === 'passed' ? 'ok   ' : 'FAIL '} ${t.title}${t.error ? `\n        ${t.error.split('\n').slice(0, 3).join('\n        ')}` : ''}`);
  summary = `${r.passes} passed, ${r.failures} failed${r.pending ? `, ${r.pending} pending` : ''}`;
  if (rc === 0 && (r.failures || r.pending || !r.passes)) rc = 1;
} else if (rc === 0) rc = 2;
if (rc !== 0 || o.keep) log(`logs kept in ${d.root} (code-server.log, automation.log, user-data/logs/*/exthost1/remoteexthost.log)`);
else fs.rmSync(d.root, { recursive: true, force: true });
console.log(`${LABEL}: ${summary}${rc === 2 ? ' (harness error)' : ''}`);
process.exit(rc);
