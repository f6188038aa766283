// A small typed LSP client for the protocol tests: spawns `node dist/server.js --stdio`, speaks
// Content-Length framed JSON-RPC, answers the server's requests (workspace/configuration with configurable
// settings, workspace/applyEdit, registrations) and records every notification it sends.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type {
  ApplyWorkspaceEditParams,
  ConfigurationParams,
  Diagnostic,
  InitializeResult,
  PublishDiagnosticsParams,
  TextDocumentContentChangeEvent,
  TextEdit,
} from 'vscode-languageserver';

export const REPO = path.resolve(__dirname, '..', '..');
export const SERVER = path.join(REPO, 'dist', 'server.js');
export const SAMPLE = path.join(REPO, 'data', 'demo', 'kubecon-notes.md');

export interface ClientOptions {
  /** Advertise the workspace.configuration capability (default true). */
  configuration?: boolean;
  /** What workspace/configuration answers for every item (default: {}). */
  settings?: unknown;
  /** A folder used as rootUri and the single workspace folder. */
  workspaceFolder?: string;
  initializationOptions?: unknown;
  /** Advertise window.workDoneProgress and dynamic file watching (as VS Code does). */
  progressAndWatching?: boolean;
  /** workspace.workspaceEdit capabilities (documentChanges, changeAnnotationSupport), as VS Code sends them. */
  workspaceEdit?: object;
  /** The server script (default dist/server.js). */
  server?: string;
}

interface Pending {
  method: string;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export class ResponseError extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

type Waiter = { check: () => boolean; timer: NodeJS.Timeout };

export class LspClient {
  readonly child: ChildProcessWithoutNullStreams;
  /** Every publishDiagnostics, in arrival order. */
  readonly publishes: PublishDiagnosticsParams[] = [];
  /** Every server -> client notification, in arrival order. */
  readonly notifications: { method: string; params: unknown }[] = [];
  /** Every server -> client request, in arrival order. */
  readonly serverRequests: { method: string; params: unknown }[] = [];
  readonly appliedEdits: ApplyWorkspaceEditParams[] = [];
  /** Index into `publishes` at the moment each workspace/configuration request was answered. */
  readonly configAnsweredAt: number[] = [];
  settings: unknown;
  stderr = '';
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private waiters = new Set<Waiter>();

  constructor(private readonly options: ClientOptions = {}) {
    this.settings = options.settings ?? {};
    this.child = spawn(process.execPath, [options.server ?? SERVER, '--stdio'], { cwd: REPO, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    this.child.stdin.on('error', () => undefined);
    this.child.on('exit', () => {
      for (const p of this.pending.values()) {
        clearTimeout(p.timer);
        p.reject(new Error(`${p.method}: server exited`));
      }
      this.pending.clear();
    });
  }

  /** Spawns the server and runs initialize/initialized. */
  static async start(options: ClientOptions = {}): Promise<{ client: LspClient; result: InitializeResult }> {
    const client = new LspClient(options);
    const result = await client.initialize();
    return { client, result };
  }

  async initialize(): Promise<InitializeResult> {
    const folder = this.options.workspaceFolder;
    const rootUri = folder ? pathToFileURL(folder).href : null;
    const result = await this.request<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: folder ? [{ uri: rootUri, name: path.basename(folder) }] : null,
      initializationOptions: this.options.initializationOptions,
      capabilities: {
        workspace: {
          configuration: this.options.configuration ?? true,
          applyEdit: true,
          workspaceEdit: this.options.workspaceEdit,
          workspaceFolders: true,
          didChangeWatchedFiles: { dynamicRegistration: !!this.options.progressAndWatching },
        },
        window: { workDoneProgress: !!this.options.progressAndWatching },
        textDocument: {
          publishDiagnostics: { relatedInformation: true },
          synchronization: { didSave: false, dynamicRegistration: false },
          completion: { completionItem: { snippetSupport: false } },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
        },
        general: { positionEncodings: ['utf-16'] },
      },
    });
    this.notify('initialized', {});
    return result;
  }

