// Fix All over LSP, from the core's plan of which fixes are safe in bulk (core/check/fix-all.ts): the edits of
// the fix-all code actions (and so of fix on save), the talkNotes/fixAllPlan request that the VS Code client
// applies with a preview and a summary, and the talkNotes.applyFixAll command for other editors.
import type { ChangeAnnotation, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { toTextEdit } from '../convert.ts';
import { fixAllLeftOver, fixAllSummary, planFixAll, type FixAllPlan } from '../core/check/fix-all.ts';
import { FIX_ALL_PLAN, type FixAllPlanParams, type FixAllPlanResult } from '../protocol.ts';
import type { DocState, Session } from '../session.ts';

export const FIX_ALL_COMMAND = 'talkNotes.applyFixAll';
/** More edits than this are shown for confirmation first (VS Code opens its refactor preview). */
export const PREVIEW_OVER = 5;

// Plans per check: a big file's plan takes tens of milliseconds, and the lightbulb asks for it at every move
// of the cursor over a problem.
const plans = new WeakMap<object, { include: string; plan: FixAllPlan }>();

export function fixAllPlanOf(session: Session, state: DocState): FixAllPlan {
  const analysis = session.analysisOf(state);
  const include = state.settings.fixAllInclude.join();
  let memo = plans.get(analysis);
  if (memo?.include !== include) {
    memo = { include, plan: planFixAll(analysis, session.engineFor(state.document.uri, state.settings).catalog, state.settings.fixAllInclude) };
    plans.set(analysis, memo);
  }
  return memo.plan;
}

export function fixAllTextEdits(plan: FixAllPlan, state: DocState): TextEdit[] {
  return plan.edits.map((e) => toTextEdit(e, state.document));
}

export function registerFixAll(session: Session): void {
  session.connection.onRequest(FIX_ALL_PLAN, (params: FixAllPlanParams): FixAllPlanResult | null => {
    const state = session.states.get(params?.uri);
    if (!state) return null;
    const plan = fixAllPlanOf(session, state);
    return {
      version: state.document.version,
      edits: plan.edits.map((e) => ({ ...toTextEdit(e, state.document), wrong: e.wrong, kind: e.kind })),
      include: state.settings.fixAllInclude,
      leftOver: fixAllLeftOver(plan),
    };
  });
}

/**
 * The command for editors other than VS Code (whose client applies the plan itself): applies the plan, asking
 * for confirmation through change annotations when it is long and the client supports them, and says what it did.
 */
export async function applyFixAll(session: Session, uri: string): Promise<{ applied: boolean; fixed: number } | undefined> {
  const state = session.states.get(uri);
  if (!state) return undefined;
  const plan = fixAllPlanOf(session, state);
  const include = state.settings.fixAllInclude;
  const leftOver = fixAllLeftOver(plan);
  const say = (text: string): void => void session.connection.window.showInformationMessage(`Talk Notes: ${text}${leftOver ? ` ${leftOver}` : ''}`);
  if (!plan.edits.length) {
    say(`${fixAllSummary([], include)}.`);
    return { applied: false, fixed: 0 };
  }
  const edits = fixAllTextEdits(plan, state);
  let edit: WorkspaceEdit = { changes: { [uri]: edits } };
  if (session.canAnnotate && edits.length > PREVIEW_OVER) {
    const annotations: Record<string, ChangeAnnotation> = {};
    for (const e of plan.edits) annotations[e.kind] ??= { label: e.kind === 'names' ? 'Name fixes' : 'English spelling fixes', needsConfirmation: true };
    edit = {
      documentChanges: [{ textDocument: { uri, version: state.document.version }, edits: edits.map((e, k) => ({ ...e, annotationId: plan.edits[k].kind })) }],
      changeAnnotations: annotations,
    };
  }
  const { applied } = await session.connection.workspace.applyEdit({ label: 'Talk Notes: Fix All', edit });
  if (applied) say(`${fixAllSummary(plan.edits, include)}. Undo reverts them.`);
  return { applied, fixed: applied ? edits.length : 0 };
}
