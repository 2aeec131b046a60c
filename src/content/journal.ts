/**
 * The undo journal: the original text of everything we wrote (text, readable
 * attributes, `lang`, the title) and what we wrote. Undo restores the original
 * only where our text is still there, so a page that changed a node since
 * keeps its own change.
 *
 * The journal follows the text, not one node: a page may split a text node we
 * wrote (a search highlighter wraps a word in <mark>: splitText, then the
 * middle part moved into the mark). As long as the text nodes from the first
 * part on still read, in document order, exactly what we wrote, the entry
 * follows them, and undo gives each part the original of its own characters.
 */

/** What we wrote somewhere and what was there before (null: the attribute was absent). */
export interface JournalEntry { original: string | null; written: string }

/** A text we wrote: the nodes that now hold it, where each starts in it, and how it lines up with the original. */
interface TextEntry {
  pieces: Text[];
  /** bounds[i]: offset of pieces[i]'s text in `written`. */
  bounds: number[];
  original: string;
  written: string;
  /** Runs of [written length, original length] (see apply-edits.ts). */
  map: number[];
}

/** How far a text we wrote could still be followed after the page changed a node holding it. */
export type FollowResult = 'not-ours' | 'intact' | 'followed' | 'lost';

/** The most text nodes a split text is followed over (a highlighter makes three). */
const MAX_PIECES = 256;
/** NodeFilter.SHOW_TEXT (a number, so the journal runs in Node's tests too). */
const SHOW_TEXT = 0x4;

/**
 * Maps an offset in the written text to the original through runs of
 * [written, original] lengths. Same-length runs map character for character;
 * an offset inside any other run maps to its end; a removal at an offset
 * belongs before it (an annotation stays with the character it followed).
 */
export function originalOffset(map: readonly number[], offset: number): number {
  let w = 0;
  let o = 0;
  for (let i = 0; i < map.length; i += 2) {
    const wl = map[i]!;
    const ol = map[i + 1]!;
    if (wl === ol) {
      if (offset < w + wl) return o + (offset - w);
    } else if (wl > 0) {
      if (offset === w) return o;
      if (offset < w + wl) return o + ol;
    }
    w += wl;
    o += ol;
  }
  return o;
}

/** The original's offset for a written offset, the text's own ends mapping to the original's ends. */
function boundary(map: readonly number[], offset: number, written: number, original: number): number {
  return offset <= 0 ? 0 : offset >= written ? original : originalOffset(map, offset);
}

/** The runs of a map between two written offsets (for a text cut in parts). */
function sliceMap(map: readonly number[], from: number, to: number, written: number, original: number): number[] {
  const out: number[] = [];
  let lastW = from;
  let lastO = boundary(map, from, written, original);
  let w = 0;
  let o = 0;
  for (let i = 0; i < map.length; i += 2) {
    w += map[i]!;
    o += map[i + 1]!;
    if (w <= from || w >= to) continue;
    out.push(w - lastW, Math.max(0, o - lastO));
    lastW = w;
    lastO = Math.max(lastO, o);
  }
  out.push(to - lastW, Math.max(0, boundary(map, to, written, original) - lastO));
  return out;
}

/** The runs of writing over text we wrote before: the second write's runs, each with the first original under it. */
function composeMaps(first: readonly number[], second: readonly number[], firstWritten: number, original: number): number[] {
  const out: number[] = [];
  let w1 = 0;
  let lastO = 0;
  for (let i = 0; i < second.length; i += 2) {
    w1 += second[i + 1]!;
    const o = boundary(first, w1, firstWritten, original);
    out.push(second[i]!, Math.max(0, o - lastO));
    lastO = Math.max(lastO, o);
  }
  return out;
}

export class Journal {
  private readonly entries = new Set<TextEntry>();
  private readonly byNode = new Map<Text, TextEntry>();
  private readonly attributes = new Map<Element, Map<string, JournalEntry>>();
  private title: JournalEntry | undefined;

  /**
   * Records a write to a text node: its text before, the text written, and
   * how they line up (runs of [written, original] lengths; one run when omitted).
   */
  text(node: Text, before: string, after: string, map: number[] = [after.length, before.length]): void {
    let e = this.byNode.get(node);
    if (e && e.pieces.length > 1) {
      // We write again into one part of a text the page split: that part becomes a text of its own.
      this.cut(e, node);
      e = this.byNode.get(node);
    }
    if (e) {
      e.map = composeMaps(e.map, map, e.written.length, e.original.length);
      e.written = after;
      e.bounds = [0];
      return;
    }
    e = { pieces: [node], bounds: [0], original: before, written: after, map };
    this.entries.add(e);
    this.byNode.set(node, e);
  }

  /** Records a write to an attribute (`before` null: it was absent, and undo removes it). */
  attribute(el: Element, name: string, before: string | null, after: string): void {
    let m = this.attributes.get(el);
    if (!m) this.attributes.set(el, (m = new Map()));
    const e = m.get(name);
    if (e) e.written = after;
    else m.set(name, { original: before, written: after });
  }

