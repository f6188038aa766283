// Bad input over the protocol: each gets a clear message (window/showMessage(Request) or window/logMessage)
// and the defaults are kept (diagnostics still published as with default settings).
import { DEFAULT_SETTINGS } from '../../server/src/core/check/settings.ts';
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver';
import { LspClient, textOf } from '../protocol/lsp-client.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'talk-notes-bad-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));
let n = 0;
const workspace = (files: Record<string, string | Buffer> = {}): string => {
  const dir = path.join(tmp, `ws-${++n}`);
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
};
const uriIn = (dir: string, name = 'notes.md'): string => pathToFileURL(path.join(dir, name)).href;

/** Every message the server showed or logged, as one string per message. */
function messages(client: LspClient): { shown: string[]; logged: string[] } {
  const shown = [
    ...client.notifications.filter((m) => m.method === 'window/showMessage').map((m) => (m.params as { message: string }).message),
    ...client.serverRequests.filter((m) => m.method === 'window/showMessageRequest').map((m) => (m.params as { message: string }).message),
  ];
  const logged = client.notifications.filter((m) => m.method === 'window/logMessage').map((m) => (m.params as { message: string }).message);
  return { shown, logged };
}

const TEXT = '# Talk\n\nWe run Kubevirt next to Quillgate and Lockland.\n';
const casingOn = (diagnostics: Diagnostic[], text: string, word: string): Diagnostic | undefined => diagnostics.find((d) => textOf(text, d) === word);

describe('malformed talkNotes.* settings: reported once, defaults kept', { concurrency: true }, () => {
  const BAD = { enable: 'yes', severity: { casing: 'loud', bogus: 'error', typo: 'error' }, knownNames: 'Quillgate', ignoredWords: [1, 'Lockland'], maxProblems: -3, dictionaryFile: 42 };

  test('pulled through workspace/configuration: a warning per bad value, the good ones and the defaults used', async () => {
    const dir = workspace();
    const { client } = await LspClient.start({ settings: BAD, workspaceFolder: dir });
    try {
      const diagnostics = await client.open(uriIn(dir), TEXT);
      const { shown, logged } = messages(client);
      for (const expected of [/talkNotes\.enable should be true or false/, /talkNotes\.severity\.casing should be one of/, /talkNotes\.severity\.bogus: unknown check/, /talkNotes\.knownNames should be a list of strings/, /talkNotes\.ignoredWords: 1 entries that are not strings/, /talkNotes\.maxProblems should be a whole number/, /talkNotes\.dictionaryFile should be a file path/]) {
        assert.ok(shown.some((m) => expected.test(m)), `shown: ${expected} in ${JSON.stringify(shown)}`);
        assert.ok(logged.some((m) => expected.test(m)), `logged: ${expected}`);
      }
      // Defaults kept: enabled, casing stays a warning; the valid ignoredWords entry is honoured.
      assert.equal(casingOn(diagnostics, TEXT, 'Kubevirt')?.severity, 2, JSON.stringify(diagnostics));
      assert.equal(casingOn(diagnostics, TEXT, 'Lockland'), undefined);
      // Reported once: a second document does not repeat the warnings.
      const before = messages(client).shown.length;
      await client.open(uriIn(dir, 'second.md'), TEXT);
      assert.equal(messages(client).shown.length, before, 'warnings are not repeated');
    } finally {
      await client.stop();
    }
  });

  test('settings that are not an object at all (a string, an array): one message, defaults', async () => {
    for (const settings of ['talkNotes', [1, 2], 42]) {
      const dir = workspace();
      const { client } = await LspClient.start({ settings, workspaceFolder: dir });
      try {
        const diagnostics = await client.open(uriIn(dir), TEXT);
        assert.ok(messages(client).shown.some((m) => /talkNotes settings should be an object; defaults are used/.test(m)), JSON.stringify(messages(client)));
        assert.equal(casingOn(diagnostics, TEXT, 'Kubevirt')?.severity, 2);
      } finally {
        await client.stop();
      }
    }
  });

  test('pushed (no configuration capability): initializationOptions and didChangeConfiguration', async () => {
    const dir = workspace();
    const { client } = await LspClient.start({ configuration: false, workspaceFolder: dir, initializationOptions: { settings: { severity: 'loud' } } });
    try {
      const uri = uriIn(dir);
      let diagnostics = await client.open(uri, TEXT);
      assert.ok(messages(client).logged.some((m) => /talkNotes\.severity should be an object/.test(m)), JSON.stringify(messages(client).logged));
      assert.equal(casingOn(diagnostics, TEXT, 'Kubevirt')?.severity, 2);
      const since = client.publishes.length;
      client.notify('workspace/didChangeConfiguration', { settings: { talkNotes: { enable: 'no', maxProblems: 'many' } } });
      diagnostics = await client.waitForDiagnostics(uri, since);
      assert.ok(messages(client).shown.some((m) => /talkNotes\.enable should be true or false/.test(m)));
      assert.ok(messages(client).shown.some((m) => /talkNotes\.maxProblems should be a whole number/.test(m)));
      assert.equal(casingOn(diagnostics, TEXT, 'Kubevirt')?.severity, 2, 'still enabled, still checked');
    } finally {
      await client.stop();
    }
  });
});