  private send(message: object): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  request<T>(method: string, params: unknown, timeoutMs = 10_000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method} timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { method, resolve: resolve as (v: unknown) => void, reject, timer });
      this.send({ id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const m = /Content-Length: *(\d+)/i.exec(header);
      if (!m) throw new Error(`bad header from server: ${JSON.stringify(header)}`);
      const length = Number(m[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(JSON.parse(body) as { id?: number | string; method?: string; params?: unknown; result?: unknown; error?: { code: number; message: string } });
    }
  }

  private dispatch(msg: { id?: number | string; method?: string; params?: unknown; result?: unknown; error?: { code: number; message: string } }): void {
    if (msg.method === undefined && typeof msg.id === 'number') {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      clearTimeout(p.timer);
      if (msg.error) p.reject(new ResponseError(`${p.method}: ${msg.error.message}`, msg.error.code));
      else p.resolve(msg.result ?? null);
      return;
    }
    if (msg.method === undefined) return;
    if (msg.id !== undefined) {
      this.serverRequests.push({ method: msg.method, params: msg.params });
      this.send({ id: msg.id, result: this.answer(msg.method, msg.params) });
      if (msg.method === 'workspace/configuration') this.configAnsweredAt.push(this.publishes.length);
    } else {
      this.notifications.push({ method: msg.method, params: msg.params });
      if (msg.method === 'textDocument/publishDiagnostics') this.publishes.push(msg.params as PublishDiagnosticsParams);
    }
    this.wake();
  }

  private answer(method: string, params: unknown): unknown {
    switch (method) {
      case 'workspace/configuration':
        return (params as ConfigurationParams).items.map(() => this.settings);
      case 'workspace/applyEdit':
        this.appliedEdits.push(params as ApplyWorkspaceEditParams);
        return { applied: true };
      default:
        return null; // client/registerCapability, window/showMessageRequest, ...
    }
  }

  private wake(): void {
    for (const w of [...this.waiters]) {
      if (w.check()) {
        clearTimeout(w.timer);
        this.waiters.delete(w);
      }
    }
  }

  /** Resolves with the first value `probe` returns (re-probed after every message), or rejects after a timeout. */
  waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter = {
        check: () => {
          const value = probe();
          if (value === undefined) return false;
          resolve(value);
          return true;
        },
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
        }, timeoutMs),
      };
      if (!waiter.check()) this.waiters.add(waiter);
      else clearTimeout(waiter.timer);
    });
  }

  /** The first publish for `uri` at index >= `since` that satisfies `accept` (default: any). */
  waitForDiagnostics(uri: string, since = 0, accept: (d: Diagnostic[], p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10_000): Promise<Diagnostic[]> {
    return this.waitFor(`diagnostics for ${uri}`, () => {
      for (let k = since; k < this.publishes.length; k++) {
        const p = this.publishes[k];
        if (p.uri === uri && accept(p.diagnostics, p)) return p.diagnostics;
      }
      return undefined;
    }, timeoutMs);
  }

  /**
   * The diagnostics that reflect the document's settings. With the configuration capability the server may
   * publish once before its workspace/configuration request is answered and again after, and the first one
   * can arrive after the answer was sent: so wait for a publish after the answer, then until the document's
   * publishes go quiet, and take the last one.
   */
  async settledDiagnostics(uri: string, configRequestsBefore: number, quietMs = 120): Promise<Diagnostic[]> {
    if (this.options.configuration === false) return this.waitForDiagnostics(uri);
    const since = await this.waitFor('a workspace/configuration request', () => this.configAnsweredAt[configRequestsBefore]);
    await this.waitForDiagnostics(uri, since);
    return this.quiet(uri, quietMs);
  }

  /** The last publish for `uri` once no new one arrived for `quietMs`. */
  async quiet(uri: string, quietMs = 120): Promise<Diagnostic[]> {
    const count = (): number => this.publishes.filter((p) => p.uri === uri).length;
    for (;;) {
      const before = count();
      await new Promise((resolve) => setTimeout(resolve, quietMs));
      if (count() === before) break;
    }
    const last = this.publishes.filter((p) => p.uri === uri).pop();
    if (!last) throw new Error(`no diagnostics for ${uri}`);
    return last.diagnostics;
  }

  /** Opens a Markdown document and waits for the diagnostics computed with its settings. */
  async open(uri: string, text: string, version = 1): Promise<Diagnostic[]> {
    const before = this.configAnsweredAt.length;
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
    return this.settledDiagnostics(uri, before);
  }

  /**
   * Forgets the messages received so far. A benchmark that types hundreds of edits would otherwise keep every
   * publish (hundreds of diagnostics each), and this process's garbage collection would count in its timings.
   * Call it only while nothing waits on an index into them.
   */
  clearHistory(): void {
    this.publishes.length = 0;
    this.notifications.length = 0;
    this.serverRequests.length = 0;
    this.appliedEdits.length = 0;
    this.configAnsweredAt.length = 0;
  }

  /** Sends a didChange and waits for a publish carrying the new version. */
  async change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<Diagnostic[]> {
    const since = this.publishes.length;
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return this.waitForDiagnostics(uri, since, (_d, p) => p.version === version);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      try {
        await this.request('shutdown', null, 2_000);
        this.notify('exit', null);
      } catch {
        // the server is gone or hung: it is killed below
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          this.child.kill('SIGKILL');
          resolve();
        }, 1_000);
        this.child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        if (this.child.exitCode !== null || this.child.signalCode !== null) {
          clearTimeout(timer);
          resolve();
        }
      });
    }
    for (const w of this.waiters) clearTimeout(w.timer);
    this.waiters.clear();
  }
}

// ------------------------------------------------------------------ text helpers (UTF-16, like LSP)

export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) starts.push(i + 1);
  }
  return starts;
}

export function offsetAt(text: string, pos: { line: number; character: number }): number {
  return lineStarts(text)[pos.line] + pos.character;
}

export function positionOf(text: string, offset: number): { line: number; character: number } {
  const starts = lineStarts(text);
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
  return { line, character: offset - starts[line] };
}

/** Applies LSP text edits (non-overlapping, any order) to a text. */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  const sorted = edits
    .map((e) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let limit = Infinity;
  for (const e of sorted) {
    if (e.end > limit) throw new Error('overlapping edits');
    out = out.slice(0, e.start) + e.newText + out.slice(e.end);
    limit = e.start;
  }
  return out;
}

/** The text a diagnostic covers. */
export function textOf(text: string, d: { range: { start: { line: number; character: number }; end: { line: number; character: number } } }): string {
  return text.slice(offsetAt(text, d.range.start), offsetAt(text, d.range.end));
}
