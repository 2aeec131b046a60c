/**
 * Runs the engine over one document: collects blocks, has the page judged
 * once, fixes blocks, attributes and the title in time slices, and follows
 * content that arrives later. The parts with one job each: the judge
 * (page-judge.ts), the ledger of changes (change-ledger.ts), the batching of
 * page changes (mutation-batcher.ts), and the writer with its undo journal
 * (page-writer.ts).
 */
import { preloadConverter, type Target } from '../core/convert.ts';
import type { Edit } from '../core/edits.ts';
import { fix, type FixOptions } from '../core/fix.ts';
import type { LostSpan } from '../core/mojibake/find-mojibake.ts';
import type { CopyTarget, PageState } from '../shared/messages.ts';
import type { SiteChoice } from '../shared/settings.ts';
import { BlockCollector, blocksContaining, collectBlocks, isInSkippedRegion, isSkipped, READABLE_ATTRIBUTES, type Block } from './blocks.ts';
import { ChangeLedger } from './change-ledger.ts';
import { pageSample, preloadGuessedConversion } from './conversion-guess.ts';
import { MutationBatcher } from './mutation-batcher.ts';
import { PageJudge } from './page-judge.ts';
import { pageHost } from './page-host.ts';
import { PageWriter, refreshed, type AttributeWrite } from './page-writer.ts';
import { knownShadowRoots } from './shadow.ts';
import { yieldBriefly, yieldToPage } from './yield.ts';
import { devMark } from './dev-marks.ts';

export { READABLE_ATTRIBUTES } from './blocks.ts';

/** Blocks longer than this are fixed in pieces (one 10 MB text node must not be one task). */
const CHUNK_CHARS = 100_000;
/** Work in slices of this many milliseconds, then let the page run. */
const SLICE_MS = 12;
/**
 * Slices while written text waits for its frame: that frame renders only
 * after the slice running when it is due. On the 1M-character page, 12 ms
 * slices put 12–36 ms of our tasks before the rendering of frames that
 * already take ~35 ms to lay out and paint.
 */
const SLICE_BEFORE_FRAME_MS = 4;
/** A first pass over at most this many characters of text yields briefly (see yieldBriefly). */
const SHORT_PASS_CHARS = 20_000;
/** The most blocks a page may have for its converted text to get `lang` tags (see langTags). */
const LANG_MAX_BLOCKS = 2_000;

/** What runs on top of the repaired text (ruby, underlines), told when blocks change and before an undo. */
export interface PageLayers {
  afterBlocks(blocks: Block[]): Promise<void>;
  beforeRestore(): void;
}

export class PageFixer {
  private readonly judge = new PageJudge();
  private readonly ledger = new ChangeLedger();
  private readonly batcher: MutationBatcher;
  private readonly writer: PageWriter;
  private choice: SiteChoice = 'off';
  private repair = true;
  private showingOriginal = false;
  private queue: Promise<void> = Promise.resolve();
  private target: Target = 'keep';
  /** Blocks read by the first pass (a long page gets no `lang` tags). */
  private pageBlocks = 0;
  /** True once the engine has fixed something on this page (its tables are loaded). */
  private warm = false;
  /** True during the first pass over a short page: its turns for the page are brief ones. */
  private brief = false;

  /** True once the first pass over the page is done. */
  ready = false;
  /** Set by the content script: ruby and glossary underlines. */
  layers: PageLayers | undefined;

  constructor(private readonly doc: Document, private readonly onChange: () => void) {
    this.writer = new PageWriter(doc, this.ledger, {
      pause: (write) => this.pauseObserver(write),
      target: () => this.target,
      langTags: () => this.langTags(),
    });
    this.batcher = new MutationBatcher(doc, {
      textChanged: (node) => this.writer.textChanged(node),
      batchReady: () => void this.enqueue(() => this.flush()),
    });
  }

