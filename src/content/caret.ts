/** Finds the character under a point on the page, in shadow trees too. */
import { knownShadowRoots } from './shadow.ts';

export interface TextPosition { node: Text; offset: number }

type CaretDoc = Document & {
  caretPositionFromPoint?: (x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

/**
 * The text node and character offset under (x, y), or undefined when the point
 * is not over a character. caretPositionFromPoint is the standard (Firefox,
 * Chromium 128+); caretRangeFromPoint is the older WebKit/Blink API
 * (https://developer.mozilla.org/docs/Web/API/Document/caretPositionFromPoint).
 * Both return the nearest caret even beside the text, so the character's own
 * box is checked. Text in a shadow tree is found only when its root is passed
 * (`shadowRoots`, Chromium 128+; otherwise the point lands on the host): the
 * roots the page fixer has read are.
 */
export function textPositionAt(doc: Document, x: number, y: number): TextPosition | undefined {
  const d = doc as CaretDoc;
  let node: Node | undefined;
  let offset = 0;
  if (d.caretPositionFromPoint) {
    const roots = knownShadowRoots();
    const p = roots.length ? d.caretPositionFromPoint(x, y, { shadowRoots: roots }) : d.caretPositionFromPoint(x, y);
    if (p) { node = p.offsetNode; offset = p.offset; }
  } else if (d.caretRangeFromPoint) {
    const r = d.caretRangeFromPoint(x, y);
    if (r) { node = r.startContainer; offset = r.startOffset; }
  }
  if (!node || node.nodeType !== Node.TEXT_NODE) return undefined;
  const text = node as Text;
  // The caret sits between characters: the one under the pointer is after or before it.
  for (const candidate of [offset, offset - 1]) {
    if (candidate < 0 || candidate >= text.data.length) continue;
    const range = doc.createRange();
    range.setStart(text, candidate);
    range.setEnd(text, candidate + 1);
    for (const rect of range.getClientRects()) {
      if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return { node: text, offset: candidate };
    }
  }
  return undefined;
}
