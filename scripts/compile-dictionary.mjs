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
  const sections = {};
  let at = 8;
  for (const [name, bytes] of parts) {
    sections[name] = [at, bytes.length];
    at += bytes.length;
  }
  const prefix = Buffer.alloc(8);
  prefix.write(MAGIC, 0, 'latin1');
  prefix.writeUInt32LE(at, 4);
  return Buffer.concat([prefix, ...parts.map(([, bytes]) => bytes), Buffer.from(JSON.stringify({ ...rest, encoding, sections }), 'utf8')]);
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

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = path.resolve(process.argv[2] ?? path.join(root, 'dist', 'en_US.dictionary.bin'));
  const dir = path.join(root, 'data', 'dictionary');
  const compiled = compileDictionary(fs.readFileSync(path.join(dir, 'en_US.aff')), fs.readFileSync(path.join(dir, 'en_US.dic')));
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, encodeDictionary(compiled));
}
