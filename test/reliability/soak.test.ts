// The language server under a fuzz/soak over stdio (see soak-driver.ts). Bounded for `npm test`:
// TALK_NOTES_SOAK_EDITS (default 10,000), TALK_NOTES_SOAK_SECONDS (default 50), TALK_NOTES_SEED;
// `npm run soak` runs a longer one.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runSoak } from './soak-driver.ts';

const EDITS = Number(process.env.TALK_NOTES_SOAK_EDITS ?? 10_000);
const SECONDS = Number(process.env.TALK_NOTES_SOAK_SECONDS ?? 50);
const SEED = process.env.TALK_NOTES_SEED === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.TALK_NOTES_SEED ?? 7);

test(`server soak: ${EDITS} random incremental edits over 6 documents (seed ${SEED}, at most ${SECONDS} s) — alive, responsive, diagnostics equal a fresh check`, { timeout: (SECONDS + 60) * 1000 }, async () => {
  const r = await runSoak({ edits: EDITS, documents: 6, seed: SEED, maxChars: 2_000, maxSnippet: 120, crJoins: process.env.TALK_NOTES_SOAK_CR_JOINS === '1', timeLimitMs: SECONDS * 1000 });
  console.log(
    `# soak: ${r.edits} edits in ${r.didChange} didChange, ${r.opens} opens, ${r.closes} closes, ${r.requests} requests (errors: ${JSON.stringify(r.requestErrors)}), ` +
      `${r.cancels} cancels, ${r.unknownMethods} unknown methods, ${r.publishes} publishes; max request latency ${r.maxLatencyMs.toFixed(0)} ms; ` +
      `${(r.elapsedMs / 1000).toFixed(1)} s; compared ${JSON.stringify(r.compared.map((c) => `${c.chars} chars/${c.diagnostics} diagnostics`))}`,
  );
  assert.ok(r.alive, `the server is alive; stderr: ${r.stderr}`);
  assert.ok(r.edits >= EDITS, `all ${EDITS} edits were sent within ${SECONDS} s (sent ${r.edits})`);
  assert.deepEqual(r.mismatches, []);
  assert.ok(r.compared.length > 0, 'at least one document was open at the end');
  assert.doesNotMatch(r.stderr, /uncaught|unhandled/i);
  // Errors answered: only cancellations and unknown methods, never an internal error from a handler.
  for (const key of Object.keys(r.requestErrors)) assert.match(key, / -32800$|bogus.* -32601$|bogusRequest -32601$/, `unexpected error answer: ${key}`);
  assert.ok(r.maxLatencyMs < 10_000, `a request is answered within 10 s while edits flow (max ${r.maxLatencyMs.toFixed(0)} ms)`);
});