describe('a bad workspace dictionary file: reported, ignored, checking goes on', { concurrency: true }, () => {
  const cases: [string, (dir: string) => void, RegExp, boolean][] = [
    ['binary (NUL bytes)', (dir) => fs.writeFileSync(path.join(dir, '.talk-notes-dictionary.txt'), Buffer.from([0x51, 0x75, 0x00, 0xff, 0xfe, 0x0a])), /dictionary file is binary; it was ignored/, false],
    ['unreadable (a folder where the file should be)', (dir) => fs.mkdirSync(path.join(dir, '.talk-notes-dictionary.txt')), /could not be read \(EISDIR\); it was ignored/, false],
    ['garbage lines among good ones', (dir) => fs.writeFileSync(path.join(dir, '.talk-notes-dictionary.txt'), `Lockland\n${'x'.repeat(300)}\nbad\u0007name\n`), /line 2 of the dictionary file is not a name; it was skipped/, true],
  ];
  for (const [name, make, expected, goodNamesKept] of cases) {
    test(name, async () => {
      const dir = workspace();
      make(dir);
      const { client } = await LspClient.start({ settings: {}, workspaceFolder: dir });
      try {
        const diagnostics = await client.open(uriIn(dir), TEXT);
        const { shown, logged } = messages(client);
        assert.ok(shown.some((m) => expected.test(m)), `shown ${expected}: ${JSON.stringify(shown)}`);
        assert.ok(logged.some((m) => expected.test(m)), `logged ${expected}: ${JSON.stringify(logged)}`);
        assert.equal(casingOn(diagnostics, TEXT, 'Kubevirt')?.code, 'casing', 'diagnostics are still published');
        if (goodNamesKept) assert.equal(casingOn(diagnostics, TEXT, 'Lockland'), undefined, 'the good line of the dictionary is used');
      } finally {
        await client.stop();
      }
    });
  }
});

