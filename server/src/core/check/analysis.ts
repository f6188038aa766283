// The result of a check: a view of the checked document that computes what is asked for (all findings, the
// ones near an edit, mentions, the outline) from the blocks' match results, on first use. It is valid until the
// document changes (a check follows every edit).
import type { Catalog } from '../names/catalog.ts';
import { applyDirectives, type Directive } from '../markdown/directives.ts';
import { catalogPersonNear, peopleAtLineStart } from '../names/learn.ts';
import type { Mention, SegmentResult } from '../names/match.ts';
import type { OutlineNode } from '../markdown/prose-types.ts';
import type { Settings } from './settings.ts';
import { buildOutline, type Outline } from '../features/talks.ts';
import type { Finding } from '../types.ts';

/** A range of the text by offsets (what the editor shows). */
export interface Span {
  start: number;
  end: number;
}

export interface Analysis {
  text: string;
  /** Every finding, in document order, with disable comments and severity 'off' applied. */
  readonly findings: Finding[];
  /**
   * The same findings in the same order, without copying them (a report of a big file): `finding` is shared
   * and its offsets are not the document's; `start` and `end` are.
   */
  eachFinding(visit: (finding: Finding, start: number, end: number) => void): void;
  /** The talk outline (computed on first use). */
  readonly outline: Outline;
  learned: Catalog;
  /**
   * At most `limit` findings, those nearest the offset (the user's last edit), in document order, and how many
   * there are in all. Cheap on huge files: only the blocks around the offset are visited.
   */
  /**
   * At most `limit` findings, when there are more: every one in the visible ranges (what the user looks at),
   * then those nearest the offset (the last edit); in document order.
   */
  findingsNear(offset: number, limit: number, visible?: readonly Span[]): { findings: Finding[]; total: number };
  /** Every mention of a known project or person, right or wrong (wrong ones are findings too), in order. */
  readonly mentions: Mention[];
  /** Equal for two analyses of one document when their outlines are equal (it may also differ when they are). */
  outlineVersion: string;
  /**
   * Blocks far from `near` still await matching after a change of learned names that did not fit the
   * check's deadline: their findings are the previous ones until a later check completes them.
   */
  pending: boolean;
}

/** What matching found in one segment of a block (shared between equal lines; offsets are the segment's). */
export interface SegmentMatch {
  /** Offset of the segment in its block. */
  at: number;
  result: SegmentResult;
}

export interface CheckedBlock {
  readonly start: number;
  /** Only segments with a finding or a mention. */
  readonly matches: readonly SegmentMatch[] | undefined;
}

/** What an analysis reads from its document, live (NotesDocument). */
export interface CheckedDocument {
  /** Changes with every edit: an analysis of an older version refuses to answer. */
  readonly version: number;
  readonly text: string;
  readonly size: number;
  /** Findings of all blocks, as last matched. */
  readonly totalFindings: number;
  readonly catalog: Catalog;
  outlineOf(block: CheckedBlock): OutlineNode[];
  /** Speaker lookups, kept for as long as the learned names stay the same. */
  speakerMemo(learned: Catalog): Map<string, string | undefined>;
}

export interface CheckedState {
  /** The blocks to report on, in order (front matter left out). */
  blocks: readonly CheckedBlock[];
  settings: Settings;
  learned: Catalog;
  directives: Directive[];
  outlineVersion: string;
  pending: boolean;
}

