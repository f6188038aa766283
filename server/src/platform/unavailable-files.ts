// Stands in for node-files.ts in the web build (esbuild.mjs): the web server passes its own files everywhere,
// so this is never used; if it were, the error says why rather than a missing global.
import type { HostFiles } from './types.ts';

const unavailable = (): never => {
  throw new Error('Talk Notes: the Node file system is not available in the browser');
};

export const nodeFiles: HostFiles = {
  fs: { stat: unavailable, readText: unavailable, list: unavailable, writeText: unavailable },
  path: { sep: '/', resolve: unavailable, join: unavailable, dirname: unavailable, basename: unavailable, relative: unavailable },
};
