// Files for the server in a web worker: what the client read through vscode.workspace.fs and sent
// (talkNotes/files), kept in memory under their URIs; a write goes to memory and on to the client.
// Paths here are URI strings (vscode-vfs://github/owner/repo/notes.md), so folders and files compare with '/'.
import { URI } from 'vscode-uri';
import type { DirEntry, FileStat, FileSystem, PathOps } from './types.ts';

interface Entry {
  text: string;
  size: number;
  mtimeMs: number;
}

function failure(code: string, file: string): Error {
  return Object.assign(new Error(`${code}: ${file}`), { code });
}

const SCHEME = /^[a-z][a-z0-9+.-]+:/i;

/** A URI written the one way every path here is written (VS Code's Uri.toString). */
export function canonicalUri(uri: string): string {
  return URI.parse(uri).toString();
}

/** 'scheme://authority' and the path's segments. */
function splitUri(uri: string): { root: string; segments: string[] } {
  const authority = uri.indexOf('//');
  const pathAt = uri.indexOf('/', authority >= 0 && authority === uri.indexOf(':') + 1 ? authority + 2 : uri.indexOf(':') + 1);
  if (pathAt < 0) return { root: uri, segments: [] };
  return { root: uri.slice(0, pathAt), segments: uri.slice(pathAt + 1).split('/').filter(Boolean) };
}

/** A document's or folder's URI as a path here: canonical, no trailing slash. */
export function uriPath(uri: string): string {
  return canonicalUri(uri).replace(/\/+$/, '');
}

export const uriPaths: PathOps = {
  sep: '/',
  resolve(base, relative) {
    if (SCHEME.test(relative)) return uriPath(relative);
    const { root, segments } = splitUri(base);
    const parts = relative.startsWith('/') ? [] : segments;
    for (const part of relative.replace(/\\/g, '/').split('/')) {
      if (part === '..') parts.pop();
      else if (part && part !== '.') parts.push(part);
    }
    return uriPath(`${root}/${parts.join('/')}`);
  },
  join: (dir, name) => (dir.endsWith('/') ? dir + name : `${dir}/${name}`),
  dirname(file) {
    const { root, segments } = splitUri(file);
    return [root, ...segments.slice(0, -1)].join('/');
  },
  basename: (file) => URI.parse(file).path.split('/').pop() ?? '',
  relative: (from, to) => (to === from ? '' : to.startsWith(`${from}/`) ? to.slice(from.length + 1) : `../${to}`),
};

export class MemoryFiles implements FileSystem {
  private readonly files = new Map<string, Entry>();
  /** Folder -> its entries (name -> is a folder); rebuilt after a change. */
  private folders?: Map<string, Map<string, boolean>>;

  /** `write` saves a file through the client. */
  constructor(private readonly write: (file: string, text: string) => Promise<void>) {}

  set(file: string, text: string, mtimeMs: number, size = text.length): void {
    this.files.set(file, { text, size, mtimeMs });
    this.folders = undefined;
  }

  delete(file: string): void {
    if (this.files.delete(file)) this.folders = undefined;
  }

  clear(): void {
    this.files.clear();
    this.folders = undefined;
  }

  get size(): number {
    return this.files.size;
  }

  private tree(): Map<string, Map<string, boolean>> {
    if (this.folders) return this.folders;
    const folders = new Map<string, Map<string, boolean>>();
    for (const file of this.files.keys()) {
      // Every folder from the URI's root (scheme and authority, no slash) down to the file.
      const { root, segments } = splitUri(file);
      let dir = root;
      segments.forEach((name, k) => {
        let entries = folders.get(dir);
        if (!entries) folders.set(dir, (entries = new Map()));
        const isFolder = k < segments.length - 1;
        entries.set(name, isFolder || entries.get(name) === true);
        dir = `${dir}/${name}`;
      });
    }
    return (this.folders = folders);
  }

  stat(file: string): FileStat {
    const entry = this.files.get(file);
    if (entry) return { size: entry.size, mtimeMs: entry.mtimeMs, isFile: () => true };
    if (this.tree().has(file)) return { size: 0, mtimeMs: 0, isFile: () => false };
    throw failure('ENOENT', file);
  }

  readText(file: string): string {
    const entry = this.files.get(file);
    if (entry) return entry.text;
    throw failure(this.tree().has(file) ? 'EISDIR' : 'ENOENT', file);
  }

  list(dir: string): DirEntry[] {
    const entries = this.tree().get(dir.replace(/\/$/, ''));
    if (!entries) throw failure('ENOENT', dir);
    return [...entries].map(([name, folder]) => ({ name, isFile: () => !folder, isDirectory: () => folder }));
  }

  writeText(file: string, text: string): Promise<void> {
    const had = this.files.get(file);
    this.set(file, text, Date.now());
    return this.write(file, text).catch((error: unknown) => {
      if (had) this.files.set(file, had);
      else this.delete(file);
      this.folders = undefined;
      throw error;
    });
  }
}
