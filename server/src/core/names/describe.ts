// How a name is described to the user: the card of hover and completion, and the one-line kind in messages.
import type { NameEntry } from './catalog.ts';
import type { NameCard } from '../types.ts';

export function cardOf(entry: NameEntry): NameCard {
  return {
    name: entry.canonical,
    kind: entry.kind,
    maturity: entry.maturity,
    category: entry.category,
    homepage: entry.homepage,
    repo: entry.repo,
    description: entry.description,
    aliases: [...entry.aliases, ...entry.shortForms],
  };
}

const ECOSYSTEM_LABELS: Record<string, string> = {
  project: 'ecosystem project',
  product: 'product',
  technology: 'technology',
  cloud: 'cloud service',
  company: 'organization',
  event: 'event',
  feature: 'feature',
};

/** One line describing an entry, for messages and completion details ("CNCF incubating", "person"). */
export function describeKind(entry: NameEntry): string {
  switch (entry.kind) {
    case 'cncf':
      return entry.parent ? `CNCF, part of ${entry.parent}` : `CNCF ${entry.maturity}`;
    case 'ecosystem':
      return entry.parent ? `part of ${entry.parent}` : (ECOSYSTEM_LABELS[entry.label ?? ''] ?? 'ecosystem project');
    case 'person':
      return 'person';
    case 'learned':
      return entry.given === 'talk-speaker' ? "speaker of this talk in the schedule" : entry.given === 'known' ? 'known name' : 'name used in this file';
  }
}
