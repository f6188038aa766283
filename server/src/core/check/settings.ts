// The user's settings as the core sees them, with defaults and validation: a malformed value is reported
// and replaced by its default, never thrown.
import type { CheckCode, SeverityName } from '../types.ts';

export interface Settings {
  enable: boolean;
  severity: Record<CheckCode, SeverityName>;
  /** Extra names that count as known (people, products). */
  knownNames: string[];
  /** Words never reported. */
  ignoredWords: string[];
  /** Workspace dictionary file, relative to the workspace folder. */
  dictionaryFile: string;
  /** Extra catalog files (the format `talk-notes catalog` writes), relative to the workspace folder. */
  catalogFiles: string[];
  /** Conference schedules (.ics, Pretalx schedule.json): paths or globs relative to the workspace folder. */
  schedules: string[];
  /**
   * "Now" for the schedule (New Talk, completion), as ISO 8601 text ("2025-04-02T11:10:00+01:00"), for replaying a
   * past conference; '' for the clock.
   */
  scheduleClock: string;
  /** The folder `schedules` are relative to when a project config file set them (else the workspace folders). */
  scheduleFolder?: string;
  /** Most problems shown per file (those nearest the last edit); keeps huge files responsive. */
  maxProblems: number;
  /** Colour known project and people names (semantic tokens). */
  highlightNames: boolean;
  /** What Fix All (the command, the fix-all actions, fix on save) applies: names, and English spelling if asked. */
  fixAllInclude: FixAllKind[];
  /** Whose problems are published: the open files' only, or every notes file of the workspace (the index's). */
  problems: ProblemsScope;
}

/** talkNotes.problems: the files whose problems the editor shows. */
export type ProblemsScope = 'openFiles' | 'workspace';
export const PROBLEMS_SCOPES: ProblemsScope[] = ['openFiles', 'workspace'];

/** What Fix All applies (talkNotes.fixAll.include): name fixes, English spelling fixes. */
export type FixAllKind = 'names' | 'spelling';
export const FIX_ALL_KINDS: FixAllKind[] = ['names', 'spelling'];
export const DEFAULT_FIX_ALL_INCLUDE: FixAllKind[] = ['names'];

export const CHECK_CODES: CheckCode[] = ['casing', 'spacing', 'plural', 'domain', 'truncated', 'typo', 'misheard', 'person', 'learned', 'spelling', 'short-form'];

const NAME_SEVERITY: SeverityName = 'warning';

export const DEFAULT_SETTINGS: Settings = {
  enable: true,
  severity: {
    casing: NAME_SEVERITY,
    spacing: NAME_SEVERITY,
    plural: NAME_SEVERITY,
    domain: NAME_SEVERITY,
    truncated: NAME_SEVERITY,
    typo: NAME_SEVERITY,
    misheard: NAME_SEVERITY,
    person: NAME_SEVERITY,
    learned: NAME_SEVERITY,
    spelling: 'information',
    'short-form': 'hint',
  },
  knownNames: [],
  ignoredWords: [],
  dictionaryFile: '.talk-notes-dictionary.txt',
  catalogFiles: [],
  schedules: ['*.ics', 'schedule.json'],
  scheduleClock: '',
  maxProblems: 200,
  highlightNames: true,
  fixAllInclude: DEFAULT_FIX_ALL_INCLUDE,
  problems: 'openFiles',
};

const SEVERITIES: SeverityName[] = ['error', 'warning', 'information', 'hint', 'off'];

export interface ValidatedSettings {
  settings: Settings;
  /** One line per value that was ignored, naming the setting and what was wrong. */
  problems: string[];
}

function stringList(value: unknown, name: string, problems: string[]): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.push(`talkNotes.${name} should be a list of strings; it was ignored.`);
    return [];
  }
  const strings = value.filter((v): v is string => typeof v === 'string');
  if (strings.length !== value.length) problems.push(`talkNotes.${name}: ${value.length - strings.length} entries that are not strings were ignored.`);
  return strings.map((s) => s.trim()).filter(Boolean);
}

