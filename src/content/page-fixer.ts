import { analyze } from '../core/analyze.ts';
import { inputToOutput, type Edit, type EditKind } from '../core/edits.ts';
import type { LostSpan } from '../core/mojibake/find-mojibake.ts';
import { fix, type FixOptions } from '../core/fix.ts';
import type { ChangeSummary, PageCounts, PageState } from '../shared/messages.ts';
import type { SiteChoice } from '../shared/settings.ts';
import { newNodeTexts } from './apply-edits.ts';
import { blocksContaining, collectBlocks, isInSkippedRegion, isSkipped, type Block } from './blocks.ts';
import { Journal } from './journal.ts';
import { clearHighlight, namedHighlight, rangeFor } from './ranges.ts';

/** Highlight name for characters lost to mojibake (styled in content.css). */
const LOST_HIGHLIGHT = 'zhengwen-lost';
import { yieldToPage } from './yield.ts';

/** Attributes people read: repaired and converted like text. */
export const READABLE_ATTRIBUTES = ['title', 'alt', 'placeholder', 'aria-label'] as const;

/** A page that keeps rewriting a node we fixed gets this many fixes, then the node is left to it. */
const MAX_REWRITES_PER_NODE = 5;
/**
 * Text read for the page-level verdict: a mirror's pattern shows within the
 * first few thousand characters; more adds no evidence and costs a long task.
 */
const MAX_JUDGED_CHARS = 200_000;
/** Work in slices of this many milliseconds, then let the page run. */
const SLICE_MS = 12;

interface Change { id: number; kind: EditKind; reason: string; /** Characters written, for conversions. */ chars: number }

/** What runs on top of the repaired text (ruby, underlines), told when blocks change and before an undo. */
export interface PageLayers {
  afterBlocks(blocks: Block[]): Promise<void>;
  beforeRestore(): void;
}

interface PageJudgement { pinyin: boolean; punctuation: boolean; mirror: boolean; verdict: string }

/**
 * Runs the engine over one document: collects blocks, judges the page once,
 * rewrites text nodes and attributes, keeps the undo journal, and follows
 * content that arrives later without re-processing its own writes.
 */
export class PageFixer {
  private readonly journal = new Journal();
  private readonly observer: MutationObserver;
  private choice: SiteChoice = 'off';
  private repair = true;
  private showingOriginal = false;
  private judgement: PageJudgement | undefined;
  private judgedText = '';
  private readonly changes = new Map<Node, Change[]>();
  private readonly changeTargets = new Map<number, Node>();
  private nextChangeId = 1;
  private readonly rewrites = new WeakMap<Text, number>();
  private readonly pendingTexts = new Set<Text>();
  private readonly pendingElements = new Set<Element>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private queue: Promise<void> = Promise.resolve();
  private target = 'keep';
  private lostMarks = 0;

  /** True once the first pass over the page is done. */
  ready = false;
  /** Set by the content script: ruby and glossary underlines. */
  layers: PageLayers | undefined;

  constructor(private readonly doc: Document, private readonly onChange: () => void) {
    this.observer = new MutationObserver((records) => this.onMutations(records));
  }

  /**
   * Applies a site choice and the repair switch: undoes, then re-runs, only
   * when something changed. Resolves to whether it re-ran.
   */
  async configure(choice: SiteChoice, repair: boolean): Promise<boolean> {
    let reran = false;
    await this.enqueue(async () => {
      if (choice === this.choice && repair === this.repair && (this.judgement || this.showingOriginal)) return;
      reran = true;
      this.choice = choice;
      this.repair = repair;
      this.restore();
      if (choice !== 'off' && !this.showingOriginal) await this.runAll();
      else this.stopObserving();
    });
    return reran;
  }

  /** Re-runs the layers (ruby, underlines) over the whole page, after display settings changed. */
  refreshLayers(): Promise<void> {
    return this.enqueue(async () => {
      if (!this.running || !this.doc.body) return;
      this.layers?.beforeRestore();
      await this.layers?.afterBlocks(collectBlocks(this.doc.body));
    });
  }

  /** Shows the page's original text (exact undo) or the repaired text again. */
  setOriginal(original: boolean): Promise<void> {
    return this.enqueue(async () => {
      if (original === this.showingOriginal) return;
      this.showingOriginal = original;
      if (original) {
        this.stopObserving();
        this.restore(false);
      } else if (this.choice !== 'off') {
        await this.runAll();
      }
      this.onChange();
    });
  }

  /** Flips between original and repaired. */
  toggleOriginal(): Promise<void> {
    return this.setOriginal(!this.showingOriginal);
  }

