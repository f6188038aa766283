// extensionTestsPath of the web extension's tests, bundled with mocha's browser build into one script
// (scripts/e2e/web-extension.mjs) for a web-worker extension host: code-server's (test/e2e/code-server-web.mjs)
// or @vscode/test-web's (test/e2e/test-web.mjs). There is no file system to write results to, so they go to the
// console as one `[web-tests] RESULT {...}` line, which the runners read from the workbench's log.
require('mocha/mocha.js');

exports.run = function run() {
  const { mocha } = globalThis;
  mocha.setup({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30000 });
  require('./talknotes-web.test.js');
  const result = { passes: 0, failures: 0, pending: 0, tests: [] };
  return new Promise((resolve, reject) => {
    const finish = () => {
      console.log(`[web-tests] RESULT ${JSON.stringify(result)}`);
      if (result.failures || result.pending || !result.passes) reject(new Error(`${result.failures} failed, ${result.pending} pending, ${result.passes} passed`));
      else resolve();
    };
    // mocha.run reads `location` for a ?grep: a worker may have none.
    const runner = globalThis.location ? mocha.run(finish) : globalThis.Mocha.prototype.run.call(mocha, finish);
    runner.on('pass', (t) => { result.passes++; result.tests.push({ title: t.fullTitle(), state: 'passed' }); });
    runner.on('fail', (t, err) => { result.failures++; result.tests.push({ title: t.fullTitle(), state: 'failed', error: String((err && (err.stack || err.message)) || err) }); });
    runner.on('pending', (t) => { result.pending++; result.tests.push({ title: t.fullTitle(), state: 'pending' }); });
  });
};
