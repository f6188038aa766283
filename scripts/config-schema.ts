// The JSON schema of the project config file (.talk-notes.json), made from the talkNotes.* settings that
// package.json contributes, so the file and the settings cannot drift apart (test/core/project-config.test.ts
// compares this output with schemas/talk-notes.schema.json). `node --import tsx scripts/config-schema.ts` writes it.
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..');
export const SCHEMA_FILE = path.join(root, 'schemas', 'talk-notes.schema.json');

/** Settings that belong to the editor window, not to a project's notes. */
const EDITOR_ONLY = new Set(['trace.server']);

type Json = Record<string, unknown>;

const patterns = (what: string): Json => ({
  type: 'array',
  items: { type: 'string' },
  default: [],
  markdownDescription: `${what} Patterns as in \`.gitignore\`, relative to this file's folder: \`drafts/\`, \`*.draft.md\`, \`2024/**\`.`,
});

export function configSchema(pkg: { contributes: { configuration: { properties: Record<string, Json> } } }): Json {
  const properties: Record<string, Json> = { $schema: { type: 'string', description: 'The schema of this file (editors that do not know it by name use this).' } };
  for (const [key, setting] of Object.entries(pkg.contributes.configuration.properties)) {
    const name = key.replace(/^talkNotes\./, '');
    if (EDITOR_ONLY.has(name)) continue;
    const { scope: _scope, ...rest } = setting;
    // In the file, relative paths start at the file's folder rather than the workspace folder.
    properties[name] = JSON.parse(JSON.stringify(rest).replace(/relative to the workspace folder/g, "relative to this file's folder"));
  }
  properties.include = patterns('Only these files are checked (by the editor and by `talk-notes check`); default: every Markdown file.');
  properties.exclude = patterns('These files are never checked, even when named on the command line (pre-commit names files).');
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Talk Notes project config',
    description:
      'Settings for the Markdown notes in this folder and below, read by the Talk Notes extension, language server and CLI. Keys are the talkNotes.* settings without the prefix; a setting you changed in the editor wins over this file, and word lists are joined.',
    type: 'object',
    properties,
    additionalProperties: false,
  };
}

if (require.main === module) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  fs.mkdirSync(path.dirname(SCHEMA_FILE), { recursive: true });
  fs.writeFileSync(SCHEMA_FILE, JSON.stringify(configSchema(pkg), null, 2) + '\n');
  console.log(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`);
}
