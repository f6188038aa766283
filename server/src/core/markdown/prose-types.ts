// What parsing a block yields: the prose to check, the outline (headings and top-level paragraphs) and
// HTML comments. Shared by the remark parser and the fast path.

/** A run of prose on one line. `start` is relative to the parsed text. */
export interface ProseSegment {
  text: string;
  start: number;
}

export interface HeadingInfo {
  depth: number;
  /** Heading text as written (inline markup kept, trailing #s dropped). */
  text: string;
  start: number;
  end: number;
}

export interface ParagraphInfo {
  /** Source lines of a top-level paragraph, as written. */
  lines: { text: string; start: number }[];
  start: number;
  end: number;
  /** Whether it is inside a list item or quote rather than at the top level. */
  nested: boolean;
}

export type OutlineNode = ({ type: 'heading' } & HeadingInfo) | ({ type: 'paragraph' } & ParagraphInfo);

export interface ParsedProse {
  segments: ProseSegment[];
  /** Headings and top-level paragraphs in document order, for the outline and speaker detection. */
  outline: OutlineNode[];
  /** HTML comments (for talk-notes-disable directives). */
  comments: { text: string; start: number; end: number }[];
  /** Links whose text is plain words ("[cartographer](https://cartographer.sh)"): the target says what the words name. */
  links?: { text: string; url: string }[];
}
