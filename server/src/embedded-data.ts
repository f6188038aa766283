// The catalog and the English dictionary embedded in the web server bundle (dist/web/server.js), which has no
// file system and fetches nothing. The .vsix ships the data only there: the Node server and the CLI read it from
// that file too when there is no data/ folder (data.ts). Written by scripts/embed-data.mjs at build time as the
// bundle's first line, `var TALK_NOTES_DATA={...};`, so Node can read it without running the web server.
import type { Engine } from './core/check/document.ts';
import type { CatalogData } from './core/names/catalog.ts';
import { EnglishWords } from './core/english/english.ts';
import { Lexicon, type LexiconData } from './core/english/lexicon.ts';
import { CompiledSpeller, type CompiledDictionary } from './core/english/speller.ts';
import { assembleEngine } from './engine.ts';

export const EMBEDDED_GLOBAL = 'TALK_NOTES_DATA';

type Lists = 'english' | 'jargon' | 'terms' | 'acronyms';

export interface EmbeddedData {
  format: 2;
  catalog: CatalogData;
  vocabulary: string[];
  /** The compiled dictionary, its word lists front-coded. */
  dictionary: CompiledDictionary;
  /** The lexicon, its lists front-coded and `freq` and `stemmed` one character a byte. */
  lexicon: Record<Lists, string> & { freq: string; stemmed: string };
}

// Front coding: each line of a sorted list as the length of the prefix it shares with the line before (one
// character) and the rest. The word lists are 2.5 MB; the .vsix compresses them to about half the size this way.
const MAX_SHARED = 40;
const SHARED_BASE = 48;

export function frontCode(list: string): string {
  let previous = '';
  return list
    .split('\n')
    .map((line) => {
      let shared = 0;
      while (shared < MAX_SHARED && shared < line.length && line[shared] === previous[shared]) shared++;
      previous = line;
      return String.fromCharCode(SHARED_BASE + shared) + line.slice(shared);
    })
    .join('\n');
}

export function frontDecode(coded: string): string {
  const out: string[] = [];
  let previous = '';
  let at = 0;
  while (at <= coded.length) {
    let end = coded.indexOf('\n', at);
    if (end < 0) end = coded.length;
    const line = previous.slice(0, coded.charCodeAt(at) - SHARED_BASE) + coded.slice(at + 1, end);
    out.push(line);
    previous = line;
    at = end + 1;
  }
  return out.join('\n');
}

// Bytes as characters from U+0020 on: no control characters, so JSON keeps them one or two bytes each.
const BYTE_BASE = 0x20;

function bytesToText(bytes: Uint8Array): string {
  let text = '';
  for (let k = 0; k < bytes.length; k += 8192) text += String.fromCharCode(...Array.from(bytes.subarray(k, k + 8192), (b) => b + BYTE_BASE));
  return text;
}

function textToBytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let k = 0; k < text.length; k++) bytes[k] = text.charCodeAt(k) - BYTE_BASE;
  return bytes;
}

/** The bundle's first line (scripts/embed-data.mjs). */
export function encodeEmbedded(catalog: CatalogData, vocabulary: string[], dictionary: CompiledDictionary, lexicon: LexiconData): string {
  const data: EmbeddedData = {
    format: 2,
    catalog,
    vocabulary,
    dictionary: { ...dictionary, words: frontCode(dictionary.words), lowered: frontCode(dictionary.lowered) },
    lexicon: {
      freq: bytesToText(lexicon.freq),
      english: frontCode(lexicon.english),
      jargon: frontCode(lexicon.jargon),
      terms: frontCode(lexicon.terms),
      acronyms: frontCode(lexicon.acronyms),
      stemmed: bytesToText(lexicon.stemmed),
    },
  };
  // JSON with no line break in it: the first line is the whole value.
  return `var ${EMBEDDED_GLOBAL}=${JSON.stringify(data)};`;
}

/** The data from the text of the web server bundle. */
export function readEmbeddedData(bundle: string): EmbeddedData {
  const prefix = `var ${EMBEDDED_GLOBAL}=`;
  const end = bundle.indexOf('\n');
  if (!bundle.startsWith(prefix) || end < 0) throw new Error('Talk Notes: the web server bundle has no embedded data');
  return JSON.parse(bundle.slice(prefix.length, bundle[end - 1] === ';' ? end - 1 : end)) as EmbeddedData;
}

export function engineFromEmbedded(data: EmbeddedData): Engine {
  if (data?.format !== 2) throw new Error('Talk Notes: the embedded data is missing or of another format');
  // The first engine takes the data as it is; catalog files each get a copy to add their names to.
  let first = true;
  const catalogData = (): CatalogData => {
    if (!first) return JSON.parse(JSON.stringify(data.catalog)) as CatalogData;
    first = false;
    return data.catalog;
  };
  const { dictionary, lexicon } = data;
  return assembleEngine(catalogData, data.vocabulary, (vocabulary) => {
    const compiled = new CompiledSpeller({ ...dictionary, words: frontDecode(dictionary.words), lowered: frontDecode(dictionary.lowered) });
    const words = new Lexicon({
      freq: textToBytes(lexicon.freq),
      english: frontDecode(lexicon.english),
      jargon: frontDecode(lexicon.jargon),
      terms: frontDecode(lexicon.terms),
      acronyms: frontDecode(lexicon.acronyms),
      stemmed: textToBytes(lexicon.stemmed),
    });
    return new EnglishWords(compiled, vocabulary, words);
  });
}
