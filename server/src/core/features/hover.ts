// The card shown on hover and in completion: what a name is, its maturity and category, and its links.
import { Catalog, type NameEntry } from '../names/catalog.ts';
import { cardOf, describeKind } from '../names/describe.ts';
import type { Finding } from '../types.ts';
import { tokenize } from '../markdown/tokens.ts';

export function cardMarkdown(entry: NameEntry): string {
  const card = cardOf(entry);
  const lines = [`**${card.name}** — ${describeKind(entry)}`];
  if (card.category) lines.push(`Category: ${card.category}`);
  if (card.description) lines.push(card.description);
  if (card.aliases.length) lines.push(`Also written: ${card.aliases.join(', ')}`);
  const links = [card.homepage && `[Homepage](${card.homepage})`, card.repo && `[Repository](${card.repo})`].filter(Boolean);
  if (links.length) lines.push(links.join(' · '));
  return lines.join('\n\n');
}

export interface HoverResult {
  markdown: string;
  start: number;
  end: number;
}

/** Single words learned from the file (a first name, a product) have no card worth showing. */
function worthACard(entry: NameEntry): boolean {
  return !(entry.kind === 'learned' && !/\s/.test(entry.canonical));
}

/**
 * Hover at an offset: on a finding, the card of the name it is about (the editor already shows the finding's
 * message, from the diagnostic, in the same hover: it is not repeated); else the card of a known name under
 * the cursor.
 */
export function hoverAt(text: string, offset: number, findings: Finding[], catalogs: Catalog[]): HoverResult | undefined {
  const lookup = (name: string): NameEntry | undefined => {
    for (const c of catalogs) {
      const e = c.lookup(name).find((x) => x.canonical === name) ?? c.lookup(name)[0];
      if (e) return e;
    }
    return undefined;
  };
  const finding = findings.find((f) => f.start <= offset && offset <= f.end);
  if (finding) {
    const entry = finding.subject ? lookup(finding.subject) : undefined;
    // No card (an English typo): nothing to add to the diagnostic's own hover.
    return entry && worthACard(entry) ? { markdown: cardMarkdown(entry), start: finding.start, end: finding.end } : undefined;
  }
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  const line = text.slice(lineStart, lineEnd);
  const tokens = tokenize(line);
  const at = offset - lineStart;
  const k = tokens.findIndex((t) => t.start <= at && at <= t.start + t.text.length);
  if (k < 0) return undefined;
  // Longest known phrase around the cursor (up to three words on each side).
  for (let len = 4; len >= 1; len--) {
    for (let first = Math.max(0, k - len + 1); first <= k && first + len <= tokens.length; first++) {
      const words = tokens.slice(first, first + len);
      if (words.slice(1).some((w) => w.gap !== ' ')) continue;
      const phrase = line.slice(words[0].start, words[len - 1].end);
      const entry = lookup(phrase);
      if (entry && worthACard(entry)) {
        return { markdown: cardMarkdown(entry), start: lineStart + words[0].start, end: lineStart + words[len - 1].end };
      }
    }
  }
  return undefined;
}
