// A protocol-level fuzz/soak of the real dist/server.js over stdio: random incremental edits across several
// documents, interleaved with open/close, requests on open, closed and unknown URIs, out-of-order
// $/cancelRequest, unknown methods and junk positions. Afterwards the server must be alive and answer, and the
// diagnostics of every open document must equal a fresh check of its final text (by the core, and by the
// server on the same text opened as a new document). Used by soak.test.ts (bounded) and scripts/soak.mjs.
import { random } from '../../bench/generate.ts';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import type { Diagnostic, TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { analyzeText } from '../../server/src/core/check/document.ts';
import { DEFAULT_SETTINGS } from '../../server/src/core/check/settings.ts';
import { testEngine } from '../core/helpers.ts';
import { LspClient, positionOf, ResponseError } from '../protocol/lsp-client.ts';
import { markdown } from './markdown-arbitrary.ts';

export interface SoakOptions {
  /** Text changes (contentChanges) to send in all. */
  edits: number;
  documents: number;
  seed: number;
  /** Keep documents below this many characters (the server caps problems at maxProblems). */
  maxChars: number;
  /** Longest random snippet inserted by one edit. */
  maxSnippet: number;
  /** Also send edits that join a lone \r and a \n (a known bug of the server's text sync). */
  crJoins?: boolean;
  /** Stop early (with what was done) after this long; the final comparison still runs. */
  timeLimitMs: number;
}

export interface SoakResult {
  edits: number;
  didChange: number;
  opens: number;
  closes: number;
  requests: number;
  requestErrors: Record<string, number>;
  cancels: number;
  unknownMethods: number;
  publishes: number;
  maxLatencyMs: number;
  elapsedMs: number;
  compared: { uri: string; chars: number; diagnostics: number }[];
  mismatches: string[];
  alive: boolean;
  stderr: string;
}

// The soak is reproducible from its seed (the benchmark's seeded PRNG).
const prng = random;

const SEVERITY = { error: 1, warning: 2, information: 3, hint: 4 } as const;

/** Diagnostics as comparable lines. */
export function diagnosticKeys(diagnostics: Diagnostic[]): string[] {
  return diagnostics
    .map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(d.code)} ${d.severity} ${d.message}`)
    .sort();
}

/** What a fresh check by the core says the server should publish for `text` (default settings). */
export function expectedKeys(text: string): string[] {
  const analysis = analyzeText(testEngine(), text, DEFAULT_SETTINGS);
  return analysis.findings
    .flatMap((f) => {
      const severity = DEFAULT_SETTINGS.severity[f.code];
      if (severity === 'off') return [];
      const s = positionOf(text, f.start);
      const e = positionOf(text, f.end);
      return [`${s.line}:${s.character}-${e.line}:${e.character} ${f.code} ${SEVERITY[severity]} ${f.message}`];
    })
    .sort();
}

export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const rnd = prng(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'talk-notes-soak-'));
  const snippets = [
    ...fc.sample(markdown(3), { numRuns: 600, seed: options.seed }).filter((s) => s.length <= options.maxSnippet),
    'Kubevirt ', 'ETCD', ' Promethus', 'Derek Collision', 'Open Policy A', '\n', '\n\n', '\r\n', '\r', '```\n', '~~~', '<!--', '-->',
    '<!-- talk-notes-disable-next-line -->\n', '### Talk\n', '#### Lachlan Evenson\n', 'Lockland ', '| a | b |\n|---|---|\n', '😀', '\uD83D', '\u0000', 'عربى ', '\t', '',
  ];
  const client = (await LspClient.start({ settings: {}, workspaceFolder: tmp })).client;
  const started = performance.now();
  const result: SoakResult = {
    edits: 0, didChange: 0, opens: 0, closes: 0, requests: 0, requestErrors: {}, cancels: 0, unknownMethods: 0, publishes: 0,
    maxLatencyMs: 0, elapsedMs: 0, compared: [], mismatches: [], alive: false, stderr: '',
  };
  const uris = Array.from({ length: options.documents }, (_, k) =>
    k % 4 === 3 ? `untitled:Untitled-${k}` : pathToFileURL(path.join(tmp, k % 4 === 2 ? `nötes ${k} 😀.md` : `notes-${k}.md`)).href,
  );
  const docs = new Map(uris.map((uri) => [uri, { text: '', version: 0, open: false, since: 0 }]));
  const inflight: Promise<unknown>[] = [];
  let requestsSent = 1; // initialize

  const request = (method: string, params: unknown): void => {
    requestsSent++;
    result.requests++;
    inflight.push(
      client.request(method, params, 30_000).catch((error: unknown) => {
        // Errors are answers: RequestCancelled (-32800), MethodNotFound (-32601), InvalidParams... A timeout is not.
        if (!(error instanceof ResponseError)) throw error;
        result.requestErrors[`${method} ${error.code}`] = (result.requestErrors[`${method} ${error.code}`] ?? 0) + 1;
      }),
    );
  };
  const randomPosition = (text: string): { line: number; character: number } =>
    rnd() < 0.1 ? { line: Math.floor(rnd() * 1e6) - 10, character: Math.floor(rnd() * 1e6) - 10 } : positionOf(text, Math.floor(rnd() * (text.length + 1)));
  const openDoc = (uri: string, text: string): void => {
    const d = docs.get(uri)!;
    d.text = text;
    d.version++; // versions keep growing across close and reopen, so a late publish of an old session is told apart
    d.open = true;
    d.since = client.publishes.length;
    result.opens++;
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: d.version, text } });
  };

  for (const uri of uris) openDoc(uri, pick(snippets));
  let ops = 0;
  while (result.edits < options.edits && performance.now() - started < options.timeLimitMs) {
    ops++;
    const r = rnd();
    const uri = pick(uris);
    const d = docs.get(uri)!;
    if (r < 0.8) {
      if (!d.open) {
        openDoc(uri, rnd() < 0.5 ? d.text : pick(snippets));
        continue;
      }
      const changes: TextDocumentContentChangeEvent[] = [];
      const n = 1 + Math.floor(rnd() * 7);
      for (let k = 0; k < n; k++) {
        if (rnd() < 0.01) {
          d.text = pick(snippets);
          changes.push({ text: d.text });
        } else {
          const text = d.text;
          // LSP positions cannot point between \r and \n (an editor never splits the pair): step back before it.
          const notInsideCrlf = (k: number): number => (text[k - 1] === '\r' && text[k] === '\n' ? k - 1 : k);
          const start = notInsideCrlf(Math.floor(rnd() * (text.length + 1)));
          const shrink = text.length > options.maxChars;
          const end = Math.max(start, notInsideCrlf(Math.min(text.length, start + Math.floor(rnd() * (shrink ? 400 : 12)))));
          const inserted = shrink ? '' : pick(snippets);
          // vscode-languageserver-textdocument 1.0.12 miscounts lines when an edit joins a lone \r and a \n into \r\n
          // (see known-bugs.test.ts): such edits are left out unless TALK_NOTES_SOAK_CR_JOINS=1.
          const next = text.slice(0, start) + inserted + text.slice(end);
          const joins = (k: number): boolean => next[k - 1] === '\r' && next[k] === '\n' && !(text[k - 1] === '\r' && text[k] === '\n' && inserted === '');
          if (!options.crJoins && (joins(start) || joins(start + inserted.length))) continue;
          changes.push({ range: { start: positionOf(text, start), end: positionOf(text, end) }, text: inserted });
          d.text = text.slice(0, start) + inserted + text.slice(end);
        }
        result.edits++;
      }
      d.version++;
      result.didChange++;
      client.notify('textDocument/didChange', { textDocument: { uri, version: d.version }, contentChanges: changes });
    } else if (r < 0.84) {
      if (d.open) {
        d.open = false;
        result.closes++;
        client.notify('textDocument/didClose', { textDocument: { uri } });
      } else openDoc(uri, d.text);
    } else if (r < 0.94) {
      const target = rnd() < 0.15 ? `file:///nowhere/unknown-${ops}.md` : uri;
      const position = randomPosition(d.text);
      const method = pick(['textDocument/hover', 'textDocument/completion', 'textDocument/codeAction', 'textDocument/documentSymbol', 'workspace/symbol', 'textDocument/codeAction']);
      const textDocument = { uri: target };
      if (method === 'textDocument/codeAction') {
        const only = rnd() < 0.3 ? ['source.fixAll.talkNotes'] : undefined;
        request(method, { textDocument, range: { start: position, end: randomPosition(d.text) }, context: { diagnostics: [], only } });
      } else if (method === 'workspace/symbol') request(method, { query: pick(['', 'talk', 'ö', 'Kube']) });
      else if (method === 'textDocument/documentSymbol') request(method, { textDocument });
      else request(method, { textDocument, position });
    } else if (r < 0.97) {
      result.cancels++;
      client.notify('$/cancelRequest', { id: 1 + Math.floor(rnd() * (requestsSent + 5)) });
    } else {
      result.unknownMethods++;
      if (rnd() < 0.5) request(pick(['talkNotes/bogus', 'textDocument/bogus', '$/bogusRequest']), { textDocument: { uri } });
      else client.notify(pick(['talkNotes/bogusNotification', '$/bogusNotification', 'textDocument/didSave']), { textDocument: { uri } });
    }
    // Stay responsive: every 200 operations one request must come back while edits are flowing.
    if (ops % 200 === 0) {
      const t = performance.now();
      await client.request('workspace/symbol', { query: '' }, 30_000);
      result.maxLatencyMs = Math.max(result.maxLatencyMs, performance.now() - t);
      await Promise.all(inflight.splice(0));
    }
  }
  await Promise.all(inflight.splice(0));

  // The last diagnostics of each open document equal a fresh check of its final text.
  for (const [uri, d] of docs) {
    if (!d.open) continue;
    const got = await client.waitForDiagnostics(uri, d.since, (_diags, p) => p.version === d.version, 30_000);
    const settled = await client.quiet(uri, 150);
    const last = diagnosticKeys(settled);
    if (JSON.stringify(last) !== JSON.stringify(diagnosticKeys(got))) result.mismatches.push(`${uri}: the publish for version ${d.version} ${JSON.stringify(diagnosticKeys(got))} was followed by a different one ${JSON.stringify(last)}; text ${JSON.stringify(d.text)}`);
    const expected = expectedKeys(d.text);
    if (JSON.stringify(last) !== JSON.stringify(expected)) {
      const only = (a: string[], b: string[]): string[] => a.filter((x) => !b.includes(x));
      result.mismatches.push(`${uri} (${d.text.length} chars): only from the server ${JSON.stringify(only(last, expected))}, only from a fresh core check ${JSON.stringify(only(expected, last))}; text ${JSON.stringify(d.text)}`);
    }
    const freshUri = `${uri.replace(/\.md$/, '')}-fresh.md`;
    const fresh = diagnosticKeys(await client.open(freshUri, d.text));
    if (JSON.stringify(last) !== JSON.stringify(fresh)) result.mismatches.push(`${uri}: incremental ${JSON.stringify(last.filter((x) => !fresh.includes(x)))} vs the same text opened fresh ${JSON.stringify(fresh.filter((x) => !last.includes(x)))}`);
    client.notify('textDocument/didClose', { textDocument: { uri: freshUri } });
    result.compared.push({ uri, chars: d.text.length, diagnostics: last.length });
  }
  // Closed documents end with their diagnostics cleared.
  for (const [uri, d] of docs) {
    if (d.open) continue;
    const last = client.publishes.filter((p) => p.uri === uri).pop();
    if (last && last.diagnostics.length) result.mismatches.push(`${uri} is closed but its last publish has ${last.diagnostics.length} diagnostics`);
  }
  const t = performance.now();
  await client.request('workspace/symbol', { query: '' }, 30_000);
  result.maxLatencyMs = Math.max(result.maxLatencyMs, performance.now() - t);
  result.alive = client.child.exitCode === null && client.child.signalCode === null;
  result.publishes = client.publishes.length;
  result.stderr = client.stderr;
  result.elapsedMs = performance.now() - started;
  await client.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
  return result;
}
