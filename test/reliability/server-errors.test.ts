// A handler that throws must not kill the session: the request is answered with an error (or an empty
// result), the failure is logged with context, and later requests still work.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient, ResponseError } from '../protocol/lsp-client.ts';

describe('server errors do not kill the session', () => {
  let client: LspClient;
  const uri = 'untitled:errors.md';
  const text = '# Talk\n\nWe ran Kubevirt.\n';
  before(async () => {
    client = (await LspClient.start({ settings: {} })).client;
    await client.open(uri, text);
  });
  after(() => client.stop());

  const logged = (): string[] => client.notifications.filter((m) => m.method === 'window/logMessage').map((m) => (m.params as { message: string }).message);
  const stillWorks = async (): Promise<void> => {
    const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(Array.isArray(symbols) && symbols.length > 0, 'a later request is answered');
    const since = client.publishes.length;
    client.notify('textDocument/didChange', { textDocument: { uri, version: 1000 + since }, contentChanges: [{ text: text + 'ETCD\n' }] });
    const diagnostics = await client.waitForDiagnostics(uri, since, (_d, p) => p.version === 1000 + since);
    assert.ok(diagnostics.some((d) => d.code === 'casing'), 'documents are still checked');
    assert.equal(client.child.exitCode, null, 'the server is alive');
  };

  const malformed: [string, string, unknown][] = [
    ['codeAction without a context', 'textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }],
    ['hover without a position', 'textDocument/hover', { textDocument: { uri } }],
    ['completion with a null position', 'textDocument/completion', { textDocument: { uri }, position: null }],
    ['documentSymbol without a textDocument', 'textDocument/documentSymbol', {}],
    ['workspace/symbol without a query', 'workspace/symbol', {}],
    ['executeCommand with junk arguments', 'workspace/executeCommand', { command: 'talkNotes.applyFixAll', arguments: [{ not: 'a uri' }] }],
  ];
  for (const [name, method, params] of malformed) {
    test(`${name}: answered (an InternalError naming the request, or empty), session goes on`, async () => {
      let answer: unknown;
      try {
        answer = await client.request(method, params);
      } catch (error) {
        assert.ok(error instanceof ResponseError, `an error answer, not a timeout: ${String(error)}`);
        assert.equal(error.code, -32603, 'InternalError');
        assert.match(error.message, new RegExp(`${method.replace('/', '\\/')}.*failed`), 'the error names the request');
        answer = error;
      }
      assert.ok(answer === null || Array.isArray(answer) || answer instanceof ResponseError || (typeof answer === 'object' && answer !== null), `answered: ${JSON.stringify(answer)}`);
      await stillWorks();
    });
  }

  test(
    'a request handler that throws is also logged by the server with its stack (window/logMessage)',
    async () => {
      const before = logged().length;
      // (workspace/symbol answers a missing query with every symbol: a document symbol request without its document throws.)
      await client.request('textDocument/documentSymbol', {}).catch(() => undefined);
      await client.waitFor('a log line about the failure', () => (logged().slice(before).some((m) => /documentSymbol/i.test(m) && /at /.test(m)) ? true : undefined), 2_000);
    },
  );

  test('notifications that throw (didChange with null changes, didOpen without a document) are survived and logged', async () => {
    client.notify('textDocument/didChange', { textDocument: { uri, version: 5000 }, contentChanges: null });
    client.notify('textDocument/didOpen', {});
    client.notify('textDocument/didClose', {});
    client.notify('textDocument/didChange', { textDocument: { uri: 'untitled:never-opened.md', version: 2 }, contentChanges: [{ range: { start: { line: 9, character: 9 }, end: { line: 0, character: 0 } }, text: 'x' }] });
    await stillWorks();
    const log = [...logged(), client.stderr].join('\n');
    assert.match(log, /didChange/, `the failing didChange is logged: ${log}`);
  });

  test('an edit whose range lies far outside the text is clamped, not fatal', async () => {
    const since = client.publishes.length;
    client.notify('textDocument/didChange', {
      textDocument: { uri, version: 9000 },
      contentChanges: [
        { range: { start: { line: 99, character: 99 }, end: { line: 120, character: 0 } }, text: 'Kubevirt ' },
        { range: { start: { line: -5, character: -5 }, end: { line: 1e9, character: 1e9 } }, text: '# New\n\nETCD\n' },
      ],
    });
    const diagnostics = await client.waitForDiagnostics(uri, since, (_d, p) => p.version === 9000);
    assert.deepEqual(diagnostics.map((d) => d.code), ['casing']);
    await stillWorks();
  });

  test(
    'an edit with a reversed range (end before start) keeps the server in step with the client',
    async () => {
      const u = 'untitled:reversed.md';
      await client.open(u, 'Kubevirt one\nKubevirt two\n');
      const since = client.publishes.length;
      client.notify('textDocument/didChange', { textDocument: { uri: u, version: 2 }, contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 0, character: 0 } }, text: '' }] });
      const diagnostics = await client.waitForDiagnostics(u, since, (_d, p) => p.version === 2);
      // TextDocument (and VS Code) read the range as [0:0, 1:0): the text is now 'Kubevirt two\n'.
      assert.deepEqual(diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character}`), ['0:0']);
      const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: u } });
      assert.ok(Array.isArray(symbols));
      const since2 = client.publishes.length;
      client.notify('textDocument/didChange', { textDocument: { uri: u, version: 3 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x ' }] });
      const after = await client.waitForDiagnostics(u, since2, (_d, p) => p.version === 3);
      // The client's text is 'x Kubevirt two\n': one diagnostic, after the 'x '. A server that read the range
      // differently would still have 'Kubevirt one' and flag two lines.
      assert.deepEqual(after.map((d) => `${d.range.start.line}:${d.range.start.character}`), ['0:2'], 'the server sees the same text as the client');
    },
  );
});
