// "New Talk": the heading, speakers line and time line of a session, written the way the file already writes
// its talks (heading level, the label of its speaker lines), as a snippet the user tabs through.
import { sessionTime, speakerList } from './program.ts';
import type { Session } from './types.ts';

export interface TalkStyle {
  /** Heading level of the file's talks (2 when it has none yet). */
  depth: number;
  /** What starts a speaker line, label included ("- **Speaker:** "), split around the label word. */
  speakerLead: string;
  speakerWord: string;
  speakerAfter: string;
}

// A labelled speaker line: what leads it (list marker, emphasis), the label word, and what follows up to the name.
const SPEAKER_LINE = /^([\s>*_+-]*)(speakers?|presenters?|speaker\(s\)|presenter\(s\))([*_]*\s*[:\-–—][*_]*\s*|[*_]*\s+)/i;

/** The style of a file's talks: its talk heading level (from the outline) and its first labelled speaker line. */
export function talkStyle(text: string, talkDepth: number): TalkStyle {
  const style: TalkStyle = { depth: talkDepth || 2, speakerLead: '', speakerWord: 'Speaker', speakerAfter: ': ' };
  // Only the start of a big file: its style is set by its first talks.
  const head = text.length > 200_000 ? text.slice(0, 200_000) : text;
  for (const line of head.split('\n')) {
    const m = SPEAKER_LINE.exec(line);
    if (!m) continue;
    style.speakerLead = m[1];
    style.speakerWord = m[2].replace(/\(s\)$|s$/i, '');
    style.speakerAfter = m[3].endsWith(' ') ? m[3] : `${m[3]} `;
    break;
  }
  return style;
}

/** Text made safe for a snippet: `$`, `}` and `\` are snippet syntax. */
export function snippetText(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

/**
 * The snippet for a session: the heading (tab stop 1), the speakers line (2), the time and room line, and the
 * cursor where the notes start.
 */
export function newTalkSnippet(session: Session, style: TalkStyle, venue?: number): string {
  const lines = [`${'#'.repeat(style.depth)} \${1:${snippetText(session.title)}}`, ''];
  if (session.speakers.length) {
    const word = style.speakerWord;
    const plural = session.speakers.length > 1 ? (word === word.toUpperCase() ? 'S' : 's') : '';
    lines.push(`${style.speakerLead}${snippetText(word + plural)}${snippetText(style.speakerAfter)}\${2:${snippetText(speakerList(session))}}`);
  }
  const when = [sessionTime(session, venue), session.room].filter(Boolean).join(' · ');
  // A paragraph of its own: in one with the speakers, Markdown would run the two lines together.
  if (when) lines.push(...(session.speakers.length ? [''] : []), `_${snippetText(when)}_`);
  lines.push('', '$0');
  return lines.join('\n');
}
