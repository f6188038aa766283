// Big files, whose problems are more than talkNotes.maxProblems: the problems on screen (talkNotes/visibleRanges)
// are shown first, so scrolling brings them back after an edit elsewhere; our client is told how many are shown
// of how many (talkNotes/problemCap) rather than sent a message; "List All Problems" gets every one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient, textOf } from './lsp-client.ts';

// 60 lines, each with a casing slip: 60 problems, 10 shown.
const TEXT = Array.from({ length: 60 }, (_, k) => `- line ${k + 1}: we run Kubevirt here`).join('\n') + '\n';
const URI = 'untitled:big-notes.md';
const linesOf = (diags: { range: { start: { line: number } } }[]): number[] => diags.map((d) => d.range.start.line);

test('the problems on screen are shown first; the cap is told to our client; all can be listed', async () => {
  const { client } = await LspClient.start({ settings: { maxProblems: 10 }, initializationOptions: { settings: { maxProblems: 10 }, showsProblemCap: true } });
  try {
    const first = await client.open(URI, TEXT);
    assert.equal(first.length, 10);
    assert.ok(linesOf(first).every((l) => l < 20), `nearest the start (no edit yet): ${linesOf(first)}`);
    assert.equal(textOf(TEXT, first[0] as never), 'Kubevirt');
    const cap = await client.waitFor('a problemCap notification', () => client.notifications.find((n) => n.method === 'talkNotes/problemCap'), 5_000);
    assert.deepEqual(cap.params, { uri: URI, shown: 10, total: 60, limit: 10 });
    assert.ok(![...client.notifications, ...client.serverRequests].some((n) => /^window\/showMessage/.test(n.method)), 'no message: the client shows the cap');

    // Scrolled to the end: those lines' problems are shown.
    const before = client.publishes.length;
    client.notify('talkNotes/visibleRanges', { uri: URI, ranges: [{ start: { line: 50, character: 0 }, end: { line: 59, character: 40 } }] });
    const scrolled = await client.waitForDiagnostics(URI, before, (d) => d.some((x) => x.range.start.line === 59));
    assert.deepEqual(linesOf(scrolled).sort((a, b) => a - b), [50, 51, 52, 53, 54, 55, 56, 57, 58, 59]);

    const all = await client.request<{ range: { start: { line: number } }; message: string; code: string }[]>('talkNotes/allProblems', { uri: URI });
    assert.equal(all.length, 60);
    assert.match(all[59].message, /KubeVirt/);
    assert.equal(all[0].code, 'casing');
  } finally {
    await client.stop();
  }
});

test('other editors get one message naming the cap', async () => {
  const { client } = await LspClient.start({ settings: { maxProblems: 10 }, initializationOptions: { settings: { maxProblems: 10 } } });
  try {
    await client.open(URI, TEXT);
    const messages = () => [...client.notifications, ...client.serverRequests].filter((n) => n.method === 'window/showMessage' || n.method === 'window/showMessageRequest');
    const shown = await client.waitFor('a message', () => messages()[0], 5_000);
    assert.match((shown.params as { message: string }).message, /has about 60 problems; the 10 nearest what is on screen and your edits are shown/);
    assert.ok(!client.notifications.some((n) => n.method === 'talkNotes/problemCap'));
  } finally {
    await client.stop();
  }
});
