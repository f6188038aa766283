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
