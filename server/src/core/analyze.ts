// One document, checked: blocks -> prose (cached per block) -> names learned from the whole file ->
// findings per segment -> disable comments applied. Also the outline, from the same parsed blocks.
import { splitBlocks, type Block } from './blocks.ts';
import { Catalog } from './catalog.ts';
import { applyDirectives, type Directive, directivesIn } from './directives.ts';
import type { WordList } from './english.ts';
import { catalogPersonNear, learnNames, peopleAtLineStart } from './learn.ts';
import { matchSegment, type MatchContext } from './match.ts';
import { parseProse, type OutlineNode, type ParsedProse, type ProseSegment } from './prose.ts';
import type { Settings } from './settings.ts';
import { buildOutline, type Outline } from './talks.ts';
import type { Finding } from './types.ts';

/** What every document shares: the catalog and the English word list. */
export interface Engine {
  catalog: Catalog;
  words: WordList;
}

export interface Analysis {
  text: string;
  findings: Finding[];
  outline: Outline;
  learned: Catalog;
  blocks: Block[];
}

interface BlockResult {
  prose: ParsedProse;
  /** Findings relative to the block, for the names known when they were computed. */
  findings?: Finding[];
  findingsFor?: string;
}

const CACHE_LIMIT = 20_000;

/**
 * Checks documents and keeps per-block results, so re-checking after an edit only parses and matches the
 * blocks whose text changed. One instance per open document (or one shared by a batch run).
 */
export class Analyzer {
  private cache = new Map<string, BlockResult>();

  constructor(private readonly engine: Engine) {}

  private block(text: string): BlockResult {
    let result = this.cache.get(text);
    if (!result) {
      result = { prose: parseProse(text) };
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      this.cache.set(text, result);
    }
    return result;
  }

  analyze(text: string, settings: Settings, extraNames: string[] = []): Analysis {
    const blocks = splitBlocks(text);
    const results = blocks.map((b) => (b.frontMatter ? undefined : this.block(b.text)));
    const live = new Set(blocks.map((b) => b.text));
    // Drop cached blocks that left the document, so memory follows the text.
    if (this.cache.size > live.size * 2 + 64) for (const key of [...this.cache.keys()]) if (!live.has(key)) this.cache.delete(key);

    const outlineNodes: OutlineNode[] = [];
    const segments: ProseSegment[] = [];
    const directives: Directive[] = [];
    blocks.forEach((b, k) => {
      const prose = results[k]?.prose;
      if (!prose) return;
      for (const n of prose.outline) outlineNodes.push(shiftNode(n, b.start));
      for (const s of prose.segments) segments.push({ text: s.text, start: s.start + b.start });
      for (const c of prose.comments) directives.push(...directivesIn(c.text, c.start + b.start));
    });

    const learned = learnNames(outlineNodes, segments, this.engine.catalog, this.engine.words, [...settings.knownNames, ...extraNames]);
    const ctx: MatchContext = {
      catalog: this.engine.catalog,
      learned,
      words: this.engine.words,
      ignored: new Set(settings.ignoredWords.map((w) => w.toLowerCase())),
    };
    const signature = learnedSignature(learned, ctx.ignored);
    const findings: Finding[] = [];
    blocks.forEach((b, k) => {
      const result = results[k];
      if (!result) return;
      if (result.findingsFor !== signature) {
        result.findings = result.prose.segments.flatMap((s) => matchSegment(s.text, s.start, ctx));
        result.findingsFor = signature;
      }
      for (const f of result.findings!) findings.push({ ...f, start: f.start + b.start, end: f.end + b.start, fixes: [...f.fixes] });
    });

    const enabled = findings.filter((f) => settings.severity[f.code] !== 'off');
    const outline = buildOutline(outlineNodes, text.length, (line) => speakerIn(line, this.engine.catalog, learned));
    return { text, findings: applyDirectives(enabled, directives, text), outline, learned, blocks };
  }
}

function shiftNode(node: OutlineNode, by: number): OutlineNode {
  if (node.type === 'heading') return { ...node, start: node.start + by, end: node.end + by };
  return { ...node, start: node.start + by, end: node.end + by, lines: node.lines.map((l) => ({ text: l.text, start: l.start + by })) };
}

function learnedSignature(learned: Catalog, ignored: Set<string>): string {
  return learned.entries.map((e) => e.canonical).join('\u0001') + '\u0002' + [...ignored].join('\u0001');
}

/** The speaker named at the start of a line, corrected against the catalog when it is a slip. */
export function speakerIn(line: string, catalog: Catalog, learned: Catalog): string | undefined {
  const names: string[] = [];
  for (const { name } of peopleAtLineStart(line)) {
    const known = [...catalog.lookup(name), ...learned.lookup(name)].find((e) => e.kind === 'person' || e.kind === 'learned');
    if (known) names.push(known.canonical);
    else {
      const near = catalogPersonNear(name, catalog);
      if (near) names.push(near);
    }
  }
  return names.length ? names.join(' & ') : undefined;
}
