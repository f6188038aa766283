// Prints the Node server's settled diagnostics for a file as JSON (dist/server.js over stdio, default settings):
// what the web extension's tests compare the web worker's diagnostics with.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../../protocol/lsp-client.ts';

async function main(file: string): Promise<void> {
  const { client } = await LspClient.start({ settings: {} });
  try {
    const uri = pathToFileURL(path.resolve(file)).href;
    await client.open(uri, fs.readFileSync(file, 'utf8'));
    process.stdout.write(JSON.stringify(await client.quiet(uri, 300)));
  } finally {
    await client.stop();
  }
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
