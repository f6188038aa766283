// The Node entry point (dist/server.js): desktop VS Code starts it over IPC, other editors with --stdio.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { nodePlatform } from './platform/node.ts';
import { startServer } from './server.ts';

export { FIX_ALL_KIND, startServer } from './server.ts';

process.on('uncaughtException', (error) => {
  console.error(`[talk-notes] uncaught: ${error.stack ?? String(error)}`);
});

if (require.main === module) {
  startServer(createConnection(ProposedFeatures.all), nodePlatform);
}
