// The conference schedule in the editor: the sessions for "New Talk" (by the clock, each with a snippet in the
// file's style), the session of the talk under the cursor ("Open Talk in Schedule", hover), and the session of
// each talk in the Talks view and Go to Talk.
import { pinnedClock, sessionMarkdown, sessionsByClock, sessionTime, speakerList } from '../core/schedule/program.ts';
import { newTalkSnippet, talkStyle } from '../core/schedule/new-talk.ts';
import type { Session as ScheduledSession } from '../core/schedule/types.ts';
import type { Talk } from '../core/features/talks.ts';
import {
  SCHEDULE_SESSIONS,
  TALK_SESSION,
  type ScheduleSessionsParams,
  type ScheduleSessionsResult,
  type SessionInfo,
  type TalkSessionParams,
} from '../protocol.ts';
import type { DocState, Program, Session } from '../session.ts';

export function sessionInfo(session: ScheduledSession, venue?: number): SessionInfo {
  const info: SessionInfo = { id: session.id, title: session.title, time: sessionTime(session, venue), speakers: speakerList(session) };
  if (session.room) info.room = session.room;
  if (session.url) info.url = session.url;
  return info;
}

/** The talk whose heading or notes hold the offset. */
function talkAt(talks: readonly Talk[], offset: number): Talk | undefined {
  return talks.find((t) => t.start <= offset && offset < Math.max(t.blockEnd, t.end + 1));
}

/** The schedule's session of a talk: matched by its heading and its speaker line. */
export function sessionOfTalk(program: Program, talk: Pick<Talk, 'title' | 'speaker'>): ScheduledSession | undefined {
  return program.index.size ? program.index.match(talk.title, talk.speaker) : undefined;
}

/** Hover on a talk heading that matches a session: the session's time, room, speakers, abstract and link. */
export function talkHover(session: Session, state: DocState, offset: number): { markdown: string; start: number; end: number } | undefined {
  const program = session.program(state.settings);
  if (!program.index.size) return undefined;
  const talk = session.analysisOf(state).outline.talks.find((t) => t.start <= offset && offset <= t.end);
  const scheduled = talk && sessionOfTalk(program, talk);
  return talk && scheduled ? { markdown: sessionMarkdown(scheduled, program.venue), start: talk.start, end: talk.end } : undefined;
}

export function registerScheduleFeatures(session: Session): void {
  const connection = session.connection;

  connection.onRequest(SCHEDULE_SESSIONS, (params: ScheduleSessionsParams): ScheduleSessionsResult => {
    const state = session.states.get(params.uri);
    const settings = state?.settings ?? session.pushedSettings;
    if (!settings.schedules.length) return { sessions: [], message: 'No schedules are set (talkNotes.schedules is empty).' };
    if (!session.folders.length) return { sessions: [], message: 'Schedules are read from the workspace folder: open a folder first.' };
    const program = session.program(settings);
    if (!program.sessions.length) {
      return { sessions: [], message: `No schedule found in the workspace (talkNotes.schedules: ${settings.schedules.join(', ')}). Add one with "Talk Notes: Add Schedule File…".` };
    }
    const text = state ? state.document.getText() : '';
    const style = talkStyle(text, state ? session.analysisOf(state).outline.talkDepth : 0);
    const localOffset = Number(params.localOffset) || 0;
    const now = pinnedClock(settings.scheduleClock, localOffset) ?? (Number.isFinite(params.now) ? params.now : Date.now());
    const sessions = sessionsByClock(program.sessions, now, localOffset).map(({ session: s, when }) => ({
      ...sessionInfo(s, program.venue),
      when,
      snippet: newTalkSnippet(s, style, program.venue),
    }));
    return { sessions, message: '' };
  });

  connection.onRequest(TALK_SESSION, (params: TalkSessionParams): SessionInfo | null => {
    const state = session.states.get(params.uri);
    if (!state) return null;
    const talk = talkAt(session.analysisOf(state).outline.talks, state.document.offsetAt(params.position));
    const scheduled = talk && sessionOfTalk(session.program(state.settings), talk);
    return scheduled ? sessionInfo(scheduled, session.program(state.settings).venue) : null;
  });
}

/** The sessions by the server's clock (or the pinned one), for completion: running now first. */
export function sessionsNow(program: Program, pinned: string): ScheduledSession[] {
  const localOffset = -new Date().getTimezoneOffset();
  const now = pinnedClock(pinned, localOffset) ?? Date.now();
  return sessionsByClock(program.sessions, now, localOffset).map((t) => t.session);
}

export { talkAt };
