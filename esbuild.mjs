// Bundles the entry points. The clients keep `vscode` external (the editor provides it); the servers and CLI
// are self-contained so the extension ships without node_modules. Node: dist/extension.js, dist/server.js,
// dist/cli.js. Web (vscode.dev, github.dev): dist/web/extension.js and dist/web/server.js, a web worker that
// carries the catalog and dictionary in its first line (scripts/embed-data.mjs), the only copy the .vsix ships.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';

const root = new URL('.', import.meta.url).pathname;

// The Hunspell dictionary, expanded once here rather than at every start, and the English lexicon next to it
// (see scripts/compile-dictionary.mjs; tsx loads the TypeScript it shares with the server); then the data the
// web server embeds, made from them and data/.
execFileSync(process.execPath, ['--import', 'tsx', `${root}scripts/compile-dictionary.mjs`, `${root}dist/en_US.dictionary.bin`], { stdio: 'inherit' });
const embeddedFile = `${root}dist/web/talk-notes-data.js`;
execFileSync(process.execPath, ['--import', 'tsx', `${root}scripts/embed-data.mjs`, embeddedFile], { stdio: 'inherit' });

// The given-name lists (about 9,000 strings) as JSON.parse of a string: V8 reads that much faster than an
// array literal, which it parses as code on every start.
const nameListsAsJson = {
  name: 'name-lists-as-json',
  setup(build) {
    build.onLoad({ filter: /datasets-(fe)?male-first-names-en[\\/]data[\\/]names\.json$/ }, (args) => {
      const text = fs.readFileSync(args.path, 'utf8');
      return { contents: `export default JSON.parse(${JSON.stringify(JSON.stringify(JSON.parse(text)))});`, loader: 'js' };
    });
  },
};

// In a web worker there is no file system: the Node files that shared modules default to (for the CLI) become a
// stand-in that throws if used. The web server passes its own files everywhere.
const noNodeFiles = {
  name: 'no-node-files',
  setup(build) {
    build.onResolve({ filter: /[\\/]platform[\\/]node-files\.ts$/ }, () => ({ path: `${root}server/src/platform/unavailable-files.ts` }));
  },
};

const watch = process.argv.includes('--watch');
const minify = !process.argv.includes('--no-minify');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify,
  logLevel: 'warning',
  plugins: [nameListsAsJson],
};
const web = {
  ...common,
  platform: 'browser',
  target: 'es2022',
  // The worker-safe builds of dependencies: the browser one of decode-named-character-reference (remark) needs `document`.
  conditions: ['worker'],
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/server-node.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { ...web, entryPoints: ['client/src/extension-web.ts'], outfile: 'dist/web/extension.js', external: ['vscode'] },
  {
    ...web,
    entryPoints: ['server/src/server-web.ts'],
    outfile: 'dist/web/server.js',
    format: 'iife',
    plugins: [noNodeFiles],
    // One line of data first: see server/src/embedded-data.ts.
    banner: { js: fs.readFileSync(embeddedFile, 'utf8') },
  },
];

for (const entry of entries) {
  const options = { ...common, ...entry };
  if (watch) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  } else {
    await esbuild.build(options);
  }
}
