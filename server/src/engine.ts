// An engine from its parts, the same whether they were read from data/ and dist/ (data.ts, Node) or from the
// data embedded in the web bundle (embedded-data.ts).
import type { Engine } from './core/check/document.ts';
import { Catalog, type CatalogData } from './core/names/catalog.ts';
import type { EnglishWords } from './core/english/english.ts';
import { recordCatalogSource } from './catalog/files.ts';

/**
 * `catalogData` is called once for the engine and again for every set of catalog files (each gets a fresh copy
 * to add its names to); `words` gets the vocabulary.
 */
export function assembleEngine(catalogData: () => CatalogData, vocabulary: string[], words: (vocabulary: string[]) => EnglishWords): Engine {
  const catalog = Catalog.fromData(catalogData());
  // A glossary title that is a name ("Kubernetes") is no lowercase word: "kubernetes" alone is a casing slip.
  const known = vocabulary.filter((w) => w !== w.toLowerCase() || !catalog.lookup(w).some((e) => e.kind === 'cncf' && e.canonical !== w && !e.everyday));
  return recordCatalogSource({ catalog, words: words(known) }, catalogData);
}
