/**
 * Hover lookup: pointer → character (caret APIs) → the block's text and
 * offset → glossary term or word pinyin → popover. The page DOM is never
 * rewritten for this.
 */
import type { GlossaryMatcher } from '../core/glossary/matcher.ts';
import { CATEGORY_LABELS } from '../core/glossary/types.ts';
import type { Settings } from '../shared/settings.ts';
import { blockElementOf, collectBlocks, isInSkippedRegion, OWN_UI_ATTRIBUTE } from './blocks.ts';
import { textPositionAt, type TextPosition } from './caret.ts';
import { loadPinyin } from './load-pinyin.ts';
import { Popover, type PopoverContent } from './popover.ts';
import { AnchorWatch, isTypingTarget, keyStartsLookup, moveAction } from './popover-trigger.ts';
import { dictionaryAround } from './dictionary-client.ts';
import { clearHighlight, namedHighlight, rangeFor } from './ranges.ts';
import { pageRegion } from './page-region.ts';
import { entryText, wordEntryAt, type WordEntry } from './word-entry.ts';
import type { Block } from './blocks.ts';

/** The CSS highlight that marks the characters the popover is about (content.css styles it). */
const LOOKUP_HIGHLIGHT = 'zhengwen-lookup';

/**
 * Wait this long after the pointer stops before looking up (trigger 'rest'): a reader's pause, not a
 * pass on the way. Not a whole number of 60 Hz frames: Chromium dispatches mousemove at the start of a
 * frame, so after exactly 12 frames (200 ms) the popover, ready ~3 ms later, waited almost a whole
 * frame to be painted (measured: 19 ms after the delay; the lookup itself takes 2–3 ms).
 */
const HOVER_DELAY_MS = 190;

export class HoverLookup {
  private readonly popover: Popover;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private prefetchTimer: ReturnType<typeof setTimeout> | undefined;
  private shownFor: { node: Text; start: number; end: number } | undefined;
  private lookupId = 0;
  private enabled = false;
  // Trigger state (popover-trigger.ts): paused from the page, where the pointer last was, the text watched under the popover.
  private paused = false;
  private pointer: { x: number; y: number } | undefined;
  private readonly anchorWatch = new AnchorWatch();
  /** The word the popover shows, in its block, for the keys (next, previous, copy, save). */
  private current: { block: Block; entry: WordEntry; anchor: DOMRect } | undefined;
  /** Saves a word to the reader's word list (set by the content script). */
  saveWord: ((entry: WordEntry, block: Block) => Promise<string>) | undefined;

  constructor(
    private readonly doc: Document,
    private settings: Settings,
    private readonly glossary: () => Promise<GlossaryMatcher | undefined>,
  ) {
    this.popover = new Popover(doc);
  }

  /** Starts or stops listening, as the settings say. */
  configure(settings: Settings, active: boolean): void {
    this.settings = settings;
    const want = active && (settings.popovers || settings.pinyin === 'popover');
    if (want === this.enabled) return;
    this.enabled = want;
    const win = this.doc.defaultView!;
    if (want) {
      win.addEventListener('mousemove', this.onMove, { passive: true, capture: true });
      win.addEventListener('keydown', this.onKey, { capture: true });
      win.addEventListener('scroll', this.onAway, { passive: true, capture: true });
      win.addEventListener('blur', this.onAway);
      this.doc.addEventListener('mouseleave', this.onAway);
    } else {
      win.removeEventListener('mousemove', this.onMove, { capture: true });
      win.removeEventListener('keydown', this.onKey, { capture: true });
      win.removeEventListener('scroll', this.onAway, { capture: true });
      win.removeEventListener('blur', this.onAway);
      this.doc.removeEventListener('mouseleave', this.onAway);
      this.hide();
      this.popover.destroy();
    }
  }

  /** Pauses or resumes hover popovers on this page (the keyboard command); returns whether they are paused now. */
  togglePaused(): boolean {
    this.paused = !this.paused;
    if (this.paused) this.onAway();
    return this.paused;
  }

  /** Shows the popover for the selection or the caret (keyboard command). */
  async lookupSelection(): Promise<void> {
    const sel = this.doc.getSelection();
    const node = sel?.focusNode;
    if (!sel || !node || node.nodeType !== Node.TEXT_NODE) return;
    const text = node as Text;
    const offset = Math.min(sel.focusOffset, text.data.length - 1);
    await this.lookup({ node: text, offset: Math.max(0, sel.anchorNode === node ? Math.min(sel.anchorOffset, offset) : offset) });
  }

