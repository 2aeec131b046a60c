/**
 * Collects the page's text as blocks: the consecutive text nodes under one
 * block-level element, joined into one string with an offset map, so damage
 * split across nodes (網<b>(wǎng)</b>) is still one match for the engine.
 * Shadow roots (open and closed, nested) are read where their host is.
 */
import { composedParent, foundShadowRoot, shadowRootOf } from './shadow.ts';

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

/** Attributes people read: repaired and converted like text. */
export const READABLE_ATTRIBUTES = ['title', 'alt', 'placeholder', 'aria-label'] as const;

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
  // Across shadow boundaries: a shadow tree inside a skipped host (our popover, an editor) is skipped too.
  for (let el = composedParent(node); el; el = composedParent(el)) if (isSkipped(el)) return true;
  return false;
}

/** True when `node` is inside `ancestor`, counting shadow trees as inside their host. */
export function composedContains(ancestor: Node, node: Node): boolean {
  for (let n: Node | null = node; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null) if (n === ancestor) return true;
  return false;
}

/** The nearest ancestor that is not an inline element. */
export function blockElementOf(node: Node): Element | null {
  // Text at the top of a shadow tree belongs to its host's block.
  let el = node.parentElement ?? composedParent(node);
  while (el && INLINE.has(el.tagName) && el.parentElement) el = el.parentElement;
  return el;
}

/** Collects the blocks of text under a root, in document order. */
export function collectBlocks(root: Node): Block[] {
  const collector = new BlockCollector(root);
  collector.collect(Infinity);
  return collector.blocks;
}

/**
 * Collects blocks a slice at a time, so a long page is not read in one long
 * task. The text nodes are listed in one pass when it is created (cheap: no
 * script runs per node); `collect` then reads and groups them until a
 * deadline. The page may change between slices: nodes it removed are
 * skipped, and a block read before a change no longer matches the page, which
 * the page fixer checks before it writes.
 */
export class BlockCollector {
  readonly blocks: Block[] = [];
  private readonly nodes: Text[];
  /** Only under a root in the document does a disconnected node mean the page removed it. */
  private readonly inDocument: boolean;
  private next = 0;
  private current: Block | undefined;
  private parts: string[] = [];
  private length = 0;

  constructor(root: Node) {
    this.nodes = textNodesUnder(root);
    this.inDocument = root.isConnected;
  }

  /** Reads text nodes into blocks until `deadline` (a performance.now() time) passes; true once all are read. */
  collect(deadline: number): boolean {
    const nodes = this.nodes;
    for (let read = 0; this.next < nodes.length; read++) {
      // Checking the clock every few nodes is enough (one is read in about a microsecond);
      // each call reads at least one, so a late call still makes progress.
      if (read > 0 && (read & 63) === 0 && performance.now() > deadline) return false;
      const text = nodes[this.next++]!;
      // Listed earlier, removed by the page since: not ours to read any more.
      if (this.inDocument && !text.isConnected) continue;
      const data = text.data;
      if (data.length === 0) continue;
      const element = blockElementOf(text);
      if (!element) continue;
      if (!this.current || this.current.element !== element) {
        this.finish();
        this.current = { element, nodes: [], starts: [], text: '' };
      }
      this.current.nodes.push(text);
      this.current.starts.push(this.length);
      this.parts.push(data);
      this.length += data.length;
    }
    this.finish();
    return true;
  }

  private finish(): void {
    if (this.current) {
      this.current.text = this.parts.join('');
      this.blocks.push(this.current);
    }
    this.current = undefined;
    this.parts = [];
    this.length = 0;
  }
}

/**
 * The text nodes under a root, in document order, leaving out skipped
 * regions. Subtrees are skipped by hand rather than with a filter function:
 * a filter is a call into script for every node, which made listing a
 * 5,000-paragraph page take tens of milliseconds instead of a few.
 */
function textNodesUnder(root: Node): Text[] {
  const doc = root.ownerDocument ?? (root as Document);
  if (doc.designMode === 'on') return [];
  // The walk never looks at its root: an editable <body> (iframe editors) or an
  // element inside a skipped region is checked here.
  if (root.nodeType === Node.ELEMENT_NODE && (isSkipped(root as Element) || isInSkippedRegion(root))) return [];
  const out: Text[] = [];
  if (root.nodeType === Node.ELEMENT_NODE) addShadowText(root as Element, out);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  let n = walker.nextNode();
  while (n) {
    if (n.nodeType === Node.TEXT_NODE) {
      out.push(n as Text);
      n = walker.nextNode();
    } else if (!isSkipped(n as Element)) {
      addShadowText(n as Element, out);
      n = walker.nextNode();
    } else {
      // Past the skipped element and everything in it: its next sibling, or its nearest ancestor's.
      n = walker.nextSibling();
      while (!n && walker.parentNode()) n = walker.nextSibling();
    }
  }
  return out;
}

/** Appends the text of an element's shadow tree (open or closed, and the trees nested in it), if it has one. */
function addShadowText(el: Element, out: Text[]): void {
  const shadow = shadowRootOf(el);
  if (!shadow) return;
  foundShadowRoot(shadow);
  for (const t of textNodesUnder(shadow)) out.push(t);
}

/** The blocks that contain the given text nodes (for content that changed), each collected once. */
export function blocksContaining(nodes: Iterable<Text>): Block[] {
  const elements = new Set<Element>();
  for (const n of nodes) {
    // Text outside <body> (the <title>) is handled as the document title, with its own budget.
    const body = n.ownerDocument.body;
    if (!n.isConnected || !body || isInSkippedRegion(n) || !composedContains(body, n)) continue;
    const el = blockElementOf(n);
    if (el) elements.add(el);
  }
  // An element inside another collected element is covered by the outer one.
  const roots = [...elements].filter((el) => ![...elements].some((o) => o !== el && o.contains(el)));
  return roots.flatMap((el) => collectBlocks(el));
}
