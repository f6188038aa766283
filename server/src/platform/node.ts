// The server on Node (dist/server.js: desktop VS Code, Neovim, any LSP client): files on disk, file: URIs.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadEngine } from '../data.ts';
import { nodeFiles } from './node-files.ts';
import type { Platform } from './types.ts';

export const nodePlatform: Platform = {
  ...nodeFiles,
  loadEngine: () => loadEngine(),
  toPath(uri) {
    try {
      return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
    } catch {
      return undefined;
    }
  },
  toUri: (file) => pathToFileURL(file).href,
  setImmediate: (callback) => void setImmediate(callback),
  clientSendsFiles: false,
};
