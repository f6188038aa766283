// Features across all notes: Go to Talk (talkNotes/workspaceTalks), projects per talk, references and
// definition of names (workspace symbols: symbols.ts).
import type { Location } from 'vscode-languageserver';
import { mentionAt, projectsByTalk } from '../core/features/mentions.ts';
import {
  PROJECTS_IN_FILE,
  REINDEX,
  WORKSPACE_TALKS,
  type FileTalks,
  type TalkInfo,
  type ProjectsInFileParams,
  type TalkProjects,
  type WorkspaceTalksParams,
} from '../protocol.ts';
import type { DocState, Session } from '../session.ts';
import { sessionInfo, sessionOfTalk } from './schedule.ts';
import { mentionRanges } from '../workspace.ts';

export function registerWorkspaceFeatures(session: Session): void {
  const connection = session.connection;
  connection.onRequest(WORKSPACE_TALKS, (params: WorkspaceTalksParams | undefined): FileTalks[] => {
    const words = (params?.query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const matches = (haystack: string): boolean => words.every((w) => haystack.includes(w));
    const program = session.program(session.open()[0]?.settings ?? session.pushedSettings);
    const withSession = (t: TalkInfo): TalkInfo => {
      const scheduled = sessionOfTalk(program, t);
      return scheduled ? { ...t, session: sessionInfo(scheduled, program.venue) } : t;
    };
    return session.allSummaries()
      .map((f) => ({
        uri: f.uri,
        modified: f.modified,
        talks: f.talks.map(withSession).filter((t) => matches(`${t.title} ${t.speaker ?? ''} ${t.subtitle ?? ''} ${t.projects.join(' ')} ${t.session?.room ?? ''}`.toLowerCase())),
      }))
      .filter((f) => f.talks.length || !words.length)
      .sort((a, b) => b.modified - a.modified || a.uri.localeCompare(b.uri));
  });

  connection.onRequest(REINDEX, async () => {
    await session.reindex();
    return session.index.files.size;
  });

  connection.onRequest(PROJECTS_IN_FILE, (params: ProjectsInFileParams): TalkProjects[] => {
    const state = session.states.get(params.uri);
    if (!state) return [];
    const analysis = session.analysisOf(state);
    return projectsByTalk(analysis.outline, analysis.mentions, session.getEngine().catalog).map((p) => ({
      talk: p.talk?.title ?? null,
      line: p.talk ? state.document.positionAt(p.talk.start).line : 0,
      projects: p.projects,
    }));
  });

  /** The known name under the cursor: a mention (right or wrong) or a finding's subject. */
  const nameAt = (state: DocState, offset: number): string | undefined => {
    const analysis = session.analysisOf(state);
    return mentionAt(analysis.mentions, offset)?.name;
  };

  connection.onReferences((params): Location[] => {
    const state = session.states.get(params.textDocument.uri);
    if (!state) return [];
    const name = nameAt(state, state.document.offsetAt(params.position));
    if (!name) return [];
    return session.allSummaries().flatMap((f) => mentionRanges(f.mentions, name).map((range) => ({ uri: f.uri, range })));
  });

  connection.onDefinition((params): Location[] => {
    const state = session.states.get(params.textDocument.uri);
    if (!state) return [];
    const name = nameAt(state, state.document.offsetAt(params.position));
    if (!name) return [];
    // A project has no definition in the notes: its first mention in this file stands for it.
    const [first] = mentionRanges(session.summaryOf(state).mentions, name);
    return first ? [{ uri: state.document.uri, range: first }] : [];
  });

}
