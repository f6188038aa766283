// Extra catalog files (talkNotes.catalogFiles, the CLI's --catalog): a team's own products and colleagues in
// the format `talk-notes catalog` writes. They are added to a copy of the bundled catalog, after its curated
// names and before the landscape's, and matched like curated names (someone chose them); a malformed file is
// reported and the rest of its names still load.
import * as fs from 'node:fs';
import { Catalog } from '../core/names/catalog.ts';
import type { Engine } from '../core/check/document.ts';
import { findDataDir, loadCatalogData } from '../data.ts';
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

/** The engine for a set of catalog files: the bundled catalog plus their names (the English words shared). */
export function engineWithCatalogs(base: Engine, files: readonly string[], dataDir: string = findDataDir()): EngineWithCatalogs {
  const problems: string[] = [];
  const states: CatalogFileState[] = [];
  const data = loadCatalogData(dataDir);
  let added = 0;
  for (const file of files) {
    let text: string;
    try {
      const stat = fs.statSync(file);
      states.push({ file, modified: stat.mtimeMs });
      if (!stat.isFile()) throw new Error('not a file');
      if (stat.size > MAX_CATALOG_BYTES) throw new Error('larger than 20 MB');
      text = fs.readFileSync(file, 'utf8');
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
export function catalogFilesChanged(files: readonly CatalogFileState[]): boolean {
  return files.some((f) => {
    try {
      return fs.statSync(f.file).mtimeMs !== f.modified;
    } catch {
      return f.modified !== -1;
    }
  });
}
