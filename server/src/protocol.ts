// Custom requests and notifications between the Talk Notes client and server, beyond standard LSP.
// Types only (plus method names), so the client can import it without pulling in server code.

export interface Pos {
  line: number;
  character: number;
}

export interface Rng {
  start: Pos;
  end: Pos;
}

export interface SectionInfo {
  title: string;
  /** The whole section (up to the next heading of its depth). */
  range: Rng;
  /** The heading. */
  selectionRange: Rng;
  sections: SectionInfo[];
}

export interface TalkInfo {
  title: string;
  speaker?: string;
  subtitle?: string;
  /** The schedule's session this talk is (by title and speakers), when a schedule is loaded. */
  session?: SessionInfo;
  range: Rng;
  selectionRange: Rng;
  /** Projects mentioned in the talk (canonical names, most mentioned first). */
  projects: string[];
  sections: SectionInfo[];
}

export interface FileTalks {
  uri: string;
  /** Last modification (ms since epoch): open documents count as just modified. */
  modified: number;
  talks: TalkInfo[];
}

/** Request: talks of every notes file in the workspace, most recently modified file first. */
export const WORKSPACE_TALKS = 'talkNotes/workspaceTalks';
export interface WorkspaceTalksParams {
  /** Words that must all appear in the title, speaker or projects (case-insensitive); empty for all. */
  query?: string;
}

/** Notification from the server: the talks of some file changed (the Talks view refreshes). */
export const TALKS_CHANGED = 'talkNotes/talksChanged';

/** Request: projects mentioned per talk of one file. */
export const PROJECTS_IN_FILE = 'talkNotes/projectsInFile';
export interface ProjectsInFileParams {
  uri: string;
}
export interface TalkProjects {
  /** The talk's title, or null for notes before the first talk. */
  talk: string | null;
  line: number;
  projects: { name: string; count: number }[];
}

/** Request: re-index the workspace (the Talks view's refresh button). */
export const REINDEX = 'talkNotes/reindex';

/**
 * Request: the edits Fix All would make in one file (name fixes, plus English spelling if the file's
 * talkNotes.fixAll.include asks; none in speaker lines), for the client to apply with a preview and a summary.
 */
export const FIX_ALL_PLAN = 'talkNotes/fixAllPlan';
export interface FixAllPlanParams {
  uri: string;
}
export interface FixAllPlanEdit {
  range: Rng;
  newText: string;
  /** The text replaced. */
  wrong: string;
  kind: 'names' | 'spelling';
}
export interface FixAllPlanResult {
  /** The document version the edits are for. */
  version: number;
  edits: FixAllPlanEdit[];
  /** What talkNotes.fixAll.include allowed. */
  include: ('names' | 'spelling')[];
  /** Fixes left for the user, as a sentence ('' when none). */
  leftOver: string;
}

/** The schedule's facts about a session, as the Talks view and the New Talk picker show them. */
export interface SessionInfo {
  id: string;
  title: string;
  /** Day and time in the venue's clock ("Wed 2 Apr, 11:00–11:35"). */
  time: string;
  room?: string;
  /** "Jane Doe (Acme), John Roe". */
  speakers: string;
  url?: string;
}

/** Request: the schedule's sessions for "New Talk", ordered by the clock, each with its snippet for the file. */
export const SCHEDULE_SESSIONS = 'talkNotes/scheduleSessions';
export interface ScheduleSessionsParams {
  uri: string;
  /** The clock (ms since epoch): the user's, or the one pinned by talkNotes.scheduleClock. */
  now: number;
  /** The user's offset from UTC in minutes (east positive), for schedules with floating times. */
  localOffset: number;
}
export interface ScheduledSessionItem extends SessionInfo {
  when: 'now' | 'next' | 'later' | 'earlier';
  /** The talk heading, speakers and time lines in the file's style (snippet syntax). */
  snippet: string;
}
export interface ScheduleSessionsResult {
  sessions: ScheduledSessionItem[];
  /** Why there are none, for the user ('' when there are). */
  message: string;
}

/** Request: the schedule's session of the talk at a position (for "Open Talk in Schedule"), or null. */
export const TALK_SESSION = 'talkNotes/talkSession';
export interface TalkSessionParams {
  uri: string;
  position: Pos;
}

/**
 * Notification from the web client, whose server cannot read the workspace itself: the contents of the notes,
 * dictionary, schedule and catalog files (read through vscode.workspace.fs), and which were deleted. `reset`:
 * these are all of them (at start, on refresh and when settings change).
 */
export const WORKSPACE_FILES = 'talkNotes/workspaceFiles';
export interface WorkspaceFile {
  uri: string;
  text: string;
  /** ms since the epoch. */
  modified: number;
  /** Bytes (a file too large to send comes with its size and no text). */
  size: number;
}
export interface WorkspaceFilesParams {
  reset?: boolean;
  files: WorkspaceFile[];
  deleted?: string[];
}

/** Request from the web server: write a file (the workspace dictionary) through vscode.workspace.fs. */
export const WRITE_FILE = 'talkNotes/writeFile';
export interface WriteFileParams {
  uri: string;
  text: string;
}

/** Notification from the client: the ranges of a document on screen (its problems there are shown first). */
export const VISIBLE_RANGES = 'talkNotes/visibleRanges';
export interface VisibleRangesParams {
  uri: string;
  ranges: Rng[];
}

/**
 * Notification from the server: how many problems of a document are shown of how many (talkNotes.maxProblems);
 * `shown === total` when all are (the client's notice goes away).
 */
export const PROBLEM_CAP = 'talkNotes/problemCap';
export interface ProblemCapParams {
  uri: string;
  shown: number;
  total: number;
  limit: number;
}

/** Request: every problem of a document, past the cap ("List All Problems"). */
export const ALL_PROBLEMS = 'talkNotes/allProblems';
export interface AllProblemsParams {
  uri: string;
}
export interface ListedProblem {
  range: Rng;
  message: string;
  /** LSP DiagnosticSeverity: 1 error … 4 hint. */
  severity: number;
  code: string;
}
