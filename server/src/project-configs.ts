// Finds the project config file for a notes file, the nearest `.talk-notes.json` walking up from it, and keeps
// what was read. The file system is a parameter (readFile), so the server and the CLI share this.
import { applyProjectConfig, CONFIG_FILE, joinPath, parentFolder, parseProjectConfig, type ProjectConfig } from './core/check/project-config.ts';
import type { Settings } from './core/check/settings.ts';

/** A file's text, or undefined when there is no such file; throws when it exists but cannot be read. */
export type ReadFile = (path: string) => string | undefined;

export class ProjectConfigs {
  /** Folder → the config that applies there (null: none), so a walk up is made once per folder. */
  private readonly byFolder = new Map<string, ProjectConfig | null>();
  /** Config file → its last version that parsed, used while the file is broken (the server's case). */
  private readonly lastGood = new Map<string, ProjectConfig>();

  constructor(
    private readonly readFile: ReadFile,
    /** Told each file's problems when it is read (each line `file:line: what`). */
    private readonly report: (problems: string[]) => void,
  ) {}

  /** The config for a file: the nearest one walking up from its folder. */
  forFile(file: string): ProjectConfig | undefined {
    const dir = parentFolder(file);
    return dir === undefined ? undefined : this.forFolder(dir);
  }

  /** The config for a folder: in it or the nearest above. */
  forFolder(dir: string): ProjectConfig | undefined {
    return this.lookup(dir) ?? undefined;
  }

  /** A file's settings: its config under the user's settings (see applyProjectConfig). */
  settingsFor(file: string | undefined, user: Settings): Settings {
    return file ? applyProjectConfig(user, this.forFile(file), file) : user;
  }

  /** Reads the config file at this path, rather than looking for one. */
  load(file: string): ProjectConfig | undefined {
    return this.read(file);
  }

  /** A config file was created, changed or deleted: every lookup is made again. */
  invalidate(): void {
    this.byFolder.clear();
  }

  private lookup(dir: string): ProjectConfig | null {
    const visited: string[] = [];
    let found: ProjectConfig | null = null;
    for (let d: string | undefined = dir; d !== undefined; d = parentFolder(d)) {
      const cached = this.byFolder.get(d);
      if (cached !== undefined) {
        found = cached;
        break;
      }
      visited.push(d);
      const config = this.read(joinPath(d, CONFIG_FILE));
      if (config) {
        found = config;
        break;
      }
    }
    for (const d of visited) this.byFolder.set(d, found);
    return found;
  }

  private read(file: string): ProjectConfig | undefined {
    let text: string | undefined;
    try {
      text = this.readFile(file);
    } catch (error) {
      this.report([`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}); it is not used.`]);
      return undefined;
    }
    if (text === undefined) return undefined;
    const config = parseProjectConfig(text, file);
    if (config.parsed) {
      this.lastGood.set(file, config);
      if (config.problems.length) this.report(config.problems);
      return config;
    }
    // A broken file (typically mid-edit) keeps its last good version, or sets nothing, until it is fixed.
    const good = this.lastGood.get(file);
    const [first, ...rest] = config.problems;
    this.report([`${first}; ${good ? 'its last valid version is used' : 'its settings are not used'} until it is fixed.`, ...rest]);
    return good ?? config;
  }
}
