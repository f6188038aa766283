// talkNotes.schedules: the workspace's conference schedule makes its speakers known to every notes file, so a
// misheard speaker is fixed even where the notes name no speaker; a changed schedule is read again, and a
// broken one is reported once while the checker goes on. (The people are invented: no catalog knows them.)
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, REPO, textOf } from './lsp-client.ts';

const FIXTURES = path.join(REPO, 'test', 'fixtures', 'schedule');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'talk-notes-schedules-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

// No speaker line anywhere: the names are only in the prose.
const NOTES = '# Day two\n\n## Scaling batch jobs\n\nThe queue grew past what one controller could hold.\n\n- Tobiah Wrenfeld showed the backpressure API\n- Marisol Quintavale opened with the community numbers\n- we run Kubevirt next to it\n';

function workspace(name: string, files: Record<string, string>): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), text);
  return dir;
}

const fixes = (diags: { range: unknown; data?: unknown; message: string }[], text: string): string[] => diags.map((d) => `${textOf(text, d as never)}: ${d.message}`);

describe('talkNotes.schedules', () => {
  test('a speaker misheard in notes without a speaker line is flagged with the schedule spelling (default: *.ics in the workspace)', async () => {
    const dir = workspace('default', { 'harbour-summit.ics': fs.readFileSync(path.join(FIXTURES, 'harbour-summit.ics'), 'utf8') });
    const { client } = await LspClient.start({ workspaceFolder: dir, settings: {} });
    try {
      const diags = await client.open(pathToFileURL(path.join(dir, 'day2.md')).href, NOTES);
      const found = fixes(diags, NOTES);
      assert.ok(found.some((f) => f.startsWith('Wrenfeld:') && f.includes('Wrenfield')), JSON.stringify(found));
      assert.ok(found.some((f) => f.startsWith('Quintavale:') && f.includes('Quintavalle')), JSON.stringify(found));
      assert.ok(found.some((f) => f.startsWith('Kubevirt:')), 'the catalog still works');
    } finally {
      await client.stop();
    }
  });

  test('without a schedule those names are not flagged', async () => {
    const dir = workspace('none', {});
    const { client } = await LspClient.start({ workspaceFolder: dir, settings: {} });
    try {
      const found = fixes(await client.open(pathToFileURL(path.join(dir, 'day2.md')).href, NOTES), NOTES);
      assert.ok(!found.some((f) => f.startsWith('Wrenfeld') || f.startsWith('Quintavale')), JSON.stringify(found));
    } finally {
      await client.stop();
    }
  });

  test("a Pretalx schedule.json named in the setting; a changed file is read again", async () => {
    const json = fs.readFileSync(path.join(FIXTURES, 'schedule.json'), 'utf8');
    const dir = workspace('pretalx', { 'program.json': json });
    const { client } = await LspClient.start({ workspaceFolder: dir, settings: { schedules: ['./program.json'] }, progressAndWatching: true });
    const text = '# Day one\n\n- Corentin Duval-Khatry showed policy as code\n- Yevgenia Lindqvist on etcd\n';
    const uri = pathToFileURL(path.join(dir, 'day1.md')).href;
    try {
      const found = fixes(await client.open(uri, text), text);
      assert.ok(found.some((f) => f.startsWith('Duval-Khatry:') && f.includes('Duval-Khatri')), JSON.stringify(found));
      // The speaker is renamed in the schedule: the old spelling becomes the slip.
      fs.writeFileSync(path.join(dir, 'program.json'), json.replace(/Corentin Duval-Khatri/g, 'Corentin Duval-Khatry'));
      const before = client.publishes.length;
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(dir, 'program.json')).href, type: 2 }] });
      const after = await client.waitForDiagnostics(uri, before, (d) => !d.some((x) => textOf(text, x) === 'Duval-Khatry'));
      assert.ok(!fixes(after, text).some((f) => f.startsWith('Duval-Khatry')));
    } finally {
      await client.stop();
    }
  });

  test('a broken schedule is reported once, naming the file and line, and its good events are used', async () => {
    const dir = workspace('broken', { 'malformed.ics': fs.readFileSync(path.join(FIXTURES, 'malformed.ics'), 'utf8') });
    const { client } = await LspClient.start({ workspaceFolder: dir, settings: {} });
    const text = '# Day two\n\n- Berit Soltvet closed the day\n- we run Kubevirt\n';
    try {
      const found = fixes(await client.open(pathToFileURL(path.join(dir, 'notes.md')).href, text), text);
      assert.ok(found.some((f) => f.startsWith('Soltvet:') && f.includes('Soltvedt')), JSON.stringify(found));
      const shown = (): string[] => [...client.notifications, ...client.serverRequests].filter((n) => n.method === 'window/showMessage' || n.method === 'window/showMessageRequest').map((n) => (n.params as { message: string }).message);
      const message = await client.waitFor('a warning naming the file', () => shown().find((m) => m.includes('malformed.ics:11')), 3_000);
      assert.match(message, /3 more problems/);
      await client.open(pathToFileURL(path.join(dir, 'other.md')).href, text);
      assert.equal(shown().filter((m) => m.includes('malformed.ics')).length, 1, 'told once');
    } finally {
      await client.stop();
    }
  });
});

