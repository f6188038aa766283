// English typos in prose: reported only where a correction one edit away exists (unknown words alone stay
// quiet), at a lower severity than names, never on acronyms, identifiers or short words.
import type { WordList } from './english.ts';
import type { Token } from '../markdown/tokens.ts';
import type { Finding } from '../types.ts';

/** What the English check needs: the words, and the words the user told us to leave alone (lowercase). */
export interface EnglishContext {
  words: WordList;
  ignored: Set<string>;
}

/** English typos, only where a correction one edit away exists: unknown words alone stay quiet. */
export function matchEnglish(t: Token, ctx: EnglishContext, out: Finding[]): void {
  if (t.hasDigit || t.dotted || (t.shape !== 'lower' && t.shape !== 'capitalized')) return;
  if (ctx.words.isWord(t.base)) return;
  const parts = t.base.split('-');
  let at = t.start;
  for (const part of parts) {
    checkEnglishWord(part, at, t.shape === 'capitalized' && part === parts[0], ctx, out);
    at += part.length + 1;
  }
}

function checkEnglishWord(word: string, start: number, capitalized: boolean, ctx: EnglishContext, out: Finding[]): void {
  // Short words give too many one-edit neighbours (perf, wifi, veth): only longer ones are corrected.
  // No word is this long: it is a hash, an ID or keyboard mashing (and suggesting would cost n³).
  if (word.length < 5 || word.length > 40 || /['’]/.test(word)) return;
  if (capitalized && word.length < 7) return;
  if (ctx.words.isWord(word) || ctx.ignored.has(word.toLowerCase())) return;
  const fixes = ctx.words.suggest(word);
  if (!fixes.length) return;
  // Candidates come ranked (swapped letters, then a missing or extra letter, then a wrong one).
  const preferred = true;
  const term = ctx.words.isVocabulary(fixes[0]) ? ' (cloud-native term)' : '';
  out.push({
    code: 'spelling',
    start,
    end: start + word.length,
    wrong: word,
    fixes,
    preferred,
    message: `'${word}' → ${fixes[0]}${term}`,
  });
}

