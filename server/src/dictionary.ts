// The workspace dictionary: a plain text file in the workspace folder, one name per line, meant to be
// committed with the notes. Names in it count as known names. Read lazily, re-read when it changes.
import { parseDictionaryFile } from './core/check/settings.ts';
import { nodeFiles } from './platform/node-files.ts';
import type { HostFiles } from './platform/types.ts';

export interface DictionaryState {
  names: string[];
  problems: string[];
}

export class WorkspaceDictionary {
  private cache = new Map<string, DictionaryState>();

  constructor(private readonly host: HostFiles = nodeFiles) {}

  /** The dictionary file for a document: in the workspace folder that holds it, else beside it. */
  fileFor(documentPath: string, folders: string[], fileName: string): string {
    const path = this.host.path;
    const folder = folders.filter((f) => documentPath.startsWith(f + path.sep) || documentPath === f).sort((a, b) => b.length - a.length)[0];
    return path.resolve(folder ?? path.dirname(documentPath), fileName);
  }

  read(file: string): DictionaryState {
    const cached = this.cache.get(file);
    if (cached) return cached;
    const { fs, path } = this.host;
    let state: DictionaryState;
    try {
      const stat = fs.stat(file);
      if (stat.size > 5_000_000) state = { names: [], problems: [`${file} is larger than 5 MB; it was ignored.`] };
      else {
        const parsed = parseDictionaryFile(fs.readText(file));
        state = { names: parsed.names, problems: parsed.problems.map((p) => `${path.basename(file)}: ${p}`) };
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      state = { names: [], problems: code === 'ENOENT' ? [] : [`${file} could not be read (${code ?? String(error)}); it was ignored.`] };
    }
    this.cache.set(file, state);
    return state;
  }

  invalidate(file?: string): void {
    if (file) this.cache.delete(file);
    else this.cache.clear();
  }

  /** Appends a name (once) to the file. Keeps the file's line ending. Synchronous where writing is (Node). */
  add(file: string, name: string): void | Promise<void> {
    let content = '';
    try {
      content = this.host.fs.readText(file);
    } catch {
      content = '# Names Talk Notes should treat as known (one per line). Commit this file with your notes.\n';
    }
    const existing = parseDictionaryFile(content).names;
    if (existing.includes(name)) return;
    const eol = content.includes('\r\n') ? '\r\n' : '\n';
    if (content && !content.endsWith('\n')) content += eol;
    const written = this.host.fs.writeText(file, content + name + eol);
    if (!written) return this.invalidate(file);
    return written.then(() => this.invalidate(file));
  }
}
