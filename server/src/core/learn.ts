// Names learned from the document itself: speakers (a name heading or a name line under a talk, "Name —
// Role", "Name, Company"), names that open a talk title ("Ferrowheel — batch scheduling"), and unknown proper
// nouns used more than once. A near miss of one of them elsewhere in the file is then caught, even for names
// no catalog knows.
import { Catalog, nameKey } from './catalog.ts';
import type { WordList } from './english.ts';
import { editDistance, allowedEdits } from './distance.ts';
import type { OutlineNode, ProseSegment } from './prose.ts';
import { tokenize } from './tokens.ts';

const NAME_WORD = "\\p{Lu}[\\p{Ll}\\p{M}'’]+(?:\\p{Lu}[\\p{Ll}\\p{M}]+)?(?:-\\p{Lu}[\\p{Ll}\\p{M}'’]+)?";
const PARTICLE = '(?:van|von|de|der|den|da|di|du|la|le|del|dos|bin|al)';
const PERSON = new RegExp(`^(${NAME_WORD}(?:\\s+(?:${PARTICLE}\\s+)?${NAME_WORD}){1,2})(?=\\s*$|\\s*[—–,(|:&/]|\\s+-\\s|\\s+and\\s)`, 'u');
const TITLE_NAME = new RegExp(`^(\\p{Lu}[\\p{L}\\p{M}]{3,})(?=\\s*[—–:|]|\\s+-\\s)`, 'u');

export interface PersonCandidate {
  name: string;
  /** Offset of the name in the line. */
  index: number;
}

/** People named at the start of a line ("Lachlan Evenson - Principal PM", "Halvard Brekke-Osei & Mirela Tănase"). */
export function peopleAtLineStart(line: string): PersonCandidate[] {
  const found: PersonCandidate[] = [];
  let rest = line;
  let offset = 0;
  for (let k = 0; k < 3; k++) {
    const lead = /^[\s*_>-]*/.exec(rest)![0];
    const m = PERSON.exec(rest.slice(lead.length));
    if (!m) break;
    found.push({ name: m[1], index: offset + lead.length });
    const after = rest.slice(lead.length + m[1].length);
    const joiner = /^\s*(?:&|and|,)\s*/u.exec(after);
    if (!joiner) break;
    offset += lead.length + m[1].length + joiner[0].length;
    rest = after.slice(joiner[0].length);
  }
  return found;
}

/** Whether a name looks like a person's and not an English phrase ("Project Updates") or a known project. */
export function plausiblePerson(name: string, words: WordList, catalog: Catalog): boolean {
  const parts = name.split(/\s+/);
  // "Project Updates" is a phrase; "Aurelio Castellanos-Bright" is a person although "bright" is a word.
  if (parts.every((p) => words.isLowercaseWord(p))) return false;
  if (words.isLowercaseWord(parts[0])) return false;
  const isProject = (text: string): boolean => catalog.lookup(text).some((e) => e.kind !== 'person');
  return !isProject(name) && !parts.some(isProject);
}

/** A catalog person this name is a slip of (same first name, close surname or the reverse). */
export function catalogPersonNear(name: string, catalog: Catalog): string | undefined {
  const parts = name.split(/\s+/);
  const first = parts[0].toLowerCase();
  const last = parts[parts.length - 1].toLowerCase();
  for (const p of catalog.firstNames.get(first) ?? []) {
    const surname = p.canonical.split(' ').pop()!.toLowerCase();
    if (surname !== last && editDistance(surname, last, 3) <= 3) return p.canonical;
  }
  for (const p of catalog.lastNames.get(last) ?? []) {
    const given = p.canonical.split(' ')[0].toLowerCase();
    if (given !== first && editDistance(given, first, 2) <= 2) return p.canonical;
  }
  return undefined;
}

function speakerLines(outline: OutlineNode[]): string[] {
  const lines: string[] = [];
  outline.forEach((node, k) => {
    if (node.type === 'heading') {
      lines.push(node.text);
      const next = outline[k + 1];
      if (next?.type === 'paragraph' && !next.nested) lines.push(...next.lines.slice(0, 2).map((l) => l.text));
    }
  });
  return lines;
}

/** Builds the catalog of names this document teaches, plus the extra names the user configured. */
export function learnNames(outline: OutlineNode[], segments: ProseSegment[], catalog: Catalog, words: WordList, extraNames: string[]): Catalog {
  const learned = new Catalog();
  const addWord = (word: string): void => {
    if (!learned.lookup(word).length) learned.add({ canonical: word, aliases: [], shortForms: [], kind: 'learned', everyday: false, weight: 1 });
  };
  const addPerson = (name: string): void => {
    if (learned.lookup(name).length) return;
    learned.addPerson(name, 'learned');
    for (const part of name.split(/\s+/)) addWord(part);
  };

  for (const name of extraNames) {
    const trimmed = name.trim();
    if (!trimmed) continue;
    if (/\s/.test(trimmed) && /^\p{Lu}/u.test(trimmed)) addPerson(trimmed);
    else addWord(trimmed);
  }

  for (const line of speakerLines(outline)) {
    for (const { name } of peopleAtLineStart(line)) {
      // A known person on stage: their name is now also this document's (so "Lockland" finds Lachlan).
      if (catalog.lookup(name).some((e) => e.kind === 'person')) addPerson(name);
      if (catalog.lookup(name).length) continue;
      if (!plausiblePerson(name, words, catalog) || catalogPersonNear(name, catalog)) continue;
      addPerson(name);
    }
  }
  for (const node of outline) {
    if (node.type !== 'heading') continue;
    const m = TITLE_NAME.exec(node.text.trim());
    if (m && isUnknownProperNoun(m[1], catalog, words)) addWord(m[1]);
  }

  // Unknown proper nouns used at least twice are this document's names.
  const counts = new Map<string, number>();
  for (const segment of segments) {
    for (const t of tokenize(segment.text)) {
      if (t.hasDigit || t.dotted || (t.shape !== 'capitalized' && t.shape !== 'mixed') || t.base.length < 4) continue;
      counts.set(t.base, (counts.get(t.base) ?? 0) + 1);
    }
  }
  for (const [word, count] of counts) {
    if (count >= 2 && isUnknownProperNoun(word, catalog, words)) addWord(word);
  }
  return learned;
}

/** Not English, not a catalog name, and not a slip of one (a repeated typo must still be caught). */
function isUnknownProperNoun(word: string, catalog: Catalog, words: WordList): boolean {
  if (words.isWord(word) || catalog.lookup(word).length) return false;
  const key = nameKey(word);
  const limit = allowedEdits(key.length);
  for (const entry of catalog.entries) {
    if (entry.kind === 'person') continue;
    if (Math.abs(entry.key.length - key.length) <= limit && editDistance(key, entry.key, limit) <= limit) return false;
  }
  return true;
}