export function createAnalysis(doc: CheckedDocument, state: CheckedState): Analysis {
  const { blocks, settings, learned, directives } = state;
  const version = doc.version;
  const current = (): void => {
    if (doc.version !== version) throw new Error('Talk Notes: this analysis is older than the document');
  };
  /** The block's findings, at their offsets in the document, added to `out`. */
  const absolute = (b: CheckedBlock, out: Finding[] = []): Finding[] => {
    const matches = b.matches ?? NO_MATCHES;
    // Indexed loops here and below: they run for every block of a big file, mostly before the code is
    // optimized, when each step of a for-of loop makes an object.
    for (let m = 0; m < matches.length; m++) {
      const findings = matches[m].result.findings;
      const shift = matches[m].at + b.start;
      for (let k = 0; k < findings.length; k++) {
        const f = findings[k];
        // A literal rather than a spread: one shape for every finding, and a file can have tens of thousands.
        if (settings.severity[f.code] !== 'off') {
          out.push({ code: f.code, start: f.start + shift, end: f.end + shift, wrong: f.wrong, fixes: f.fixes, preferred: f.preferred, message: f.message, subject: f.subject });
        }
      }
    }
    return out;
  };
  let findings: Finding[] | undefined;
  let outline: Outline | undefined;
  let mentions: Mention[] | undefined;
  const text = (): string => {
    current();
    return doc.text;
  };
  const all = (): Finding[] => {
    if (!findings) {
      current();
      const out: Finding[] = [];
      for (let k = 0; k < blocks.length; k++) if (blocks[k].matches?.length) absolute(blocks[k], out);
      findings = directives.length ? applyDirectives(out, directives, text()) : out;
    }
    return findings;
  };
  /** The `limit` findings nearest the offset (all of them when there are no more). */
  const findingsNearOffset = (offset: number, limit: number): { findings: Finding[]; total: number } => {
    if (findings) return nearest(findings, offset, limit, findings.length);
    current();
    const total = doc.totalFindings;
    if (total <= limit) return { findings: all(), total: all().length };
    // Walk outwards from the block at the offset until enough findings are collected.
    const k = Math.max(0, Math.min(blocks.length - 1, blockIndexIn(blocks, offset)));
    const picked: Finding[] = absolute(blocks[k]);
    for (let d = 1; picked.length < limit && (k - d >= 0 || k + d < blocks.length); d++) {
      // Loops, not spreads: one block may hold more findings than a call takes arguments.
      if (k + d < blocks.length) for (const f of absolute(blocks[k + d])) picked.push(f);
      if (k - d >= 0) for (const f of absolute(blocks[k - d])) picked.push(f);
    }
    return nearest(directives.length ? applyDirectives(picked, directives, text()) : picked, offset, limit, total);
  };

  return {
    get text() {
      return text();
    },
    learned,
    outlineVersion: state.outlineVersion,
    pending: state.pending,
    get mentions() {
      if (!mentions) {
        current();
        mentions = [];
        const subjects = new Map<string, Mention['kind']>();
        for (const b of blocks) {
          for (const { at, result } of b.matches ?? []) {
            for (const m of result.mentions) {
              mentions.push({ ...m, start: m.start + at + b.start, end: m.end + at + b.start });
              subjects.set(m.name, m.kind);
            }
          }
        }
        for (const f of this.findings) {
          if (!f.subject || f.code === 'learned' || f.code === 'spelling' || f.code === 'short-form') continue;
          const kind = subjects.get(f.subject) ?? doc.catalog.lookup(f.subject).find((e) => e.canonical === f.subject)?.kind;
          if (kind && kind !== 'learned') mentions.push({ start: f.start, end: f.end, name: f.subject, kind });
        }
        mentions.sort((a, b) => a.start - b.start);
      }
      return mentions;
    },
    get findings() {
      return all();
    },
    eachFinding(visit: (finding: Finding, start: number, end: number) => void): void {
      if (findings || directives.length) {
        for (const f of this.findings) visit(f, f.start, f.end);
        return;
      }
      current();
      for (let k = 0; k < blocks.length; k++) {
        const b = blocks[k];
        const matches = b.matches;
        if (!matches) continue;
        for (let m = 0; m < matches.length; m++) {
          const findings = matches[m].result.findings;
          const shift = matches[m].at + b.start;
          for (let i = 0; i < findings.length; i++) {
            const f = findings[i];
            if (settings.severity[f.code] !== 'off') visit(f, f.start + shift, f.end + shift);
          }
        }
      }
    },
    findingsNear(offset: number, limit: number, visible: readonly Span[] = []): { findings: Finding[]; total: number } {
      const near = findingsNearOffset(offset, limit);
      if (near.total <= limit || !visible.length) return near;
      // What is on screen first, then the nearest to the edit to fill the list.
      const shown: Finding[] = [];
      const keys = new Set<string>();
      const add = (f: Finding): void => {
        const key = `${f.start}/${f.end}/${f.code}`;
        if (shown.length >= limit || keys.has(key)) return;
        keys.add(key);
        shown.push(f);
      };
      current();
      for (const span of visible) {
        const inSpan: Finding[] = [];
        for (let k = Math.max(0, blockIndexIn(blocks, span.start)); k < blocks.length && blocks[k].start < span.end; k++) {
          for (const f of absolute(blocks[k])) if (f.end >= span.start && f.start <= span.end) inSpan.push(f);
        }
        for (const f of directives.length ? applyDirectives(inSpan, directives, text()) : inSpan) add(f);
      }
      for (const f of nearest(near.findings, offset, limit, near.total).findings.sort((a, b) => distanceTo(a, offset) - distanceTo(b, offset))) add(f);
      return { findings: shown.sort((a, b) => a.start - b.start), total: near.total };
    },
    get outline() {
      if (!outline) {
        current();
        const nodes: OutlineNode[] = [];
        // Only headings are placed by offset; paragraphs count for their kind and first lines' text, so
        // they are passed as parsed (with offsets in their block) rather than copied.
        for (const b of blocks) for (const n of doc.outlineOf(b)) nodes.push(n.type === 'heading' ? { ...n, start: n.start + b.start, end: n.end + b.start } : n);
        const speakers = doc.speakerMemo(learned);
        const findSpeaker = (line: string): string | undefined => {
          if (!speakers.has(line)) {
            if (speakers.size > 20_000) speakers.clear();
            speakers.set(line, speakerIn(line, doc.catalog, learned));
          }
          return speakers.get(line);
        };
        outline = buildOutline(nodes, doc.size, findSpeaker);
      }
      return outline;
    },
  };
}

const NO_MATCHES: readonly SegmentMatch[] = [];

function blockIndexIn(blocks: readonly CheckedBlock[], offset: number): number {
  let low = 0;
  let high = blocks.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (blocks[mid].start <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

const distanceTo = (f: Finding, offset: number): number => (f.end < offset ? offset - f.end : f.start > offset ? f.start - offset : 0);

/** The `limit` findings closest to the offset, in document order. */
function nearest(findings: Finding[], offset: number, limit: number, total: number): { findings: Finding[]; total: number } {
  const sorted = [...findings].sort((a, b) => a.start - b.start);
  if (sorted.length <= limit) return { findings: sorted, total };
  const kept = new Set([...sorted].sort((a, b) => distanceTo(a, offset) - distanceTo(b, offset)).slice(0, limit));
  return { findings: sorted.filter((f) => kept.has(f)), total };
}

/** The speaker named at the start of a line, corrected against the catalog when it is a slip. */
export function speakerIn(line: string, catalog: Catalog, learned: Catalog): string | undefined {
  const names: string[] = [];
  for (const { name } of peopleAtLineStart(line)) {
    const known = [...catalog.lookup(name), ...learned.lookup(name)].find((e) => e.kind === 'person' || e.kind === 'learned');
    if (known) names.push(known.canonical);
    else {
      const near = catalogPersonNear(name, catalog);
      if (near) names.push(near);
    }
  }
  return names.length ? names.join(' & ') : undefined;
}
