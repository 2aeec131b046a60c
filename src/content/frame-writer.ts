/**
 * Writes changed text into the page at most one batch per rendered frame.
 * Every frame with text writes makes Chromium lay the document out again, and
 * what follows layout (pre-paint, paint) walks every box the changed text
 * moved: on the 5,000-paragraph benchmark page that is ~15 ms of layout per
 * frame whatever was written (measured: 11–17 ms for 15,000 to 67,000
 * characters), then ~15 ms of paint; ~0.1 s per frame on a page of 100,000
 * elements. Writing a long page at once is one frame of most of a second;
 * writing block by block is thousands of layouts. So batches are sized from
 * the time the earlier ones took to write and lay out.
 *
 * Where a batch is written decides how long its frame is: a frame's timing
 * starts with the first task after the previous frame, and while the page is
 * being fixed our slices fill that wait (~16 ms). Text on screen and the last
 * batch of a pass are written in the next frame's callbacks, as soon as
 * possible; batches written while fixing goes on are written in the first task
 * after a frame, so that their frame is the write, its layout and paint.
 */
import { devMark } from './dev-marks.ts';

/**
 * Time aimed at for writing a batch and laying it out, in the frame that
 * shows it (the writes count since they made frames of 100–120 ms): with
 * paint after it, such frames take ~35 ms on the long benchmark page (2
 * cores). Bigger batches (40 ms, at most 40 of them) finished no sooner in the
 * benchmark and made its longest frame ~120 ms instead of ~90.
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

  /** True when a batch is worth writing now: all is queued, text on screen waits, or the budget is full. */
  private ready(): boolean {
    return this.draining || this.urgent > 0 || this.queuedSize >= this.budget;
  }

  /** No frames come (a hidden tab, a detached document): nothing is laid out until shown, so there is nothing to pace. */
  private frameless(): boolean {
    return !this.doc.defaultView || this.doc.visibilityState === 'hidden';
  }

  private schedule(): void {
    if (this.scheduled || this.head >= this.queue.length || !this.ready()) return;
    this.scheduled = true;
    if (this.frameless()) {
      setTimeout(() => this.writeBatch('timer'), 0);
      return;
    }
    if (this.urgent > 0 || this.draining) {
      // Text on screen, and what is left once all is fixed (a short page: all of it), is written
      // at the start of the next frame, laid out and shown in it.
      this.askFrame((inFrame) => this.writeBatch(inFrame ? 'frame' : 'timer'));
      return;
    }
    // A batch filled while fixing goes on is written in the first task after the next frame (see
    // afterRender): shown a frame later, but that frame is not also the slices of fixing that run
    // until it is due.
    this.askFrame((inFrame) => void setTimeout(() => this.writeBatch(inFrame ? 'task' : 'timer'), 0));
  }

  /**
   * Runs `then` in the next frame's callbacks (true), or after NO_FRAME_MS
   * if no frame comes (false); frameDue meanwhile.
   */
  private askFrame(then: (inFrame: boolean) => void): void {
    let ran = false;
    const run = (inFrame: boolean): void => {
      if (ran) return;
      ran = true;
      this.frameAsked = false;
      clearTimeout(fallback);
      then(inFrame);
    };
    const fallback = setTimeout(() => run(false), NO_FRAME_MS);
    this.frameAsked = true;
    this.doc.defaultView!.requestAnimationFrame(() => run(true));
  }

  /**
   * Writes the next batch: in a frame's callbacks ('frame'), in the first task
   * after a frame ('task'), or where frames do not come ('timer').
   */
  private writeBatch(via: 'frame' | 'task' | 'timer'): void {
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
    if (via !== 'timer') {
      // Laying the page out here costs nothing extra: the frame would do it right after. Timed
      // here, it is our writes and their layout, not other tasks that run before the frame ends.
      // The writes count too: on the 1M-character page, batches sized on layout alone grew to
      // ~200 blocks whose writing (journal, ledger) made frames of 100–120 ms.
      void this.doc.documentElement.offsetHeight;
      this.learn(size, performance.now() - start);
    }
    // A task posted from a frame callback runs once that frame has been rendered. Written in a
    // task, the batch is shown by the next frame: wait for it (frameDue meanwhile).
    const followUp = (): void => void setTimeout(() => this.afterRender(), 0);
    if (via === 'task') this.askFrame(followUp);
    else followUp();
  }

  /** In the first task after the frame that showed the last batch (or right after it, without frames). */
  private afterRender(): void {
    this.scheduled = false;
    if (this.head < this.queue.length) {
      if (this.ready() && !this.frameless()) {
        // Written now, the first task since that frame, the batch starts the next frame's timing:
        // that frame is then our write and its layout, and paint. Written from the next frame's
        // callback, it came after the ~16 ms of fixing that filled the wait for that frame, which
        // made write frames of 50–65 ms on the 1M-character page. The text shows in the same frame.
        this.scheduled = true;
        this.writeBatch('task');
        return;
      }
      this.schedule();
      return;
    }
    this.draining = false;
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
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
