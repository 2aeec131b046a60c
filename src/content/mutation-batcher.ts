/**
 * Follows what the page changes after our pass: one MutationObserver on the
 * document and on every shadow root found (a document's observer does not see
 * into shadow trees), paused around our own writes so they never come back as
 * page changes, and changes gathered into batches.
 */
import { READABLE_ATTRIBUTES } from './blocks.ts';
import { knownShadowRoots, onShadowRoot } from './shadow.ts';

/** What is watched: text, nodes, and the readable attributes. */
const OBSERVED: MutationObserverInit = {
  subtree: true, childList: true, characterData: true,
  attributes: true, attributeFilter: [...READABLE_ATTRIBUTES],
};

/**
 * How long changes are gathered before a batch is processed. Never
 * postponed: a page that appends every 40 ms still gets a pass every 50 ms.
 */
const BATCH_MS = 50;

export interface BatchHooks {
  /** A text node's data changed (before it is queued): the writer checks whether the page rewrote our text. */
  textChanged(node: Text): void;
  /** A batch is ready: take it with `take()`. */
  batchReady(): void;
}

export class MutationBatcher {
  private readonly observer: MutationObserver;
  private readonly pendingTexts = new Set<Text>();
  private readonly pendingElements = new Set<Element>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  /** True while the observer is connected (shadow roots found meanwhile are added to it). */
  private observing = false;

  constructor(private readonly doc: Document, private readonly hooks: BatchHooks) {
    this.observer = new MutationObserver((records) => this.onMutations(records));
    onShadowRoot((root) => {
      if (this.observing) this.observer.observe(root, OBSERVED);
    });
  }

  /** Starts watching the document and every shadow root found so far. */
  start(): void {
    // The document, not its root element: document.open() (a script-written frame) replaces the root.
    this.observer.observe(this.doc, OBSERVED);
    this.observing = true;
    for (const root of knownShadowRoots()) this.observer.observe(root, OBSERVED);
  }

  /** Stops watching and drops what was gathered. */
  stop(): void {
    this.observer.disconnect();
    this.observing = false;
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.pendingTexts.clear();
    this.pendingElements.clear();
  }

  /** Runs our own writes unobserved; watching resumes after them when `resume` is true. */
  pause(write: () => void, resume: boolean): void {
    this.observer.disconnect();
    this.observing = false;
    try {
      write();
    } finally {
      if (resume) this.start();
    }
  }

  /** The gathered changes: text nodes, and elements still in the document. Empties the batch. */
  take(): { texts: Set<Text>; elements: Element[] } {
    const texts = new Set(this.pendingTexts);
    const elements = [...this.pendingElements].filter((e) => e.isConnected);
    this.pendingTexts.clear();
    this.pendingElements.clear();
    return { texts, elements };
  }

  private onMutations(records: MutationRecord[]): void {
    for (const r of records) {
      if (r.type === 'characterData') {
        const node = r.target as Text;
        this.hooks.textChanged(node);
        this.pendingTexts.add(node);
      } else if (r.type === 'childList') {
        for (const n of r.addedNodes) {
          if (n.nodeType === Node.TEXT_NODE) this.pendingTexts.add(n as Text);
          else if (n.nodeType === Node.ELEMENT_NODE) this.pendingElements.add(n as Element);
        }
        if (r.target.nodeName === 'TITLE') this.pendingElements.add(r.target as Element);
      } else if (r.type === 'attributes') {
        this.pendingElements.add(r.target as Element);
      }
    }
    if ((this.pendingTexts.size || this.pendingElements.size) && this.flushTimer === undefined) {
      // Batch bursts of changes (infinite scroll appends many nodes at once), but never postpone.
      this.flushTimer = setTimeout(() => {
        this.flushTimer = undefined;
        this.hooks.batchReady();
      }, BATCH_MS);
    }
  }
}
