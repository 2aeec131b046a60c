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

/** Wait this long after the pointer stops before looking up (trigger 'rest'): a reader's pause, not a pass on the way. */
const HOVER_DELAY_MS = 200;

export class HoverLookup {
  private readonly popover: Popover;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private shownFor: { node: Text; start: number; end: number } | undefined;
  private lookupId = 0;
  private enabled = false;
  // Trigger state (popover-trigger.ts): paused from the page, where the pointer last was, the text watched under the popover.
  private paused = false;
  private pointer: { x: number; y: number } | undefined;
  private readonly anchorWatch = new AnchorWatch();

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
    // Word pinyin loads with the first pointer move, so the lookup delay covers part of it.
    if (this.settings.pinyin === 'popover') void loadPinyin();
    this.timer = setTimeout(() => this.lookupAt(x, y, true), action === 'now' ? 0 : HOVER_DELAY_MS);
  };

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
    if (e.key === 'Escape' && this.popover.visible) this.hide();
    else if (this.pointer && keyStartsLookup(this.settings.popoverTrigger, e, this.paused) && !isTypingTarget(e.target)) {
      clearTimeout(this.timer);
      this.lookupAt(this.pointer.x, this.pointer.y, true);
    }
  };

  private readonly onAway = (): void => {
    clearTimeout(this.timer);
    this.hide();
  };

  private hide(): void {
    this.anchorWatch.stop();
    this.lookupId++;
    this.shownFor = undefined;
    this.popover.hide();
  }

  private async lookup(pos: TextPosition): Promise<void> {
    if (isInSkippedRegion(pos.node) || pos.node.parentElement?.closest(`[${OWN_UI_ATTRIBUTE}]`)) return;
    if (!/\p{Script=Han}/u.test(pos.node.data[pos.offset] ?? '')) { this.hide(); return; }
    const id = ++this.lookupId;
    const element = blockElementOf(pos.node);
    const block = element ? collectBlocks(element).find((b) => b.nodes.includes(pos.node)) : undefined;
    if (!block) return;
    const offset = block.starts[block.nodes.indexOf(pos.node)]! + pos.offset;
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
            explanation: { en: lang !== 'zh' ? e.explanation.en : undefined, zh: lang !== 'en' ? e.explanation.zh : undefined },
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
