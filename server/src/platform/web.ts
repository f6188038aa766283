// The server in a web worker (vscode.dev, github.dev, the browser extension host): the data embedded in the
// bundle, files sent by the client (memory-files.ts), any URI scheme.
import { engineFromEmbedded, type EmbeddedData } from '../embedded-data.ts';
import { MemoryFiles, uriPath, uriPaths } from './memory-files.ts';
import type { Platform } from './types.ts';

export interface WebPlatform extends Platform {
  fs: MemoryFiles;
}

// A message posted to ourselves runs after the messages already queued, without setTimeout's 4 ms clamp.
// (The web's MessageChannel, typed here: the project compiles against Node's types.)
interface WebChannel {
  port1: { onmessage: (() => void) | null };
  port2: { postMessage(message: unknown): void };
}

function immediate(): (callback: () => void) => void {
  const Channel = (globalThis as unknown as { MessageChannel?: new () => WebChannel }).MessageChannel;
  if (typeof Channel !== 'function') return (callback) => void setTimeout(callback, 0);
  const queue: (() => void)[] = [];
  const channel = new Channel();
  channel.port1.onmessage = () => queue.shift()?.();
  return (callback) => {
    queue.push(callback);
    channel.port2.postMessage(undefined);
  };
}

export function webPlatform(data: () => EmbeddedData, write: (uri: string, text: string) => Promise<void>): WebPlatform {
  return {
    fs: new MemoryFiles(write),
    path: uriPaths,
    loadEngine: () => engineFromEmbedded(data()),
    // Documents that are no file (untitled, output) have no folder, dictionary or index entry.
    toPath: (uri) => (/^(untitled|output|vscode-notebook-cell):/.test(uri) ? undefined : uriPath(uri)),
    toUri: (file) => file,
    setImmediate: immediate(),
    clientSendsFiles: true,
  };
}
