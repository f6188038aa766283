// The VS Code client: starts the Talk Notes language server and registers the commands. Nothing clever:
// every feature lives in the server so other editors get it too.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { registerTalksView } from './talksView';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const dictionaryFile = vscode.workspace.getConfiguration('talkNotes').get<string>('dictionaryFile') || '.talk-notes-dictionary.txt';
  const output = vscode.window.createOutputChannel('Talk Notes');
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher(`**/${path.basename(dictionaryFile)}`) },
    outputChannel: output,
    initializationOptions: { settings: vscode.workspace.getConfiguration('talkNotes') },
  };
  client = new LanguageClient('talkNotes', 'Talk Notes', serverOptions, clientOptions);
  registerCommands(context, { client: () => client, output });
  registerTalksView(context, () => client);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
