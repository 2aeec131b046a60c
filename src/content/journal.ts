/**
 * The undo journal: the original text of every node and attribute we wrote,
 * and what we wrote. Undo restores the original only where our text is still
 * there, so a page that changed a node since keeps its own change.
 */
export interface JournalEntry { original: string; written: string }

export class Journal {
  private readonly texts = new Map<Text, JournalEntry>();
  private readonly attributes = new Map<Element, Map<string, JournalEntry>>();
  private title: JournalEntry | undefined;

  /** Records a write to a text node (the first original is kept). */
  text(node: Text, before: string, after: string): void {
    const e = this.texts.get(node);
    if (e) e.written = after;
    else this.texts.set(node, { original: before, written: after });
  }

  /** Records a write to an attribute. */
  attribute(el: Element, name: string, before: string, after: string): void {
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

  /** What we wrote to a node, if we did. */
  entryFor(node: Text): JournalEntry | undefined {
    return this.texts.get(node);
  }

  /** Forgets a node the page has rewritten: its new text is the page's own. */
  forget(node: Text): void {
    this.texts.delete(node);
  }

  get size(): number {
    return this.texts.size + this.attributes.size + (this.title ? 1 : 0);
  }

  /** Restores every original still covered by our text, and empties the journal. */
  undo(doc: Document): void {
    for (const [node, e] of this.texts) if (node.data === e.written) node.data = e.original;
    for (const [el, m] of this.attributes) {
      for (const [name, e] of m) if (el.getAttribute(name) === e.written) el.setAttribute(name, e.original);
    }
    if (this.title && doc.title === this.title.written) doc.title = this.title.original;
    this.texts.clear();
    this.attributes.clear();
    this.title = undefined;
  }
}
