// Bundles the three entry points. The client keeps `vscode` external (the editor provides it);
// the server and CLI are self-contained so the extension ships without node_modules.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';

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

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: !process.argv.includes('--no-minify'),
  logLevel: 'warning',
  plugins: [nameListsAsJson],
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
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

// The Hunspell dictionary, expanded once here rather than at every start, and the English lexicon next to it
// (see scripts/compile-dictionary.mjs; tsx loads the TypeScript it shares with the server).
const root = new URL('.', import.meta.url).pathname;
execFileSync(process.execPath, ['--import', 'tsx', `${root}scripts/compile-dictionary.mjs`, `${root}dist/en_US.dictionary.bin`], { stdio: 'inherit' });
