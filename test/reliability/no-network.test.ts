// The extension and server make no network access: the real dist/server.js runs under a preload that records
// every attempt to open a socket, resolve a name or make an HTTP request, through open, edits, completion,
// hover, code actions, symbols and the dictionary command. The bundles are also checked statically.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, REPO, SAMPLE } from '../protocol/lsp-client.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'talk-notes-net-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

const PRELOAD = `
const fs = require('node:fs');
const record = (what, args) => fs.appendFileSync(process.env.TN_NET_LOG, JSON.stringify({ what, args: String(args[0] && (args[0].host || args[0].hostname || args[0].path || args[0].href || args[0])) }) + '\\n');
fs.appendFileSync(process.env.TN_NET_LOG, JSON.stringify({ what: 'preload-active' }) + '\\n');
const wrap = (obj, name, label) => {
  const original = obj[name];
  if (typeof original !== 'function') return;
  obj[name] = function (...args) { record(label, args); return original.apply(this, args); };
};
const net = require('node:net');
wrap(net.Socket.prototype, 'connect', 'net.Socket.connect');
wrap(net, 'connect', 'net.connect');
wrap(net, 'createConnection', 'net.createConnection');
wrap(require('node:tls'), 'connect', 'tls.connect');
const dns = require('node:dns');
for (const f of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) { wrap(dns, f, 'dns.' + f); wrap(dns.promises, f, 'dns.promises.' + f); }
for (const m of ['http', 'https']) { const mod = require('node:' + m); wrap(mod, 'request', m + '.request'); wrap(mod, 'get', m + '.get'); }
try { wrap(require('node:http2'), 'connect', 'http2.connect'); } catch {}
try { const dgram = require('node:dgram'); wrap(dgram, 'createSocket', 'dgram.createSocket'); } catch {}
if (typeof globalThis.fetch === 'function') wrap(globalThis, 'fetch', 'fetch');
`;

test('the server opens no socket, resolves no name and makes no HTTP request (runtime, via a preload)', async () => {
  const preload = path.join(tmp, 'no-network.cjs');
  const log = path.join(tmp, 'net.jsonl');
  fs.writeFileSync(preload, PRELOAD);
  const workspace = path.join(tmp, 'ws');
  fs.mkdirSync(workspace);
  const saved = { NODE_OPTIONS: process.env.NODE_OPTIONS, TN_NET_LOG: process.env.TN_NET_LOG };
  process.env.NODE_OPTIONS = `${saved.NODE_OPTIONS ?? ''} --require ${JSON.stringify(preload)}`.trim();
  process.env.TN_NET_LOG = log;
  let client: LspClient;
  try {
    client = (await LspClient.start({ settings: {}, workspaceFolder: workspace })).client;
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  try {
    const uri = pathToFileURL(path.join(workspace, 'notes.md')).href;
    const text = fs.readFileSync(SAMPLE, 'utf8');
    const diagnostics = await client.open(uri, text);
    assert.ok(diagnostics.length > 10);
    for (let k = 0; k < 20; k++) await client.change(uri, 2 + k, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: 'Promethus and Kubevirt ' }]);
    const at = { line: 31, character: 30 };
    await client.request('textDocument/hover', { textDocument: { uri }, position: at });
    await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 4 } });
    await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: [] } });
    await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: [], only: ['source.fixAll.talkNotes'] } });
    await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    await client.request('workspace/symbol', { query: 'talk' });
    await client.request('workspace/executeCommand', { command: 'talkNotes.addToDictionary', arguments: [uri, 'Quillgate'] });
    await client.request('workspace/executeCommand', { command: 'talkNotes.applyFixAll', arguments: [uri] });
    assert.ok(fs.existsSync(path.join(workspace, '.talk-notes-dictionary.txt')), 'the dictionary command ran');
    await client.stop();
    const entries = fs.readFileSync(log, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { what: string; args?: string });
    assert.ok(entries.some((e) => e.what === 'preload-active'), 'the recording preload ran in the server process');
    const attempts = entries.filter((e) => e.what !== 'preload-active');
    console.log(`# no-network: ${attempts.length} network attempts recorded over open, 20 edits, hover, completion, code actions, symbols, commands`);
    assert.deepEqual(attempts, [], 'no network access at all');
  } finally {
    await client.stop();
  }
});

test('the bundles contain no HTTP, TLS, DNS or fetch client code (static)', () => {
  // The web bundles too: the worker has its data embedded and fetches nothing.
  for (const bundle of ['dist/server.js', 'dist/extension.js', 'dist/cli.js', 'dist/web/server.js', 'dist/web/extension.js']) {
    const code = fs.readFileSync(path.join(REPO, bundle), 'utf8');
    for (const mod of ['http', 'https', 'http2', 'tls', 'dns', 'dgram', 'undici']) {
      assert.doesNotMatch(code, new RegExp(`require\\(["'](node:)?${mod}["']\\)`), `${bundle} requires ${mod}`);
    }
    assert.doesNotMatch(code, /\bfetch\s*\(/, `${bundle} calls fetch(`);
    assert.doesNotMatch(code, /new\s+XMLHttpRequest|new\s+WebSocket/, `${bundle} makes browser-style requests`);
    // 'net' is required by vscode-jsonrpc for pipe and socket transports only; the extension starts the server over IPC.
  }
  assert.doesNotMatch(fs.readFileSync(path.join(REPO, 'client/src/extension.ts'), 'utf8'), /TransportKind\.socket|TransportKind\.pipe/, 'the client uses IPC, not a socket');
});
