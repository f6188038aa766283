// When a folder's newest file was written (its modification time, in ms): whether a build is older than its sources.
import * as fs from 'node:fs';
import * as path from 'node:path';

export function newest(dir) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return latest;
}
