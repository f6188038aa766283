// Name helpers the catalog builder shares among its sources: when two spellings are one name, and how a
// company or an everyday word looks once the sources' decorations are taken off.

/** Names are the same when they differ only in case or spaces. */
export function dedupKey(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(/\s+/g, '');
}

/** Looser: also without accents, hyphens and dots (for matching a project named by another source). */
export function foldKey(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Every word of the name, in lowercase, is an English word ("Fleet", "Open Source Consulting"). */
export function isEverydayName(name: string, isEnglishWord: (w: string) => boolean): boolean {
  const words = name.split(' ');
  return words.every((w) => /^\p{L}+$/u.test(w) && isEnglishWord(w.toLowerCase()));
}

/** Values that say "no company". */
const NOT_A_COMPANY = /^(?:independent|individual\b.*|unaffiliated|self|self[- ]employed|none|n\/a|freelance\b.*|retired|student|open source|[-_.\s]*)$/i;
/** Job titles (cncf/people keeps CNCF staff's titles in the company field). */
const JOB_TITLE = /\b(?:manager|director|planner|coordinator|advocate|evangelist|engineer|representative|administrator|lead|head of|vp|cto|ceo|cfo|coo|founder|developer|relations|consultant|architect|officer|president|intern)\b/i;

/** "Acme, Inc." → "Acme"; repeated for stacked suffixes ("Foo Co., Ltd."). */
export function stripLegalSuffix(name: string): string {
  let s = name;
  for (;;) {
    const next = s
      .replace(/,?\s+(?:Inc\.?|Incorporated|LLC|L\.L\.C\.|Ltd\.?|Limited|GmbH|S\.p\.A\.|S\.A\.|B\.V\.|SPRL|a\.s\.|Sdn\.? Bhd\.?|Corp\.|Co\.,?(?= Ltd)|Co\.$|Pvt\.?)$/i, '')
      .replace(/,?\s+(?:AG|SA|BV|SIA|KGaA|Oy|AB|AS)$/, '')
      .trim();
    if (next === s || !next) return s;
    s = next;
  }
}

/** A company as a person record names it, or undefined when the field holds no company. */
export function cleanCompany(raw: string): { name: string; aliases: string[] } | undefined {
  let s = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  s = s.split(/\s+\/\s+/)[0].replace(/^@/, '').trim(); // "WireMock Inc / CDF / Jenkins", "@pengutronix"
  if (NOT_A_COMPANY.test(s) || JOB_TITLE.test(s) || s.includes('@') || !/\p{L}/u.test(s)) return undefined;
  s = s.replace(/,\s+an?\s+.+\s+company$/i, ''); // "Nordcloud, an IBM company"
  const aliases: string[] = [];
  const paren = /^(.*\S)\s*\(([^()]+)\)$/.exec(s);
  if (paren) {
    s = paren[1];
    if (/^[\p{Lu}\d&.-]{2,}$/u.test(paren[2].trim())) aliases.push(paren[2].trim()); // "… (ETRI)"
  }
  s = stripLegalSuffix(s);
  return s ? { name: s, aliases } : undefined;
}
