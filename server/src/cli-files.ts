// What both CLI commands (`check` in cli.ts, `catalog` in command.ts) share: their usage error and their file
// handling. A module of its own so that cli.ts can dispatch to command.ts without the two importing each other.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Bad usage or unreadable input: the command prints the message and exits with status 2. */
export class UsageError extends Error {}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EIO: 'input/output error',
  EISDIR: 'it is a folder',
  ELOOP: 'too many symbolic links (a link loop?)',
  ERR_FS_FILE_TOO_LARGE: 'the file is larger than 2 GiB',
};

/** A short, human reason for a file system error (its code kept for searching). */
export function fileErrorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code ? `${REASONS[code] ?? 'read error'} (${code})` : String(error);
}

/** Writes through a temporary file and a rename, so a crash never leaves half a file. */
export function writeAtomically(file: string, text: string): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.talk-notes-${process.pid}.tmp`);
  fs.writeFileSync(tmp, text);
  try {
    fs.renameSync(tmp, file);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw error;
  }
}
