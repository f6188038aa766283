// People in prose: a known person's name with one half slipped ("Derek Collision"), a name typed in lowercase
// ("Martha okonjo"), and which capitalized words belong to a person's name (so no project claims them).
import { nameKey } from './catalog.ts';
import { allowedEdits, editDistance } from './distance.ts';
import { soundDistance, soundKeys } from './phonetic.ts';
import { capitalize, finding, isNameLike, joinable, lookupBoth, mention, surface, type MatchContext } from './segment.ts';
import type { Token } from '../markdown/tokens.ts';
import type { Finding } from '../types.ts';

/**
 * People: a known first name followed by a surname that is close to that person's ("Derek Collision"), or a
 * known surname after a first name that is close ("Lizz Rice"). Only the wrong half is replaced.
 */
export function matchPerson(tokens: Token[], i: number, ctx: MatchContext, out: Finding[]): number {
  if (!joinable(tokens, i, 2)) return 0;
  const a = tokens[i];
  const b = tokens[i + 1];
  if (!isNameLike(a) || !isNameLike(b)) return 0;
  for (const catalog of [ctx.learned, ctx.catalog]) {
    for (const person of catalog.firstNames.get(a.base.toLowerCase()) ?? []) {
      const parts = person.canonical.split(' ');
      const surname = parts[parts.length - 1];
      if (surname === b.base) {
        mention(person, a.start, b.end);
        return 2;
      }
      // Of the thousands of maintainers, only a clear slip of an unusual surname: "Smith" is somebody else.
      const curated = person.weight >= 0.8;
      if (!curated && (ctx.words.isWord(b.base) || editDistance(b.base.toLowerCase(), surname.toLowerCase(), 2) > 1)) continue;
      if (namesClose(b.base, surname)) {
        out.push(finding(catalog === ctx.learned ? 'learned' : 'person', b.start, b.end, b.base, [surname], true, person));
        return 2;
      }
    }
    for (const person of catalog.lastNames.get(b.base.toLowerCase()) ?? []) {
      // Given names have many right spellings (Jon, John): only curated people's are corrected.
      if (person.weight < 0.8) continue;
      const given = person.canonical.split(' ')[0];
      if (given === a.base) {
        mention(person, a.start, b.end);
        return 2;
      }
      if (namesClose(a.base, given)) {
        out.push(finding(catalog === ctx.learned ? 'learned' : 'person', a.start, a.end, a.base, [given], true, person));
        return 2;
      }
    }
  }
  return 0;
}

/**
 * A person's name typed (partly) in lowercase: a given name followed by a word that is neither English nor
 * a name ("Martha okonjo", "tomas reyes"). The lowercase parts get their capital.
 */
export function matchLowercasePerson(tokens: Token[], i: number, ctx: MatchContext, out: Finding[]): number {
  if (!joinable(tokens, i, 2)) return 0;
  const a = tokens[i];
  const b = tokens[i + 1];
  if (b.shape !== 'lower' || b.base.length < 4 || b.hasDigit || b.dotted || b.base.includes('-')) return 0;
  if ((a.shape !== 'lower' && a.shape !== 'capitalized') || a.hasDigit || a.dotted || !ctx.catalog.givenNames.has(a.base.toLowerCase())) return 0;
  if (ctx.words.isWord(b.base) || ctx.words.isVocabulary(b.base) || lookupBoth(ctx, nameKey(b.base)).length || ctx.ignored.has(b.base)) return 0;
  // A lowercase given name that is also a word ("will", "grant") is most often the word.
  if (a.shape === 'lower' && ctx.words.isLowercaseWord(a.base)) return 0;
  if (a.shape === 'capitalized') {
    out.push(finding('person', b.start, b.end, b.base, [capitalize(b.base)], true));
    return 2;
  }
  const written = surface(tokens, i, 2);
  out.push(finding('person', a.start, b.end, written, [capitalize(a.base) + ' ' + capitalize(b.base)], true));
  return 2;
}

/** Two spellings of one person's name: a few letters apart, or sounding alike. */
function namesClose(written: string, name: string): boolean {
  const a = written.toLowerCase();
  const b = name.toLowerCase();
  if (a === b) return false;
  const d = editDistance(a, b, 3);
  if (d <= Math.max(1, allowedEdits(Math.max(a.length, b.length)))) return true;
  return d <= Math.ceil(b.length * 0.4) && soundDistance(soundKeys(a), soundKeys(b)) === 0;
}

/**
 * Whether a capitalized word is part of a person's name: it follows a given name ("Chuck Yeager", "Eric
 * Stallings"), or it is a given name followed by another capitalized word ("Liam Hughes", "Maya Okafor").
 */
export function partOfPersonName(tokens: Token[], i: number, ctx: MatchContext): boolean {
  const t = tokens[i];
  if (!isNameLike(t)) return false;
  const before = i > 0 && t.gap === ' ' ? tokens[i - 1] : undefined;
  if (before && isNameLike(before) && isGivenName(before.base, ctx)) return true;
  const after = tokens[i + 1];
  return isGivenName(t.base, ctx) && after !== undefined && after.gap === ' ' && isNameLike(after);
}

/** A given name: in the list of first names, or a proper noun of the dictionary that is no lowercase word. */
function isGivenName(word: string, ctx: MatchContext): boolean {
  if (ctx.catalog.givenNames.has(word.toLowerCase())) return true;
  return ctx.words.isWord(word) && !ctx.words.isLowercaseWord(word);
}
