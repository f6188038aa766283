// Reading a schedule of either format, and the names it makes known to the checker.
import { parseICalendar } from './ical.ts';
import { parseFrabJson } from './pretalx.ts';
import { MAX_SCHEDULE_CHARS, type ParsedSchedule, type Session } from './types.ts';

export type { ParsedSchedule, Session, Speaker } from './types.ts';

/**
 * The sessions of a schedule's text, iCalendar or Pretalx/frab JSON (told apart by content, then by the
 * file's extension). Never throws: what cannot be read is in `problems`, each naming the file.
 */
export function parseSchedule(text: string, fileName: string): ParsedSchedule {
  try {
    if (text.length > MAX_SCHEDULE_CHARS) return { sessions: [], problems: [`${fileName}: larger than ${MAX_SCHEDULE_CHARS / 1024 / 1024} MB, not read (is it a schedule?)`] };
    if (text.includes('\u0000')) return { sessions: [], problems: [`${fileName}: a binary file, not a schedule`] };
    const start = text.slice(0, 512).replace(/^\uFEFF/, '').trimStart();
    if (start.startsWith('{') || start.startsWith('[') || (/\.json$/i.test(fileName) && !/^BEGIN:VCALENDAR/i.test(start))) return parseFrabJson(text, fileName);
    return parseICalendar(text, fileName);
  } catch (error) {
    // The parsers catch what they expect; this is for what they do not (a bug must not stop the checker).
    return { sessions: [], problems: [`${fileName}: could not be read (${(error as Error)?.message ?? String(error)})`] };
  }
}

// What a schedule writes where there is no company.
const NO_COMPANY = /^(?:independent|freelance|freelancer|self|self[- ]employed|none|n\/?a|tba|tbd|student|retired|consultant|unaffiliated|-)$/i;

/**
 * The names a schedule makes known: every speaker's full name, then the companies the catalog does not know
 * already, each once. The checker takes them as extra names (learnedNames in names/learn.ts): a near miss of
 * one is flagged with the schedule's spelling.
 */
export function scheduleNames(sessions: readonly Session[], known: (name: string) => boolean = () => false): string[] {
  const people = new Set<string>();
  const companies = new Set<string>();
  for (const s of sessions) {
    for (const speaker of s.speakers) {
      people.add(speaker.name);
      // "Amazon Web Services (AWS)": the name without its short form.
      const company = speaker.company?.replace(/\s*\([^()]*\)\s*$/, '').trim();
      if (company && company.length <= 60 && !NO_COMPANY.test(company) && !known(company)) companies.add(company);
    }
  }
  for (const p of people) companies.delete(p);
  return [...people, ...companies];
}

/** A word of a title that may be a name: four letters or more, a capital in it, not all capitals (SIG, API). */
const TITLE_NAME = /^(?=.{4,40}$)(?=.*\p{Lu})(?!\p{Lu}+$)\p{L}[\p{L}\p{N}]*$/u;

/**
 * The names that sessions' titles make known: their words that are no English word and no name known already
 * (the products and projects talks are about: "Ferrowheel" in "Scaling Ferrowheel: …"), each once, so their
 * near misses are caught as for a speaker's name.
 */
export function titleNames(sessions: readonly Session[], known: (word: string) => boolean): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const s of sessions) {
    for (const word of s.title.split(/[^\p{L}\p{N}]+/u)) {
      if (seen.has(word) || !TITLE_NAME.test(word)) continue;
      seen.add(word);
      if (!known(word)) out.push(word);
    }
  }
  return out;
}
