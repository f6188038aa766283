// Pretalx's schedule.json, the frab-compatible export (also written by frab and other C3VOC tools):
// schedule.conference.days[].rooms{room: talks[]}, each talk with date (ISO with offset), duration ("01:30"),
// title, persons [{public_name | name}], abstract, url. Companies are not part of the format.
import { isoOf, parseIso, zoneOffset } from './time.ts';
import { MAX_SESSIONS, type ParsedSchedule, type Session, type Speaker } from './types.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined);

/** The line of a character offset, for JSON.parse's "at position N". */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let k = 0; k < offset && k < text.length; k++) if (text.charCodeAt(k) === 10) line++;
  return line;
}

/** "01:30", "1:30:00" or "90" (minutes) in milliseconds; undefined if unreadable. */
function durationMs(value: unknown): number | undefined {
  const s = str(value);
  if (!s) return undefined;
  if (/^\d+$/.test(s)) return Number(s) * 60000;
  const m = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(s);
  if (!m) return undefined;
  // "H:MM" is the usual form; "D:HH:MM" (frab's multi-day) when there are three fields.
  return m[1] !== undefined ? ((Number(m[1]) * 24 + Number(m[2])) * 60 + Number(m[3])) * 60000 : (Number(m[2]) * 60 + Number(m[3])) * 60000;
}

/** Whether the JSON is a frab-style schedule (Pretalx's export or frab's own). */
export function isFrabSchedule(root: unknown): boolean {
  const schedule = isObject(root) && isObject(root.schedule) ? root.schedule : root;
  return isObject(schedule) && isObject(schedule.conference) && Array.isArray(schedule.conference.days);
}

function speakersOf(talk: Json): Speaker[] {
  const persons = Array.isArray(talk.persons) ? talk.persons : [];
  const out: Speaker[] = [];
  for (const p of persons) {
    const name = isObject(p) ? str(p.public_name) ?? str(p.name) ?? str(p.full_public_name) : str(p);
    if (!name) continue;
    const company = isObject(p) ? (str(p.company) ?? str(p.organisation) ?? str(p.organization)) : undefined;
    out.push(company ? { name, company } : { name });
  }
  return out;
}

export function parseFrabJson(source: string, fileName: string): ParsedSchedule {
  const problems: string[] = [];
  let root: unknown;
  try {
    root = JSON.parse(source);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const where = position ? `${fileName}:${lineAt(source, Number(position[1]))}` : fileName;
    return { sessions: [], problems: [`${where}: not valid JSON (${message}); no sessions read from it`] };
  }
  if (!isFrabSchedule(root)) return { sessions: [], problems: [`${fileName}: not a Pretalx/frab schedule (no schedule.conference.days); no sessions read from it`], foreign: true };
  const conference = ((isObject((root as Json).schedule) ? (root as Json).schedule : root) as Json).conference as Json;
  const zone = str(conference.time_zone_name);
  const sessions: Session[] = [];
  const problem = (message: string, near?: string): void => {
    if (problems.length >= 20) return;
    const at = near ? source.indexOf(JSON.stringify(near)) : -1;
    problems.push(`${fileName}${at >= 0 ? `:${lineAt(source, at)}` : ''}: ${message}`);
  };
  for (const day of conference.days as unknown[]) {
    if (!isObject(day) || !isObject(day.rooms)) continue;
    for (const [roomName, talks] of Object.entries(day.rooms)) {
      if (!Array.isArray(talks)) continue;
      for (const talk of talks) {
        if (!isObject(talk)) continue;
        if (sessions.length >= MAX_SESSIONS) {
          problem(`more than ${MAX_SESSIONS} sessions; the rest are not read`);
          return { sessions, problems };
        }
        const rawTitle = str(talk.title);
        const id = str(talk.code) ?? str(talk.guid) ?? str(talk.id);
        if (!rawTitle) {
          problem('talk without a title; skipped', id);
          continue;
        }
        const start = parseIso(str(talk.date) ?? '');
        if (!start || start.dateOnly) {
          problem(`talk "${rawTitle}" has no date with a time; skipped`, rawTitle);
          continue;
        }
        // A date without an offset is the conference's local time.
        const offset = start.offset ?? (zone ? zoneOffset(zone, start.localMs) : undefined);
        const length = durationMs(talk.duration) ?? 0;
        const session: Session = { id: id ?? `${fileName}#${sessions.length + 1}`, title: rawTitle, speakers: speakersOf(talk), start: isoOf(start.localMs, offset), end: isoOf(start.localMs + length, offset) };
        const room = str(talk.room) ?? roomName;
        const url = str(talk.url);
        const abstract = str(talk.abstract) ?? str(talk.description);
        if (room) session.room = room;
        if (url) session.url = url;
        if (abstract) session.abstract = abstract;
        sessions.push(session);
      }
    }
  }
  return { sessions, problems };
}
