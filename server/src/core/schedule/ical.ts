// iCalendar (RFC 5545) schedules: sched.com's and Pretalx's exports, or any calendar app's. ical.js reads the
// text (folded lines, escapes, parameters, VTIMEZONE rules) into jCal (RFC 7265); this file reads the events
// from that. The whole file is parsed at once; if that fails, event by event, so that a broken event is
// reported with its line and the others are kept. Recurring events are read as their first occurrence.
import ICAL from 'ical.js';
import { splitSummary, speakersInDescription, type SpeakerStyle } from './speakers.ts';
import { isoOf, parseIso, zoneOffset } from './time.ts';
import { MAX_SESSIONS, type ParsedSchedule, type Session } from './types.ts';

type Component = InstanceType<typeof ICAL.Component>;
/** jCal: [name, properties, components]; a property is [name, parameters, type, ...values]. */
type JProp = [string, Record<string, unknown>, string, ...unknown[]];
type JComp = [string, JProp[], JComp[]];

interface Block {
  kind: 'vevent' | 'vtimezone';
  /** 0-based indexes of its BEGIN and END lines. */
  first: number;
  last: number;
}

const kindName = (kind: Block['kind']): string => (kind === 'vevent' ? 'event' : 'time zone');

/** The events and time zones of the calendar, by their BEGIN/END lines (nested alarms skipped). */
function findBlocks(lines: string[], problem: (line: number, message: string) => void): Block[] {
  const blocks: Block[] = [];
  let open: { kind: Block['kind']; first: number; depth: number } | undefined;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    const c = line.charCodeAt(0) | 32;
    if (c !== 98 /* b */ && c !== 101 /* e */) continue;
    const m = /^(BEGIN|END):([A-Za-z-]+)\s*$/i.exec(line);
    if (!m) continue;
    const begin = m[1].toUpperCase() === 'BEGIN';
    const name = m[2].toLowerCase();
    if (!open) {
      if (begin && (name === 'vevent' || name === 'vtimezone')) open = { kind: name, first: k, depth: 0 };
    } else if (begin && name === open.kind) {
      problem(open.first + 1, `${kindName(open.kind)} not closed before line ${k + 1}; skipped`);
      open = { kind: open.kind, first: k, depth: 0 };
    } else if (begin) open.depth++;
    else if (open.depth > 0) open.depth--;
    else if (name === open.kind) {
      blocks.push({ kind: open.kind, first: open.first, last: k });
      open = undefined;
    }
  }
  if (open) problem(open.first + 1, `${kindName(open.kind)} not closed (the file ends first: cut short?); skipped`);
  return blocks;
}

/** A calendar property's value from the lines before the first component (PRODID, X-WR-TIMEZONE). */
function headerValue(lines: string[], end: number, name: string): string | undefined {
  const prefix = name + ':';
  for (let k = 0; k < end; k++) if (lines[k].toUpperCase().startsWith(prefix)) return lines[k].slice(prefix.length).trim();
  return undefined;
}

/** The line of the block that an error quotes ('invalid line … "X-FOO"'), else the block's first. */
function lineOfError(lines: string[], block: Block, error: unknown): number {
  const quoted = /"([^"]{3,})"/.exec(String((error as Error)?.message ?? error))?.[1];
  if (quoted) for (let k = block.first; k <= block.last; k++) if (lines[k].includes(quoted)) return k + 1;
  return block.first + 1;
}

function prop(c: JComp, name: string): JProp | undefined {
  for (const p of c[1]) if (p[0] === name) return p;
  return undefined;
}

function text(c: JComp, name: string): string | undefined {
  const v = prop(c, name)?.[3];
  if (v === null || v === undefined) return undefined;
  return String(v).trim() || undefined;
}

/** Reads times and their zones: VTIMEZONEs of the file first, else Node's zone data for IANA names. */
class Zones {
  /** Offsets (minutes) by zone and wall-clock time: a program has a few dozen distinct times. */
  private readonly offsets = new Map<string, Map<number, number | undefined>>();

  constructor(
    private readonly calendar: Component,
    private readonly calendarZone: string | undefined,
  ) {}

  private offset(zone: string, local: number): number | undefined {
    let byTime = this.offsets.get(zone);
    if (!byTime) this.offsets.set(zone, (byTime = new Map()));
    if (!byTime.has(local)) {
      const tz = this.calendar.getTimeZoneByID(zone);
      let minutes: number | undefined;
      if (tz) {
        const d = new Date(local);
        const t = ICAL.Time.fromData({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), isDate: false });
        minutes = Math.round(tz.utcOffset(t) / 60);
      } else minutes = zoneOffset(zone, local);
      byTime.set(local, minutes);
    }
    return byTime.get(local);
  }

  /** A time property as wall-clock ms and its zone; undefined if it is missing, a string if it is unreadable. */
  read(event: JComp, name: string): { local: number; date: boolean; zone: string | 'Z' | undefined } | string | undefined {
    const p = prop(event, name);
    if (!p) return undefined;
    const value = p[3];
    const parsed = typeof value === 'string' ? parseIso(value) : undefined;
    if (!parsed) return `unreadable ${name.toUpperCase()} (expected a date such as 20250402T110000)`;
    const tzid = typeof p[1].tzid === 'string' ? p[1].tzid : undefined;
    return { local: parsed.localMs, date: parsed.dateOnly, zone: parsed.offset === 'Z' ? 'Z' : (tzid ?? this.calendarZone) };
  }

  iso(time: { local: number; date: boolean; zone: string | 'Z' | undefined }): string {
    if (time.date) return isoOf(time.local, undefined).slice(0, 10);
    if (time.zone === 'Z') return isoOf(time.local, 'Z');
    return isoOf(time.local, time.zone ? this.offset(time.zone, time.local) : undefined);
  }
}

