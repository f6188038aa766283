// Lines the client writes to the Talk Notes output channel, stamped like the language client stamps the
// server's lines ("[Info  - 10:42:07 AM] …"), so the whole channel reads as one timeline.
import type * as vscode from 'vscode';

export function logLine(output: vscode.OutputChannel, message: string, level: 'Info' | 'Warn' | 'Error' = 'Info'): void {
  output.appendLine(`[${level.padEnd(5)} - ${new Date().toLocaleTimeString()}] ${message}`);
}
