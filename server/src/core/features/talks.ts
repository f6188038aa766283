// The talk-aware outline. Notes hold one talk per heading at some level; which level is inferred: the
// heading depth whose headings most often carry notes directly (ties go to the shallower). A speaker is a
// name heading or name line right under a talk, or a labelled line ("Speaker: …", in a list too) among the
// talk's first paragraphs; "End ..." closes a talk; deeper headings are its sections.
import type { HeadingInfo, OutlineNode } from '../markdown/prose-types.ts';
import { hasSpeakerLabel } from '../names/learn.ts';

export interface Section {
  title: string;
  depth: number;
  /** The heading's own range. */
  start: number;
  end: number;
  /** Up to the next heading of the same or a shallower depth. */
  blockEnd: number;
  sections: Section[];
}

export interface Talk {
  title: string;
  depth: number;
  start: number;
  end: number;
  /** Where the talk's notes end (the next talk, a closing heading, or the next shallower heading). */
  blockEnd: number;
  speaker?: string;
  subtitle?: string;
  sections: Section[];
}

/** A heading above the talk level ("Day 1") that groups talks. */
export interface Group {
  title: string;
  depth: number;
  start: number;
  end: number;
  blockEnd: number;
  talks: Talk[];
}

export interface Outline {
  talkDepth: number;
  /** Talks outside any group, then groups, in document order via `items`. */
  items: (Talk | Group)[];
  talks: Talk[];
}

/** Recognizes a speaker in a line and returns the name as it should be shown (corrected if misspelled). */
export type SpeakerFinder = (line: string) => string | undefined;

const CLOSING = /^(?:end|end of|ending)\b/i;
/** How many paragraphs (list items count) after a talk's heading may hold a labelled speaker line. */
const INTRO_PARAGRAPHS = 4;

export function isGroup(item: Talk | Group): item is Group {
  return 'talks' in item;
}

function headingsWithContent(nodes: OutlineNode[], isSpeaker: (h: HeadingInfo) => boolean): Map<number, number> {
  const scores = new Map<number, number>();
  nodes.forEach((node, k) => {
    if (node.type !== 'heading' || isSpeaker(node) || CLOSING.test(node.text)) return;
    const next = nodes[k + 1];
    scores.set(node.depth, (scores.get(node.depth) ?? 0) + (next && next.type === 'paragraph' ? 1 : 0));
  });
  return scores;
}

export function buildOutline(nodes: OutlineNode[], textLength: number, findSpeaker: SpeakerFinder): Outline {
  const isSpeakerHeading = (h: HeadingInfo): boolean => findSpeaker(h.text) !== undefined;
  const scores = headingsWithContent(nodes, isSpeakerHeading);
  let talkDepth = 0;
  let bestScore = -1;
  for (const [depth, score] of [...scores].sort((a, b) => a[0] - b[0])) {
    if (score > bestScore) {
      bestScore = score;
      talkDepth = depth;
    }
  }
  const outline: Outline = { talkDepth, items: [], talks: [] };
  if (!talkDepth) return outline;

  let group: Group | undefined;
  let talk: Talk | undefined;
  /** Open sections of the current talk, deepest last. */
  let stack: Section[] = [];
  let lastNodeWasTalkHeading = false;
  /** Paragraphs seen since the talk's heading, or -1 once a section began (its intro is over). */
  let introParagraphs = -1;

  const closeSections = (at: number, depth: number): void => {
    while (stack.length && stack[stack.length - 1].depth >= depth) stack.pop()!.blockEnd = at;
  };
  const closeTalk = (at: number): void => {
    if (!talk) return;
    closeSections(at, 0);
    talk.blockEnd = at;
    talk = undefined;
  };

  nodes.forEach((node) => {
    if (node.type === 'paragraph') {
      if (talk && !talk.speaker && introParagraphs >= 0 && introParagraphs < INTRO_PARAGRAPHS) {
        // Right under the heading any speaker form counts; further on ("*Room 4*", then "- Speaker: …"),
        // only a labelled line.
        const anyForm = lastNodeWasTalkHeading && !node.nested;
        const lines = node.lines.slice(0, 2);
        for (let j = 0; j < lines.length; j++) {
          const speaker = anyForm || hasSpeakerLabel(lines[j].text) ? findSpeaker(lines[j].text) : undefined;
          if (speaker) {
            talk.speaker = speaker;
            if (j > 0 && anyForm) talk.subtitle = lines[0].text;
            break;
          }
        }
      }
      if (introParagraphs >= 0) introParagraphs++;
      lastNodeWasTalkHeading = false;
      return;
    }
    const title = node.text.trim();
    if (node.depth < talkDepth) {
      closeTalk(node.start);
      if (group) group.blockEnd = node.start;
      group = { title, depth: node.depth, start: node.start, end: node.end, blockEnd: textLength, talks: [] };
      outline.items.push(group);
      lastNodeWasTalkHeading = false;
      return;
    }
    const speaker = talk && lastNodeWasTalkHeading && !talk.speaker ? findSpeaker(title) : undefined;
    if (speaker && talk) {
      talk.speaker = speaker;
      // A speaker heading keeps the talk open; the lines under it still belong to the talk.
      return;
    }
    if (node.depth === talkDepth) {
      closeTalk(node.start);
      if (CLOSING.test(title)) {
        lastNodeWasTalkHeading = false;
        return;
      }
      talk = { title, depth: node.depth, start: node.start, end: node.end, blockEnd: textLength, sections: [] };
      if (group) group.talks.push(talk);
      else outline.items.push(talk);
      outline.talks.push(talk);
      stack = [];
      lastNodeWasTalkHeading = true;
      introParagraphs = 0;
      return;
    }
    lastNodeWasTalkHeading = false;
    introParagraphs = -1;
    if (!talk) return;
    closeSections(node.start, node.depth);
    const section: Section = { title, depth: node.depth, start: node.start, end: node.end, blockEnd: textLength, sections: [] };
    (stack.length ? stack[stack.length - 1].sections : talk.sections).push(section);
    stack.push(section);
  });
  closeTalk(textLength);
  return outline;
}
