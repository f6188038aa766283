// What the server needs from where it runs, as small interfaces with a Node implementation (node.ts,
// node-files.ts) and a web-worker one (web.ts, memory-files.ts). Everything else in the server, and the whole
// core, is the same code on both.
import type { Engine } from '../core/check/document.ts';

export interface FileStat {
  size: number;
  /** Modification time, ms since the epoch. */
  mtimeMs: number;
  isFile(): boolean;
}

export interface DirEntry {
  name: string;
  isFile(): boolean;
  isDirectory(): boolean;
}

/**
 * Synchronous file access, the part of node:fs the server uses. Failures throw an Error whose `code` is
 * Node's (ENOENT for a missing file): messages to the user name it as they always did.
 */
export interface FileSystem {
  stat(file: string): FileStat;
  readText(file: string): string;
  list(dir: string): DirEntry[];
  /** Replaces a file's whole content (a write that fails leaves the old file). */
  writeText(file: string, text: string): void | Promise<void>;
}

/** Path arithmetic: node:path on Node; on the web, over URI strings (a file's "path" is its URI). */
export interface PathOps {
  sep: string;
  resolve(base: string, relative: string): string;
  join(dir: string, name: string): string;
  dirname(file: string): string;
  basename(file: string): string;
  relative(from: string, to: string): string;
}

/** Files and paths together: what the workspace dictionary, schedules, catalog files and index read through. */
export interface HostFiles {
  fs: FileSystem;
  path: PathOps;
}

export interface Platform extends HostFiles {
  /** The bundled catalog and English dictionary. */
  loadEngine(): Engine;
  /** A document URI as a path of `fs` (undefined for documents that are no file, e.g. untitled). */
  toPath(uri: string): string | undefined;
  toUri(file: string): string;
  /** Runs `callback` once the messages already queued have been read. */
  setImmediate(callback: () => void): void;
  /** The client sends file contents and changes itself (no file watching through LSP). */
  clientSendsFiles: boolean;
}
