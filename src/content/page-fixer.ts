import { analyzeInPieces } from '../core/analyze.ts';
import { inputToOutput, type Edit, type EditKind } from '../core/edits.ts';
import type { LostSpan } from '../core/mojibake/find-mojibake.ts';
import { preloadConverter, type Target } from '../core/convert.ts';
import { changedCharacters, fix, type FixOptions } from '../core/fix.ts';
import type { ScriptCounts } from '../core/script.ts';
import type { ChangeSummary, PageCounts, PageState } from '../shared/messages.ts';
import type { SiteChoice } from '../shared/settings.ts';
import { newNodeTexts } from './apply-edits.ts';
import { pageSample, preloadGuessedConversion } from './conversion-guess.ts';
import { BlockCollector, blocksContaining, collectBlocks, isInSkippedRegion, isSkipped, type Block } from './blocks.ts';
import { FrameWriter } from './frame-writer.ts';
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
/** The verdict is worked out this many characters at a time, with a turn for the page between. */
const JUDGED_PIECE_CHARS = 20_000;
/** The document title is written at most this many times (a page may keep putting it back). */
const MAX_TITLE_WRITES = 2;
/** Blocks longer than this are fixed in pieces (one 10 MB text node must not be one task). */
const CHUNK_CHARS = 100_000;
/** Characters of context on each side of a change in the popup's samples. */
const SAMPLE_CONTEXT = 4;
const SAMPLE_CHAR = /[\p{Script=Han}\p{P}]/u;
const SAMPLE_STOP = /[()（）]/;
/** Work in slices of this many milliseconds, then let the page run. */
const SLICE_MS = 12;

/** What runs on top of the repaired text (ruby, underlines), told when blocks change and before an undo. */
export interface PageLayers {
  afterBlocks(blocks: Block[]): Promise<void>;
  beforeRestore(): void;
}

interface PageJudgement { pinyin: boolean; punctuation: boolean; mirror: boolean; verdict: string; counts: ScriptCounts }

