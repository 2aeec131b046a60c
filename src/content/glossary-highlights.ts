/**
 * Underlines glossary terms with the CSS Custom Highlight API: ranges over the
 * existing text, no DOM rewriting. content.css styles ::highlight(zhengwen-term).
 * Where the API is missing there are no underlines; hover still works.
 *
 * Only blocks near the viewport carry underlines. Chromium rebuilds the
 * markers of every range of every highlight in any frame after the DOM
 * changed anywhere: with the ~13,000 terms of a million-character page
 * underlined, each later change on the page (a ticker, our own writes) cost a
 * frame of several hundred milliseconds, and underlining them slice by slice
 * made each frame longer than the last. So blocks are watched with an
 * IntersectionObserver, underlined as they come near the viewport and let go
 * when they leave it.
 */
import { regionApplies } from '../core/dictionary/word-lookup.ts';
import type { GlossaryMatcher } from '../core/glossary/matcher.ts';
import type { Block } from './blocks.ts';
import { pageRegion } from './page-region.ts';
import { clearHighlight, namedHighlight, rangeFor } from './ranges.ts';
import { yieldToPage } from './yield.ts';

export const HIGHLIGHT_NAME = 'zhengwen-term';

/** Blocks within this distance of the viewport are underlined: a screen above and below. */
const NEAR = '100% 0px 100% 0px';
/** A giant block (one 10 MB text node) gets no underlines: matching it is one long task. */
const MAX_BLOCK_CHARS = 200_000;
/** Elements newly watched per slice (see underlineTerms). */
const OBSERVE_PER_SLICE = 500;
/** Where no frame comes to report what is on screen (a hidden tab), stop waiting for it after this long. */
const FIRST_REPORT_MS = 200;

interface Watched {
  blocks: Block[];
  /** The ranges in the highlight now (the element is near the viewport). */
  ranges: Range[] | undefined;
}

let glossary: GlossaryMatcher | undefined;
let observer: IntersectionObserver | undefined;
const watched = new Map<Element, Watched>();
/** Resolved by the observer's next report: the blocks just handed over that are on screen are underlined by then. */
let reported: (() => void)[] = [];

/**
 * Underlines the glossary terms of the blocks near the viewport, and of the
 * others once they come near it. Blocks given again for an element replace
 * its earlier ones. Resolves once the observer has said which of the newly
 * watched ones are on screen (and underlined them).
 */
export async function underlineTerms(doc: Document, blocks: readonly Block[], matcher: GlossaryMatcher): Promise<void> {
  if (!namedHighlight(HIGHLIGHT_NAME) || !doc.defaultView) return;
  glossary = matcher;
  observer ??= new IntersectionObserver(onIntersections, { rootMargin: NEAR });
  const byElement = new Map<Element, Block[]>();
  for (const b of blocks) {
    if (b.text.length > MAX_BLOCK_CHARS) continue;
    const list = byElement.get(b.element);
    if (list) list.push(b);
    else byElement.set(b.element, [b]);
  }
  let observed = false;
  let observedNow = 0;
  let sliceStart = performance.now();
  for (const [element, list] of byElement) {
    const known = watched.get(element);
    if (known) {
      // Still near the viewport: the observer will not report it again, so redo it here.
      const near = known.ranges !== undefined;
      letGo(known);
      known.blocks = list;
      if (near) underline(known);
    } else {
      watched.set(element, { blocks: list, ranges: undefined });
      observer.observe(element);
      observed = true;
      observedNow++;
    }
    // Each newly watched element costs the next frame a first intersection check: a few hundred per frame.
    if (performance.now() - sliceStart > 12 || observedNow >= OBSERVE_PER_SLICE) {
      await yieldToPage();
      sliceStart = performance.now();
      observedNow = 0;
    }
  }
  // Newly watched elements are reported after the next frame; the ones on screen are underlined then.
  if (!observed) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(done, FIRST_REPORT_MS);
    function done(): void {
      clearTimeout(timer);
      resolve();
    }
    reported.push(done);
  });
}

/** Removes every underline and stops watching. */
export function clearUnderlines(): void {
  observer?.disconnect();
  observer = undefined;
  watched.clear();
  const waiting = reported;
  reported = [];
  for (const r of waiting) r();
  clearHighlight(HIGHLIGHT_NAME);
}

function onIntersections(entries: IntersectionObserverEntry[]): void {
  for (const e of entries) {
    const w = watched.get(e.target);
    if (!w) continue;
    if (e.isIntersecting) {
      if (w.ranges === undefined) underline(w);
    } else {
      letGo(w);
      // Gone from the page: nothing left to underline.
      if (!e.target.isConnected) {
        watched.delete(e.target);
        observer?.unobserve(e.target);
      }
    }
  }
  const waiting = reported;
  reported = [];
  for (const r of waiting) r();
}

function underline(w: Watched): void {
  const highlight = namedHighlight(HIGHLIGHT_NAME);
  if (!highlight || !glossary) return;
  w.ranges = [];
  for (const block of w.blocks) {
    // The page may have changed the text since: match it as it is now.
    const now = current(block);
    if (!now) continue;
    for (const m of glossary.findAll(now.text)) {
      // Everyday words with a political sense (意见, 审议) are not underlined; hovering them still shows the entry.
      if (m.entry.everyday) continue;
      // Another place's institution (a Hong Kong term on a Taiwan page) is not this page's term.
      if (!regionApplies(m.entry, pageRegion(now.element.ownerDocument))) continue;
      const range = rangeFor(now.element.ownerDocument, now, m.offset, m.offset + m.term.length);
      if (range) {
        highlight.add(range);
        w.ranges.push(range);
      }
    }
  }
}

function letGo(w: Watched): void {
  if (!w.ranges) return;
  const highlight = namedHighlight(HIGHLIGHT_NAME);
  if (highlight) for (const r of w.ranges) highlight.delete(r);
  w.ranges = undefined;
}

/** A block's text and offsets as they are now; undefined when none of its nodes is left. */
function current(block: Block): Block | undefined {
  const nodes = block.nodes.filter((x) => x.isConnected);
  if (nodes.length === 0) return undefined;
  const starts: number[] = [];
  let n = 0;
  for (const node of nodes) { starts.push(n); n += node.data.length; }
  return { element: block.element, nodes, starts, text: nodes.map((x) => x.data).join('') };
}