  private readonly onMove = (e: MouseEvent): void => {
    clearTimeout(this.timer);
    const { clientX: x, clientY: y } = e;
    this.pointer = { x, y };
    const action = moveAction(this.settings.popoverTrigger, e, this.paused);
    if (action === 'none') {
      // No new lookup, but a popover left open closes once the pointer leaves its word.
      if (this.shownFor) this.timer = setTimeout(() => this.lookupAt(x, y, false), HOVER_DELAY_MS);
      return;
    }
    this.timer = setTimeout(() => this.lookupAt(x, y, true), action === 'now' ? 0 : HOVER_DELAY_MS);
    // While the pointer rests, the dictionary's words around it are asked for halfway through the
    // delay, so the lookup at its end finds them already here (a message to the background takes ~10 ms).
    clearTimeout(this.prefetchTimer);
    if (action !== 'now') this.prefetchTimer = setTimeout(() => this.prefetchAt(x, y), HOVER_DELAY_MS / 2);
  };

  private prefetchAt(x: number, y: number): void {
    const pos = textPositionAt(this.doc, x, y);
    if (!pos || !/\p{Script=Han}/u.test(pos.node.data[pos.offset] ?? '') || isInSkippedRegion(pos.node)) return;
    const element = blockElementOf(pos.node);
    const block = element ? collectBlocks(element).find((b) => b.nodes.includes(pos.node)) : undefined;
    if (block) dictionaryAround(block.text, block.starts[block.nodes.indexOf(pos.node)]! + pos.offset).catch(() => undefined);
  }

  /** Looks up the word under a point (or, with `open` false, only closes the popover when the point left its word). */
  private lookupAt(x: number, y: number, open: boolean): void {
    const pos = textPositionAt(this.doc, x, y);
    if (!pos) { this.hide(); return; }
    const s = this.shownFor;
    if (s && s.node === pos.node && pos.offset >= s.start && pos.offset < s.end) return; // still on the same word
    if (open) void this.lookup(pos);
    else this.hide();
  }

  private readonly onKey = (e: KeyboardEvent): void => {
    if (this.pointer && keyStartsLookup(this.settings.popoverTrigger, e, this.paused) && !isTypingTarget(e.target)) {
      clearTimeout(this.timer);
      this.lookupAt(this.pointer.x, this.pointer.y, true);
      return;
    }
    if (!this.popover.visible) return;
    if (e.key === 'Escape') { this.hide(); return; }
    // Plain letter keys act on the popover only while it is open, and never while the reader types.
    if (e.ctrlKey || e.metaKey || e.altKey || isEditable(e.target) || !this.current) return;
    const key = e.key.toLowerCase();
    if (key === 'n' || key === 'b') {
      const { block, entry } = this.current;
      const next = key === 'n' ? nextHan(block.text, entry.end, 1) : nextHan(block.text, entry.start - 1, -1);
      if (next >= 0) void this.showAt(block, next);
    } else if (key === 'c') {
      void this.copyCurrent();
    } else if (key === 's' && this.saveWord) {
      const { block, entry } = this.current;
      void this.saveWord(entry, block).then((status) => this.setStatus(status));
    } else return;
    e.preventDefault();
    e.stopPropagation();
  };

  private async copyCurrent(): Promise<void> {
    if (!this.current) return;
    try {
      await navigator.clipboard.writeText(entryText(this.current.entry.content));
      this.setStatus(label('popoverCopied', 'Copied'));
    } catch {
      this.setStatus(label('popoverCopyFailed', 'Could not copy: the page did not allow it'));
    }
  }

  private setStatus(status: string): void {
    if (!this.current) return;
    this.current.entry.content.status = status;
    this.popover.show(this.current.anchor, this.current.entry.content, { toneColors: this.settings.toneColors });
  }

  private readonly onAway = (): void => {
    clearTimeout(this.timer);
    this.hide();
  };

  private hide(): void {
    this.anchorWatch.stop();
    this.lookupId++;
    this.shownFor = undefined;
    this.current = undefined;
    clearHighlight(LOOKUP_HIGHLIGHT);
    this.popover.hide();
  }

  /** Shows the word at a block offset (the keys step through words this way). */
  private async showAt(block: Block, offset: number): Promise<void> {
    const id = ++this.lookupId;
    const entry = await this.entryAt(block.text, offset);
    if (id !== this.lookupId || !entry) return;
    const range = rangeFor(this.doc, block, entry.start, entry.end);
    if (!range) return;
    this.present(block, entry, range);
  }

