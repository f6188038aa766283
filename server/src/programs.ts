// The conference schedules as the server uses them (talkNotes.schedules): the speakers and companies they make
// known, their sessions indexed by title (New Talk, hover, the Talks view), and the speakers of the talks a
// file's headings name, which that file learns as its own.
import type { Analysis, Engine } from './core/check/document.ts';
import type { Settings } from './core/check/settings.ts';
import { SessionIndex, venueOffset } from './core/schedule/program.ts';
import { speakersOfTalks } from './core/schedule/talk-speakers.ts';
import { titleNames } from './core/schedule/schedule.ts';
import type { Session as ScheduledSession } from './core/schedule/types.ts';
import type { ScheduleFiles } from './schedule-files.ts';

/** The sessions of the schedules and their index by title. */
export interface Program {
  sessions: readonly ScheduledSession[];
  index: SessionIndex;
  /** The venue's offset from UTC in minutes, when the schedule's times give it. */
  venue?: number;
}

/** What a document remembers of its talks' speakers (see Programs.talkSpeakers). */
export interface TalkSpeakers {
  outline: string;
  program: Program;
  names: readonly string[];
}

/** The names of the sessions' titles (schedule.ts titleNames) that the engine does not know as words or names. */
export function knownTitleNames(sessions: readonly ScheduledSession[], engine: Engine): string[] {
  return titleNames(sessions, (word) => engine.words.isWord(word) || engine.catalog.lookup(word).length > 0);
}

const NO_PROGRAM: Program = { sessions: [], index: new SessionIndex([]) };
const NO_SPEAKERS: readonly string[] = [];

export class Programs {
  private readonly programs = new WeakMap<object, Program>();
  private readonly names_ = new WeakMap<object, string[]>();

  constructor(
    private readonly schedules: ScheduleFiles,
    private readonly folders: () => readonly string[],
    private readonly engine: () => Engine,
  ) {}

  private foldersFor(settings: Settings): readonly string[] {
    return settings.scheduleFolder ? [settings.scheduleFolder] : this.folders();
  }

  /** Speakers and companies of the workspace's schedules. */
  names(settings: Settings): string[] {
    const folders = this.foldersFor(settings);
    if (!settings.schedules.length || !folders.length) return [];
    const engine = this.engine();
    const loaded = this.schedules.load(folders, settings.schedules, engine.catalog);
    let names = this.names_.get(loaded);
    if (!names) this.names_.set(loaded, (names = [...loaded.names, ...knownTitleNames(loaded.sessions, engine)]));
    return names;
  }

  /** The sessions of the workspace's schedules, with an index to match talk headings (empty without any). */
  program(settings: Settings): Program {
    const folders = this.foldersFor(settings);
    if (!settings.schedules.length || !folders.length) return NO_PROGRAM;
    const loaded = this.schedules.load(folders, settings.schedules, this.engine().catalog);
    let program = this.programs.get(loaded);
    if (!program) this.programs.set(loaded, (program = { sessions: loaded.sessions, index: new SessionIndex(loaded.sessions), venue: venueOffset(loaded.sessions) }));
    return program;
  }

  /**
   * The schedule's speakers of a file's talks (a talk heading that names a session), as of an analysis: the
   * same list (identical) while its outline and the schedule are unchanged. `memo` is the document's.
   */
  talkSpeakers(settings: Settings, analysis: Analysis | undefined, memo: { talkSpeakers?: TalkSpeakers }): readonly string[] {
    const program = this.program(settings);
    const had = memo.talkSpeakers;
    if (!program.index.size || !analysis) return program.index.size && had ? had.names : NO_SPEAKERS;
    if (had && had.outline === analysis.outlineVersion && had.program === program) return had.names;
    const sorted = speakersOfTalks(analysis.outline.talks, program.index);
    const same = had && had.names.length === sorted.length && had.names.every((n, k) => n === sorted[k]);
    memo.talkSpeakers = { outline: analysis.outlineVersion, program, names: same ? had.names : sorted };
    return memo.talkSpeakers.names;
  }
}
