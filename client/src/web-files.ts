// The web client reads the workspace for its server, which runs in a web worker with no file system: the notes
// (for the Talks view, Go to Talk and references), the workspace dictionary, schedules and catalog files, found
// with vscode.workspace.findFiles, read with vscode.workspace.fs and sent as talkNotes/workspaceFiles; changes
// follow through file system watchers. The server writes the dictionary back through talkNotes/writeFile.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { WORKSPACE_FILES, type WorkspaceFile, type WorkspaceFilesParams, type WriteFileParams } from '../../server/src/protocol';
import { logLine } from './log';

// The same bounds as the Node server's index (server/src/workspace.ts).
const NOTES = '**/*.{md,markdown,mdown,mkd}';
const EXCLUDE = '**/{node_modules,dist,out,.*}/**';
const MAX_FILES = 10_000;
const MAX_BYTES = 10 * 1024 * 1024;
const PARALLEL_READS = 8;

export class WorkspaceFiles implements vscode.Disposable {
  private watchers: vscode.Disposable[] = [];
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true }); // keeps a BOM, as Node reads files

  constructor(
    private readonly client: BaseLanguageClient,
    private readonly output: vscode.OutputChannel,
  ) {}

  /** What the server reads, per workspace folder: the notes, and the files the settings name. */
  private patterns(): vscode.RelativePattern[] {
    return (vscode.workspace.workspaceFolders ?? []).flatMap((folder) => {
      const settings = vscode.workspace.getConfiguration('talkNotes', folder.uri);
      // A schedule pattern without '/' matches that file name in any folder (server/src/schedule-files.ts).
      const schedules = settings.get<string[]>('schedules', []).map((p) => (p.includes('/') ? p.replace(/^\.\//, '') : `**/${p}`));
      const named = [settings.get<string>('dictionaryFile') || '.talk-notes-dictionary.txt', ...settings.get<string[]>('catalogFiles', [])];
      // The project config files (.talk-notes.json) too: the server walks up to them from each notes file.
      return [NOTES, '**/.talk-notes.json', ...schedules, ...named.map((f) => f.replace(/\\/g, '/').replace(/^\.\//, ''))].map((p) => new vscode.RelativePattern(folder, p));
    });
  }

  private async read(uri: vscode.Uri): Promise<WorkspaceFile | undefined> {
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.type & vscode.FileType.Directory) return undefined;
      // A file too large for the index is sent without its text: the server says so, as for a file on disk.
      const text = stat.size > MAX_BYTES ? '' : this.decoder.decode(await vscode.workspace.fs.readFile(uri));
      return { uri: uri.toString(), text, modified: stat.mtime, size: stat.size };
    } catch {
      return undefined;
    }
  }

  private async send(params: WorkspaceFilesParams): Promise<void> {
    if (this.client.isRunning()) await this.client.sendNotification(WORKSPACE_FILES, params);
  }

  /** Sends every file the server reads (at start, on refresh, after a setting changed). */
  async sendAll(): Promise<void> {
    const found = new Map<string, vscode.Uri>();
    for (const pattern of this.patterns()) {
      const dot = /(^|\/)\./.test(pattern.pattern);
      for (const uri of await vscode.workspace.findFiles(pattern, dot ? null : EXCLUDE, MAX_FILES)) found.set(uri.toString(), uri);
    }
    const uris = [...found.values()].slice(0, MAX_FILES);
    const files: WorkspaceFile[] = [];
    for (let k = 0; k < uris.length; k += PARALLEL_READS) {
      for (const file of await Promise.all(uris.slice(k, k + PARALLEL_READS).map((uri) => this.read(uri)))) if (file) files.push(file);
    }
    await this.send({ reset: true, files });
  }

  /** Sends the files now and their changes from now on; again when the settings name other files. */
  async start(): Promise<void> {
    this.watch();
    await this.sendAll();
  }

  private watch(): void {
    this.watchers.forEach((w) => w.dispose());
    this.watchers = [];
    const changed = async (uri: vscode.Uri): Promise<void> => {
      const file = await this.read(uri);
      if (file) await this.send({ files: [file] });
    };
    for (const pattern of this.patterns()) {
      const watcher = vscode.workspace.createFileSystemWatcher(pattern);
      watcher.onDidCreate(changed);
      watcher.onDidChange(changed);
      watcher.onDidDelete((uri) => void this.send({ files: [], deleted: [uri.toString()] }));
      this.watchers.push(watcher);
    }
    this.watchers.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!['dictionaryFile', 'schedules', 'catalogFiles'].some((s) => e.affectsConfiguration(`talkNotes.${s}`))) return;
        this.watch();
        void this.sendAll();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.watch();
        void this.sendAll();
      }),
    );
  }

  /** talkNotes/writeFile: the server adds a name to the workspace dictionary. */
  async write(params: WriteFileParams): Promise<void> {
    const uri = vscode.Uri.parse(params.uri);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(params.text));
    logLine(this.output, `wrote ${uri.toString(true)}`);
  }

  dispose(): void {
    this.watchers.forEach((w) => w.dispose());
  }
}