  /** What the popup shows. */
  state(): PageState {
    const counts: PageCounts = { pinyin: 0, punctuation: 0, mojibake: 0, converted: 0 };
    const byKind = new Map<EditKind, ChangeSummary>();
    for (const list of this.changes.values()) {
      for (const c of list) {
        if (c.kind === 'convert') counts.converted += c.chars;
        else counts[c.kind]++;
        let s = byKind.get(c.kind);
        if (!s) byKind.set(c.kind, (s = { kind: c.kind, count: 0, examples: [] }));
        s.count++;
        if (s.examples.length < 8) s.examples.push({ id: c.id, reason: c.reason });
      }
    }
    return {
      host: this.doc.location?.hostname ?? '',
      ready: this.ready,
      active: this.choice !== 'off' && (this.judgement !== undefined || this.showingOriginal),
      showingOriginal: this.showingOriginal,
      verdict: this.judgement?.verdict ?? '',
      target: this.target,
      counts,
      lost: this.lostMarks,
      changes: [...byKind.values()],
    };
  }

  /** Scrolls a change into view and selects it briefly. */
  reveal(id: number): void {
    const node = this.changeTargets.get(id);
    const el = node instanceof Element ? node : node?.parentElement;
    if (!el || !el.isConnected) return;
    el.scrollIntoView({ block: 'center' });
    if (node instanceof Text) {
      const range = this.doc.createRange();
      range.selectNodeContents(node);
      const sel = this.doc.getSelection();
      sel?.removeAllRanges();
      sel?.addRange(range);
    }
  }

  private enqueue(job: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(job, job);
    return this.queue;
  }

  /** Runs DOM writes of our own (ruby) with the observer paused. */
  withoutObserving(write: () => void): void {
    this.pauseObserver(write);
  }

  /** True while the page is processed and shown repaired. */
  get running(): boolean {
    return this.choice !== 'off' && !this.showingOriginal && this.judgement !== undefined;
  }

  /** Undoes everything we wrote and forgets what we did (and, unless kept, the page verdict). */
  private restore(forgetVerdict = true): void {
    this.layers?.beforeRestore();
    clearHighlight(LOST_HIGHLIGHT);
    this.lostMarks = 0;
    this.pauseObserver(() => this.journal.undo(this.doc));
    this.changes.clear();
    this.changeTargets.clear();
    if (forgetVerdict) {
      this.judgement = undefined;
      this.judgedText = '';
    }
  }

  private async runAll(): Promise<void> {
    const body = this.doc.body;
    if (!body) return;
    this.judgement = undefined;
    this.judgedText = '';
    const blocks = collectBlocks(body);
    const attributeElements = [...body.querySelectorAll(READABLE_ATTRIBUTES.map((a) => `[${a}]`).join(','))];
    this.judge(blocks.map((b) => b.text), attributeElements);
    this.startObserving();
    await this.processBlocks(visibleFirst(blocks));
    await this.processAttributes(attributeElements);
    await this.processTitle();
    await this.layers?.afterBlocks(blocks.map(refreshed));
    this.onChange();
  }

  /** Judges the whole page once (mirror or not), from its text and readable attributes. */
  private judge(texts: string[], elements: Element[]): void {
    const parts = [this.doc.title, ...texts];
    for (const el of elements) for (const a of READABLE_ATTRIBUTES) { const v = el.getAttribute(a); if (v) parts.push(v); }
    let text = this.judgedText ? this.judgedText + '\n' + parts.join('\n') : parts.join('\n');
    if (text.length > MAX_JUDGED_CHARS) text = text.slice(0, MAX_JUDGED_CHARS);
    this.judgedText = text;
    const a = analyze(text);
    // Once a page is judged a mirror it stays one: later paragraphs do not undo the verdict.
    const was = this.judgement;
    this.judgement = {
      pinyin: a.pinyin.mirror || (was?.pinyin ?? false),
      punctuation: a.punctuation.damage || (was?.punctuation ?? false),
      mirror: a.mirror || (was?.mirror ?? false),
      verdict: a.verdict,
    };
    if (was?.mirror && !a.mirror) this.judgement.verdict = was.verdict;
  }

  private fixOptions(): FixOptions {
    const j = this.judgement!;
    const to = this.choice === 'off' ? 'keep' : this.choice;
    this.target = to === 'auto' ? (j.mirror ? 'cn' : 'keep') : to;
    return { to, repair: this.repair, mirror: { pinyin: j.pinyin, punctuation: j.punctuation }, pageIsMirror: j.mirror };
  }

