// The web server bundle (dist/web/server.js) in a bare node:vm context with only what a web worker has (no
// process, Buffer, require, setImmediate, document), spoken to through `self` as the browser client does.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import { REPO } from './lsp-client.ts';

export const WEB_SERVER = path.join(REPO, 'dist', 'web', 'server.js');

type Message = { jsonrpc: '2.0'; id?: number; method?: string; params?: unknown; result?: unknown; error?: { message: string } };

export class WorkerServer {
  readonly notifications: { method: string; params: unknown }[] = [];
  readonly serverRequests: { method: string; params: unknown }[] = [];
  /** Answers to the server's requests, by method (default null). */
  answers = new Map<string, (params: unknown) => unknown>();
  readonly loadMs: number;
  private readonly scope: Record<string, unknown>;
  private readonly pending = new Map<number, (m: Message) => void>();
  private nextId = 0;

  constructor(code = fs.readFileSync(WEB_SERVER, 'utf8')) {
    // The global scope is `self`, as in a worker.
    const context: Record<string, unknown> = {
      console, setTimeout, clearTimeout, setInterval, clearInterval, queueMicrotask, TextDecoder, TextEncoder, performance, URL, structuredClone,
      // Cloned into this realm, as postMessage would: objects of the vm's realm are not deepStrictEqual to ours.
      postMessage: (m: Message) => this.fromServer(structuredClone(m)),
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      onmessage: null,
    };
    context.self = context;
    this.scope = context;
    vm.createContext(context);
    const t0 = performance.now();
    vm.runInContext(code, context, { filename: 'server.js' });
    this.loadMs = performance.now() - t0;
  }

  private deliver(m: Message): void {
    // A structured clone, as postMessage delivers it.
    setTimeout(() => (this.scope.onmessage as ((event: { data: unknown }) => void) | null)?.({ data: structuredClone(m) }), 0);
  }

  private fromServer(m: Message): void {
    if (m.id !== undefined && !m.method) {
      this.pending.get(m.id)?.(m);
      this.pending.delete(m.id);
      return;
    }
    if (m.id !== undefined && m.method) {
      this.serverRequests.push({ method: m.method, params: m.params });
      const answer = this.answers.get(m.method);
      Promise.resolve(answer ? answer(m.params) : null).then(
        (result) => this.deliver({ jsonrpc: '2.0', id: m.id, result: result ?? null }),
        (error: Error) => this.deliver({ jsonrpc: '2.0', id: m.id, error: { message: error.message } } as Message),
      );
      return;
    }
    if (m.method) this.notifications.push({ method: m.method, params: m.params });
  }

  request<T>(method: string, params: unknown, timeoutMs = 10_000): Promise<T> {
    const id = ++this.nextId;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${method}: no answer in ${timeoutMs} ms`)), timeoutMs);
      this.pending.set(id, (m) => {
        clearTimeout(timer);
        if (m.error) reject(new Error(`${method}: ${m.error.message}`));
        else resolve(m.result as T);
      });
      this.deliver({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.deliver({ jsonrpc: '2.0', method, params });
  }

  publishes(uri: string): PublishDiagnosticsParams[] {
    return this.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics').map((n) => n.params as PublishDiagnosticsParams).filter((p) => p.uri === uri);
  }

  /** The diagnostics of `uri` once none was published for `quietMs` (at least one publish after `since`). */
  async quietDiagnostics(uri: string, since = 0, quietMs = 300, timeoutMs = 15_000): Promise<Diagnostic[]> {
    const end = Date.now() + timeoutMs;
    let count = -1;
    for (;;) {
      const list = this.publishes(uri);
      if (list.length > since && list.length === count) return list[list.length - 1].diagnostics;
      if (Date.now() > end) throw new Error(`no settled diagnostics for ${uri} in ${timeoutMs} ms`);
      count = list.length;
      await new Promise((r) => setTimeout(r, quietMs));
    }
  }

  async initialize(initializationOptions: unknown = {}, workspaceFolders: { uri: string; name: string }[] | null = null): Promise<{ capabilities: Record<string, unknown> }> {
    const result = await this.request<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: null,
      rootUri: workspaceFolders?.[0]?.uri ?? null,
      capabilities: { workspace: { configuration: false, didChangeWatchedFiles: { dynamicRegistration: true } } },
      workspaceFolders,
      initializationOptions,
    });
    this.notify('initialized', {});
    return result;
  }

  async stop(): Promise<void> {
    await this.request('shutdown', null).catch(() => undefined);
  }
}
