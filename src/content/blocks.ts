/**
 * Collects the page's text as blocks: the consecutive text nodes under one
 * block-level element, joined into one string with an offset map, so damage
 * split across nodes (網<b>(wǎng)</b>) is still one match for the engine.
 */

/** Elements whose text is never read or changed: code, scripts, form fields, ruby annotations. */
const SKIPPED = new Set([
  'SCRIPT', 'STYLE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'RT', 'RP', 'CODE', 'PRE', 'KBD', 'SAMP',
  'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'svg', 'SVG', 'math', 'MATH',
]);

/** Inline elements: text on both sides of them belongs to the same block. */
const INLINE = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'BIG', 'CITE', 'DATA', 'DEL', 'DFN', 'EM', 'FONT', 'I', 'INS', 'LABEL',
  'MARK', 'Q', 'RUBY', 'S', 'SMALL', 'SPAN', 'STRIKE', 'STRONG', 'SUB', 'SUP', 'TIME', 'TT', 'U', 'VAR', 'WBR',
]);

/** Marks our own UI (popover hosts) so it is never processed. */
export const OWN_UI_ATTRIBUTE = 'data-zhengwen-ui';

export interface Block {
  /** The block-level element the text belongs to. */
  element: Element;
  nodes: Text[];
  /** starts[i] is the offset of nodes[i] in text. */
  starts: number[];
  text: string;
}

/** True when an element and everything in it must be left alone. */
export function isSkipped(el: Element): boolean {
  if (SKIPPED.has(el.tagName) || el.hasAttribute(OWN_UI_ATTRIBUTE)) return true;
  // contenteditable regions belong to the user; isContentEditable also covers "plaintext-only".
  return el.hasAttribute('contenteditable') && (el as HTMLElement).isContentEditable;
}

/** True when a text node sits somewhere we never touch (checked upwards, for nodes found by observers). */
export function isInSkippedRegion(node: Node): boolean {
  if (node.ownerDocument?.designMode === 'on') return true;
  for (let el = node.parentElement; el; el = el.parentElement) if (isSkipped(el)) return true;
  return false;
}

/** The nearest ancestor that is not an inline element. */
export function blockElementOf(node: Node): Element | null {
  let el = node.parentElement;
  while (el && INLINE.has(el.tagName) && el.parentElement) el = el.parentElement;
  return el;
}

/** Collects the blocks of text under a root, in document order. */
export function collectBlocks(root: Node): Block[] {
  const doc = root.ownerDocument ?? (root as Document);
  if (doc.designMode === 'on') return [];
  // The walker's filter never sees its root: an editable <body> (iframe editors) or an
  // element inside a skipped region is checked here.
  if (root.nodeType === Node.ELEMENT_NODE && (isSkipped(root as Element) || isInSkippedRegion(root))) return [];
  const blocks: Block[] = [];
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.nodeType === Node.ELEMENT_NODE && isSkipped(n as Element) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  let current: Block | undefined;
  let parts: string[] = [];
  let length = 0;
  const finish = (): void => {
    if (current) {
      current.text = parts.join('');
      blocks.push(current);
    }
    current = undefined;
    parts = [];
    length = 0;
  };
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType !== Node.TEXT_NODE) continue;
    const text = n as Text;
    const data = text.data;
    if (data.length === 0) continue;
    const element = blockElementOf(text);
    if (!element) continue;
    if (!current || current.element !== element) {
      finish();
      current = { element, nodes: [], starts: [], text: '' };
    }
    current.nodes.push(text);
    current.starts.push(length);
    parts.push(data);
    length += data.length;
  }
  finish();
  return blocks;
}

/** The blocks that contain the given text nodes (for content that changed), each collected once. */
export function blocksContaining(nodes: Iterable<Text>): Block[] {
  const elements = new Set<Element>();
  for (const n of nodes) {
    // Text outside <body> (the <title>) is handled as the document title, with its own budget.
    if (!n.isConnected || isInSkippedRegion(n) || !n.ownerDocument.body?.contains(n)) continue;
    const el = blockElementOf(n);
    if (el) elements.add(el);
  }
  // An element inside another collected element is covered by the outer one.
  const roots = [...elements].filter((el) => ![...elements].some((o) => o !== el && o.contains(el)));
  return roots.flatMap((el) => collectBlocks(el));
}
