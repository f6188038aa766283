// The Node file system and node:path as HostFiles: what the server uses on Node, and the default of the shared
// modules (dictionary.ts, schedule-files.ts, catalog/files.ts) that the CLI calls without a platform.
// The web build replaces this module with unavailable-files.ts (see esbuild.mjs): a worker has no file system.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { HostFiles } from './types.ts';

export const nodeFiles: HostFiles = {
  fs: {
    stat: (file) => fs.statSync(file),
    readText: (file) => fs.readFileSync(file, 'utf8'),
    list: (dir) => fs.readdirSync(dir, { withFileTypes: true }),
    writeText(file, text) {
      // A temporary file and a rename: an editor or git never sees a half-written file.
      const tmp = `${file}.${process.pid}.tmp`;
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(tmp, text);
      fs.renameSync(tmp, file);
    },
  },
  path: {
    sep: path.sep,
    resolve: (base, relative) => path.resolve(base, relative),
    join: (dir, name) => path.join(dir, name),
    dirname: (file) => path.dirname(file),
    basename: (file) => path.basename(file),
    relative: (from, to) => path.relative(from, to),
  },
};
