// What "Fix All" may change without the user looking at each fix: only fixes with one clear choice, name fixes
// unless English spelling is asked for too, and nothing in a speaker line or on a name the file gives a
// speaker ("Speaker: Lee Calcote, Layer5" must never become "Lee Calcite"). The editor command, the
// fix-all code actions and fix-on-save all follow this plan; each skipped kind is counted for the summary.
import type { Catalog } from '../names/catalog.ts';
import { nameKey } from '../names/catalog.ts';
import { peopleAtLineStart } from '../names/learn.ts';
import type { Outline } from '../features/talks.ts';
import { LineIndex } from '../positions.ts';
import type { Finding } from '../types.ts';
import { speakerIn } from './analysis.ts';
import { fixEdit, type TextEdit } from './fixes.ts';
import { DEFAULT_FIX_ALL_INCLUDE, type FixAllKind } from './settings.ts';

export type { FixAllKind };


export interface PlannedEdit extends TextEdit {
  kind: FixAllKind;
  /** The text replaced. */
  wrong: string;
}

export interface FixAllPlan {
  /** Sorted, not overlapping. */
  edits: PlannedEdit[];
  /** Fixes left for the user, by reason. */
  skipped: {
    /** In a speaker line, or on a name the file uses for a speaker. */
    speaker: number;
    /** Several possible fixes and none clearly right. */
    unclear: number;
    /** English spelling, not in talkNotes.fixAll.include. */
    spelling: number;
  };
}

/** What the plan reads from a check (an Analysis has it all). */
export interface FixAllInput {
  text: string;
  findings: readonly Finding[];
  outline: Outline;
  learned: Catalog;
}

// "Speaker: …", "**Presenters** — …", "- Moderated by: …": a labelled speaker line, whatever follows the label.
// Matched over the whole text at once (one pass of the regex engine, not one call per line of a big file).
const SPEAKER_LABEL = /^[ \t>*_#+-]*(?:\d+[.)][ \t]*)?[*_]*(?:speakers?|presenters?|presented by|moderators?|moderated by|panel(?:ists?)?|hosts?|hosted by|keynote by|talk by)[*_]*[ \t]*[:：—–-]/gim;
// "by Name": a speaker line only when a person's name follows.
const BY = /^[ \t>*_-]*by[ \t]/gim;
const HEADING_MARKS = /^\s{0,3}#{1,6}\s+/;

export function planFixAll(input: FixAllInput, catalog: Catalog, include: readonly FixAllKind[] = DEFAULT_FIX_ALL_INCLUDE): FixAllPlan {
  const plan: FixAllPlan = { edits: [], skipped: { speaker: 0, unclear: 0, spelling: 0 } };
  const candidates = [...input.findings].filter((f) => f.fixes.length && f.fixes[0] !== f.wrong).sort((a, b) => a.start - b.start || b.end - a.end);
  if (!candidates.length) return plan;
  const lines = new LineIndex(input.text);
  const speakers = speakerFacts(input, catalog, lines);
  let lastEnd = -1;
  for (const f of candidates) {
    // Short forms (k8s) are accepted writing, not slips: never fixed in bulk, not counted as left over.
    if (f.code === 'short-form') continue;
    const kind: FixAllKind = f.code === 'spelling' ? 'spelling' : 'names';
    const included = include.includes(kind);
    if (!f.preferred) {
      if (included) plan.skipped.unclear++;
      continue;
    }
    if (!included) {
      if (kind === 'spelling') plan.skipped.spelling++;
      continue;
    }
    if (speakers.lines.has(lines.positionAt(f.start).line) || speakers.touches(f)) {
      plan.skipped.speaker++;
      continue;
    }
    if (f.start < lastEnd) continue;
    plan.edits.push({ ...fixEdit(f), kind, wrong: f.wrong });
    lastEnd = f.end;
  }
  return plan;
}

interface SpeakerFacts {
  /** Line numbers of speaker lines. */
  lines: Set<number>;
  /** Whether a finding would change the letters of a speaker's name (a casing fix of it is fine). */
  touches(f: Finding): boolean;
}

/**
 * Speaker lines: labelled ones anywhere ("Speaker: …", "by Name"), and the lines the outline took a talk's
 * speaker from (a name heading or one of the first two lines under a talk heading, as buildOutline reads them).
 */
function speakerFacts(input: FixAllInput, catalog: Catalog, lines: LineIndex): SpeakerFacts {
  const { text, outline, learned } = input;
  const found = new Set<number>();
  const names = new Set<string>();
  const lineText = (n: number): string => text.slice(lines.lineStart(n), lines.lineEnd(n));
  const addNames = (line: string): void => {
    for (const p of peopleAtLineStart(line)) addName(names, p.name);
  };
  for (const re of [SPEAKER_LABEL, BY]) {
    for (const m of text.matchAll(re)) {
      const n = lines.positionAt(m.index).line;
      const line = lineText(n);
      if (re === BY && !peopleAtLineStart(line).length) continue;
      found.add(n);
      addNames(line);
    }
  }
  for (const talk of outline.talks) {
    if (!talk.speaker) continue;
    for (const name of talk.speaker.split(' & ')) addName(names, name);
    // The heading's own line, then up to two lines of what follows it (blank lines skipped).
    let n = lines.positionAt(talk.end).line + 1;
    while (n < lines.lineCount && !lineText(n).trim()) n++;
    for (let k = 0; k < 2 && n < lines.lineCount; k++, n++) {
      const line = lineText(n);
      if (!line.trim()) break;
      const heading = HEADING_MARKS.test(line);
      const bare = line.replace(HEADING_MARKS, '');
      if (speakerIn(bare, catalog, learned)) {
        found.add(n);
        addNames(bare);
      }
      if (heading) break;
    }
  }
  return {
    lines: found,
    touches(f: Finding): boolean {
      const wrong = nameKey(f.wrong);
      return names.has(wrong) && nameKey(f.fixes[0]) !== wrong;
    },
  };
}

/** A speaker's full name and each of its words (surnames are mentioned alone), as keys. */
function addName(names: Set<string>, name: string): void {
  names.add(nameKey(name));
  for (const word of name.split(/\s+/)) if (word.length > 2) names.add(nameKey(word));
}

/** "Fixed 3 names in this file", "Fixed 2 names and 1 spelling in this file", or "No names to fix in this file". */
export function fixAllSummary(edits: readonly { kind: FixAllKind }[], include: readonly FixAllKind[] = DEFAULT_FIX_ALL_INCLUDE): string {
  const names = edits.filter((e) => e.kind === 'names').length;
  const spelling = edits.length - names;
  const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
  if (!edits.length) return include.includes('spelling') ? 'No names or spellings to fix in this file' : 'No names to fix in this file';
  const parts = [names || !spelling ? count(names, 'name', 'names') : '', spelling ? count(spelling, 'spelling', 'spellings') : ''].filter(Boolean);
  return `Fixed ${parts.join(' and ')} in this file`;
}

/** What was left for the user, or '' ("2 in speaker lines, 1 with several possible fixes"). */
export function fixAllLeftOver(plan: FixAllPlan): string {
  const { speaker, unclear, spelling } = plan.skipped;
  const parts = [
    speaker ? `${speaker} in speaker lines or speakers' names` : '',
    unclear ? `${unclear} with several possible fixes` : '',
    spelling ? `${spelling} English spelling${spelling === 1 ? '' : 's'} (add "spelling" to talkNotes.fixAll.include to fix them too)` : '',
  ].filter(Boolean);
  return parts.length ? `Left for you to review: ${parts.join('; ')}.` : '';
}
