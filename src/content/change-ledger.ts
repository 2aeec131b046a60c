/**
 * What was changed on the page, for the popup and the badge: totals by kind,
 * what each node holds (so a node the page rewrites can be taken out of the
 * totals), and a few examples per kind the popup can scroll to.
 */
import type { Edit, EditKind } from '../core/edits.ts';
import { changedCharacters } from '../core/fix.ts';
import type { ChangeSummary, PageCounts } from '../shared/messages.ts';
import type { Block } from './blocks.ts';

/** Examples kept per kind of change (the popup lists them). */
const MAX_EXAMPLES = 8;

const noCounts = (): PageCounts => ({ pinyin: 0, punctuation: 0, mojibake: 0, converted: 0 });

export class ChangeLedger {
  /** What was changed in each node, by kind (for the totals when the page rewrites a node). */
  private readonly byNode = new Map<Node, { counts: PageCounts; kinds: Map<EditKind, number> }>();
  private readonly targets = new Map<number, Node>();
  private nextId = 1;
  private totals: PageCounts = noCounts();
  private readonly summaries = new Map<EditKind, ChangeSummary>();

  /** Counts one edit made in a node (or, for attributes and the title, an element). */
  note(node: Node, e: Edit): void {
    let record = this.byNode.get(node);
    if (!record) this.byNode.set(node, (record = { counts: noCounts(), kinds: new Map() }));
    const chars = e.kind === 'convert' ? changedCharacters(e) : 0;
    const amount = e.kind === 'convert' ? chars : 1;
    record.counts[e.kind === 'convert' ? 'converted' : e.kind] += amount;
    record.kinds.set(e.kind, (record.kinds.get(e.kind) ?? 0) + 1);
    if (e.kind === 'convert') this.totals.converted += chars;
    else this.totals[e.kind]++;
    let s = this.summaries.get(e.kind);
    if (!s) this.summaries.set(e.kind, (s = { kind: e.kind, count: 0, examples: [] }));
    s.count++;
    // Only the examples the popup lists keep a reference to their node: a 10 MB text node has a million changes.
    if (s.examples.length < MAX_EXAMPLES) {
      const id = this.nextId++;
      s.examples.push({ id, reason: e.reason });
      this.targets.set(id, node);
    }
  }

  /** Counts a block's edits, each in the node where it starts. */
  noteBlock(block: Block, edits: readonly Edit[]): void {
    let i = 0;
    for (const e of edits) {
      while (i + 1 < block.nodes.length && block.starts[i + 1]! <= e.offset) i++;
      this.note(block.nodes[i]!, e);
    }
  }

  /** Forgets the changes recorded on a node (the page rewrote it). */
  forget(node: Node): void {
    const record = this.byNode.get(node);
    if (!record) return;
    this.totals.pinyin -= record.counts.pinyin;
    this.totals.punctuation -= record.counts.punctuation;
    this.totals.mojibake -= record.counts.mojibake;
    this.totals.converted -= record.counts.converted;
    for (const [kind, n] of record.kinds) {
      const s = this.summaries.get(kind);
      if (s) s.count -= n;
    }
    this.byNode.delete(node);
  }

  /** Forgets everything (after an undo). */
  clear(): void {
    this.byNode.clear();
    this.targets.clear();
    this.totals = noCounts();
    this.summaries.clear();
  }

  /** The totals, kept as changes come and go: the popup (and tests) may ask often on a page of 100,000 nodes. */
  counts(): PageCounts {
    return { ...this.totals };
  }

  /** The kinds of change with their counts and examples (copies). */
  list(): ChangeSummary[] {
    return [...this.summaries.values()].filter((x) => x.count > 0).map((x) => ({ ...x, examples: [...x.examples] }));
  }

  /** The node an example's id points to. */
  targetOf(id: number): Node | undefined {
    return this.targets.get(id);
  }
}