  /** Records a write to document.title. */
  documentTitle(before: string, after: string): void {
    if (this.title) this.title.written = after;
    else this.title = { original: before, written: after };
  }

  /** True when we wrote text into this node (or into a text that now runs through it). */
  has(node: Text): boolean {
    return this.byNode.has(node);
  }

  /**
   * After the page changed a node: is the text we wrote through it still
   * there (intact, or followed across the nodes the page split it into), or
   * lost (the page wrote its own text: the entry is dropped, its text is the
   * page's own original now)?
   */
  follow(node: Text): FollowResult {
    const e = this.byNode.get(node);
    if (!e) return 'not-ours';
    if (intact(e)) return 'intact';
    if (this.refollow(e)) return 'followed';
    this.drop(e);
    return 'lost';
  }

  get size(): number {
    return this.entries.size + this.attributes.size + (this.title ? 1 : 0);
  }

  /** Restores every original still covered by our text, and empties the journal. */
  undo(doc: Document): void {
    for (const e of this.entries) {
      if (!intact(e) && !this.refollow(e)) continue;
      if (e.pieces.length === 1) {
        e.pieces[0]!.data = e.original;
        continue;
      }
      for (let i = 0; i < e.pieces.length; i++) {
        const from = boundary(e.map, e.bounds[i]!, e.written.length, e.original.length);
        const to = i + 1 < e.pieces.length ? boundary(e.map, e.bounds[i + 1]!, e.written.length, e.original.length) : e.original.length;
        e.pieces[i]!.data = e.original.slice(from, to);
      }
    }
    for (const [el, m] of this.attributes) {
      for (const [name, e] of m) {
        if (el.getAttribute(name) !== e.written) continue;
        if (e.original === null) el.removeAttribute(name);
        else el.setAttribute(name, e.original);
      }
    }
    if (this.title && doc.title === this.title.written) doc.title = this.title.original ?? '';
    this.entries.clear();
    this.byNode.clear();
    this.attributes.clear();
    this.title = undefined;
  }

  /**
   * Finds the text again from its first node on: the following text nodes in
   * document order must read exactly what we wrote. True when found (the
   * entry now lists those nodes).
   */
  private refollow(e: TextEntry): boolean {
    const first = e.pieces[0]!;
    if (!e.written.startsWith(first.data)) return false;
    const pieces = [first];
    const bounds = [0];
    let pos = first.data.length;
    if (pos < e.written.length) {
      const root = first.getRootNode();
      const walker = first.ownerDocument.createTreeWalker(root, SHOW_TEXT);
      walker.currentNode = first;
      while (pos < e.written.length) {
        const n = walker.nextNode() as Text | null;
        if (!n || pieces.length >= MAX_PIECES) return false;
        const data = n.data;
        if (data.length === 0) continue;
        const owner = this.byNode.get(n);
        if ((owner && owner !== e) || !e.written.startsWith(data, pos)) return false;
        pieces.push(n);
        bounds.push(pos);
        pos += data.length;
      }
    }
    for (const p of e.pieces) if (this.byNode.get(p) === e) this.byNode.delete(p);
    for (const p of pieces) this.byNode.set(p, e);
    e.pieces = pieces;
    e.bounds = bounds;
    return true;
  }

  /** Splits a followed text around one of its parts: each part keeps the original of its own characters. */
  private cut(e: TextEntry, node: Text): void {
    const i = e.pieces.indexOf(node);
    const end = (k: number): number => (k + 1 < e.pieces.length ? e.bounds[k + 1]! : e.written.length);
    const parts: [number, number][] = [];
    if (i > 0) parts.push([0, i]);
    parts.push([i, i + 1]);
    if (i + 1 < e.pieces.length) parts.push([i + 1, e.pieces.length]);
    this.drop(e);
    for (const [a, b] of parts) {
      const from = e.bounds[a]!;
      const to = end(b - 1);
      const part: TextEntry = {
        pieces: e.pieces.slice(a, b),
        bounds: e.bounds.slice(a, b).map((x) => x - from),
        original: e.original.slice(boundary(e.map, from, e.written.length, e.original.length), boundary(e.map, to, e.written.length, e.original.length)),
        written: e.written.slice(from, to),
        map: sliceMap(e.map, from, to, e.written.length, e.original.length),
      };
      this.entries.add(part);
      for (const p of part.pieces) this.byNode.set(p, part);
    }
  }

  private drop(e: TextEntry): void {
    this.entries.delete(e);
    for (const p of e.pieces) if (this.byNode.get(p) === e) this.byNode.delete(p);
  }
}

/**
 * True when the entry's nodes still hold exactly what we wrote (a node the
 * page removed counts too: undo puts its original back in case the page
 * shows it again).
 */
function intact(e: TextEntry): boolean {
  if (e.pieces.length === 1) return e.pieces[0]!.data === e.written;
  let at = 0;
  for (let i = 0; i < e.pieces.length; i++) {
    const p = e.pieces[i]!;
    if (e.bounds[i] !== at || !e.written.startsWith(p.data, at)) return false;
    at += p.data.length;
  }
  return at === e.written.length;
}