function sessionOf(event: JComp, line: number, style: SpeakerStyle, zones: Zones): Session | string {
  const summary = text(event, 'summary');
  if (!summary) return 'event without a SUMMARY (title); skipped';
  const start = zones.read(event, 'dtstart');
  if (start === undefined) return `event "${summary}" has no DTSTART (start time); skipped`;
  if (typeof start === 'string') return start;
  let end = zones.read(event, 'dtend');
  if (typeof end === 'string') return end;
  if (!end) {
    const duration = text(event, 'duration');
    const seconds = duration ? ICAL.Duration.fromString(duration).toSeconds() : start.date ? 86400 : 0;
    end = { ...start, local: start.local + seconds * 1000 };
  }
  const { title, speakers } = splitSummary(summary, style);
  const description = text(event, 'description');
  const described = description ? speakersInDescription(description, style) : undefined;
  for (const s of described?.speakers ?? []) if (!speakers.some((o) => o.name === s.name)) speakers.push(s);
  const session: Session = { id: text(event, 'uid') ?? `line-${line}`, title, speakers, start: zones.iso(start), end: zones.iso(end), line };
  const room = text(event, 'location');
  const url = text(event, 'url');
  if (room) session.room = room;
  if (url) session.url = url;
  if (described?.rest) session.abstract = described.rest;
  return session;
}

/** The calendar and its events: parsed whole, or, if that fails, block by block (reporting the bad ones). */
function parseEvents(lines: string[], blocks: Block[], problem: (line: number, message: string) => void): { calendar: Component; events: { event: JComp; line: number }[] } {
  const vevents = blocks.filter((b) => b.kind === 'vevent');
  try {
    let jcal = ICAL.parse(lines.join('\n')) as unknown as JComp | JComp[];
    if (typeof jcal[0] !== 'string') jcal = (jcal as JComp[]).find((c) => c[0] === 'vcalendar') ?? (jcal as JComp[])[0];
    const root = jcal as JComp;
    const events = root[2].filter((c) => c[0] === 'vevent');
    // The k-th event is the k-th BEGIN:VEVENT block, whose line it takes.
    if (events.length === vevents.length) return { calendar: new ICAL.Component(root as unknown as unknown[]), events: events.map((event, k) => ({ event, line: vevents[k].first + 1 })) };
  } catch {
    // Some part is broken: each block on its own finds which.
  }
  const calendar = new ICAL.Component('vcalendar');
  const events: { event: JComp; line: number }[] = [];
  for (const block of [...blocks.filter((b) => b.kind === 'vtimezone'), ...vevents]) {
    try {
      const jcal = ICAL.parse(lines.slice(block.first, block.last + 1).join('\n')) as unknown as JComp;
      if (block.kind === 'vtimezone') calendar.addSubcomponent(new ICAL.Component(jcal as unknown as unknown[]));
      else events.push({ event: jcal, line: block.first + 1 });
    } catch (error) {
      problem(lineOfError(lines, block, error), `${kindName(block.kind)} skipped: ${(error as Error)?.message ?? String(error)}`);
    }
  }
  return { calendar, events };
}

/** The line a problem of the event at `line` is on: an unreadable time's own line, shown; else the event's. */
function where(lines: string[], line: number, message: string): [number, string] {
  const name = /^unreadable (\w+)/.exec(message)?.[1];
  for (let k = line - 1; name && k < lines.length && !/^END:VEVENT/i.test(lines[k]); k++) {
    if (lines[k].toUpperCase().startsWith(name) && /^[;:]/.test(lines[k].slice(name.length))) return [k + 1, `${message}: "${lines[k].slice(0, 80)}"; skipped`];
  }
  return [line, message];
}

/** Sessions of an iCalendar text; problems name the file and line, and never stop the rest from loading. */
export function parseICalendar(source: string, fileName: string): ParsedSchedule {
  const problems: { line: number; message: string }[] = [];
  const problem = (line: number, message: string): void => void problems.push({ line, message });
  if (!/^\uFEFF?BEGIN:VCALENDAR\s*$/im.test(source.slice(0, 4096))) {
    return { sessions: [], problems: [`${fileName}:1: not an iCalendar file (it should start with BEGIN:VCALENDAR)`], foreign: true };
  }
  const lines = source.split(/\r\n|\n|\r/);
  const blocks = findBlocks(lines, problem);
  const header = blocks.length ? blocks[0].first : lines.length;
  const producer = headerValue(lines, header, 'PRODID') ?? '';
  const style: SpeakerStyle = /sched/i.test(producer) ? 'pairs' : /pretalx/i.test(producer) ? 'names' : 'auto';
  const { calendar, events } = parseEvents(lines, blocks, problem);
  const zones = new Zones(calendar, headerValue(lines, header, 'X-WR-TIMEZONE'));
  const sessions: Session[] = [];
  for (const { event, line } of events) {
    if (sessions.length >= MAX_SESSIONS) {
      problem(line, `more than ${MAX_SESSIONS} sessions; the rest are not read`);
      break;
    }
    try {
      const session = sessionOf(event, line, style, zones);
      if (typeof session === 'string') problem(...where(lines, line, session));
      else sessions.push(session);
    } catch (error) {
      problem(line, `event skipped: ${(error as Error)?.message ?? String(error)}`);
    }
  }
  if (!blocks.length && !problems.length) problem(1, 'no events (VEVENT) in the calendar');
  problems.sort((a, b) => a.line - b.line);
  const shown = problems.slice(0, 20).map((p) => `${fileName}:${p.line}: ${p.message}`);
  if (problems.length > 20) shown.push(`${fileName}: ${problems.length - 20} more problems not shown`);
  return { sessions, problems: shown };
}
