// What the Node and the web client share: the crash handling, the commands and the Talks view around a
// language client that each entry point makes its own way (extension.ts: a Node process; extension-web.ts: a
// web worker).
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, type BaseLanguageClient, type ErrorHandler } from 'vscode-languageclient';
import { registerCommands } from './commands';
import { logLine } from './log';
import { registerProblemCap } from './problemCap';
import { registerScheduleCommands } from './schedule';
import { registerTalksView } from './talksView';

let client: BaseLanguageClient | undefined;

export interface StartOptions {
  /** Runs before the server re-indexes (Talks view refresh). */
  beforeReindex?: () => Promise<void>;
}

/** Registers the commands and the Talks view for `made`, then starts it. */
export async function startClient(context: vscode.ExtensionContext, output: vscode.OutputChannel, made: BaseLanguageClient, options: StartOptions = {}): Promise<BaseLanguageClient> {
  client = made;
  registerCommands(context, { client: () => client, output });
  registerTalksView(context, () => client, options.beforeReindex);
  registerScheduleCommands(context, () => client);
  registerProblemCap(context, () => client);
  await client.start();
  return client;
}

export async function stopClient(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/** Restarts a crashed server at most three times in three minutes, then stops and tells the user. */
export function crashHandler(output: vscode.OutputChannel): ErrorHandler {
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
