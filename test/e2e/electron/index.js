// extensionTestsPath module (CommonJS, loaded by the extension host): runs mocha over the *.test.js files in
// this folder inside VS Code's extension host — under @vscode/test-electron (npm run test:electron) and under
// code-server's remote extension host (test/e2e/code-server-exthost.mjs). Rejects when a test fails.
// Env: EXTHOST_TEST_RESULTS (JSON results file), EXTHOST_TEST_GREP (regex), EXTHOST_TEST_TIMEOUT_MS (default 20000).
const path = require('path');
const fs = require('fs');

function loadMocha() {
  const m = require(require.resolve('mocha', { paths: [__dirname] }));   // the project's devDependency
  return m.Mocha || m.default || m;   // mocha 11: the constructor; mocha 12: { Mocha, ... }
}

exports.run = async function run() {
  const Mocha = loadMocha();
  const out = process.env.EXTHOST_TEST_RESULTS;
  const mocha = new Mocha({
    ui: 'bdd', color: false, reporter: 'spec',
    timeout: Number(process.env.EXTHOST_TEST_TIMEOUT_MS || 20000),
    grep: process.env.EXTHOST_TEST_GREP ? new RegExp(process.env.EXTHOST_TEST_GREP) : undefined,
  });
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort();
  if (!files.length) throw new Error(`no *.test.js files in ${__dirname}`);
  files.forEach((f) => mocha.addFile(path.join(__dirname, f)));
  const result = { started: new Date().toISOString(), host: process.env.VSCODE_AGENT_FOLDER ? 'code-server' : 'vscode', files, passes: 0, failures: 0, pending: 0, tests: [] };
  const t0 = Date.now();
  await new Promise((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', (t) => { result.passes++; result.tests.push({ title: t.fullTitle(), state: 'passed', ms: t.duration }); });
    runner.on('fail', (t, err) => {
      result.failures++;
      result.tests.push({ title: t.fullTitle(), state: 'failed', error: String((err && (err.stack || err.message)) || err) });
    });
    runner.on('pending', (t) => { result.pending++; result.tests.push({ title: t.fullTitle(), state: 'pending' }); });
  });
  result.durationMs = Date.now() - t0;
  if (out) {
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, JSON.stringify(result, null, 2));
  }
  console.log(`[exthost-tests] ${result.passes} passing, ${result.failures} failing, ${result.pending} pending${out ? ` -> ${out}` : ''}`);
  // Pending (skipped) tests are not a pass: the suite has none, so any is a failure.
  if (result.failures > 0 || result.pending > 0 || result.passes === 0) {
    throw new Error(`${result.failures} test(s) failed, ${result.pending} pending, ${result.passes} passed`);
  }
};
