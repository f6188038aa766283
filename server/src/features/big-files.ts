// Big files, whose problems are capped at talkNotes.maxProblems: the client says what is on screen (those
// problems are shown first), the server says how many are shown of how many (a status-bar notice in VS Code),
// and "List All Problems" asks for every one.
import { toDiagnostic } from '../convert.ts';
import { ALL_PROBLEMS, VISIBLE_RANGES, type AllProblemsParams, type ListedProblem, type VisibleRangesParams } from '../protocol.ts';
import type { Session } from '../session.ts';

/** Most ranges taken from one notification (an editor shows a few; split editors a few more). */
const MAX_RANGES = 16;

export function registerBigFileFeatures(session: Session): void {
  const connection = session.connection;

  connection.onNotification(VISIBLE_RANGES, (params: VisibleRangesParams) => {
    const state = session.states.get(params?.uri);
    if (!state || !Array.isArray(params.ranges)) return;
    const { document } = state;
    state.visible = params.ranges.slice(0, MAX_RANGES).map((r) => ({ start: document.offsetAt(r.start), end: document.offsetAt(r.end) }));
    // Only a capped list changes with what is on screen (the check itself is reused).
    if (state.capped) session.schedule(document.uri);
  });

  connection.onRequest(ALL_PROBLEMS, (params: AllProblemsParams): ListedProblem[] => {
    const state = session.states.get(params?.uri);
    if (!state) return [];
    const analysis = session.analysisOf(state);
    return analysis.findings.flatMap((f) => {
      const d = toDiagnostic(f, state.document, state.settings);
      return d ? [{ range: d.range, message: d.message, severity: d.severity ?? 3, code: String(d.code ?? f.code) }] : [];
    });
  });
}
