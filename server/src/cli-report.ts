// Reports for CI: GitHub workflow-command annotations (`--format github`) and SARIF 2.1.0 (`--format sarif`,
// for code scanning). Both list the problems above hint level, the ones the exit status counts.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { CHECK_CODES, DEFAULT_SETTINGS } from './core/check/settings.ts';
import type { CheckCode, SeverityName } from './core/types.ts';

export interface ReportedProblem {
  /** 1-based, columns in UTF-16 code units (as editors count); the end is just after the last character. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: SeverityName;
  code: CheckCode;
  message: string;
  /** The fix, when it is clearly right. */
  fix?: string;
}

export interface ReportedFile {
  /** As shown: relative to the working folder when inside it. */
  file: string;
  absolute: string;
  problems: ReportedProblem[];
}

/** What each check catches (as in the talkNotes.severity setting's descriptions; a test keeps them equal). */
export const CHECK_DESCRIPTIONS: Record<CheckCode, string> = {
  casing: 'A known name written in the wrong case: ETCD → etcd, Kubevirt → KubeVirt.',
  spacing: 'A known name with spaces missing or added: CloudFoundry → Cloud Foundry.',
  plural: 'A known name written singular or plural by mistake: CloudEvent → CloudEvents.',
  domain: "A project's web domain used as its name: Dapr.io → Dapr.",
  truncated: 'A multi-word name cut short: Open Policy A → Open Policy Agent.',
  typo: 'A misspelled project name: Promethus → Prometheus.',
  misheard: 'A name written as it sounds: Sillium → Cilium.',
  person: 'A misspelled name of a known person in the community: Derek Collision → Derek Collison.',
  learned: "A near miss of a name this file itself uses elsewhere (a speaker, a product named in a heading): Lockland → Lachlan when 'Lachlan Evenson' is the speaker.",
  spelling: 'English spelling, with cloud-native terms known: healhty → healthy.',
  'short-form': 'An accepted short form of a name (k8s, OTel): a hint offering the full name, never an error.',
};

export const reported = (severity: SeverityName): boolean => severity !== 'hint' && severity !== 'off';

// ------------------------------------------------------------------ GitHub

/** A message as GitHub's workflow commands read it: %, CR and LF escaped. */
export const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/** A property value: also ':' and ',', which end a value. */
export const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

const GITHUB_LEVEL: Record<string, string> = { error: 'error', warning: 'warning', information: 'notice' };

/** `::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`, one line per problem. */
export function githubLines(files: readonly ReportedFile[]): string[] {
  const out: string[] = [];
  for (const f of files) {
    // GitHub wants the path from the repository's top, which is where workflows run; '/' separated.
    const file = escapeProperty(f.file.split(path.sep).join('/'));
    for (const p of f.problems) {
      if (!reported(p.severity)) continue;
      const props = `file=${file},line=${p.line},col=${p.column},endLine=${p.endLine},endColumn=${p.endColumn},title=${escapeProperty(`Talk Notes (${p.code})`)}`;
      out.push(`::${GITHUB_LEVEL[p.severity]} ${props}::${escapeData(p.message)}`);
    }
  }
  return out;
}

// ------------------------------------------------------------------ SARIF

const SARIF_LEVEL: Record<string, Result.level> = { error: 'error', warning: 'warning', information: 'note' };
const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** A relative path as a URI reference: each segment percent-encoded. */
const uriReference = (relative: string): string => relative.split(/[\\/]/).map(encodeURIComponent).join('/');

/** One run of Talk Notes as a SARIF 2.1.0 log; paths inside `cwd` are relative to it (%SRCROOT%). */
export function sarifLog(files: readonly ReportedFile[], cwd: string, version: string): Log {
  const rules: ReportingDescriptor[] = CHECK_CODES.map((code) => ({
    id: code,
    name: code.replace(/-(\w)/g, (_m, c: string) => c.toUpperCase()),
    shortDescription: { text: CHECK_DESCRIPTIONS[code].replace(/:.*$/, '.') },
    fullDescription: { text: CHECK_DESCRIPTIONS[code] },
    defaultConfiguration: { level: SARIF_LEVEL[DEFAULT_SETTINGS.severity[code]] ?? 'none' },
  }));
  const results: Result[] = [];
  for (const f of files) {
    const relative = path.relative(cwd, f.absolute);
    const inside = relative && !relative.startsWith('..') && !path.isAbsolute(relative);
    const artifactLocation = inside ? { uri: uriReference(relative), uriBaseId: '%SRCROOT%' } : { uri: pathToFileURL(f.absolute).href };
    for (const p of f.problems) {
      if (!reported(p.severity)) continue;
      const region = { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn };
      const result: Result = {
        ruleId: p.code,
        ruleIndex: CHECK_CODES.indexOf(p.code),
        level: SARIF_LEVEL[p.severity],
        message: { text: p.message },
        locations: [{ physicalLocation: { artifactLocation, region } }],
      };
      if (p.fix !== undefined) {
        result.fixes = [{ description: { text: `Replace with '${p.fix}'` }, artifactChanges: [{ artifactLocation, replacements: [{ deletedRegion: region, insertedContent: { text: p.fix } }] }] }];
      }
      results.push(result);
    }
  }
  return {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Talk Notes', semanticVersion: version, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd).href.replace(/\/?$/, '/') } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}
