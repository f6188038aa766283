// Speakers where exports put them. Pretalx gives them as data (schedule.json) or after the title ("Title -
// Jane Doe, John Roe"); Sched appends them to the title with their companies ("Title - Jane Doe, Acme & John
// Roe, Example Corp") or lists them in the description ("Speakers: Jane Doe, Acme"). Conventions read:
// - the title's tail after the last " - " (or – —), when it reads as a list of people;
// - in that list, speakers joined by "&", " and " or ";", each "Name", "Name, Company", "Name, Role, Company"
//   or "Name (Company)"; without "&", commas separate names (Pretalx) unless the export is Sched's or the
//   piece after a name is no name (one word, or a company word such as Inc, Labs, GmbH);
// - description lines "Speaker(s):", "Presented by", "Presenter(s):", "Panelist(s):", "Moderator(s):",
//   followed by the list, or by one speaker a line up to a blank line.
import type { Speaker } from './types.ts';

/** Sched exports always write "Name, Company"; Pretalx's write names only; others are guessed. */
export type SpeakerStyle = 'pairs' | 'names' | 'auto';

const PARTICLE = /^(?:van|von|de|der|den|da|di|du|la|le|del|della|dos|das|bin|al|el|y|zu|ten|ter)$/;
const NAME_WORD = /^\p{Lu}[\p{L}\p{M}'’.-]*$/u;
// Words of a title's tail that make it no list of people ("Kubernetes - Deep Dive", "Cilium - Part Two").
const TITLE_WORDS = new Set(
  'intro introduction deep dive update updates part panel keynote workshop tutorial lightning talk talks session overview demo edition day track break lunch welcome remarks closing opening q&a ama office hours meetup round table roundtable birds feather the a an of and for in on with to from how what why is are your our my new next future state live beyond getting started'.split(' '),
);
const COMPANY_WORD = /\b(?:inc|corp|corporation|co|ltd|llc|llp|gmbh|ag|sa|sas|bv|oy|ab|plc|labs?|systems|technologies|technology|software|solutions|networks|cloud|security|group|foundation|university|institute|consulting|services|io|ai)\.?$/i;

/** A person's name: one to five capitalized words (particles allowed), no digits or punctuation but - ' . */
export function looksLikeName(text: string): boolean {
  const t = text.trim();
  if (!t || t.length > 60 || /\d/.test(t)) return false;
  const words = t.split(/\s+/);
  if (words.length > 5) return false;
  if (!words.every((w) => NAME_WORD.test(w) || PARTICLE.test(w))) return false;
  if (!NAME_WORD.test(words[0]) || PARTICLE.test(words[0].toLowerCase())) return false;
  return !words.some((w) => TITLE_WORDS.has(w.toLowerCase()));
}

const clean = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** One speaker from "Name", "Name, Company", "Name, Role, Company" or "Name (Company)". */
function speakerOf(group: string): Speaker | undefined {
  const paren = /^(.*?)\s*\(([^()]+)\)\s*$/.exec(group);
  if (paren) {
    // "(she/her)" and the like are pronouns, not companies.
    const inner = clean(paren[2]);
    const name = clean(paren[1]);
    if (!looksLikeName(name)) return undefined;
    return /^\w+\/\w+$/.test(inner) ? { name } : { name, company: inner };
  }
  const pieces = group.split(',').map(clean).filter(Boolean);
  if (!pieces.length || !looksLikeName(pieces[0])) return undefined;
  return pieces.length > 1 ? { name: pieces[0], company: pieces[pieces.length - 1] } : { name: pieces[0] };
}

/** The speakers of a list ("Jane Doe, Acme & John Roe, Example Corp"), or undefined if it is none. */
export function parseSpeakerList(list: string, style: SpeakerStyle = 'auto'): Speaker[] | undefined {
  const text = clean(list);
  if (!text || text.length > 1000) return undefined;
  const groups = text.split(/\s*(?:&|;|\band\b)\s*/).filter(Boolean);
  let speakers: (Speaker | undefined)[];
  if (style === 'names') speakers = groups.flatMap((g) => g.split(',').map(clean).filter(Boolean)).map(speakerOf);
  else if (groups.length > 1 || style === 'pairs') speakers = groups.map(speakerOf);
  else {
    // One group without "&": names separated by commas (Pretalx), or one "Name, Company".
    const pieces = text.split(',').map(clean).filter(Boolean);
    const namesOnly = pieces.every((p, k) => looksLikeName(p) && (k === 0 || (p.includes(' ') && !COMPANY_WORD.test(p))));
    speakers = namesOnly ? pieces.map((p) => speakerOf(p)) : [speakerOf(text)];
  }
  if (!speakers.length || speakers.some((s) => !s)) return undefined;
  return speakers as Speaker[];
}

/** The title and speakers of a summary "Title - Speakers"; the whole summary as title when no list ends it. */
export function splitSummary(summary: string, style: SpeakerStyle = 'auto'): { title: string; speakers: Speaker[] } {
  const text = clean(summary);
  // The last spaced dash (searched from the end: a pattern with a look-ahead would rescan the title).
  const dash = Math.max(text.lastIndexOf(' - '), text.lastIndexOf(' – '), text.lastIndexOf(' — '));
  if (dash > 0) {
    const speakers = parseSpeakerList(text.slice(dash + 3), style);
    const title = text.slice(0, dash).trim();
    if (speakers && title) return { title, speakers };
  }
  return { title: text, speakers: [] };
}

const SPEAKER_LINE = /^\s*(?:speakers?|presenters?|presented by|panelists?|moderators?|moderated by|hosts?)\s*:?\s*(.*)$/i;

/** Speakers listed in a description, and the description without those lines (the abstract). */
export function speakersInDescription(description: string, style: SpeakerStyle = 'auto'): { speakers: Speaker[]; rest: string } {
  const lines = description.split(/\r?\n/);
  const speakers: Speaker[] = [];
  const kept: string[] = [];
  for (let k = 0; k < lines.length; k++) {
    const m = SPEAKER_LINE.exec(lines[k]);
    const found = m && m[1].trim() ? parseSpeakerList(m[1], style) : undefined;
    if (found) {
      speakers.push(...found);
      continue;
    }
    if (m && !m[1].trim()) {
      // "Speakers:" alone: one speaker a line, up to a blank line.
      let j = k + 1;
      const listed: Speaker[] = [];
      for (; j < lines.length && lines[j].trim(); j++) {
        const one = parseSpeakerList(lines[j], 'pairs');
        if (!one) break;
        listed.push(...one);
      }
      if (listed.length) {
        speakers.push(...listed);
        k = j - 1;
        continue;
      }
    }
    kept.push(lines[k]);
  }
  return { speakers, rest: kept.join('\n').trim() };
}
