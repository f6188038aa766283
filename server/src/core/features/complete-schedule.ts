// Completion from the conference schedule: session titles on a talk heading line ("## Sca" → "Scaling
// Prometheus…"), speakers' names on a speaker line ("Speaker: Ja" → "Jane Doe (Acme)"), those of the talk's own
// session first.
import { sessionTime, speakerList, titleWords } from '../schedule/program.ts';
import type { Session } from '../schedule/types.ts';
import type { CompletionEntry } from './complete.ts';

export interface ScheduleCompletionContext {
  /** The sessions in the order to offer them (by the clock: running now first). */
  sessions: readonly Session[];
  /** The heading level of the file's talks (0 when it has none yet: any level is taken as a talk). */
  talkDepth: number;
  /** The schedule's session of the talk the cursor is in: its speakers come first. */
  talkSession?: Session;
  /** The venue's offset from UTC in minutes, to show times in its clock. */
  venue?: number;
}

const MAX_ITEMS = 25;
const HEADING = /^(#{1,6})[ \t]+(.*)$/;
const SPEAKER_LABEL = /^[\s>*_+-]*(?:speakers?|presenters?|speaker\(s\)|presenter\(s\)|panelists?|moderators?)[*_]*\s*[:\-–—][*_]*\s*/i;

/** Whether every typed word starts a word of the text (words as titleWords makes them). */
function startsWords(typed: readonly string[], words: readonly string[]): boolean {
  return typed.every((t) => words.some((w) => w.startsWith(t)));
}

function entry(label: string, detail: string, start: number, end: number, rank: number, typed: string): CompletionEntry {
  return { label, detail, start, end, sortText: String(rank).padStart(4, '0'), filterText: `${typed}${label}` };
}

/** Whether the line at `offset` is one the schedule completes (a heading or a speaker line): cheap, per keystroke. */
export function onScheduleLine(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, Math.min(offset, lineStart + 300));
  return HEADING.test(before) || SPEAKER_LABEL.test(before);
}

export function completeFromSchedule(text: string, offset: number, ctx: ScheduleCompletionContext): CompletionEntry[] {
  if (!ctx.sessions.length) return [];
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  if (before.length > 300) return [];
  const heading = HEADING.exec(before);
  if (heading) {
    if (ctx.talkDepth && heading[1].length !== ctx.talkDepth) return [];
    const typed = heading[2];
    const words = titleWords(typed);
    if (!words.length) return [];
    const start = offset - typed.length;
    const items: CompletionEntry[] = [];
    for (const s of ctx.sessions) {
      if (!startsWords(words, titleWords(`${s.title} ${s.speakers.map((p) => p.name).join(' ')} ${s.room ?? ''}`))) continue;
      const detail = [sessionTime(s, ctx.venue), s.room, speakerList(s)].filter(Boolean).join(' · ');
      items.push(entry(s.title, detail, start, offset, items.length, typed));
      if (items.length >= MAX_ITEMS) break;
    }
    return items;
  }
  const label = SPEAKER_LABEL.exec(before);
  if (!label) return [];
  // The name being typed: after the label, or after the last "," "&" or "and" of a list.
  const rest = before.slice(label[0].length);
  const piece = /(?:^|,\s*|&\s*|\band\s+)([^,&]*)$/.exec(rest)!;
  const typed = piece[1];
  const start = offset - typed.length;
  const words = titleWords(typed);
  const own = new Set(ctx.talkSession?.speakers.map((p) => p.name) ?? []);
  // Without a typed letter only the talk's own speakers are offered; names from the whole program need two.
  if (!words.length && !own.size) return [];
  const items: CompletionEntry[] = [];
  const seen = new Set<string>();
  const offer = (name: string, company: string | undefined, ownTalk: boolean): void => {
    if (seen.has(name) || items.length >= MAX_ITEMS) return;
    if (!startsWords(words, titleWords(name))) return;
    if (!ownTalk && typed.trim().length < 2) return;
    seen.add(name);
    const label = company ? `${name} (${company})` : name;
    items.push(entry(label, ownTalk ? 'speaker of this talk' : 'speaker in the schedule', start, offset, items.length, typed));
  };
  for (const p of ctx.talkSession?.speakers ?? []) offer(p.name, p.company, true);
  for (const s of ctx.sessions) for (const p of s.speakers) offer(p.name, p.company, false);
  return items;
}
