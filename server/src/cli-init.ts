// `talk-notes init [folder]`: a starter project config file and an empty dictionary beside it. An existing file
// is never overwritten: it is named and left as it is.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileErrorReason, UsageError } from './cli-files.ts';
import { CONFIG_FILE } from './core/check/project-config.ts';
import { DEFAULT_SETTINGS } from './core/check/settings.ts';

/** Plain JSON (comments are allowed, but every JSON tool reads this). */
export const STARTER_CONFIG = `${JSON.stringify(
  {
    knownNames: [],
    ignoredWords: [],
    severity: { spelling: DEFAULT_SETTINGS.severity.spelling },
    dictionaryFile: DEFAULT_SETTINGS.dictionaryFile,
    catalogFiles: [],
    schedules: DEFAULT_SETTINGS.schedules,
    include: ['**/*.md'],
    exclude: [],
  },
  null,
  2,
)}\n`;

export const STARTER_DICTIONARY = '# Names Talk Notes should treat as known (one per line). Commit this file with your notes.\n';

/** Writes what is missing; returns the exit status (2 when a file could not be written). */
export function init(folder: string, write: (s: string) => void, writeError: (s: string) => void): number {
  const dir = path.resolve(folder);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UsageError(`cannot write into '${folder}': no such folder`);
  const files: [string, string][] = [
    [CONFIG_FILE, STARTER_CONFIG],
    [DEFAULT_SETTINGS.dictionaryFile, STARTER_DICTIONARY],
  ];
  for (const [name, content] of files) {
    const file = path.join(dir, name);
    const shown = path.relative(process.cwd(), file) || file;
    try {
      // 'wx': fails rather than overwrites, even when the file appeared a moment ago.
      fs.writeFileSync(file, content, { flag: 'wx' });
      write(`wrote ${shown}\n`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') writeError(`talk-notes: ${shown} already exists; left as it is\n`);
      else {
        writeError(`talk-notes: cannot write '${shown}': ${fileErrorReason(error)}\n`);
        return 2;
      }
    }
  }
  return 0;
}
