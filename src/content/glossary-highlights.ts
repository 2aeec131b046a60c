/**
 * Underlines glossary terms with the CSS Custom Highlight API: ranges over the
 * existing text, no DOM rewriting. content.css styles ::highlight(zhengwen-term).
 * Where the API is missing there are no underlines; hover still works.
 */
import type { GlossaryMatcher } from '../core/glossary/matcher.ts';
import type { Block } from './blocks.ts';
import { clearHighlight, namedHighlight, rangeFor } from './ranges.ts';
import { yieldToPage } from './yield.ts';

export const HIGHLIGHT_NAME = 'zhengwen-term';

/** Adds underlines for every glossary term in the blocks, in time slices. */
export async function underlineTerms(doc: Document, blocks: readonly Block[], glossary: GlossaryMatcher): Promise<number> {
  const highlight = namedHighlight(HIGHLIGHT_NAME);
  if (!highlight) return 0;
  let n = 0;
  let sliceStart = performance.now();
  for (const block of blocks) {
    // A giant block (one 10 MB text node) gets no underlines: matching it is one long task.
    if (block.text.length > 200_000) continue;
    if (performance.now() - sliceStart > 12) {
      await yieldToPage();
      sliceStart = performance.now();
    }
    for (const m of glossary.findAll(block.text)) {
      const range = rangeFor(doc, block, m.offset, m.offset + m.term.length);
      if (range) { highlight.add(range); n++; }
    }
  }
  return n;
}

/** Removes every underline. */
export function clearUnderlines(): void {
  clearHighlight(HIGHLIGHT_NAME);
}
