// The VS Code client: starts the Talk Notes language server and registers the commands. Nothing clever:
// every feature lives in the server so other editors get it too.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type ErrorHandler,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { logLine } from './log';
import { registerScheduleCommands } from './schedule';
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
    errorHandler: crashHandler(output),
    // VS Code's Markdown extension lists the headings as symbols: ours would list each twice (features/symbols.ts).
    initializationOptions: { settings: vscode.workspace.getConfiguration('talkNotes'), editorHasMarkdownSymbols: true },
  };
  client = new LanguageClient('talkNotes', 'Talk Notes', serverOptions, clientOptions);
  registerCommands(context, { client: () => client, output });
  registerTalksView(context, () => client);
  registerScheduleCommands(context, () => client);
  await client.start();
}

/** Restarts a crashed server at most three times in three minutes, then stops and tells the user. */
function crashHandler(output: vscode.OutputChannel): ErrorHandler {
  const crashes: number[] = [];
  return {
    error: () => ({ action: ErrorAction.Continue }),
    closed: () => {
      const now = Date.now();
      while (crashes.length && now - crashes[0] > 3 * 60_000) crashes.shift();
      crashes.push(now);
      if (crashes.length <= 3) {
        logLine(output, `The Talk Notes server stopped unexpectedly; restarting it (${crashes.length} of 3).`, 'Error');
        return { action: CloseAction.Restart, handled: true };
      }
      void vscode.window
        .showErrorMessage('Talk Notes: the server stopped after repeated crashes. Its output has the details.', 'Show Output', 'Restart Server')
        .then((choice) => {
          if (choice === 'Show Output') output.show();
          else if (choice === 'Restart Server') void vscode.commands.executeCommand('talkNotes.restartServer');
        });
      return { action: CloseAction.DoNotRestart, handled: true };
    },
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
