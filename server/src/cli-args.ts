// The command line of `talk-notes check` and `talk-notes init`, read with node:util's parseArgs. Its errors are
// turned into one short line each (exit status 2), naming the option.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './cli-files.ts';

export const FORMATS = ['text', 'json', 'github', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export interface CheckOptions {
  command: 'check';
  files: string[];
  catalogs: string[];
  schedules: string[];
  fix: boolean;
  format: Format;
  outline: boolean;
  /** Most problems below error level that still exit 0 (undefined: any problem exits 1). */
  maxWarnings?: number;
  /** A config file to use for every file, instead of the nearest .talk-notes.json. */
  config?: string;
  noConfig: boolean;
}

export interface InitOptions {
  command: 'init';
  folder: string;
}

const CHECK_OPTIONS = {
  fix: { type: 'boolean' },
  outline: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  format: { type: 'string' },
  catalog: { type: 'string', multiple: true },
  schedule: { type: 'string', multiple: true },
  'max-warnings': { type: 'string' },
  config: { type: 'string' },
  'no-config': { type: 'boolean' },
} as const;

/** What each option takes, for the message when its value is missing. */
const TAKES: Record<string, string> = {
  format: `--format takes ${FORMATS.map((f) => `'${f}'`).join(', ')}`,
  catalog: '--catalog takes a file',
  schedule: '--schedule takes a file',
  'max-warnings': '--max-warnings takes a whole number',
  config: '--config takes a file',
};

/** parseArgs, with its errors as UsageErrors in a line of ours. */
function parse<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const option = /'(--?[\w-]+)/.exec(message)?.[1] ?? '';
    const name = option.replace(/^-+/, '');
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`unknown option '${option}' (talk-notes --help lists them)`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      if (/does not take an argument/.test(message)) throw new UsageError(`${option} takes no value`);
      throw new UsageError(TAKES[name] ?? `${option} takes a value`);
    }
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') throw new UsageError(`unexpected argument ${/'([^']*)'/.exec(message)?.[1] ?? ''}`.trim());
    throw error;
  }
}

/** The command line after the program name; 'help' when help was asked for. */
export function parseCommandLine(argv: string[]): CheckOptions | InitOptions | 'help' {
  const [command, ...rest] = argv;
  if (command === '-h' || command === '--help' || command === 'help') return 'help';
  if (command === 'init') {
    const { values, positionals } = parse({ args: rest, options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    if (values.help) return 'help';
    if (positionals.length > 1) throw new UsageError('init takes at most one folder');
    return { command: 'init', folder: positionals[0] ?? '.' };
  }
  if (command !== 'check') throw new UsageError(command ? `unknown command '${command}' (expected 'check', 'init' or 'catalog')` : "no command given (expected 'check', 'init' or 'catalog')");
  const { values, positionals } = parse({ args: rest, options: CHECK_OPTIONS, allowPositionals: true, strict: true });
  if (values.help) return 'help';
  const format = values.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`${TAKES.format}, not '${format}'`);
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    if (!/^\d+$/.test(values['max-warnings'])) throw new UsageError(`${TAKES['max-warnings']}, not '${values['max-warnings']}'`);
    maxWarnings = Number(values['max-warnings']);
  }
  if (values.outline && (format === 'github' || format === 'sarif')) throw new UsageError(`--outline works with --format text or json, not ${format}`);
  if (values.config !== undefined && values['no-config']) throw new UsageError('--config and --no-config exclude each other');
  return {
    command: 'check',
    files: positionals,
    catalogs: values.catalog ?? [],
    schedules: values.schedule ?? [],
    fix: !!values.fix,
    format: format as Format,
    outline: !!values.outline,
    maxWarnings,
    config: values.config,
    noConfig: !!values['no-config'],
  };
}