/** A block's fix, waiting to be written. */
type BlockWrite = [Block, Edit[], LostSpan[]];

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
  /** What was changed in each node, by kind (for the totals when the page rewrites a node). */
  private readonly changes = new Map<Node, { counts: PageCounts; kinds: Map<EditKind, number> }>();
  private readonly changeTargets = new Map<number, Node>();
  /** The changed characters of each listed example, as live ranges (a click in the popup selects exactly them). */
  private readonly changeRanges = new Map<number, Range>();
  private nextChangeId = 1;
  private readonly rewrites = new WeakMap<Text, number>();
  private writesPerElement = new WeakMap<Element, number>();
  private totals: PageCounts = { pinyin: 0, punctuation: 0, mojibake: 0, converted: 0 };
  private readonly summaries = new Map<EditKind, ChangeSummary>();
  private readonly pendingTexts = new Set<Text>();
  private readonly pendingElements = new Set<Element>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private queue: Promise<void> = Promise.resolve();
  private target: Target = 'keep';
  private lostMarks = 0;
  private titleWrites = 0;
  private readonly writer: FrameWriter<BlockWrite>;
  /** True once the engine has fixed something on this page (its tables are loaded). */
  private warm = false;

  /** True once the first pass over the page is done. */
  ready = false;
  /** Set by the content script: ruby and glossary underlines. */
  layers: PageLayers | undefined;

  constructor(private readonly doc: Document, private readonly onChange: () => void) {
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.writer = new FrameWriter<BlockWrite>(doc, (batch) => this.writeBlocks(batch), ([block]) => block.text.length);
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
    // Totals are kept as changes come and go: the popup (and tests) may ask often on a page of 100,000 nodes.
    const counts: PageCounts = { ...this.totals };
    return {
      host: this.doc.location?.hostname ?? '',
      ready: this.ready,
      active: this.choice !== 'off' && (this.judgement !== undefined || this.showingOriginal),
      showingOriginal: this.showingOriginal,
      verdict: this.judgement?.verdict ?? '',
      target: this.target,
      counts,
      lost: this.lostMarks,
      changes: [...this.summaries.values()].filter((x) => x.count > 0).map((x) => ({ ...x, examples: [...x.examples] })),
      mirror: this.judgement?.mirror ?? false,
      script: this.judgement?.counts.script ?? '',
    };
  }

  /** Scrolls a change into view and selects it: exactly the changed characters where they are still on the page. */
  reveal(id: number): void {
    const range = this.changeRanges.get(id);
    if (range && !range.collapsed && range.startContainer.isConnected) {
      (range.startContainer.parentElement ?? this.doc.body)?.scrollIntoView({ block: 'center' });
      const sel = this.doc.getSelection();
      sel?.removeAllRanges();
      sel?.addRange(range.cloneRange());
      return;
    }
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
    this.changeRanges.clear();
    this.totals = { pinyin: 0, punctuation: 0, mojibake: 0, converted: 0 };
    this.summaries.clear();
    this.writesPerElement = new WeakMap();
    this.titleWrites = 0;
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
    // Before anything else: the tables take longer to arrive than all the work before the first fix.
    if (!this.warm) preloadGuessedConversion(pageSample(body), this.choice);
    // Not in the task that evaluated the engine module: that task is long enough on its own.
    await yieldToPage();
    // Reading a long page takes several slices: what the page changes meanwhile is queued
    // by the observer and processed after this pass, like any later change.
    this.startObserving();
    const collector = new BlockCollector(body);
    while (!collector.collect(performance.now() + SLICE_MS)) await yieldToPage();
    const blocks = collector.blocks;
    const attributeElements = [...body.querySelectorAll(READABLE_ATTRIBUTES.map((a) => `[${a}]`).join(','))];
    await yieldToPage();
    await this.judge(blocks.map((b) => b.text), attributeElements);
    await yieldToPage();
    const ordered = visibleFirst(blocks);
    await this.processBlocks(ordered.blocks, ordered.visible);
    await this.processAttributes(attributeElements);
    await this.processTitle();
    await this.layers?.afterBlocks(await refreshedInSlices(blocks));
    this.onChange();
  }

  /** Judges the whole page once (mirror or not), from its text and readable attributes, in time slices. */
  private async judge(texts: string[], elements: Element[]): Promise<void> {
    const doc = this.doc;
    function* parts(): Generator<string> {
      yield doc.title;
      yield* texts;
      for (const el of elements) for (const a of READABLE_ATTRIBUTES) { const v = el.getAttribute(a); if (v) yield v; }
    }
    const text = joinedUpTo(this.judgedText ? this.judgedText + '\n' : '', parts(), MAX_JUDGED_CHARS);
    this.judgedText = text;
    const a = await analyzeInPieces(text, yieldToPage, JUDGED_PIECE_CHARS);
    // Once a page is judged a mirror it stays one: later paragraphs do not undo the verdict.
    const was = this.judgement;
    this.judgement = {
      pinyin: a.pinyin.mirror || (was?.pinyin ?? false),
      punctuation: a.punctuation.damage || (was?.punctuation ?? false),
      mirror: a.mirror || (was?.mirror ?? false),
      verdict: a.verdict,
      // Counts only: the analysis itself holds every finding of up to 200,000 characters.
      counts: { script: a.script, han: a.han, traditionalOnly: a.traditionalOnly, simplifiedOnly: a.simplifiedOnly },
    };
    if (was?.mirror && !a.mirror) this.judgement.verdict = was.verdict;
  }

  private fixOptions(): FixOptions {
    const j = this.judgement!;
    const to = this.choice === 'off' ? 'keep' : this.choice;
    this.target = to === 'auto' ? (j.mirror ? 'cn' : 'keep') : to;
    return { to, repair: this.repair, mirror: { pinyin: j.pinyin, punctuation: j.punctuation }, pageIsMirror: j.mirror };
  }

  /**
   * Fixes blocks in time slices. The first `visible` blocks (those on screen)
   * are written in the next frame; the rest go to the frame writer, which
   * writes them in batches a frame can lay out.
   */
  private async processBlocks(blocks: Block[], visible = blocks.length): Promise<void> {
    const options = this.fixOptions();
    let chars = 0;
    for (const b of blocks) chars += b.text.length;
    this.writer.expect(chars);
    // The engine's first fix loads and compiles its conversion table: let that happen on a
    // few characters, in a task of its own, rather than in the first slice of real work.
    const first = blocks.find((b) => /\p{Script=Han}/u.test(b.text));
    if (first && !this.warm) {
      this.warm = true;
      // The judged target's tables (already on their way when the early guess was right)
      // arrive while the first fix builds the repair's own tables.
      preloadConverter(this.judgement!.counts, this.target);
      await fix(first.text.slice(0, 32), options);
      await yieldToPage();
    }
    let sliceStart = performance.now();
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i]!;
      if (!/\p{Script=Han}/u.test(block.text)) continue;
      if ((this.writesPerElement.get(block.element) ?? 0) > MAX_REWRITES_PER_NODE) continue;
      const r = block.text.length > CHUNK_CHARS ? await this.fixInChunks(block.text, options) : await fix(block.text, options);
      if (r.edits.length || r.lost.length) this.writer.push([block, r.edits, r.lost], i < visible);
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldToPage();
        sliceStart = performance.now();
      }
    }
    await this.writer.drain();
  }

  /**
   * One huge block (a 10 MB text node) is fixed in pieces cut at line or
   * sentence ends, with a turn for the page between pieces, so no single task
   * runs for seconds. Damage does not cross those ends.
   */
  private async fixInChunks(text: string, options: FixOptions): Promise<{ edits: Edit[]; lost: LostSpan[] }> {
    const edits: Edit[] = [];
    const lost: LostSpan[] = [];
    for (let start = 0; start < text.length; ) {
      let end = Math.min(text.length, start + CHUNK_CHARS);
      if (end < text.length) {
        const cut = Math.max(text.lastIndexOf('\n', end), text.lastIndexOf('。', end));
        if (cut > start) end = cut + 1;
      }
      const r = await fix(text.slice(start, end), options);
      for (const e of r.edits) edits.push({ ...e, offset: e.offset + start });
      for (const l of r.lost) lost.push({ ...l, offset: l.offset + start });
      start = end;
      await yieldToPage();
    }
    return { edits, lost };
  }

  private writeBlocks(writes: BlockWrite[]): void {
    if (writes.length === 0) return;
    const marks: BlockWrite[] = [];
    this.pauseObserver(() => {
      for (const [block, edits, lost] of writes) {
        // The page may have changed a node while we worked: skip blocks whose text moved on
        // (the observer has queued the change, so the block is fixed again from its new text).
        if (block.nodes.some((n, i) => !n.isConnected || n.data !== nodeText(block, i))) continue;
        // A page that puts its text back (by rewriting nodes or replacing them) gets a few
        // passes per element, then is left alone: our writes stay bounded.
        this.writesPerElement.set(block.element, (this.writesPerElement.get(block.element) ?? 0) + 1);
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
    let now: Block | undefined;
    for (const e of edits) {
      while (i + 1 < block.nodes.length && block.starts[i + 1]! <= e.offset) i++;
      this.noteChange(block.nodes[i]!, e, () => this.exampleOf((now ??= refreshed(block)), block.text, edits, e));
    }
  }

  /**
   * An example for the popup: the changed characters on the page now (for a
   * removal, the character it followed) and the text around the change
   * before and after it.
   */
  private exampleOf(now: Block, input: string, edits: readonly Edit[], e: Edit): { range?: Range; before: string; after: string } {
    const start = inputToOutput(edits, e.offset);
    const end = start + e.replacement.length;
    const range = rangeFor(this.doc, now, end > start ? start : Math.max(0, start - 1), end > start ? end : start);
    // Context is Chinese text and punctuation only, so a neighbouring annotation's half does not show.
    let a = e.offset;
    while (a > 0 && e.offset - a < SAMPLE_CONTEXT && SAMPLE_CHAR.test(input[a - 1]!) && !SAMPLE_STOP.test(input[a - 1]!)) a--;
    let b = e.offset + e.length;
    while (b < input.length && b - e.offset - e.length < SAMPLE_CONTEXT && SAMPLE_CHAR.test(input[b]!) && !SAMPLE_STOP.test(input[b]!)) b++;
    return { range, before: input.slice(a, b), after: input.slice(a, e.offset) + e.replacement + input.slice(e.offset + e.length, b) };
  }

  /** Forgets the changes recorded on a node (the page rewrote it). */
  private forgetChanges(node: Node): void {
    const record = this.changes.get(node);
    if (!record) return;
    this.totals.pinyin -= record.counts.pinyin;
    this.totals.punctuation -= record.counts.punctuation;
    this.totals.mojibake -= record.counts.mojibake;
    this.totals.converted -= record.counts.converted;
    for (const [kind, n] of record.kinds) {
      const s = this.summaries.get(kind);
      if (s) s.count -= n;
    }
    this.changes.delete(node);
  }

  private async processAttributes(elements: Element[]): Promise<void> {
    const options = this.fixOptions();
    const writes: [Element, string, string, Edit[]][] = [];
    let sliceStart = performance.now();
    for (const el of elements) {
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldToPage();
        sliceStart = performance.now();
      }
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
        // A page that puts its attributes back gets a few passes, then is left alone.
        const n = (this.writesPerElement.get(el) ?? 0) + 1;
        this.writesPerElement.set(el, n);
        if (n > MAX_REWRITES_PER_NODE + 1) continue;
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
    // A page that keeps putting its title back gets a few passes, then keeps its title.
    if (++this.titleWrites > MAX_TITLE_WRITES) return;
    this.pauseObserver(() => {
      this.journal.documentTitle(title, r.text);
      this.doc.title = r.text;
    });
    for (const e of r.edits) this.noteChange(this.doc.documentElement, e);
  }

  private noteChange(node: Node, e: Edit, example?: () => { range?: Range; before: string; after: string }): void {
    let record = this.changes.get(node);
    if (!record) this.changes.set(node, (record = { counts: { pinyin: 0, punctuation: 0, mojibake: 0, converted: 0 }, kinds: new Map() }));
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
    if (s.examples.length < 8) {
      const id = this.nextChangeId++;
      const x = example?.();
      s.examples.push(x ? { id, reason: e.reason, before: x.before, after: x.after } : { id, reason: e.reason });
      this.changeTargets.set(id, node);
      if (x?.range) this.changeRanges.set(id, x.range);
    }
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
          this.forgetChanges(node);
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
    if (!this.judgement.mirror) await this.judge(blocks.map((b) => b.text), attributeElements);
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
function visibleFirst(blocks: Block[]): { blocks: Block[]; visible: number } {
  const view = blocks[0]?.element.ownerDocument.defaultView;
  if (blocks.length < 50 || !view) return { blocks, visible: blocks.length };
  const height = view.innerHeight;
  const seen: Block[] = [];
  const rest: Block[] = [];
  // At the top of the page (most loads), document order is visible order: no rectangles
  // needed. Otherwise measure a bounded number: on a page using content-visibility: auto
  // every measurement forces layout of an off-screen item (a 7 s freeze on 2,000 items).
  const measure = view.scrollY >= height;
  let firstOffscreen = -1;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (!measure) {
      if (firstOffscreen === -1) {
        const r = b.element.getBoundingClientRect();
        if (r.top > 2 * height) firstOffscreen = i;
      }
      (firstOffscreen === -1 ? seen : rest).push(b);
      continue;
    }
    if (i >= 3000) { rest.push(b); continue; }
    const r = b.element.getBoundingClientRect();
    (r.bottom >= -height && r.top <= 2 * height ? seen : rest).push(b);
  }
  return { blocks: seen.concat(rest), visible: seen.length };
}

/** A block's text and offsets as they are now (after our writes). */
function refreshed(block: Block): Block {
  const starts: number[] = [];
  let n = 0;
  const nodes = block.nodes.filter((x) => x.isConnected);
  for (const node of nodes) { starts.push(n); n += node.data.length; }
  return { element: block.element, nodes, starts, text: nodes.map((x) => x.data).join('') };
}

/** The text a block read from its i-th node. */
function nodeText(block: Block, i: number): string {
  const next = i + 1 < block.starts.length ? block.starts[i + 1]! : block.text.length;
  return block.text.slice(block.starts[i]!, next);
}

/** Blocks as they are now, read in time slices (5,000 blocks are tens of milliseconds). */
async function refreshedInSlices(blocks: readonly Block[]): Promise<Block[]> {
  const out: Block[] = [];
  let sliceStart = performance.now();
  for (const b of blocks) {
    out.push(refreshed(b));
    if (performance.now() - sliceStart > SLICE_MS) {
      await yieldToPage();
      sliceStart = performance.now();
    }
  }
  return out;
}

/**
 * `prefix` followed by the parts joined with newlines, cut at `max`
 * characters. Parts past the cut are never read or joined: on a long page
 * only the first 200,000 of a million characters are judged.
 */
function joinedUpTo(prefix: string, parts: Iterable<string>, max: number): string {
  const taken: string[] = [];
  let length = prefix.length;
  for (const p of parts) {
    if (length >= max) break;
    length += (taken.length > 0 ? 1 : 0) + p.length;
    taken.push(p);
  }
  const text = prefix + taken.join('\n');
  return text.length > max ? text.slice(0, max) : text;
}
