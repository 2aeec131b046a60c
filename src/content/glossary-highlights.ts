/**
 * Underlines glossary terms with the CSS Custom Highlight API: ranges over the
 * existing text, no DOM rewriting. content.css styles ::highlight(zhengwen-term).
 * Where the API is missing (Firefox before 140) there are no underlines; hover
 * still works.
 */
import type { GlossaryMatcher } from '../core/glossary/matcher.ts';
import type { Block } from './blocks.ts';

export const HIGHLIGHT_NAME = 'zhengwen-term';

type HighlightRegistry = { set(name: string, h: unknown): void; delete(name: string): void; get(name: string): { add(r: Range): void } | undefined };
type HighlightCtor = new (...ranges: Range[]) => { add(r: Range): void };

function api(): { registry: HighlightRegistry; Highlight: HighlightCtor } | undefined {
  const registry = (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS?.highlights;
  const Highlight = (globalThis as { Highlight?: HighlightCtor }).Highlight;
  return registry && Highlight ? { registry, Highlight } : undefined;
}

/** True when underlines can be drawn here. */
export const highlightsSupported = (): boolean => api() !== undefined;

/** Adds underlines for every glossary term in the blocks. */
export function underlineTerms(doc: Document, blocks: readonly Block[], glossary: GlossaryMatcher): number {
  const a = api();
  if (!a) return 0;
  let highlight = a.registry.get(HIGHLIGHT_NAME);
  if (!highlight) {
    highlight = new a.Highlight();
    a.registry.set(HIGHLIGHT_NAME, highlight);
  }
  let n = 0;
  for (const block of blocks) {
    for (const m of glossary.findAll(block.text)) {
      const range = rangeFor(doc, block, m.offset, m.offset + m.term.length);
      if (range) { highlight.add(range); n++; }
    }
  }
  return n;
}

/** Removes every underline. */
export function clearUnderlines(): void {
  api()?.registry.delete(HIGHLIGHT_NAME);
}

function rangeFor(doc: Document, block: Block, start: number, end: number): Range | undefined {
  const at = (offset: number, isEnd: boolean): [Text, number] | undefined => {
    for (let i = block.nodes.length - 1; i >= 0; i--) {
      const s = block.starts[i]!;
      if (isEnd ? s < offset : s <= offset) return [block.nodes[i]!, offset - s];
    }
    return undefined;
  };
  const a = at(start, false);
  const b = at(end, true);
  if (!a || !b) return undefined;
  const r = doc.createRange();
  r.setStart(a[0], Math.min(a[1], a[0].data.length));
  r.setEnd(b[0], Math.min(b[1], b[0].data.length));
  return r;
}
