/**
 * Writes fixes into the page and keeps what undoes them: text nodes (through
 * the frame writer, a batch per frame), readable attributes, the title, the
 * `lang` of converted text, and the marks on characters lost to mojibake.
 * Every write goes in the undo journal and the change ledger; a page that
 * keeps putting its own text back gets a bounded number of writes.
 */
import type { Target } from '../core/convert.ts';
import { inputToOutput, type Edit } from '../core/edits.ts';
import type { LostSpan } from '../core/mojibake/find-mojibake.ts';
import { nodeWrites } from './apply-edits.ts';
import type { Block } from './blocks.ts';
import type { ChangeLedger } from './change-ledger.ts';
import { FrameWriter } from './frame-writer.ts';
import { Journal } from './journal.ts';
import { clearHighlight, namedHighlight, rangeFor } from './ranges.ts';
import { composedParent } from './shadow.ts';

/** Highlight name for characters lost to mojibake (styled in content.css). */
const LOST_HIGHLIGHT = 'zhengwen-lost';
/** A page that keeps rewriting a node we fixed gets this many fixes, then the node is left to it. */
export const MAX_REWRITES_PER_NODE = 5;
/** The document title is written at most this many times (a page may keep putting it back). */
const MAX_TITLE_WRITES = 2;
/** The `lang` tag of each script we convert to (BCP 47), so fonts and screen-reader voices follow the text. */
const LANG_OF: Partial<Record<Target, string>> = { cn: 'zh-Hans', tw: 'zh-TW', twp: 'zh-TW', hk: 'zh-HK' };

/** A block's fix, waiting to be written. */
export type BlockWrite = [Block, Edit[], LostSpan[]];

/** What the writer asks of the page fixer. */
export interface WriterHost {
  /** Runs our writes with the page observer paused. */
  pause(write: () => void): void;
  /** The script converted to on this pass. */
  target(): Target;
  /** Where converted text gets its `lang`: the root element, each block, or nowhere (see PageFixer.langTags). */
  langTags(): 'root' | 'block' | 'none';
}

/** A readable attribute to write: element, name, the value it was fixed from, the new value, its edits. */
export type AttributeWrite = [Element, string, string, string, Edit[]];

export class PageWriter {
  private readonly journal = new Journal();
  private readonly rewrites = new WeakMap<Text, number>();
  private writesPerElement = new WeakMap<Element, number>();
  private titleWrites = 0;
  private lostMarks = 0;
  private readonly frames: FrameWriter<BlockWrite>;

  constructor(private readonly doc: Document, private readonly ledger: ChangeLedger, private readonly host: WriterHost) {
    this.frames = new FrameWriter<BlockWrite>(doc, (batch) => this.writeBlocks(batch), ([block]) => block.text.length);
  }

  /** Characters marked as lost to mojibake. */
  get lost(): number {
    return this.lostMarks;
  }

  /** Says how many characters of blocks are about to be queued (see FrameWriter.expect). */
  expect(chars: number): void {
    this.frames.expect(chars);
  }

  /** Queues a block's fix: urgent ones (on screen) are written in the next frame. */
  push(write: BlockWrite, urgent: boolean): void {
    this.frames.push(write, urgent);
  }

  /** True while a batch of blocks waits for its frame (see FrameWriter.frameDue). */
  get frameDue(): boolean {
    return this.frames.frameDue;
  }

  /** Resolves once everything queued is written; `then` writes right after the last batch, in its frame. */
  drain(then?: () => void): Promise<void> {
    return this.frames.drain(then);
  }

  /** True when an element was written so often that the page is fighting us: it is left alone. */
  givenUp(el: Element): boolean {
    return (this.writesPerElement.get(el) ?? 0) > MAX_REWRITES_PER_NODE;
  }

  /**
   * The page changed a text node: if it wrote its own text over ours, that text
   * is its original now (its changes leave the ledger, and it counts as a rewrite).
   * A split of our text (a highlighter's <mark>) is followed by the journal.
   */
  textChanged(node: Text): void {
    if (this.journal.follow(node) === 'lost') {
      this.ledger.forget(node);
      this.rewrites.set(node, (this.rewrites.get(node) ?? 0) + 1);
    }
  }