/** Reads `talkNotes.*` settings of any shape; unknown or broken values fall back to defaults. */
export function validateSettings(raw: unknown): ValidatedSettings {
  const problems: string[] = [];
  const settings: Settings = { ...DEFAULT_SETTINGS, severity: { ...DEFAULT_SETTINGS.severity } };
  if (raw === undefined || raw === null) return { settings, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push('talkNotes settings should be an object; defaults are used.');
    return { settings, problems };
  }
  const r = raw as Record<string, unknown>;
  if (r.enable !== undefined) {
    if (typeof r.enable === 'boolean') settings.enable = r.enable;
    else problems.push('talkNotes.enable should be true or false; it was ignored.');
  }
  if (r.severity !== undefined && r.severity !== null) {
    if (typeof r.severity !== 'object' || Array.isArray(r.severity)) {
      problems.push('talkNotes.severity should be an object such as { "casing": "warning" }; it was ignored.');
    } else {
      for (const [code, value] of Object.entries(r.severity as Record<string, unknown>)) {
        if (!CHECK_CODES.includes(code as CheckCode)) {
          problems.push(`talkNotes.severity.${code}: unknown check (known: ${CHECK_CODES.join(', ')}).`);
        } else if (typeof value !== 'string' || !SEVERITIES.includes(value.toLowerCase() as SeverityName)) {
          problems.push(`talkNotes.severity.${code} should be one of ${SEVERITIES.join(', ')}; it was ignored.`);
        } else {
          settings.severity[code as CheckCode] = value.toLowerCase() as SeverityName;
        }
      }
    }
  }
  settings.knownNames = stringList(r.knownNames, 'knownNames', problems);
  settings.ignoredWords = stringList(r.ignoredWords, 'ignoredWords', problems);
  settings.catalogFiles = stringList(r.catalogFiles, 'catalogFiles', problems);
  if (r.schedules !== undefined) settings.schedules = stringList(r.schedules, 'schedules', problems);
  if (r.scheduleClock !== undefined && r.scheduleClock !== null && r.scheduleClock !== '') {
    // An ISO date and time, with or without a zone (without: the user's clock reads it).
    if (typeof r.scheduleClock === 'string' && /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i.test(r.scheduleClock.trim())) {
      settings.scheduleClock = r.scheduleClock.trim();
    } else problems.push('talkNotes.scheduleClock should be a date and time such as 2025-04-02T11:10:00+01:00; the clock is used.');
  }
  if (r.dictionaryFile !== undefined) {
    if (typeof r.dictionaryFile === 'string' && r.dictionaryFile.trim()) settings.dictionaryFile = r.dictionaryFile.trim();
    else problems.push('talkNotes.dictionaryFile should be a file path; the default is used.');
  }
  if (r.highlightNames !== undefined) {
    if (typeof r.highlightNames === 'boolean') settings.highlightNames = r.highlightNames;
    else problems.push('talkNotes.highlightNames should be true or false; it was ignored.');
  }
  if (r.maxProblems !== undefined) {
    if (typeof r.maxProblems === 'number' && Number.isInteger(r.maxProblems) && r.maxProblems >= 1) settings.maxProblems = Math.min(r.maxProblems, 1_000_000);
    else problems.push('talkNotes.maxProblems should be a whole number of at least 1; the default is used.');
  }
  if (r.problems !== undefined) {
    if (PROBLEMS_SCOPES.includes(r.problems as ProblemsScope)) settings.problems = r.problems as ProblemsScope;
    else problems.push(`talkNotes.problems should be ${PROBLEMS_SCOPES.map((k) => `'${k}'`).join(' or ')}; the default is used.`);
  }
  // VS Code sends `talkNotes.fixAll.include` nested ({ fixAll: { include } }); other clients may send the dotted key.
  const fixAll = r.fixAll !== null && typeof r.fixAll === 'object' && !Array.isArray(r.fixAll) ? (r.fixAll as Record<string, unknown>).include : r['fixAll.include'];
  if (fixAll !== undefined && fixAll !== null) {
    const kinds = stringList(fixAll, 'fixAll.include', problems);
    const unknown = kinds.filter((k) => !FIX_ALL_KINDS.includes(k as FixAllKind));
    if (unknown.length) problems.push(`talkNotes.fixAll.include: unknown ${unknown.map((k) => `'${k}'`).join(', ')} ignored (known: ${FIX_ALL_KINDS.join(', ')}).`);
    if (Array.isArray(fixAll)) settings.fixAllInclude = FIX_ALL_KINDS.filter((k) => kinds.includes(k));
  }
  return { settings, problems };
}

/** Parses a workspace dictionary file: one name per line, # comments. Binary or garbage lines are skipped. */
export function parseDictionaryFile(content: string): { names: string[]; problems: string[] } {
  const problems: string[] = [];
  if (content.includes('\u0000')) return { names: [], problems: ['the dictionary file is binary; it was ignored.'] };
  const names: string[] = [];
  content.split(/\r?\n|\r/).forEach((line, k) => {
    const t = line.trim();
    if (!t || t.startsWith('#')) return;
    if (t.length > 100 || /[\p{Cc}]/u.test(t)) {
      problems.push(`line ${k + 1} of the dictionary file is not a name; it was skipped.`);
      return;
    }
    names.push(t);
  });
  return { names, problems };
}
