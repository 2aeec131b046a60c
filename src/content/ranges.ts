/** DOM ranges over a block's text, for highlights (underlines, lost-character marks). */
import type { Block } from './blocks.ts';

/** A Range covering [start, end) of a block's text, or undefined when it cannot be placed. */
export function rangeFor(doc: Document, block: Block, start: number, end: number): Range | undefined {
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

type HighlightLike = { add(r: Range): void; delete(r: Range): boolean; clear(): void };
type HighlightRegistry = { set(name: string, h: unknown): void; delete(name: string): void; get(name: string): HighlightLike | undefined };
type HighlightCtor = new (...ranges: Range[]) => HighlightLike;

/**
 * The named CSS highlight (created on first use), or undefined where the
 * Custom Highlight API is missing (Firefox before 140): then nothing is drawn.
 */
export function namedHighlight(name: string): HighlightLike | undefined {
  const registry = (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS?.highlights;
  const Highlight = (globalThis as { Highlight?: HighlightCtor }).Highlight;
  if (!registry || !Highlight) return undefined;
  let h = registry.get(name);
  if (!h) {
    h = new Highlight();
    registry.set(name, h);
  }
  return h;
}

/** Removes a named highlight. */
export function clearHighlight(name: string): void {
  (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS?.highlights?.delete(name);
}
