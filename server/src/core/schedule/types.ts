// A conference schedule as Talk Notes uses it: sessions with their speakers, read from an iCalendar export or
// Pretalx's frab-compatible schedule.json (ical.ts, pretalx.ts). Plain data: the core reads text, never files.

export interface Speaker {
  name: string;
  company?: string;
}

export interface Session {
  /** The export's own id (iCalendar UID, Pretalx code or guid); else made from the file's line. */
  id: string;
  title: string;
  speakers: Speaker[];
  /**
   * ISO 8601. With an offset ("2025-04-02T11:00:00+01:00") or Z when the time zone is known; without one for
   * a floating time (the venue's clock, zone unknown); a date alone ("2025-04-02") for an all-day event.
   */
  start: string;
  /** As `start`; equal to it when the export gives no end or duration. */
  end: string;
  room?: string;
  url?: string;
  abstract?: string;
  /** Line of the file where the session starts (1-based), for messages. */
  line?: number;
}

export interface ParsedSchedule {
  sessions: Session[];
  /** One line per problem, "file:line: what" (no line when none applies); what parsed is kept. */
  problems: string[];
  /** The text is no schedule of a known format at all (rather than a broken one): a file a glob caught by chance. */
  foreign?: boolean;
}

/** Schedules bigger than this are not read: a conference's program is a few MB at most. */
export const MAX_SCHEDULE_CHARS = 16 * 1024 * 1024;
/** …and at most this many sessions are kept from one file. */
export const MAX_SESSIONS = 20_000;
