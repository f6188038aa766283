// Extra catalog files (talkNotes.catalogFiles, the CLI's --catalog): a team's own products and colleagues in
// the format `talk-notes catalog` writes. They are added to a copy of the bundled catalog, after its curated
// names and before the landscape's, and matched like curated names (someone chose them); a malformed file is
// reported and the rest of its names still load.
import { Catalog, type CatalogData } from '../core/names/catalog.ts';
import type { Engine } from '../core/check/document.ts';
import { nodeFiles } from '../platform/node-files.ts';
import type { HostFiles } from '../platform/types.ts';
import { parseCatalogFile } from './format.ts';

export interface CatalogFileState {
  /** Where it was read from. */
  file: string;
  /** Modification time when it was read (files are read again when it changes). */
  modified: number;
}

export interface EngineWithCatalogs {
  engine: Engine;
  files: CatalogFileState[];
  /** One line per problem, naming the file. */
  problems: string[];
}

const MAX_CATALOG_BYTES = 20_000_000;

/**
 * How to get a fresh copy of the data an engine's catalog was built from (the loaders of data.ts and
 * platform/embedded.ts record it): catalog files are added to a copy, never to the bundled engine's own.
 */
const catalogSources = new WeakMap<Engine, () => CatalogData>();

export function recordCatalogSource(engine: Engine, data: () => CatalogData): Engine {
  catalogSources.set(engine, data);
  return engine;
}

/** The engine for a set of catalog files: the bundled catalog plus their names (the English words shared). */
export function engineWithCatalogs(base: Engine, files: readonly string[], { fs }: HostFiles = nodeFiles): EngineWithCatalogs {
  const problems: string[] = [];
  const states: CatalogFileState[] = [];
  const source = catalogSources.get(base);
  if (!source) throw new Error('Talk Notes: the engine was not loaded by data.ts or platform/embedded.ts');
  const data = source();
  let added = 0;
  for (const file of files) {
    let text: string;
    try {
      const stat = fs.stat(file);
      states.push({ file, modified: stat.mtimeMs });
      if (!stat.isFile()) throw new Error('not a file');
      if (stat.size > MAX_CATALOG_BYTES) throw new Error('larger than 20 MB');
      text = fs.readText(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') states.push({ file, modified: -1 });
      problems.push(`catalog file ${file}: ${code === 'ENOENT' ? 'not found' : (error as Error).message}; the bundled catalog is used without it.`);
      continue;
    }
    const parsed = parseCatalogFile(text, file);
    problems.push(...parsed.problems);
    if (parsed.file?.names.length) {
      data.teamNames = [...(data.teamNames ?? []), ...parsed.file.names];
      added++;
    }
  }
  if (!added) return { engine: base, files: states, problems };
  return { engine: { catalog: Catalog.fromData(data), words: base.words }, files: states, problems };
}

/** Whether a file read for an engine changed on disk since. */
export function catalogFilesChanged(files: readonly CatalogFileState[], { fs }: HostFiles = nodeFiles): boolean {
  return files.some((f) => {
    try {
      return fs.stat(f.file).mtimeMs !== f.modified;
    } catch {
      return f.modified !== -1;
    }
  });
}
