// The web-worker entry point (dist/web/server.js, for vscode.dev, github.dev and other browser hosts). The same
// server as on Node, with the data embedded in this bundle and the workspace's files sent by the client.
import { BrowserMessageReader, BrowserMessageWriter, createConnection, FileChangeType, type FileEvent } from 'vscode-languageserver/browser';
import { EMBEDDED_GLOBAL, type EmbeddedData } from './embedded-data.ts';
import { webPlatform } from './platform/web.ts';
import { WORKSPACE_FILES, WRITE_FILE, type WorkspaceFilesParams, type WriteFileParams } from './protocol.ts';
import { filesChanged, startServer } from './server.ts';

const NOTES = /\.(md|markdown|mdown|mkd)$/i;

// The worker's global scope (typed here: the project compiles against Node's types).
const scope = globalThis as unknown as ConstructorParameters<typeof BrowserMessageReader>[0] & Record<string, unknown>;
const connection = createConnection(new BrowserMessageReader(scope), new BrowserMessageWriter(scope));
const platform = webPlatform(
  () => scope[EMBEDDED_GLOBAL] as EmbeddedData,
  async (uri, text) => {
    const params: WriteFileParams = { uri, text };
    await connection.sendRequest(WRITE_FILE, params);
  },
);
const session = startServer(connection, platform);

session.connection.onNotification(WORKSPACE_FILES, (params: WorkspaceFilesParams) => {
  const { fs } = platform;
  if (params.reset) fs.clear();
  const changed: string[] = [];
  for (const file of params.files ?? []) {
    const p = platform.toPath(file.uri);
    if (!p) continue;
    fs.set(p, file.text, file.modified, file.size);
    changed.push(p);
  }
  const deleted = (params.deleted ?? []).flatMap((uri) => platform.toPath(uri) ?? []);
  deleted.forEach((p) => fs.delete(p));
  const events: FileEvent[] = [
    ...changed.filter((p) => !params.reset || !NOTES.test(p)).map((p): FileEvent => ({ uri: p, type: FileChangeType.Changed })),
    ...deleted.map((p): FileEvent => ({ uri: p, type: FileChangeType.Deleted })),
  ];
  filesChanged(session, events);
  // All the notes at once: indexed in the background, as on Node at start.
  if (params.reset) {
    session.recheckAll();
    void session.reindex().catch((error) => connection.console.error(`[talk-notes] indexing failed: ${String(error)}`));
  }
});
