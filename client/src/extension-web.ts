// The VS Code client in a browser (vscode.dev, github.dev, code-server's web worker host): the server runs in a
// web worker (dist/web/server.js, the data embedded in it) and this client reads the workspace's files for it
// (web-files.ts). What both clients do is in activate.ts.
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions } from 'vscode-languageclient/browser';
import { WRITE_FILE, type WriteFileParams } from '../../server/src/protocol';
import { crashHandler, startClient, stopClient } from './activate';
import { WorkspaceFiles } from './web-files';

type ServerWorker = ConstructorParameters<typeof LanguageClient>[3];

/**
 * The worker, from a blob of the script read through vscode.workspace.fs: some hosts refuse a worker from an
 * extension's URL (code-server: "Creating workers from remote extensions is currently not supported"). Where
 * the script cannot be read that way, from its URL.
 */
async function serverWorker(context: vscode.ExtensionContext): Promise<ServerWorker> {
  const { Worker } = globalThis as unknown as { Worker: new (url: string) => ServerWorker };
  const script = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
  try {
    const bytes = await vscode.workspace.fs.readFile(script);
    return new Worker(URL.createObjectURL(new Blob([bytes], { type: 'text/javascript' })));
  } catch {
    return new Worker(script.toString(true));
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Talk Notes');
  const clientOptions: LanguageClientOptions = {
    // Any scheme: the workspace is vscode-vfs:// on github.dev, vscode-remote:// or vscode-test-web:// elsewhere.
    documentSelector: [{ language: 'markdown' }],
    outputChannel: output,
    errorHandler: crashHandler(output),
    // Plain JSON: a live WorkspaceConfiguration cannot be posted to a worker.
    initializationOptions: { settings: JSON.parse(JSON.stringify(vscode.workspace.getConfiguration('talkNotes'))) as unknown, editorHasMarkdownSymbols: true, showsProblemCap: true },
  };
  const client = new LanguageClient('talkNotes', 'Talk Notes', clientOptions, await serverWorker(context));
  const files = new WorkspaceFiles(client, output);
  context.subscriptions.push(files, client.onRequest(WRITE_FILE, (params: WriteFileParams) => files.write(params)));
  await startClient(context, output, client, { beforeReindex: () => files.sendAll() });
  await files.start();
}

export async function deactivate(): Promise<void> {
  await stopClient();
}
