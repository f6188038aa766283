// The long soak: the reliability tests with more of everything and random seeds (printed, to reproduce a
// failure with TALK_NOTES_SEED=<seed>). Defaults: 100,000 protocol edits (at most 10 minutes) and 2,000
// fast-check runs per core property. Override with TALK_NOTES_SOAK_EDITS, TALK_NOTES_SOAK_SECONDS,
// TALK_NOTES_PROPERTY_RUNS, TALK_NOTES_SEED (a number, or 'random').
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const env = {
  ...process.env,
  TALK_NOTES_SOAK_EDITS: process.env.TALK_NOTES_SOAK_EDITS ?? '100000',
  TALK_NOTES_SOAK_SECONDS: process.env.TALK_NOTES_SOAK_SECONDS ?? '600',
  TALK_NOTES_PROPERTY_RUNS: process.env.TALK_NOTES_PROPERTY_RUNS ?? '2000',
  TALK_NOTES_SEED: process.env.TALK_NOTES_SEED ?? 'random',
};
console.log(`soak: ${env.TALK_NOTES_SOAK_EDITS} edits (≤ ${env.TALK_NOTES_SOAK_SECONDS} s), ${env.TALK_NOTES_PROPERTY_RUNS} runs per property, seed ${env.TALK_NOTES_SEED}`);
const files = ['test/reliability/core-properties.test.ts', 'test/reliability/soak.test.ts'];
const result = spawnSync(process.execPath, ['scripts/ensure-built.mjs'], { cwd: root, stdio: 'inherit' });
if (result.status) process.exit(result.status);
const run = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-timeout=0', ...files], { cwd: root, env, stdio: 'inherit' });
process.exit(run.status ?? 1);
