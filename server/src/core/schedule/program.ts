// The program as a note-taker meets it: which sessions run now and next by the clock, the session a talk
// heading is about, and how a session reads (its time and room in the venue's clock, its speakers).
import { epochOf, parseIso } from './time.ts';
import type { Session } from './types.ts';

/** Where a session stands against the clock: running, the next to start, later, or over. */
export type When = 'now' | 'next' | 'later' | 'earlier';

export interface TimedSession {
  session: Session;
  when: When;
}

/**
 * The instant a session time means. A floating time (no zone in the export) is the venue's wall clock:
 * `localOffset` is its offset from UTC in minutes (east positive) — the venue's, else the user's own.
 */
function instantOf(iso: string, localOffset: number): number {
  const p = parseIso(iso);
  if (!p) return NaN;
  if (p.offset === undefined) return p.localMs - localOffset * 60000;
  return epochOf(iso);
}

/**
 * The venue's offset from UTC (minutes), as the schedule's zoned times give it (the commonest), or undefined:
 * a floating time in a schedule with zoned ones (a lunch break among talks) is in the venue's zone.
 */
export function venueOffset(sessions: readonly Session[]): number | undefined {
  const counts = new Map<number, number>();
  for (const s of sessions.length > 500 ? sessions.slice(0, 500) : sessions) {
    const offset = parseIso(s.start)?.offset;
    if (typeof offset === 'number') counts.set(offset, (counts.get(offset) ?? 0) + 1);
  }
  let best: number | undefined;
  for (const [offset, n] of counts) if (best === undefined || n > counts.get(best)!) best = offset;
  return best;
}

/** The instant a pinned clock (talkNotes.scheduleClock) names, or undefined when none is pinned or it is no time. */
export function pinnedClock(pinned: string, localOffset = 0): number | undefined {
  if (!pinned.trim()) return undefined;
  const at = instantOf(pinned, localOffset);
  return Number.isNaN(at) ? undefined : at;
}

/**
 * The sessions by the clock: those running now (by start), then the next to start (every session of the first
 * start time to come), the later ones by start, then those over, the most recent first. Sessions without a
 * readable time come last.
 */
