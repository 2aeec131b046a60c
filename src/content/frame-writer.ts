/**
 * Writes changed text into the page at most one batch per rendered frame.
 * Every frame with text writes makes Chromium lay the document out again, and
 * what follows layout (pre-paint, paint) walks every box the changed text
 * moved: on the 5,000-paragraph benchmark page that is ~25 ms per frame
 * whatever was written, plus ~1 µs per character written; ~0.1 s per frame on
 * a page of 100,000 elements. Writing a long page at once is one frame of most
 * of a second; writing block by block is thousands of layouts. So batches are
 * sized from the layout time of the frames that rendered the earlier ones.
 */
import { devMark } from './dev-marks.ts';

/**
 * Time aimed at for writing a batch and laying it out, in the frame that
 * shows it (the writes count since they made frames of 100–120 ms). A frame with any
 * text write on a long page already costs ~25–35 ms of layout and pre-paint
 * here (2 cores) whatever its size, plus the slice of script before it, so
 * such frames land at ~60–90 ms rather than under 50. Bigger batches
 * (40 ms, at most 40 of them) finished no sooner in the benchmark and made
 * its longest frame ~120 ms instead of ~90.
 */
const TARGET_LAYOUT_MS = 20;
/** Batch size, in characters of block text, until a frame has been measured. */
const FIRST_BUDGET = 16_000;
const MIN_BUDGET = 2_000;
/** A pass is written in at most this many frames (see `expect`). */
const MAX_BATCHES = 100;
const MAX_BUDGET = 1 << 24;
/** Where frames stop coming (the tab was hidden after we asked for one), write anyway after this long. */
const NO_FRAME_MS = 200;

interface Queued<T> { item: T; size: number; urgent: boolean }

export class FrameWriter<T> {
  private queue: Queued<T>[] = [];
  private head = 0;
  private queuedSize = 0;
  private urgent = 0;
  private draining = false;
  private scheduled = false;
  private frameAsked = false;
  private waiters: (() => void)[] = [];
  /** Written right after the last queued batch, in the same frame (see drain). */
  private tails: (() => void)[] = [];
  private budget = FIRST_BUDGET;
  private floor = MIN_BUDGET;

  constructor(
    private readonly doc: Document,
    private readonly write: (batch: T[]) => void,
    private readonly sizeOf: (item: T) => number,
  ) {}

  /**
   * Says how much is about to be queued (characters), so that however slow
   * the page's layout, it is written in at most MAX_BATCHES frames.
   */
  expect(size: number): void {
    this.floor = Math.max(MIN_BUDGET, Math.ceil(size / MAX_BATCHES));
    this.budget = Math.max(this.budget, this.floor);
  }

  /**
   * True while a batch waits for its frame: work done now delays that frame
   * (it runs before the frame's rendering, and counts in its length).
   */
  get frameDue(): boolean {
    return this.frameAsked;
  }

  /**
   * Queues an item: urgent ones (text on screen) are written in the next
   * frame, the rest once a batch is full. Urgent items come before the rest.
   */
  push(item: T, urgent: boolean): void {
    const size = this.sizeOf(item);
    this.queue.push({ item, size, urgent });
    this.queuedSize += size;
    if (urgent) this.urgent++;
    this.schedule();
  }

  /**
   * Writes everything queued, a batch per frame; resolves once all of it is
   * written. `then` writes what belongs with it (attributes, the title) right
   * after the last batch, in the same frame: not a frame and a task later.
   */
  drain(then?: () => void): Promise<void> {
    if (this.head >= this.queue.length) {
      then?.();
      return Promise.resolve();
    }
    if (then) this.tails.push(then);
    this.draining = true;
    const done = new Promise<void>((resolve) => this.waiters.push(resolve));
    this.schedule();
    return done;
  }

  private schedule(): void {
    if (this.scheduled || this.head >= this.queue.length) return;
    if (!this.draining && this.urgent === 0 && this.queuedSize < this.budget) return;
    this.scheduled = true;
    const view = this.doc.defaultView;
    if (!view || this.doc.visibilityState === 'hidden') {
      // No frames in a hidden tab: nothing is laid out until it is shown, so there is nothing to pace.
      setTimeout(() => this.writeBatch(false), 0);
      return;
    }
    let ran = false;
    const run = (measure: boolean): void => {
      if (ran) return;
      ran = true;
      this.frameAsked = false;
      clearTimeout(fallback);
      this.writeBatch(measure);
    };
    const fallback = setTimeout(() => run(false), NO_FRAME_MS);
    // Written at the start of a frame, the batch is laid out in that same frame: no task of ours runs in between.
    this.frameAsked = true;
    view.requestAnimationFrame(() => run(true));
  }

  private writeBatch(measure: boolean): void {
    const batch: T[] = [];
    let size = 0;
    // Urgent items (the text on screen) go alone while more is being fixed: that frame also
    // shapes the first repaired characters, which is slow the first time. Once all is queued
    // (draining), what fits the budget joins them: a short page is written in one frame, not
    // two or three. Other batches fill up to the budget (at least one item).
    const urgent = this.queue[this.head]?.urgent ?? false;
    while (this.head < this.queue.length) {
      const next = this.queue[this.head]!;
      const fits = batch.length === 0 || size + next.size <= this.budget;
      const takes = urgent ? next.urgent || (this.draining && fits) : fits;
      if (!takes) break;
      batch.push(next.item);
      size += next.size;
      if (next.urgent) this.urgent--;
      this.head++;
    }
    this.queuedSize -= size;
    if (this.head >= this.queue.length) {
      this.queue = [];
      this.head = 0;
      this.queuedSize = 0;
    }
    devMark(`write-${batch.length}`);
    const start = performance.now();
    this.write(batch);
    if (this.head >= this.queue.length && this.tails.length) {
      const tails = this.tails;
      this.tails = [];
      for (const t of tails) t();
    }
    if (measure) {
      // Laying the page out here costs nothing extra: the frame would do it right after this
      // callback. Timed here, it is our writes and their layout, not other tasks that run before
      // the frame ends. The writes count too: on the 1M-character page, batches sized on layout
      // alone grew to ~200 blocks whose writing (journal, ledger) made frames of 100–120 ms.
      void this.doc.documentElement.offsetHeight;
      this.learn(size, performance.now() - start);
    }
    // A task posted from a frame callback runs once that frame has been rendered.
    setTimeout(() => {
      this.scheduled = false;
      if (this.head < this.queue.length) {
        this.schedule();
        return;
      }
      this.draining = false;
      const waiters = this.waiters;
      this.waiters = [];
      for (const w of waiters) w();
    }, 0);
  }

  /**
   * Sizes the next batch from the write and layout time of the last full one, aiming
   * at TARGET_LAYOUT_MS. Where the page's own layout alone is over that
   * (a huge page, a busy machine), every frame with a write is long whatever
   * its size: the floor keeps their number bounded.
   */
  private learn(size: number, ms: number): void {
    // A small batch (the text on screen, the last few blocks) is mostly the page's own layout:
    // it says little about a full one.
    if (size < this.budget * 0.75) return;
    const ratio = Math.max(0.5, Math.min(1.5, TARGET_LAYOUT_MS / Math.max(ms, 1)));
    this.budget = Math.round(Math.max(this.floor, Math.min(MAX_BUDGET, this.budget * ratio)));
  }
}
