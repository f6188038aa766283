// The VS Code client on Node (desktop VS Code, code-server): starts the Talk Notes language server as a Node
// process and registers the commands. Nothing clever: every feature lives in the server so other editors get it
// too. The browser client is extension-web.ts; what both do is in activate.ts.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { crashHandler, startClient, stopClient } from './activate';

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
    errorHandler: crashHandler(output),
    // VS Code's Markdown extension lists the headings as symbols: ours would list each twice (features/symbols.ts).
    initializationOptions: { settings: vscode.workspace.getConfiguration('talkNotes'), editorHasMarkdownSymbols: true, showsProblemCap: true },
  };
  await startClient(context, output, new LanguageClient('talkNotes', 'Talk Notes', serverOptions, clientOptions));
}

export async function deactivate(): Promise<void> {
  await stopClient();
}
