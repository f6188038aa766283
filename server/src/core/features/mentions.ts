// Where projects and people are mentioned: per talk (for "Projects in This File" and Go to Talk search),
// and under the cursor (for references and definition).
import type { Catalog } from '../names/catalog.ts';
import type { Mention } from '../names/match.ts';
import type { Outline, Talk } from './talks.ts';

export interface TalkProjects {
  talk: Talk | null;
  projects: { name: string; count: number }[];
}

/** Names that are no projects: companies ("Isovalent") and events ("KubeCon"), as the catalog labels them. */
const NOT_PROJECTS = new Set(['company', 'event']);

function countIn(mentions: Mention[], isProject: (name: string) => boolean): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const m of mentions) if (m.kind !== 'person' && isProject(m.name)) counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
  return [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

/**
 * Projects mentioned in each talk, most mentioned first; notes before the first talk come as talk null. With
 * the catalog, companies and events are left out.
 */
export function projectsByTalk(outline: Outline, mentions: Mention[], catalog?: Catalog): TalkProjects[] {
  const verdicts = new Map<string, boolean>();
  const isProject = (name: string): boolean => {
    let v = verdicts.get(name);
    if (v === undefined) verdicts.set(name, (v = !catalog?.lookup(name).some((e) => e.canonical === name && NOT_PROJECTS.has(e.label ?? ''))));
    return v;
  };
  const countProjects = (list: Mention[]) => countIn(list, isProject);
  const out: TalkProjects[] = [];
  const firstTalk = outline.talks[0]?.start ?? Infinity;
  const before = mentions.filter((m) => m.start < firstTalk);
  if (before.length) out.push({ talk: null, projects: countProjects(before) });
  for (const talk of outline.talks) {
    out.push({ talk, projects: countProjects(mentions.filter((m) => m.start >= talk.start && m.start < talk.blockEnd)) });
  }
  return out;
}

/** The mention under the cursor, if any (inclusive of both ends, as a cursor right after a word counts). */
export function mentionAt(mentions: Mention[], offset: number): Mention | undefined {
  return mentions.find((m) => m.start <= offset && offset <= m.end);
}
