// Reading small text files from the disk, for code that takes the file system as a parameter.
import * as fs from 'node:fs';

/** A file's text, or undefined when there is none (a missing file or folder); other failures throw. */
export function readTextFile(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}
