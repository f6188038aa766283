// Counts of strings that know when an item reaches or leaves a threshold: the document-wide tallies of
// name candidates (NotesDocument), updated block by block as blocks come and go.

/** Counts of strings, for the document-wide tallies of name candidates. */
export class Tally {
  readonly counts = new Map<string, number>();
  /** Bumped when an item reaches or leaves `threshold` uses: only then can the learned names change. */
  changes = 0;
  constructor(private readonly threshold = 1) {}
  add(items: Iterable<string>, sign: 1 | -1): void {
    // Lists (a block's speakers) by index: this runs for blocks of a whole file before the code is optimized,
    // when each step of a for-of loop makes an object.
    if (Array.isArray(items)) for (let k = 0; k < items.length; k++) this.addCount(items[k], sign);
    else for (const item of items) this.addCount(item, sign);
  }
  addCount(item: string, n: number): void {
    const before = this.counts.get(item) ?? 0;
    const total = before + n;
    if (total > 0) this.counts.set(item, total);
    else this.counts.delete(item);
    if (before >= this.threshold !== total >= this.threshold) this.changes++;
  }
  keys(min = 1): string[] {
    const out: string[] = [];
    for (const [k, n] of this.counts) if (n >= min) out.push(k);
    return out;
  }
}