describe('hostile documents over the protocol', () => {
  test('a binary file opened as Markdown: the server stays up and publishes', async () => {
    const bytes = Buffer.alloc(64 * 1024);
    for (let k = 0; k < bytes.length; k++) bytes[k] = (k * 7919 + (k >> 3)) & 0xff;
    const text = bytes.toString('latin1');
    const { client } = await LspClient.start({ settings: {} });
    try {
      const t = performance.now();
      const diagnostics = await client.open('untitled:binary.md', text);
      const ms = performance.now() - t;
      console.log(`# binary 64 KB as Markdown: ${diagnostics.length} diagnostics in ${ms.toFixed(0)} ms`);
      assert.ok(ms < 10_000);
      const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: 'untitled:binary.md' } });
      assert.ok(Array.isArray(symbols));
    } finally {
      await client.stop();
    }
  });

  test(
    'a binary file opened as Markdown gets a message saying it is not notes',
    async () => {
      const { client } = await LspClient.start({ settings: {} });
      try {
        await client.open('untitled:binary2.md', '# T\u0000\u0001\u0002 Kubevirt\u0000\n'.repeat(50));
        assert.ok([...messages(client).shown, ...messages(client).logged].some((m) => /binary/i.test(m)), JSON.stringify(messages(client)));
      } finally {
        await client.stop();
      }
    },
  );

  test('a 1 MB single line of prose: bounded time, problems capped at maxProblems and the user told so', async () => {
    const unit = 'We ran Kubevirt and ETCD with Promethus at the booth, healhty coffee. ';
    const text = unit.repeat(Math.ceil(1_000_000 / unit.length)).slice(0, 1_000_000);
    const { client } = await LspClient.start({ settings: {} });
    try {
      const t = performance.now();
      const diagnostics = await client.open('untitled:long-line.md', text);
      const ms = performance.now() - t;
      console.log(`# 1 MB single line: ${diagnostics.length} diagnostics published in ${ms.toFixed(0)} ms`);
      assert.ok(ms < 20_000, `took ${ms.toFixed(0)} ms`);
      assert.equal(diagnostics.length, DEFAULT_SETTINGS.maxProblems, 'at most talkNotes.maxProblems diagnostics');
      assert.ok(messages(client).shown.some((m) => new RegExp(`has about \\d+ problems; the ${DEFAULT_SETTINGS.maxProblems} nearest what is on screen and your edits are shown`).test(m)), 'the cap is announced, not silent');
      // Still responsive after it.
      await client.request('textDocument/hover', { textDocument: { uri: 'untitled:long-line.md' }, position: { line: 0, character: 8 } });
    } finally {
      await client.stop();
    }
  });

  test(
    'a 1 MB single line with inline markup is checked within 5 s',
    async () => {
      const unit = 'We ran Kubevirt and *ETCD* with `kubectl` at [the site](https://x.io) on Promethus, healhty 😀 عربى ';
      const text = unit.repeat(Math.ceil(1_000_000 / unit.length)).slice(0, 1_000_000);
      const { client } = await LspClient.start({ settings: {} });
      try {
        const t = performance.now();
        client.notify('textDocument/didOpen', { textDocument: { uri: 'untitled:markup.md', languageId: 'markdown', version: 1, text } });
        await client.waitForDiagnostics('untitled:markup.md', 0, () => true, 5_000);
        console.log(`# 1 MB single line with markup: published in ${(performance.now() - t).toFixed(0)} ms`);
      } finally {
        client.child.kill('SIGKILL');
        await client.stop();
      }
    },
  );

  test(
    'a 10 MB file: diagnostics (capped, and said so) or a message that the file is too large, within 15 s',
    async () => {
      const words = ['Kubevirt', 'ETCD', 'hello', 'the', 'world', 'Promethus', 'coffee', 'k8s', 'Sillium', 'orchectration', 'kubernetes', 'We', 'ran', 'talk'];
      let seed = 1;
      const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
      const lines: string[] = [];
      let size = 0;
      for (let k = 0; size < 10_000_000; k++) {
        const line = `${k % 20 === 0 ? `## Talk ${k}\n\n` : ''}- ${Array.from({ length: 8 }, () => words[Math.floor(rnd() * words.length)]).join(' ')} item${k}\n${k % 5 === 0 ? '\n' : ''}`;
        lines.push(line);
        size += line.length;
      }
      const { client } = await LspClient.start({ settings: {} });
      try {
        const t = performance.now();
        client.notify('textDocument/didOpen', { textDocument: { uri: 'untitled:huge.md', languageId: 'markdown', version: 1, text: lines.join('') } });
        // Capped diagnostics come with a message saying so; a server that gives up must say that instead.
        await client.waitFor('a message about the cap or the size', () => (messages(client).shown.some((m) => /problems|large/i.test(m)) ? true : undefined), 15_000);
        console.log(`# 10 MB file: told the user after ${(performance.now() - t).toFixed(0)} ms; ${client.publishes.length} publishes`);
      } finally {
        client.child.kill('SIGKILL');
        await client.stop();
      }
    },
  );
});
