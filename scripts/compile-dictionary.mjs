#!/usr/bin/env node
// Compiles the bundled Hunspell dictionary (data/dictionary/en_US.aff + .dic) into the word forms nspell
// would expand at every start, so the server and CLI load a plain word list instead (about 30 ms rather
// than 200 ms). The runtime reader is server/src/core/speller.ts; a test checks that it answers exactly as
// nspell does. `source` ties the output to the .aff/.dic it came from: a stale file is not used.
//
// Usage: node scripts/compile-dictionary.mjs [out-file]    (default dist/en_US.dictionary.bin)
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nspell from 'nspell';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The same fingerprint server/src/data.ts computes before trusting a compiled file. */
export function dictionarySource(aff, dic) {
  return createHash('sha256').update(aff).update('\0').update(dic).digest('hex').slice(0, 32);
}

/** FNV-1a over UTF-16 code units; server/src/core/speller.ts hashes lookups the same way. */
export function wordHash(word) {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * An open-addressing hash table of the lines of `words.join('\n')`: slot -> offset of a line start, -1 for
 * empty; twice as many slots as words (a power of two), probed linearly.
 */
export function wordTable(words) {
  let size = 1;
  while (size < words.length * 2) size *= 2;
  const table = new Int32Array(size).fill(-1);
  let offset = 0;
  for (const word of words) {
    let slot = wordHash(word) & (size - 1);
    while (table[slot] !== -1) slot = (slot + 1) & (size - 1);
    table[slot] = offset;
    offset += word.length + 1;
  }
  return table;
}

const MAGIC = 'TNDC';

/**
 * The file: "TNDC", where the header starts (32-bit little-endian), the four big sections at 4-byte
 * boundaries (word lists in UTF-16LE, tables as little-endian 32-bit integers), then the header: JSON of
 * everything else and where the sections are. Reading it is a copy, not a parse (server/src/data.ts).
 */
export function encodeDictionary(compiled) {
  const { words, wordsTable, lowered, loweredTable, ...rest } = compiled;
  const parts = [
    ['words', Buffer.from(words, 'utf16le')],
    ['wordsTable', int32Bytes(wordsTable)],
    ['lowered', Buffer.from(lowered, 'utf16le')],
    ['loweredTable', int32Bytes(loweredTable)],
  ];
  const sections = {};
  const chunks = [];
  let at = 8;
  for (const [name, bytes] of parts) {
    sections[name] = [at, bytes.length];
    const padded = Buffer.alloc(bytes.length + ((4 - (bytes.length % 4)) % 4));
    bytes.copy(padded);
    chunks.push(padded);
    at += padded.length;
  }
  const prefix = Buffer.alloc(8);
  prefix.write(MAGIC, 0, 'latin1');
  prefix.writeUInt32LE(at, 4);
  return Buffer.concat([prefix, ...chunks, Buffer.from(JSON.stringify({ ...rest, sections }), 'utf8')]);
}

function int32Bytes(table) {
  const bytes = Buffer.alloc(table.length * 4);
  for (let k = 0; k < table.length; k++) bytes.writeInt32LE(table[k], k * 4);
  return bytes;
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
  const loweredWords = [...lowered].sort();
  return {
    format: 3,
    source: dictionarySource(aff, dic),
    compoundMin: spell.flags.COMPOUNDMIN ?? 3,
    compoundRules: spell.compoundRules.map((r) => ({ source: r.source, flags: r.flags })),
    conversions: spell.conversion.in.map(([pattern, replacement]) => ({ source: pattern.source, flags: pattern.flags, replacement })),
    onlyInCompound: flagged('ONLYINCOMPOUND'),
    forbidden: flagged('FORBIDDENWORD'),
    keepCase: flagged('KEEPCASE'),
    words: words.join('\n'),
    wordsTable: wordTable(words),
    lowered: loweredWords.join('\n'),
    loweredTable: wordTable(loweredWords),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = path.resolve(process.argv[2] ?? path.join(root, 'dist', 'en_US.dictionary.bin'));
  const dir = path.join(root, 'data', 'dictionary');
  const compiled = compileDictionary(fs.readFileSync(path.join(dir, 'en_US.aff')), fs.readFileSync(path.join(dir, 'en_US.dic')));
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, encodeDictionary(compiled));
}