  /**
   * Applies a site choice and the repair switch: undoes, then re-runs, only
   * when something changed. Resolves to whether it re-ran.
   */
  async configure(choice: SiteChoice, repair: boolean): Promise<boolean> {
    let reran = false;
    await this.enqueue(async () => {
      if (choice === this.choice && repair === this.repair && (this.judge.judgement || this.showingOriginal)) return;
      reran = true;
      this.choice = choice;
      this.repair = repair;
      this.restore();
      if (choice !== 'off' && !this.showingOriginal) await this.runAll();
      else this.batcher.stop();
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
        this.batcher.stop();
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
    const j = this.judge.judgement;
    return {
      host: this.doc.defaultView ? pageHost(this.doc.defaultView) : '',
      ready: this.ready,
      active: this.choice !== 'off' && (j !== undefined || this.showingOriginal),
      showingOriginal: this.showingOriginal,
      verdict: j?.verdict ?? '',
      target: this.target,
      counts: this.ledger.counts(),
      lost: this.writer.lost,
      changes: this.ledger.list(),
      mirror: j?.mirror ?? false,
      script: j?.counts.script ?? '',
    };
  }

  /**
   * Text converted for "Copy as", judged like this page (its mirror verdict,
   * when it has one), without touching the page. "Repaired" is what the page
   * shows: the repair and the site's script choice.
   */
  async convertForCopy(text: string, as: CopyTarget): Promise<string> {
    const j = this.judge.judgement;
    const to = as === 'repaired' ? (this.choice === 'off' ? 'auto' : this.choice) : as;
    const options: FixOptions = j ? { to, mirror: { pinyin: j.pinyin, punctuation: j.punctuation }, pageIsMirror: j.mirror } : { to };
    return (await fix(text, options)).text;
  }

  /** Scrolls a change into view and selects it: exactly the changed characters where they are still on the page. */
  reveal(id: number): void {
    const range = this.ledger.rangeOf(id);
    if (range) {
      (range.startContainer.parentElement ?? this.doc.body)?.scrollIntoView({ block: 'center' });
      const sel = this.doc.getSelection();
      sel?.removeAllRanges();
      sel?.addRange(range.cloneRange());
      return;
    }
    const node = this.ledger.targetOf(id);
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
    return this.choice !== 'off' && !this.showingOriginal && this.judge.judgement !== undefined;
  }

  /** Runs our own writes with the observer off, so they never come back to us as page changes. */
  private pauseObserver(write: () => void): void {
    this.batcher.pause(write, this.running);
  }

  /**
   * Where converted text gets its `lang`: the root element of a Chinese page,
   * else each converted block. A page of more than LANG_MAX_BLOCKS blocks gets
   * none: measured on the 100,000-element hostile page (20,000 blocks), a
   * change of the root's `lang` re-lays out the whole document with other
   * fonts (a 9 s freeze), and tagging every block made the first pass ~2.5×
   * slower with frames of 2–3 s instead of under 0.3 s.
   */
  private langTags(): 'root' | 'block' | 'none' {
    if (this.pageBlocks > LANG_MAX_BLOCKS) return 'none';
    return this.judge.isChinesePage(this.doc) ? 'root' : 'block';
  }

  /** Undoes everything we wrote and forgets what we did (and, unless kept, the page verdict). */
  private restore(forgetVerdict = true): void {
    this.layers?.beforeRestore();
    this.writer.undo();
    this.ledger.clear();
    if (forgetVerdict) this.judge.reset();
  }

  private async runAll(): Promise<void> {
    const body = this.doc.body;
    if (!body) return;
    this.judge.reset();
    // Before anything else: the tables take longer to arrive than all the work before the first fix.
    devMark('run-all');
    if (!this.warm) preloadGuessedConversion(pageSample(body), this.choice);
    // Not in the task that evaluated the engine module: that task is long enough on its own.
    await yieldToPage();
    // Reading a long page takes several slices: what the page changes meanwhile is queued
    // by the observer and processed after this pass, like any later change.
    this.batcher.start();
    const collector = new BlockCollector(body);
    while (!collector.collect(performance.now() + SLICE_MS)) await yieldToPage();
    const blocks = collector.blocks;
    devMark('collected');
    let chars = 0;
    for (const b of blocks) chars += b.text.length;
    this.brief = chars <= SHORT_PASS_CHARS;
    try {
      await this.firstPass(body, blocks);
    } finally {
      this.brief = false;
    }
  }

  /** The first pass once the blocks are read: judge, fix and write blocks, attributes, title, then the layers. */
  private async firstPass(body: HTMLElement, blocks: Block[]): Promise<void> {
    this.pageBlocks = blocks.length;
    const selector = READABLE_ATTRIBUTES.map((a) => `[${a}]`).join(',');
    const attributeElements = [...body.querySelectorAll(selector)];
    // Shadow trees were found while the blocks were read: their attributes too.
    for (const root of knownShadowRoots()) attributeElements.push(...root.querySelectorAll(selector));
    await this.turn();
    devMark('judge-start');
    await this.judge.judge(this.doc, blocks.map((b) => b.text), attributeElements);
    devMark('judged');
    await this.turn();
    const ordered = visibleFirst(blocks);
    await this.fixAndWrite(ordered.blocks, attributeElements, true, ordered.visible);
    devMark('title');
    await this.layers?.afterBlocks(await refreshedInSlices(blocks));
    devMark('layers');
    this.onChange();
  }

  /** A turn for the page between slices: a brief one during the first pass over a short page. */
  private turn(): Promise<void> {
    return this.brief ? yieldBriefly() : yieldToPage();
  }

  private fixOptions(): FixOptions {
    const j = this.judge.judgement!;
    const to = this.choice === 'off' ? 'keep' : this.choice;
    this.target = to === 'auto' ? (j.mirror ? 'cn' : 'keep') : to;
    // The page's verdict stands for every block: none is judged again alone (findingsOnly).
    return { to, repair: this.repair, mirror: { pinyin: j.pinyin, punctuation: j.punctuation }, pageIsMirror: j.mirror, findingsOnly: true };
  }

  /**
   * Fixes blocks, then attributes and (when asked) the title, and writes
   * them: the attributes and title in the frame that writes the last blocks,
   * not a frame later, so the page is done as soon as its text is.
   */
  private async fixAndWrite(blocks: Block[], attributeElements: Element[], title: boolean, visible = blocks.length): Promise<void> {
    await this.fixBlocks(blocks, visible);
    devMark('blocks-fixed');
    const attributes = await this.fixAttributes(attributeElements);
    const titleWrite = title ? await this.fixTitle() : undefined;
    await this.writer.drain(() => {
      this.writer.writeAttributes(attributes);
      titleWrite?.();
    });
    devMark('drained');
  }

  /**
   * Fixes blocks in time slices. The first `visible` blocks (those on screen)
   * are written in the next frame; the rest go to the frame writer, which
   * writes them in batches a frame can lay out. A short page (the first pass
   * over ≤ SHORT_PASS_CHARS) is written whole in one frame once fixed: its
   * on-screen blocks written first made it change twice, and the frame
   * between the two held up the rest (typical article: last write ~20 ms later).
   */
  private async fixBlocks(blocks: Block[], visible: number): Promise<void> {
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
      preloadConverter(this.judge.judgement!.counts, this.target);
      await fix(first.text.slice(0, 32), options);
      devMark('warm-fix');
      await this.turn();
    }
    let sliceStart = performance.now();
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i]!;
      if (!/\p{Script=Han}/u.test(block.text)) continue;
      if (this.writer.givenUp(block.element)) continue;
      const r = block.text.length > CHUNK_CHARS ? await this.fixInChunks(block.text, options) : await fix(block.text, options);
      if (r.edits.length || r.lost.length) this.writer.push([block, r.edits, r.lost], i < visible && !this.brief);
      if (performance.now() - sliceStart > (this.writer.frameDue ? SLICE_BEFORE_FRAME_MS : SLICE_MS)) {
        await this.turn();
        sliceStart = performance.now();
      }
    }
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
      await this.turn();
    }
    return { edits, lost };
  }

  /** Fixes readable attributes: what to write, each with the value it was fixed from. */
  private async fixAttributes(elements: Element[]): Promise<AttributeWrite[]> {
    const options = this.fixOptions();
    const writes: AttributeWrite[] = [];
    let sliceStart = performance.now();
    for (const el of elements) {
      if (performance.now() - sliceStart > SLICE_MS) {
        await this.turn();
        sliceStart = performance.now();
      }
      if (isSkipped(el) || isInSkippedRegion(el)) continue;
      for (const name of READABLE_ATTRIBUTES) {
        const value = el.getAttribute(name);
        if (!value || !/\p{Script=Han}/u.test(value)) continue;
        const r = await fix(value, options);
        if (r.text !== value) writes.push([el, name, value, r.text, r.edits]);
      }
    }
    return writes;
  }

  /** Fixes the document title: a function that writes it, undefined when there is nothing to write. */
  private async fixTitle(): Promise<(() => void) | undefined> {
    const title = this.doc.title;
    if (!title || !/\p{Script=Han}/u.test(title)) return undefined;
    const r = await fix(title, this.fixOptions());
    if (r.text === title) return undefined;
    // Written a frame later at most: a title the page changed meanwhile is the observer's to report.
    return () => { if (this.doc.title === title) this.writer.writeTitle(title, r.text, r.edits); };
  }

  /** Processes what the page changed since the last batch. */
  private async flush(): Promise<void> {
    if (!this.running) return;
    const { texts, elements } = this.batcher.take();
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
    if (!this.judge.judgement!.mirror) await this.judge.judge(this.doc, blocks.map((b) => b.text), attributeElements);
    await this.fixAndWrite(blocks, attributeElements, titleChanged);
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
