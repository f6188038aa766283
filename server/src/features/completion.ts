// Completion of names (textDocument/completion, completionItem/resolve): the LSP side of core/features/complete.ts.
// It hands the core what ranks a name: the community counts of the catalog, and the names used in this document
// and in the workspace's other notes.
import { toCompletionItem } from '../convert.ts';
import { completeNames, completionCard, type CompletionEntry, type CompletionOptions } from '../core/features/complete.ts';
import { completeFromSchedule, onScheduleLine } from '../core/features/complete-schedule.ts';
import { sessionOfTalk, sessionsNow, talkAt } from './schedule.ts';
import type { FileSummary } from '../workspace.ts';
import type { DocState, Session } from '../session.ts';

/** In how many indexed files each name is mentioned; recounted only when the index's summaries change. */
class WorkspaceUse {
  private summaries: FileSummary[] = [];
  private counts = new Map<string, number>();

  of(files: Iterable<FileSummary>, skipUri: string): ReadonlyMap<string, number> {
    const now = [...files].filter((f) => f.uri !== skipUri);
    if (now.length === this.summaries.length && now.every((f, k) => f === this.summaries[k])) return this.counts;
    this.summaries = now;
    this.counts = new Map();
    for (const f of now) for (const name of new Set(f.mentions.names)) this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    return this.counts;
  }
}

/** How often a document mentions each name, as of its last check (recounted at most every two seconds). */
const usedInDocument = new WeakMap<DocState, { at: number; counts: Map<string, number> }>();

function usedHere(state: DocState): ReadonlyMap<string, number> {
  const had = usedInDocument.get(state);
  const analysis = state.analysis;
  // An analysis older than the text cannot list its mentions: the last counts serve until the next check.
  if (!analysis || state.analyzedVersion !== state.document.version || (had && Date.now() - had.at < 2000)) return had?.counts ?? NONE;
  const counts = new Map<string, number>();
  for (const m of analysis.mentions) counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
  usedInDocument.set(state, { at: Date.now(), counts });
  return counts;
}
const NONE: ReadonlyMap<string, number> = new Map();

/** Session titles on a talk heading, speakers on a speaker line: from the schedule, ranked before names. */
function scheduleCompletions(session: Session, state: DocState, text: string, offset: number): CompletionEntry[] {
  // Most keystrokes are in prose: the program is ordered by the clock only on a heading or speaker line.
  if (!onScheduleLine(text, offset)) return [];
  const program = session.program(state.settings);
  if (!program.sessions.length) return [];
  const outline = state.analysis?.outline;
  const talk = outline && talkAt(outline.talks, offset);
  const items = completeFromSchedule(text, offset, {
    sessions: sessionsNow(program, state.settings.scheduleClock),
    talkDepth: outline?.talkDepth ?? 0,
    venue: program.venue,
    talkSession: talk ? sessionOfTalk(program, talk) : undefined,
  });
  // Before every name: sort texts of the names start with a letter or digit too, so mark these first.
  return items.map((c) => ({ ...c, sortText: ` ${c.sortText}` }));
}

export function registerCompletion(session: Session): void {
  const connection = session.connection;
  const workspaceUse = new WorkspaceUse();

  connection.onCompletion((params) => {
    const state = session.states.get(params.textDocument.uri);
    if (!state || state.binary || state.loading) return { isIncomplete: true, items: [] };
    const { document } = state;
    // Completion never waits for a check: it uses the names learned and mentioned at the last one.
    const analysis = state.analysis;
    const engine = session.getEngine();
    const catalogs = analysis ? [analysis.learned, engine.catalog] : [engine.catalog];
    const options: CompletionOptions = {
      community: engine.catalog.community,
      usedHere: usedHere(state),
      usedElsewhere: workspaceUse.of(session.index.files.values(), document.uri),
      words: engine.words,
    };
    // The whole text (joined once per edit, flat): whether a code fence or front matter is open at the cursor is
    // seen from the start. (A slice up to the cursor would be thousands of pieces to flatten on every keystroke.)
    const offset = document.offsetAt(params.position);
    const text = document.getText();
    const result = completeNames(text, offset, catalogs, options);
    const fromSchedule = scheduleCompletions(session, state, text, offset);
    const items = [...fromSchedule, ...result.items];
    return { isIncomplete: result.isIncomplete, items: items.map((c) => toCompletionItem(c, document)) };
  });

  connection.onCompletionResolve((item) => {
    const name = (item.data as { name?: unknown } | undefined)?.name;
    const card = typeof name === 'string' ? completionCard(name, [session.getEngine().catalog]) : undefined;
    return card ? { ...item, documentation: { kind: 'markdown', value: card } } : item;
  });
}
