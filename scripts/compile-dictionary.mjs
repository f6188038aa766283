#!/usr/bin/env node
// Compiles the bundled Hunspell dictionary (data/dictionary/en_US.aff + .dic) into the word forms nspell
// would expand at every start, so the server and CLI load a plain word list instead (about 30 ms rather
// than 200 ms). The runtime reader is server/src/core/english/speller.ts; a test checks that it answers exactly as
// nspell does. `source` ties the output to the .aff/.dic it came from: a stale file is not used.
//
// It also compiles the English lexicon (dist/english-lexicon.bin, next to the dictionary): what suggestions
// search and how common each word is, the derivations and British spellings en_US lacks, and the jargon
// word lists (see server/src/core/english/lexicon.ts). Those lists are devDependencies (the .vsix ships
// without node_modules), so they are read here, at build time.
//
// Usage: node --import tsx scripts/compile-dictionary.mjs [out-file]    (default dist/en_US.dictionary.bin)
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import nspell from 'nspell';
import { buildLexicon, cspellWords, FREQUENCY_PACKAGE, isJargonFile, JARGON_PACKAGES } from '../server/src/core/english/lexicon.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The same fingerprint server/src/data.ts computes before trusting a compiled file. */
export function dictionarySource(aff, dic) {
  return createHash('sha256').update(aff).update('\0').update(dic).digest('hex').slice(0, 32);
}

const MAGIC = 'TNDC';

/**
 * The file: "TNDC", where the header starts (32-bit little-endian), the two word lists (one byte a character
 * when they are all Latin-1, as the bundled en_US is; UTF-16LE otherwise), then the header: JSON of
 * everything else and where the lists are. Reading it is a copy, not a parse (server/src/data.ts).
 */
export function encodeDictionary(compiled) {
  const { words, lowered, ...rest } = compiled;
  const encoding = /^[\u0000-\u00ff]*$/.test(words + lowered) ? 'latin1' : 'utf16le';
  const parts = [
    ['words', Buffer.from(words, encoding)],
    ['lowered', Buffer.from(lowered, encoding)],
  ];
  return encodeSections(MAGIC, parts, { ...rest, encoding });
}

/**
 * The layout both compiled files share: a 4-letter magic, where the header starts (32-bit little-endian),
 * the sections' bytes one after another, then the header: JSON of `header` and where each section is.
 */
function encodeSections(magic, parts, header) {
  const sections = {};
  let at = 8;
  for (const [name, bytes] of parts) {
    sections[name] = [at, bytes.length];
    at += bytes.length;
  }
  const prefix = Buffer.alloc(8);
  prefix.write(magic, 0, 'latin1');
  prefix.writeUInt32LE(at, 4);
  return Buffer.concat([prefix, ...parts.map(([, bytes]) => bytes), Buffer.from(JSON.stringify({ ...header, sections }), 'utf8')]);
}

const has = (flags, name, codes) => !!codes && name in flags && codes.indexOf(flags[name]) > -1;

/** The compiled form of an .aff/.dic pair (see CompiledDictionary in server/src/core/speller.ts). */
export function compileDictionary(aff, dic) {
  const spell = nspell(aff, dic);
  const words = Object.keys(spell.data).sort();
  const known = new Set(words);
  const lowered = new Set();
  for (const w of words) {
    const lower = w.toLowerCase();
    if (!known.has(lower)) lowered.add(lower);
  }
  const flagged = (name) => words.filter((w) => has(spell.flags, name, spell.data[w]));
  return {
    format: 4,
    source: dictionarySource(aff, dic),
    compoundMin: spell.flags.COMPOUNDMIN ?? 3,
    compoundRules: spell.compoundRules.map((r) => ({ source: r.source, flags: r.flags })),
    conversions: spell.conversion.in.map(([pattern, replacement]) => ({ source: pattern.source, flags: pattern.flags, replacement })),
    onlyInCompound: flagged('ONLYINCOMPOUND'),
    forbidden: flagged('FORBIDDENWORD'),
    keepCase: flagged('KEEPCASE'),
    words: words.join('\n'),
    lowered: [...lowered].sort().join('\n'),
  };
}

