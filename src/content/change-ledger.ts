/**
 * What was changed on the page, for the popup and the badge: totals by kind,
 * what each node holds (so a node the page rewrites can be taken out of the
 * totals), and a few examples per kind the popup can scroll to.
 */
import { inputToOutput, type Edit, type EditKind } from '../core/edits.ts';
import { changedCharacters } from '../core/fix.ts';
import type { ChangeSummary, PageCounts } from '../shared/messages.ts';
import type { Block } from './blocks.ts';
import { rangeFor } from './ranges.ts';

/** Examples kept per kind of change (the popup lists them). */
const MAX_EXAMPLES = 8;
/** Characters of context on each side of a change in the popup's samples. */
const SAMPLE_CONTEXT = 4;
const SAMPLE_CHAR = /[\p{Script=Han}\p{P}]/u;
const SAMPLE_STOP = /[()（）]/;

/** A listed example: the changed characters on the page now, and the text around the change before and after it. */
interface Example { range?: Range; before: string; after: string }

const noCounts = (): PageCounts => ({ pinyin: 0, punctuation: 0, mojibake: 0, converted: 0 });

export class ChangeLedger {
  /** What was changed in each node, by kind (for the totals when the page rewrites a node). */
  private readonly byNode = new Map<Node, { counts: PageCounts; kinds: Map<EditKind, number> }>();
  private readonly targets = new Map<number, Node>();
  /** The changed characters of each listed example, as live ranges (a click in the popup selects exactly them). */
  private readonly ranges = new Map<number, Range>();
  private nextId = 1;
  private totals: PageCounts = noCounts();
  private readonly summaries = new Map<EditKind, ChangeSummary>();

  /** Counts one edit made in a node (or, for attributes and the title, an element). */
  note(node: Node, e: Edit, example?: () => Example): void {
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
      const x = example?.();
      s.examples.push(x ? { id, reason: e.reason, before: x.before, after: x.after } : { id, reason: e.reason });
      this.targets.set(id, node);
      if (x?.range) this.ranges.set(id, x.range);
    }
  }

  /** Counts a block's edits, each in the node where it starts; `now` reads the block as written (for the examples' ranges). */
  noteBlock(doc: Document, block: Block, edits: readonly Edit[], now: () => Block): void {
    let i = 0;
    let written: Block | undefined;
    for (const e of edits) {
      while (i + 1 < block.nodes.length && block.starts[i + 1]! <= e.offset) i++;
      this.note(block.nodes[i]!, e, () => exampleOf(doc, (written ??= now()), block.text, edits, e));
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
    this.ranges.clear();
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

  /** The changed characters of an example, where they are still on the page. */
  rangeOf(id: number): Range | undefined {
    const r = this.ranges.get(id);
    return r && !r.collapsed && r.startContainer.isConnected ? r : undefined;
  }
}

/**
 * An example for the popup: the changed characters on the page now (for a
 * removal, the character it followed) and the text around the change
 * before and after it.
 */
function exampleOf(doc: Document, now: Block, input: string, edits: readonly Edit[], e: Edit): Example {
  const start = inputToOutput(edits, e.offset);
  const end = start + e.replacement.length;
  const range = rangeFor(doc, now, end > start ? start : Math.max(0, start - 1), end > start ? end : start);
  // Context is Chinese text and punctuation only, so a neighbouring annotation's half does not show.
  let a = e.offset;
  while (a > 0 && e.offset - a < SAMPLE_CONTEXT && SAMPLE_CHAR.test(input[a - 1]!) && !SAMPLE_STOP.test(input[a - 1]!)) a--;
  let b = e.offset + e.length;
  while (b < input.length && b - e.offset - e.length < SAMPLE_CONTEXT && SAMPLE_CHAR.test(input[b]!) && !SAMPLE_STOP.test(input[b]!)) b++;
  return { range, before: input.slice(a, b), after: input.slice(a, e.offset) + e.replacement + input.slice(e.offset + e.length, b) };
}
