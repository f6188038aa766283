// talk-notes catalog --landscape FILE [--maintainers FILE] [--people FILE] [--extra FILE] --out FILE
// Builds a catalog file (server/src/catalog/format.ts) from the public sources; exit 0 written, 2 bad usage or
// unreadable or malformed input (nothing is written then). cli.ts dispatches `catalog` here.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SourceKey } from './build.ts';
import { UsageError, fileErrorReason, writeAtomically } from '../cli-files.ts';
import { CatalogInputError } from './source-input.ts';
import { findDataDir, loadCompiledSpeller } from '../data.ts';
import { EnglishWords } from '../core/english/english.ts';

const CATALOG_USAGE = `Usage: talk-notes catalog --landscape FILE [--maintainers FILE] [--people FILE] [--extra FILE] --out FILE

Builds a catalog of names (JSON, one name a line) from the public sources:
  --landscape FILE    the CNCF landscape, landscape.yml (cncf/landscape)
  --maintainers FILE  project-maintainers.csv (cncf/foundation)
  --people FILE       people.json (cncf/people)
  --extra FILE        a hand-kept file in the catalog format to merge in (events such as KubeCon)
  --out FILE          where to write it (atomically: a temporary file, then a rename)
  --note NAME=TEXT    where a source came from, kept in the file (NAME: landscape, maintainers, people, extra)
  --verbose           list the source records left out (people without a full name, unknown projects)

Exit status: 0 written, 2 bad usage or unreadable or malformed input (nothing is written then).`;

interface CatalogOptions {
  files: Partial<Record<SourceKey, string>>;
  out?: string;
  notes: Partial<Record<SourceKey, string>>;
  verbose: boolean;
}

const SOURCE_FLAGS: Record<string, SourceKey> = { '--landscape': 'landscape', '--maintainers': 'maintainers', '--people': 'people', '--extra': 'extra' };

function parseCatalogArgs(args: string[]): CatalogOptions | 'help' {
  const options: CatalogOptions = { files: {}, notes: {}, verbose: false };
  for (let k = 0; k < args.length; k++) {
    const arg = args[k];
    if (arg === '-h' || arg === '--help') return 'help';
    if (arg === '--verbose') {
      options.verbose = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (!(flag in SOURCE_FLAGS) && flag !== '--out' && flag !== '--note') {
      throw new UsageError(arg.startsWith('-') ? `unknown option '${arg}' for 'catalog'` : `unexpected argument '${arg}' (give each file with its option, e.g. --landscape FILE)`);
    }
    const value = flag !== arg ? arg.slice(eq + 1) : args[++k];
    if (value === undefined || value === '' || (flag === arg && value.startsWith('--'))) throw new UsageError(`${flag} needs a value`);
    if (flag === '--out') options.out = value;
    else if (flag === '--note') {
      const at = value.indexOf('=');
      const name = value.slice(0, at) as SourceKey;
      if (at < 0 || !Object.values(SOURCE_FLAGS).includes(name)) throw new UsageError(`--note takes NAME=TEXT, NAME one of ${Object.values(SOURCE_FLAGS).join(', ')}`);
      options.notes[name] = value.slice(at + 1);
    } else options.files[SOURCE_FLAGS[flag]] = value;
  }
  if (!options.files.landscape) throw new UsageError('catalog: --landscape FILE is required');
  if (!options.out) throw new UsageError('catalog: --out FILE is required');
  return options;
}

/** A source file's text; a UsageError when it cannot be read or is not text. */
function readSource(file: string): string {
  let buffer: Buffer;
  try {
    buffer = fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read '${file}': ${code === 'ENOENT' || code === 'ENOTDIR' ? 'no such file' : fileErrorReason(error)}`);
  }
  if (buffer.includes(0)) throw new UsageError(`'${file}' is a binary file, not a text source`);
  return buffer.toString('utf8');
}

/** The en_US dictionary next to the CLI, to mark names made of ordinary words; undefined when it is missing. */
function englishWordCheck(): ((word: string) => boolean) | undefined {
  try {
    const dataDir = findDataDir();
    const aff = fs.readFileSync(path.join(dataDir, 'dictionary', 'en_US.aff'));
    const dic = fs.readFileSync(path.join(dataDir, 'dictionary', 'en_US.dic'));
    const compiled = loadCompiledSpeller(dataDir, aff, dic);
    const words = compiled ? new EnglishWords(compiled, []) : EnglishWords.fromHunspell(aff, dic, []);
    // A dictionary form, not a word made with a prefix ("crossplane") or known from a jargon list.
    return (word) => words.commonness(word.toLowerCase()) !== undefined;
  } catch {
    return undefined;
  }
}

export function catalogMain(args: string[], write: (s: string) => void, writeError: (s: string) => void): number {
  let options: CatalogOptions | 'help';
  const texts: Partial<Record<SourceKey, string>> = {};
  try {
    options = parseCatalogArgs(args);
    if (options === 'help') {
      write(CATALOG_USAGE + '\n');
      return 0;
    }
    for (const [key, file] of Object.entries(options.files) as [SourceKey, string][]) texts[key] = readSource(file);
  } catch (error) {
    if (error instanceof UsageError) {
      writeError(`talk-notes: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  // Required here, not at the top: the builder's YAML and CSV parsers would load on every `check` too.
  const { buildCatalogWithNotes, countKinds, formatCatalogFile } = require('./build.ts') as typeof import('./build.ts');
  const isEnglishWord = englishWordCheck();
  if (!isEnglishWord) writeError('talk-notes: the English dictionary (data/dictionary) was not found: no name is marked "everyday"\n');
  let built: ReturnType<typeof buildCatalogWithNotes>;
  try {
    built = buildCatalogWithNotes({
      landscape: texts.landscape!,
      maintainers: texts.maintainers,
      people: texts.people,
      extra: texts.extra,
      fileNames: Object.fromEntries(Object.entries(options.files).map(([k, f]) => [k, path.basename(f)])),
      sourceNotes: options.notes,
      isEnglishWord,
    });
  } catch (error) {
    if (error instanceof CatalogInputError) {
      writeError(`talk-notes: ${error.message.split('\n')[0]}\n`);
      return 2;
    }
    throw error;
  }
  const text = formatCatalogFile(built.catalog);
  try {
    writeAtomically(path.resolve(options.out!), text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    writeError(`talk-notes: cannot write '${options.out}': ${code === 'ENOENT' || code === 'ENOTDIR' ? 'no such folder' : fileErrorReason(error).replace('read error', 'write error')}\n`);
    return 2;
  }
  if (options.verbose) for (const note of built.notes) write(`${note}\n`);
  const counts = Object.entries(countKinds(built.catalog)).map(([kind, n]) => `${kind} ${n}`).join(', ');
  const left = !options.verbose && built.notes.length ? `; ${built.notes.length} source records left out or unmatched (--verbose lists them)` : '';
  write(`wrote ${options.out}: ${built.catalog.names.length} names (${counts}), ${Math.round(Buffer.byteLength(text) / 1024)} KB${left}\n`);
  return 0;
}