// ------------------------------------------------------------------------------------------- the lexicon

/** The folder of an installed package (its exports may hide package.json from require.resolve), or undefined. */
function packageDir(name) {
  const dir = path.join(root, 'node_modules', name);
  return fs.existsSync(path.join(dir, 'package.json')) ? dir : undefined;
}

/** The jargon word lists (server/src/data.ts reads the same files when sources run without a compiled lexicon). */
function readJargon() {
  const words = [];
  for (const name of JARGON_PACKAGES) {
    const dir = packageDir(name);
    if (!dir) throw new Error(`${name} is not installed (npm install)`);
    for (const file of fs.readdirSync(path.join(dir, 'dict')).sort()) {
      if (!isJargonFile(file)) continue;
      const bytes = fs.readFileSync(path.join(dir, 'dict', file));
      words.push(...cspellWords((file.endsWith('.gz') ? zlib.gunzipSync(bytes) : bytes).toString('utf8')));
    }
  }
  return words;
}

/** British spellings: the en-GB word list of @cspell/dict-en-gb-mit (a cspell trie; MIT). */
async function readBritish() {
  const dir = packageDir('@cspell/dict-en-gb-mit');
  if (!dir) throw new Error('@cspell/dict-en-gb-mit is not installed (npm install)');
  const { importTrie, iteratorTrieWords } = await import('cspell-trie-lib');
  const text = zlib.gunzipSync(fs.readFileSync(path.join(dir, 'en_GB.trie.gz'))).toString('utf8');
  return [...iteratorTrieWords(importTrie(text.split('\n')))].filter((w) => !/^[!~]/.test(w));
}

/** Word counts (see FREQUENCY_PACKAGE in lexicon.ts for why this list). */
function readCounts() {
  const dir = packageDir(FREQUENCY_PACKAGE);
  if (!dir) throw new Error(`${FREQUENCY_PACKAGE} is not installed (npm install)`);
  return JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8'));
}

const LEXICON_MAGIC = 'TNLX';

/** The lexicon file: "TNLX", where the header starts, the sections (UTF-8 text, bytes), then the JSON header. */
export function encodeLexicon(lexicon, source) {
  const parts = [
    ['freq', Buffer.from(lexicon.freq)],
    ['english', Buffer.from(lexicon.english, 'utf8')],
    ['jargon', Buffer.from(lexicon.jargon, 'utf8')],
    ['terms', Buffer.from(lexicon.terms, 'utf8')],
    ['acronyms', Buffer.from(lexicon.acronyms, 'utf8')],
    ['stemmed', Buffer.from(lexicon.stemmed)],
  ];
  return encodeSections(LEXICON_MAGIC, parts, { format: 2, source });
}

/** The lexicon of an .aff/.dic pair, with the word lists installed in node_modules. */
export async function compileLexicon(aff, dic, compiled = compileDictionary(aff, dic)) {
  return buildLexicon({
    forms: compiled.words.split('\n'),
    aff: aff.toString('utf8'),
    dic: dic.toString('utf8'),
    counts: readCounts(),
    british: await readBritish(),
    jargon: readJargon(),
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = path.resolve(process.argv[2] ?? path.join(root, 'dist', 'en_US.dictionary.bin'));
  const dir = path.join(root, 'data', 'dictionary');
  const aff = fs.readFileSync(path.join(dir, 'en_US.aff'));
  const dic = fs.readFileSync(path.join(dir, 'en_US.dic'));
  const compiled = compileDictionary(aff, dic);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, encodeDictionary(compiled));
  // No top-level await: tests import this file through tsx, as CommonJS.
  compileLexicon(aff, dic, compiled).then(
    (lexicon) => fs.writeFileSync(path.join(path.dirname(out), 'english-lexicon.bin'), encodeLexicon(lexicon, dictionarySource(aff, dic))),
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
