// npm test: type check, unit + protocol + CLI + reliability tests, then the end-to-end tests in real editors.
// Streams every step's output and ends with one line counting all of them.
import { spawn } from 'node:child_process';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const steps = [
  { name: 'typecheck', args: ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--noEmit'] },
  { name: 'unit', args: ['scripts/run-tests.mjs', 'test/core', 'test/protocol', 'test/cli', 'test/reliability', 'test/catalog'] },
  { name: 'e2e', args: ['scripts/e2e/run-all.mjs'] },
];

function run(args) {
  return new Promise((resolve) => {
    let out = '';
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      out += chunk.toString();
      if (out.length > 1_000_000) out = out.slice(-200_000);
    });
    child.on('exit', (code) => resolve({ code: code ?? 1, out }));
  });
}

let passed = 0;
let failed = 0;
for (const step of steps) {
  if (process.env.TALK_NOTES_SKIP_E2E && step.name === 'e2e') continue;
  console.log(`\n===== npm test: ${step.name} =====`);
  const { code, out } = await run(step.args);
  // Node's runner ends with "ℹ pass N" / "ℹ fail N"; the e2e runner with "e2e: N passed, N failed".
  const pass = [...out.matchAll(/^ℹ pass (\d+)$|^e2e: (\d+) passed, \d+ failed$/gm)].pop();
  const fail = [...out.matchAll(/^ℹ fail (\d+)$|^e2e: \d+ passed, (\d+) failed$/gm)].pop();
  if (pass || fail) {
    passed += Number(pass?.[1] ?? pass?.[2] ?? 0);
    failed += Number(fail?.[1] ?? fail?.[2] ?? 0);
  } else {
    code === 0 ? passed++ : failed++;
  }
  if (code !== 0) {
    console.log(`\nnpm test: step '${step.name}' failed (exit ${code})`);
    console.log(`${passed} passed, ${Math.max(failed, 1)} failed`);
    process.exit(1);
  }
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