  private present(block: Block, entry: WordEntry, range: Range): void {
    const anchor = range.getBoundingClientRect();
    this.current = { block, entry, anchor };
    const index = block.nodes.findIndex((n, i) => block.starts[i]! <= entry.start && entry.start < block.starts[i]! + n.data.length);
    const node = block.nodes[index];
    if (node) this.shownFor = { node, start: entry.start - block.starts[index]!, end: Math.min(node.data.length, entry.end - block.starts[index]!) };
    const highlight = namedHighlight(LOOKUP_HIGHLIGHT);
    highlight?.clear();
    highlight?.add(range);
    this.popover.show(anchor, entry.content, { toneColors: this.settings.toneColors });
    // Close when the text under the popover changes (Show original, ruby on or off, the page itself).
    this.anchorWatch.watch(block.element, () => this.hide());
  }

  private async entryAt(text: string, offset: number): Promise<WordEntry | undefined> {
    try {
      return await wordEntryAt(text, offset, { settings: this.settings, glossary: this.settings.popovers ? await this.glossary() : undefined, region: pageRegion(this.doc) });
    } catch {
      return undefined; // the background is gone (extension reloaded): fall back to the glossary and pinyin alone
    }
  }

  private async lookup(pos: TextPosition): Promise<void> {
    if (isInSkippedRegion(pos.node) || pos.node.parentElement?.closest(`[${OWN_UI_ATTRIBUTE}]`)) return;
    if (!/\p{Script=Han}/u.test(pos.node.data[pos.offset] ?? '')) { this.hide(); return; }
    const id = ++this.lookupId;
    const element = blockElementOf(pos.node);
    const block = element ? collectBlocks(element).find((b) => b.nodes.includes(pos.node)) : undefined;
    if (!block) return;
    const offset = block.starts[block.nodes.indexOf(pos.node)]! + pos.offset;
    const entry = await this.entryAt(block.text, offset);
    if (id !== this.lookupId) return; // the pointer moved on while we looked up
    if (entry) {
      const range = rangeFor(this.doc, block, entry.start, entry.end);
      if (range) { this.present(block, entry, range); return; }
    }
    const content = await this.contentAt(block.text, offset);
    if (id !== this.lookupId) return; // the pointer moved on while we looked up
    if (!content) { this.hide(); return; }
    const { start, end } = content;
    const range = this.doc.createRange();
    const index = block.nodes.indexOf(pos.node);
    const nodeStart = block.starts[index]!;
    range.setStart(pos.node, Math.max(0, start - nodeStart));
    range.setEnd(pos.node, Math.min(pos.node.data.length, end - nodeStart));
    this.shownFor = { node: pos.node, start: Math.max(0, start - nodeStart), end: Math.min(pos.node.data.length, end - nodeStart) };
    this.popover.show(range.getBoundingClientRect(), content.content, { toneColors: this.settings.toneColors });
    // Close when the text under the popover changes (Show original, ruby on or off, the page itself).
    this.anchorWatch.watch(block.element, () => this.hide());
  }

  /** Without the dictionary: the glossary term, or the word's pinyin. */
  private async contentAt(text: string, offset: number): Promise<{ start: number; end: number; content: PopoverContent } | undefined> {
    const s = this.settings;
    if (s.popovers) {
      const glossary = await this.glossary();
      const hit = glossary?.matchCovering(text, offset);
      if (hit) {
        const e = hit.main.entry;
        const lang = s.explanationLanguage;
        return {
          start: hit.main.offset,
          end: hit.main.offset + hit.main.term.length,
          content: {
            kind: 'term', simplified: e.simplified, traditional: e.traditional, pinyin: e.pinyin, english: e.english,
            category: `${CATEGORY_LABELS[e.category].en} · ${CATEGORY_LABELS[e.category].zh}`,
            explanation: { en: lang !== 'zh' ? e.explanation.en : undefined, zh: lang !== 'en' && (lang === 'zh' || e.explanation.zh !== e.explanation.en) ? e.explanation.zh : undefined },
            parts: hit.parts.map((p) => ({ term: p.term, pinyin: p.entry.pinyin, english: p.entry.english })),
          },
        };
      }
    }
    if (s.pinyin !== 'popover') return undefined;
    const word = await (await loadPinyin()).wordAt(text, offset, s.toneStyle);
    if (!word) return undefined;
    return { start: word.start, end: word.end, content: { kind: 'word', word: word.word, syllables: word.syllables } };
  }
}

/** True for targets the reader types into (keys there are theirs). */
function isEditable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.tagName !== 'string') return false;
  return el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName);
}

/** The next Han character from an offset in a direction, or -1. */
function nextHan(text: string, from: number, step: 1 | -1): number {
  for (let i = from; i >= 0 && i < text.length; i += step) if (/\p{Script=Han}/u.test(text[i]!)) return i;
  return -1;
}

function label(name: string, fallback: string): string {
  try {
    return (globalThis as { chrome?: { i18n?: { getMessage(n: string): string } } }).chrome?.i18n?.getMessage(name) || fallback;
  } catch {
    return fallback;
  }
}