describe('the schedule in the editor', () => {
  const ics = fs.readFileSync(path.join(FIXTURES, 'harbour-summit.ics'), 'utf8');
  // A talk heading that names the session only in part, with no speaker line.
  const notes = '# Day two\n\n## Scaling Ferrowheel\n\nThe queue grew.\n\n## Hallway track\n\nCoffee.\n';

  test('New Talk: the sessions by a pinned clock, the running one first, each with a snippet in the file style', async () => {
    const dir = workspace('new-talk', { 'harbour-summit.ics': ics });
    const { client } = await LspClient.start({ workspaceFolder: dir, settings: { scheduleClock: '2025-04-02T11:10:00+02:00' } });
    try {
      const uri = pathToFileURL(path.join(dir, 'day2.md')).href;
      await client.open(uri, notes);
      const result = await client.request<{ sessions: { title: string; when: string; time: string; room?: string; snippet: string }[]; message: string }>('talkNotes/scheduleSessions', { uri, now: Date.now(), localOffset: 0 });
      assert.equal(result.message, '');
      const first = result.sessions[0];
      assert.equal(first.when, 'now');
      assert.equal(first.title, 'Scaling Ferrowheel: Batch Jobs, Queues; and Backpressure');
      assert.equal(first.time, 'Wed 2 Apr, 11:00–11:30');
      assert.match(first.snippet, /^## \$\{1:Scaling Ferrowheel: Batch Jobs, Queues; and Backpressure\}\n\nSpeakers: \$\{2:Tobiah Wrenfield \(Acme\), Ingrid Haldorsen-Vey \(Example Corp\)\}/);
      assert.equal(result.sessions[1].when, 'next');
    } finally {
      await client.stop();
    }
  });

  test('a talk heading that matches a session: hover, Open Talk in Schedule, the Talks view', async () => {
    const dir = workspace('linked', { 'harbour-summit.ics': ics });
    const { client } = await LspClient.start({ workspaceFolder: dir, settings: {} });
    try {
      const uri = pathToFileURL(path.join(dir, 'day2.md')).href;
      await client.open(uri, notes);
      const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 6 } });
      assert.match(hover?.contents.value ?? '', /Wed 2 Apr, 11:00–11:30 · Room 114 \(Level 1\)/);
      assert.match(hover?.contents.value ?? '', /Speakers: Tobiah Wrenfield/);
      const none = await client.request<unknown>('textDocument/hover', { textDocument: { uri }, position: { line: 6, character: 5 } });
      assert.equal(none, null, 'a heading of no session');
      const session = await client.request<{ url?: string } | null>('talkNotes/talkSession', { uri, position: { line: 4, character: 2 } });
      assert.equal(session?.url, 'https://harboursummit2025.sched.com/event/3c4d/scaling-ferrowheel');
      const files = await client.request<{ uri: string; talks: { title: string; session?: { time: string; room?: string } }[] }[]>('talkNotes/workspaceTalks', {});
      const talks = files.find((f) => f.uri === uri)!.talks;
      assert.deepEqual(talks.map((t) => t.session?.room ?? null), ['Room 114 (Level 1)', null]);
      const byRoom = await client.request<{ uri: string; talks: { title: string }[] }[]>('talkNotes/workspaceTalks', { query: 'room 114' });
      assert.deepEqual(byRoom.flatMap((f) => f.talks.map((t) => t.title)), ['Scaling Ferrowheel']);
    } finally {
      await client.stop();
    }
  });

  test('completion: session titles on a talk heading, speakers on a speaker line', async () => {
    const dir = workspace('complete', { 'harbour-summit.ics': ics });
    const { client } = await LspClient.start({ workspaceFolder: dir, settings: {} });
    try {
      const uri = pathToFileURL(path.join(dir, 'day2.md')).href;
      const text = `${notes}\n## Observab`;
      await client.open(uri, text);
      const list = await client.request<{ items: { label: string }[] }>('textDocument/completion', { textDocument: { uri }, position: { line: 10, character: 11 } });
      assert.equal(list.items[0]?.label, 'Observability Without the Bill: Sampling That Keeps the Story');
      const text2 = notes.replace('The queue grew.', 'Speaker: ');
      await client.change(uri, 2, [{ text: text2 }]);
      const speakers = await client.request<{ items: { label: string }[] }>('textDocument/completion', { textDocument: { uri }, position: { line: 4, character: 9 } });
      assert.deepEqual(speakers.items.slice(0, 2).map((i) => i.label), ['Tobiah Wrenfield (Acme)', 'Ingrid Haldorsen-Vey (Example Corp)']);
    } finally {
      await client.stop();
    }
  });

  test("a talk heading that names a session makes its speakers the file's own: a misheard given name is caught there only", async () => {
    const dir = workspace('talk-speakers', { 'harbour-summit.ics': ics });
    const { client } = await LspClient.start({ workspaceFolder: dir, settings: {} });
    try {
      const body = '- Kwami showed tail sampling\n- errors are always kept\n';
      const linked = `# Day three\n\n## Observability without the bill\n\n${body}`;
      const found = fixes(await client.open(pathToFileURL(path.join(dir, 'linked.md')).href, linked), linked);
      assert.ok(found.some((f) => f.startsWith('Kwami:') && f.includes('Kwame')), JSON.stringify(found));
      const unlinked = `# Day three\n\n## Hallway track\n\n${body}`;
      const none = fixes(await client.open(pathToFileURL(path.join(dir, 'unlinked.md')).href, unlinked), unlinked);
      assert.ok(!none.some((f) => f.startsWith('Kwami')), `a speaker of another talk: ${JSON.stringify(none)}`);
    } finally {
      await client.stop();
    }
  });

  test('without a schedule New Talk says where to add one', async () => {
    const dir = workspace('no-schedule', {});
    const { client } = await LspClient.start({ workspaceFolder: dir, settings: {} });
    try {
      const uri = pathToFileURL(path.join(dir, 'day2.md')).href;
      await client.open(uri, notes);
      const result = await client.request<{ sessions: unknown[]; message: string }>('talkNotes/scheduleSessions', { uri, now: Date.now(), localOffset: 0 });
      assert.equal(result.sessions.length, 0);
      assert.match(result.message, /Add Schedule File/);
    } finally {
      await client.stop();
    }
  });
});
