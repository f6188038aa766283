#!/usr/bin/env node
// Writes the data the web server bundle embeds (the catalog, the vocabulary, the compiled dictionary and lexicon
// that scripts/compile-dictionary.mjs wrote) as one line of JavaScript, which esbuild.mjs puts first in
// dist/web/server.js. The format and its reader are server/src/embedded-data.ts.
// Usage: node --import tsx scripts/embed-data.mjs OUT-FILE
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeDictionary, decodeLexicon, loadCatalogData, loadVocabulary } from '../server/src/data.ts';
import { encodeEmbedded } from '../server/src/embedded-data.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.resolve(process.argv[2]);
const dataDir = path.join(root, 'data');
const dictionary = decodeDictionary(fs.readFileSync(path.join(root, 'dist', 'en_US.dictionary.bin')));
const { source, ...lexicon } = decodeLexicon(fs.readFileSync(path.join(root, 'dist', 'english-lexicon.bin')));
if (source !== dictionary.source) throw new Error('dist/english-lexicon.bin and dist/en_US.dictionary.bin come from different dictionaries: run the build again');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, encodeEmbedded(loadCatalogData(dataDir), loadVocabulary(dataDir), dictionary, lexicon));
