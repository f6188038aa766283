// The schedule's speakers of a file's talks: a talk heading that names a session makes that session's speakers
// the file's own (as a speaker line would), so their names are caught in full there ("Kwami" → Kwame), while
// the rest of the program's speakers stay known only by their full names.
import { NotesDocument, type Analysis, type Engine } from '../check/document.ts';
import type { Settings } from '../check/settings.ts';
import type { Talk } from '../features/talks.ts';
import type { SessionIndex } from './program.ts';

/** The speakers (full names, sorted, each once) of the sessions the talks' headings name. */
export function speakersOfTalks(talks: readonly Pick<Talk, 'title' | 'speaker'>[], index: SessionIndex): string[] {
  if (!index.size) return [];
  const names = new Set<string>();
  for (const talk of talks) for (const s of index.match(talk.title, talk.speaker)?.speakers ?? []) names.add(s.name);
  return [...names].sort();
}

/** A whole text checked as the editor checks it with a schedule: again when its talks name sessions. */
export function analyzeWithSchedule(engine: Engine, text: string, settings: Settings, extraNames: string[], index: SessionIndex): Analysis {
  const first = new NotesDocument(engine, text).check(settings, extraNames);
  const speakers = speakersOfTalks(first.outline.talks, index);
  return speakers.length ? new NotesDocument(engine, text).check(settings, extraNames, { speakers }) : first;
}