  private async processBlocks(blocks: Block[]): Promise<void> {
    const options = this.fixOptions();
    let sliceStart = performance.now();
    let writes: [Block, Edit[], LostSpan[]][] = [];
    for (const block of blocks) {
      if (!/\p{Script=Han}/u.test(block.text)) continue;
      const r = await fix(block.text, options);
      if (r.edits.length || r.lost.length) writes.push([block, r.edits, r.lost]);
      if (performance.now() - sliceStart > SLICE_MS) {
        this.writeBlocks(writes);
        writes = [];
        await yieldToPage();
        sliceStart = performance.now();
      }
    }
    this.writeBlocks(writes);
  }

  private writeBlocks(writes: [Block, Edit[], LostSpan[]][]): void {
    if (writes.length === 0) return;
    const marks: [Block, Edit[], LostSpan[]][] = [];
    this.pauseObserver(() => {
      for (const [block, edits, lost] of writes) {
        // The page may have changed a node while we worked: skip blocks whose text moved on.
        if (block.nodes.some((n, i) => !n.isConnected || n.data.length !== nodeLength(block, i))) continue;
        for (const [node, text] of newNodeTexts(block, edits)) {
          if ((this.rewrites.get(node) ?? 0) > MAX_REWRITES_PER_NODE) continue;
          this.journal.text(node, node.data, text);
          node.data = text;
        }
        this.recordChanges(block, edits);
        if (lost.length) marks.push([block, edits, lost]);
      }
    });
    for (const [block, edits, lost] of marks) this.markLost(block, edits, lost);
  }

  /** Marks characters lost to mojibake (never guessed) with a highlight, drawn over the repaired text. */
  private markLost(block: Block, edits: readonly Edit[], lost: readonly LostSpan[]): void {
    const highlight = namedHighlight(LOST_HIGHLIGHT);
    if (!highlight) return;
    const now = refreshed(block);
    for (const span of lost) {
      const start = inputToOutput(edits, span.offset);
      // A loss with nothing standing for it (length 0) is marked on the character before it.
      const from = span.length > 0 ? start : Math.max(0, start - 1);
      const to = span.length > 0 ? inputToOutput(edits, span.offset + span.length) : start;
      const range = rangeFor(this.doc, now, from, to);
      if (range && !range.collapsed) highlight.add(range);
    }
    this.lostMarks += lost.length;
  }

  private recordChanges(block: Block, edits: readonly Edit[]): void {
    let i = 0;
    for (const e of edits) {
      while (i + 1 < block.nodes.length && block.starts[i + 1]! <= e.offset) i++;
      const node = block.nodes[i]!;
      let list = this.changes.get(node);
      if (!list) this.changes.set(node, (list = []));
      const id = this.nextChangeId++;
      list.push({ id, kind: e.kind, reason: e.reason, chars: [...e.replacement].length });
      this.changeTargets.set(id, node);
    }
  }

  private async processAttributes(elements: Element[]): Promise<void> {
    const options = this.fixOptions();
    const writes: [Element, string, string, Edit[]][] = [];
    for (const el of elements) {
      if (isSkipped(el) || isInSkippedRegion(el)) continue;
      for (const name of READABLE_ATTRIBUTES) {
        const value = el.getAttribute(name);
        if (!value || !/\p{Script=Han}/u.test(value)) continue;
        const r = await fix(value, options);
        if (r.text !== value) writes.push([el, name, r.text, r.edits]);
      }
    }
    this.pauseObserver(() => {
      for (const [el, name, text, edits] of writes) {
        const before = el.getAttribute(name) ?? '';
        this.journal.attribute(el, name, before, text);
        el.setAttribute(name, text);
        for (const e of edits) this.noteChange(el, e);
      }
    });
  }

  private async processTitle(): Promise<void> {
    const title = this.doc.title;
    if (!title || !/\p{Script=Han}/u.test(title)) return;
    const r = await fix(title, this.fixOptions());
    if (r.text === title) return;
    this.pauseObserver(() => {
      this.journal.documentTitle(title, r.text);
      this.doc.title = r.text;
    });
    for (const e of r.edits) this.noteChange(this.doc.documentElement, e);
  }

  private noteChange(node: Node, e: Edit): void {
    let list = this.changes.get(node);
    if (!list) this.changes.set(node, (list = []));
    const id = this.nextChangeId++;
    list.push({ id, kind: e.kind, reason: e.reason, chars: [...e.replacement].length });
    this.changeTargets.set(id, node);
  }