export function sessionsByClock(sessions: readonly Session[], now: number, localOffset = 0): TimedSession[] {
  localOffset = venueOffset(sessions) ?? localOffset;
  const timed = sessions.map((session) => {
    const start = instantOf(session.start, localOffset);
    let end = instantOf(session.end, localOffset);
    // An all-day event runs to the end of its day; a session without an end, its start's minute.
    if (parseIso(session.end)?.dateOnly) end = end + (session.end === session.start ? 86_400_000 : 0);
    if (!(end > start)) end = start + 60_000;
    return { session, start, end };
  });
  const running = timed.filter((t) => t.start <= now && now < t.end).sort((a, b) => a.start - b.start);
  const coming = timed.filter((t) => t.start > now).sort((a, b) => a.start - b.start);
  const over = timed.filter((t) => t.end <= now).sort((a, b) => b.start - a.start);
  const unknown = timed.filter((t) => Number.isNaN(t.start));
  const nextStart = coming[0]?.start;
  return [
    ...running.map((t) => ({ session: t.session, when: 'now' as const })),
    ...coming.map((t) => ({ session: t.session, when: t.start === nextStart ? ('next' as const) : ('later' as const) })),
    ...over.map((t) => ({ session: t.session, when: 'earlier' as const })),
    ...unknown.map((t) => ({ session: t.session, when: 'later' as const })),
  ];
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * A session's day and time in the venue's clock, as the export gives them ("Wed 2 Apr, 11:00–11:35"):
 * attendees read the program in the venue's time, wherever their laptop's clock is set.
 */
export function sessionTime(session: Session, venue?: number): string {
  const start = parseIso(session.start);
  if (!start) return '';
  // A time given in UTC or another zone than the venue's is shown in the venue's clock.
  const shift = (t: { offset: number | 'Z' | undefined }): number => {
    const offset = t.offset === 'Z' ? 0 : t.offset;
    return venue === undefined || offset === undefined ? 0 : (venue - offset) * 60000;
  };
  start.localMs += shift(start);
  const d = new Date(start.localMs);
  const day = `${DAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
  if (start.dateOnly) return day;
  const end = parseIso(session.end);
  if (end) end.localMs += shift(end);
  const from = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  if (!end || end.localMs <= start.localMs || end.dateOnly) return `${day}, ${from}`;
  const e = new Date(end.localMs);
  return `${day}, ${from}–${pad(e.getUTCHours())}:${pad(e.getUTCMinutes())}`;
}

/** The speakers as a speaker line lists them: "Jane Doe (Acme), John Roe". */
export function speakerList(session: Session): string {
  return session.speakers.map((s) => (s.company ? `${s.name} (${s.company})` : s.name)).join(', ');
}

/** Words a title match ignores: they say nothing of which talk it is. */
const STOP_WORDS = new Set(
  'a an the of and or to in on for with at by from into is are be how what why when where who we our your you i it its this that vs via about using use'.split(' '),
);

/** A title's words for matching: lowercase, accents and punctuation gone, stop words dropped. */
export function titleWords(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1 && !STOP_WORDS.has(w));
}

/** How two titles' distinct words overlap: the words in common and Dice's coefficient (1 for the same words). */
function overlap(a: readonly string[], b: ReadonlySet<string>): { common: number; dice: number; ofHeading: number } {
  const mine = new Set(a);
  if (!mine.size || !b.size) return { common: 0, dice: 0, ofHeading: 0 };
  let common = 0;
  for (const w of mine) if (b.has(w)) common++;
  return { common, dice: (2 * common) / (mine.size + b.size), ofHeading: common / mine.size };
}

/** A heading this close to a title is that talk… */
const SAME_TITLE = 0.6;
/** …or one that is a title cut short ("Scaling Ferrowheel" for "Scaling Ferrowheel: Batch Jobs and…"): this much
 * of the heading in the title, two words at least, and a third of the title… */
const SHORT_TITLE = 0.75;
const SHORT_TITLE_OF_TITLE = 0.3;
/** …or this close (or all but a word of it in the title) when it or its speaker line names one of the session's speakers. */
const SAME_TITLE_WITH_SPEAKER = 0.3;

interface IndexedSession {
  session: Session;
  words: Set<string>;
  /** The speakers' name words (given names and surnames). */
  speakerWords: Set<string>;
}

/** Sessions looked up by a talk's heading (and speaker): notes rarely copy a title exactly. */
export class SessionIndex {
  private readonly byWord = new Map<string, IndexedSession[]>();
  readonly size: number;

  constructor(sessions: readonly Session[]) {
    this.size = sessions.length;
    for (const session of sessions) {
      const entry: IndexedSession = {
        session,
        words: new Set(titleWords(session.title)),
        speakerWords: new Set(session.speakers.flatMap((s) => titleWords(s.name))),
      };
      for (const w of new Set([...entry.words, ...entry.speakerWords])) {
        let list = this.byWord.get(w);
        if (!list) this.byWord.set(w, (list = []));
        list.push(entry);
      }
    }
  }

  /**
   * The session a talk heading is about, or undefined. The heading's words that name the session's speakers
   * ("Title — Jane Doe") count for the speaker, not against the title.
   */
  match(heading: string, speaker?: string): Session | undefined {
    const words = titleWords(heading);
    const named = new Set([...words, ...(speaker ? titleWords(speaker) : [])]);
    const seen = new Set<IndexedSession>();
    let best: { score: number; session: Session } | undefined;
    for (const w of named) {
      for (const entry of this.byWord.get(w) ?? []) {
        if (seen.has(entry)) continue;
        seen.add(entry);
        const titlePart = words.filter((x) => !entry.speakerWords.has(x) || entry.words.has(x));
        const { common, dice, ofHeading } = overlap(titlePart, entry.words);
        const bySpeaker = [...entry.speakerWords].some((x) => named.has(x) && !entry.words.has(x));
        const cutShort = common >= 2 && ofHeading >= SHORT_TITLE && common / entry.words.size >= SHORT_TITLE_OF_TITLE;
        const withSpeaker = bySpeaker && (dice >= SAME_TITLE_WITH_SPEAKER || (common >= 1 && ofHeading >= SHORT_TITLE));
        if (!(dice >= SAME_TITLE || cutShort || withSpeaker)) continue;
        const ranked = dice + ofHeading / 2 + (bySpeaker ? 0.25 : 0);
        if (!best || ranked > best.score) best = { score: ranked, session: entry.session };
      }
    }
    return best?.session;
  }
}

/** A session's hover text (Markdown): title, time and room, speakers, the start of its abstract, its link. */
export function sessionMarkdown(session: Session, venue?: number): string {
  const lines = [`**${escapeMarkdown(session.title)}**`];
  const where = [sessionTime(session, venue), session.room].filter(Boolean).join(' · ');
  if (where) lines.push(escapeMarkdown(where));
  if (session.speakers.length) lines.push(`${session.speakers.length > 1 ? 'Speakers' : 'Speaker'}: ${escapeMarkdown(speakerList(session))}`);
  if (session.abstract) {
    const text = session.abstract.replace(/\s+/g, ' ').trim();
    lines.push(escapeMarkdown(text.length > 300 ? `${text.slice(0, 300).replace(/\s+\S*$/, '')}…` : text));
  }
  if (session.url && /^https?:\/\//i.test(session.url)) lines.push(`[Open in the schedule](${session.url})`);
  return lines.join('\n\n');
}

function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}
