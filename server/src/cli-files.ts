// What both CLI commands (`check` in cli.ts, `catalog` in command.ts) share: their usage error, their file
// handling and their output. A module of its own so that cli.ts can dispatch to command.ts without the two
// importing each other.
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

const CHUNK = 64 * 1024;

/**
 * Output gathered into 64 KB buffers and handed to `sink` a buffer at a time. A big file's report has tens of
 * thousands of lines: a write, or even a string encoded, per line costs more than the rest of the line, so
 * repeated parts are encoded once by the caller (`bytes`) and numbers are written digit by digit. The sink
 * returns whether it is done with the bytes, so that the buffer can be filled again.
 */
export class OutputBuffer {
  private chunk = Buffer.allocUnsafe(CHUNK);
  private at = 0;

  constructor(private readonly sink: (bytes: Uint8Array) => boolean) {}

  text(s: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit: a string that may not fit is flushed ahead of it.
    if (this.at + s.length * 3 > CHUNK) {
      this.flush();
      if (s.length * 3 > CHUNK) {
        this.sink(Buffer.from(s, 'utf8'));
        return;
      }
    }
    this.at += this.chunk.write(s, this.at, 'utf8');
  }

  bytes(b: Uint8Array): void {
    if (this.at + b.length > CHUNK) {
      this.flush();
      if (b.length > CHUNK) {
        this.sink(b);
        return;
      }
    }
    this.chunk.set(b, this.at);
    this.at += b.length;
  }

  /** A non-negative integer, in decimal. */
  integer(n: number): void {
    if (this.at + 16 > CHUNK) this.flush();
    let digits = 1;
    for (let p = 10; p <= n; p *= 10) digits++;
    const chunk = this.chunk;
    for (let k = this.at + digits - 1; k >= this.at; k--) {
      chunk[k] = 48 + (n % 10);
      n = Math.floor(n / 10);
    }
    this.at += digits;
  }

  /** One ASCII character, by its code. */
  byte(code: number): void {
    if (this.at + 1 > CHUNK) this.flush();
    this.chunk[this.at++] = code;
  }

  flush(): void {
    if (!this.at) return;
    // A fresh buffer when the sink holds on to this one (an asynchronous pipe with a full buffer).
    if (!this.sink(this.chunk.subarray(0, this.at))) this.chunk = Buffer.allocUnsafe(CHUNK);
    this.at = 0;
  }
}