  /** Writes readable attributes, each only where it still holds the value it was fixed from. */
  writeAttributes(writes: AttributeWrite[]): void {
    if (writes.length === 0) return;
    this.host.pause(() => {
      for (const [el, name, from, text, edits] of writes) {
        // Fixed a frame earlier at most: a value the page changed meanwhile is the observer's to report.
        if (el.getAttribute(name) !== from) continue;
        // A page that puts its attributes back gets a few passes, then is left alone.
        const n = (this.writesPerElement.get(el) ?? 0) + 1;
        this.writesPerElement.set(el, n);
        if (n > MAX_REWRITES_PER_NODE + 1) continue;
        this.journal.attribute(el, name, from, text);
        el.setAttribute(name, text);
        for (const e of edits) this.ledger.note(el, e);
      }
    });
  }

  /** Writes the document title (a few times at most: a page may keep putting its own back). */
  writeTitle(title: string, text: string, edits: readonly Edit[]): void {
    if (++this.titleWrites > MAX_TITLE_WRITES) return;
    this.host.pause(() => {
      this.journal.documentTitle(title, text);
      this.doc.title = text;
    });
    for (const e of edits) this.ledger.note(this.doc.documentElement, e);
  }

  /** Undoes every write, exactly where the page has not changed it since, and forgets the marks and budgets. */
  undo(): void {
    clearHighlight(LOST_HIGHLIGHT);
    this.lostMarks = 0;
    this.host.pause(() => this.journal.undo(this.doc));
    this.writesPerElement = new WeakMap();
    this.titleWrites = 0;
  }

  private writeBlocks(writes: BlockWrite[]): void {
    if (writes.length === 0) return;
    const marks: BlockWrite[] = [];
    this.host.pause(() => {
      for (const [block, edits, lost] of writes) {
        // The page may have changed a node while we worked: skip blocks whose text moved on
        // (the observer has queued the change, so the block is fixed again from its new text).
        if (block.nodes.some((n, i) => !n.isConnected || n.data !== nodeText(block, i))) continue;
        // A page that puts its text back (by rewriting nodes or replacing them) gets a few
        // passes per element, then is left alone: our writes stay bounded.
        this.writesPerElement.set(block.element, (this.writesPerElement.get(block.element) ?? 0) + 1);
        for (const [node, { text, map }] of nodeWrites(block, edits)) {
          if ((this.rewrites.get(node) ?? 0) > MAX_REWRITES_PER_NODE) continue;
          this.journal.text(node, node.data, text, map);
          node.data = text;
        }
        if (edits.some((e) => e.kind === 'convert')) this.tagLanguage(block.element);
        this.ledger.noteBlock(this.doc, block, edits, () => refreshed(block));
        if (lost.length) marks.push([block, edits, lost]);
      }
    });
    for (const [block, edits, lost] of marks) this.markLost(block, edits, lost);
  }

  /**
   * Gives converted text the `lang` of its new script: the root element on a
   * Chinese page (its text is what was converted), else the smallest element
   * holding the block. Nothing is written where the language already says it.
   */
  private tagLanguage(block: Element): void {
    const want = LANG_OF[this.host.target()];
    const mode = this.host.langTags();
    if (!want || mode === 'none') return;
    const root = this.doc.documentElement;
    const governing = langElementOf(block);
    const target = (governing === null || governing === root) && mode === 'root' ? root : block;
    // What the target says already: the root's own tag, or the language a block inherits.
    const current = target === root ? root.getAttribute('lang') : (governing?.getAttribute('lang') ?? null);
    if (sameLang(current, want)) return;
    this.journal.attribute(target, 'lang', target.getAttribute('lang'), want);
    target.setAttribute('lang', want);
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
}

/** A block's text and offsets as they are now (after our writes). */
export function refreshed(block: Block): Block {
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

/** The nearest element, the given one or above it (across shadow boundaries), that has a `lang`. */
function langElementOf(el: Element): Element | null {
  for (let e: Element | null = el; e; e = composedParent(e)) if (e.hasAttribute('lang')) return e;
  return null;
}

/** Tags that name the same script and region as far as glyphs go (zh-CN is Simplified, zh-Hant-TW is zh-TW). */
const SAME_LANG: Record<string, string> = {
  'zh-cn': 'zh-hans', 'zh-sg': 'zh-hans', 'zh-hans-cn': 'zh-hans', 'zh-hans-sg': 'zh-hans',
  'zh-hant-tw': 'zh-tw', 'zh-hant-hk': 'zh-hk', 'zh-mo': 'zh-hk', 'zh-hant-mo': 'zh-hk',
};
const langKey = (tag: string): string => SAME_LANG[tag.toLowerCase()] ?? tag.toLowerCase();

/** True when a `lang` value already says what we would write. */
function sameLang(current: string | null, want: string): boolean {
  return current !== null && langKey(current) === langKey(want);
}