  private startObserving(): void {
    this.observer.observe(this.doc.documentElement, {
      subtree: true, childList: true, characterData: true,
      attributes: true, attributeFilter: [...READABLE_ATTRIBUTES],
    });
  }

  private stopObserving(): void {
    this.observer.disconnect();
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.pendingTexts.clear();
    this.pendingElements.clear();
  }

  /** Runs our own writes with the observer off, so they never come back to us as page changes. */
  private pauseObserver(write: () => void): void {
    const observing = this.judgement !== undefined && this.choice !== 'off' && !this.showingOriginal;
    this.observer.disconnect();
    try {
      write();
    } finally {
      if (observing) this.startObserving();
    }
  }

  private onMutations(records: MutationRecord[]): void {
    for (const r of records) {
      if (r.type === 'characterData') {
        const node = r.target as Text;
        const entry = this.journal.entryFor(node);
        if (entry && node.data !== entry.written) {
          // The page rewrote a node we fixed: its new text is its own original now.
          this.journal.forget(node);
          this.changes.delete(node);
          this.rewrites.set(node, (this.rewrites.get(node) ?? 0) + 1);
        }
        this.pendingTexts.add(node);
      } else if (r.type === 'childList') {
        for (const n of r.addedNodes) {
          if (n.nodeType === Node.TEXT_NODE) this.pendingTexts.add(n as Text);
          else if (n.nodeType === Node.ELEMENT_NODE) this.pendingElements.add(n as Element);
        }
        if (r.target.nodeName === 'TITLE') this.pendingElements.add(r.target as Element);
      } else if (r.type === 'attributes') {
        this.pendingElements.add(r.target as Element);
      }
    }
    if ((this.pendingTexts.size || this.pendingElements.size) && this.flushTimer === undefined) {
      // Batch bursts of changes (infinite scroll appends many nodes at once), but never
      // postpone: a page that appends every 40 ms still gets a pass every 50 ms.
      this.flushTimer = setTimeout(() => {
        this.flushTimer = undefined;
        void this.enqueue(() => this.flush());
      }, 50);
    }
  }

  private async flush(): Promise<void> {
    if (this.choice === 'off' || this.showingOriginal || !this.judgement) return;
    const texts = new Set(this.pendingTexts);
    const elements = [...this.pendingElements].filter((e) => e.isConnected);
    this.pendingTexts.clear();
    this.pendingElements.clear();
    let titleChanged = false;
    const attributeElements: Element[] = [];
    for (const el of elements) {
      if (el.nodeName === 'TITLE' || el.closest('title')) { titleChanged = true; continue; }
      if (isInSkippedRegion(el) || isSkipped(el)) continue;
      for (const b of collectBlocks(el)) for (const n of b.nodes) texts.add(n);
      if (READABLE_ATTRIBUTES.some((a) => el.hasAttribute(a))) attributeElements.push(el);
      attributeElements.push(...el.querySelectorAll(READABLE_ATTRIBUTES.map((a) => `[${a}]`).join(',')));
    }
    const blocks = blocksContaining(texts);
    if (!this.judgement.mirror) this.judge(blocks.map((b) => b.text), attributeElements);
    await this.processBlocks(blocks);
    await this.processAttributes(attributeElements);
    if (titleChanged) await this.processTitle();
    await this.layers?.afterBlocks(blocks.map(refreshed));
    this.onChange();
  }
}

/**
 * The blocks on screen first, the rest in page order: the reader sees the
 * repaired text at once on a long page. The rectangles are read before any
 * write, so the page is laid out once, not once per block.
 */
function visibleFirst(blocks: Block[]): Block[] {
  if (blocks.length < 50) return blocks;
  const height = blocks[0]!.element.ownerDocument.defaultView?.innerHeight ?? 0;
  const seen: Block[] = [];
  const rest: Block[] = [];
  for (const b of blocks) {
    const r = b.element.getBoundingClientRect();
    (r.bottom >= -height && r.top <= 2 * height ? seen : rest).push(b);
  }
  return seen.concat(rest);
}

/** A block's text and offsets as they are now (after our writes). */
function refreshed(block: Block): Block {
  const starts: number[] = [];
  let n = 0;
  const nodes = block.nodes.filter((x) => x.isConnected);
  for (const node of nodes) { starts.push(n); n += node.data.length; }
  return { element: block.element, nodes, starts, text: nodes.map((x) => x.data).join('') };
}

function nodeLength(block: Block, i: number): number {
  const next = i + 1 < block.starts.length ? block.starts[i + 1]! : block.text.length;
  return next - block.starts[i]!;
}
