/**
 * Shadow roots, open and closed. A content script reaches a closed root only
 * through its browser's extension API: `chrome.dom.openOrClosedShadowRoot`
 * in Chromium, `element.openOrClosedShadowRoot` in Firefox. Roots found while
 * the page is read are announced, so the page fixer can watch them (a
 * MutationObserver on the document does not see into shadow trees) and hover
 * can find characters in them.
 */

type ShadowGetter = (el: Element) => ShadowRoot | null;

let getter: ShadowGetter | undefined;

/** The fastest way this browser gives us any element's shadow root, found once. */
function shadowGetter(): ShadowGetter {
  if (getter) return getter;
  const dom = (globalThis as { chrome?: { dom?: { openOrClosedShadowRoot?: (el: HTMLElement) => ShadowRoot | null } } }).chrome?.dom;
  const firefox = typeof Element !== 'undefined' && 'openOrClosedShadowRoot' in Element.prototype;
  if (firefox) getter = (el) => (el as Element & { openOrClosedShadowRoot: ShadowRoot | null }).openOrClosedShadowRoot;
  else if (dom?.openOrClosedShadowRoot) {
    const open = dom.openOrClosedShadowRoot.bind(dom);
    // The API throws for anything that is not an HTMLElement (SVG, MathML).
    getter = (el) => (el instanceof HTMLElement ? open(el) : null);
  } else getter = (el) => el.shadowRoot;
  return getter;
}

/**
 * The element's shadow root, open or closed, or null. Open roots come from
 * `el.shadowRoot` (cheap); a closed root only from the extension API, which
 * costs ~3–6 µs a call in Chromium 156 (~0.3 s over 60,000 elements,
 * measured), so it is asked of custom elements only (names with a hyphen):
 * web components are where closed roots live. A closed root attached to a
 * built-in element (a div) is not read.
 */
export function shadowRootOf(el: Element): ShadowRoot | null {
  return el.shadowRoot ?? (el.localName.includes('-') ? shadowGetter()(el) : null);
}

const listeners = new Set<(root: ShadowRoot) => void>();
const known = new Set<ShadowRoot>();

/** Calls `listener` for every shadow root found from now on (and those found before). */
export function onShadowRoot(listener: (root: ShadowRoot) => void): void {
  listeners.add(listener);
  for (const r of known) listener(r);
}

/** Announces a root found while reading the page (once per root). */
export function foundShadowRoot(root: ShadowRoot): void {
  if (known.has(root)) return;
  known.add(root);
  for (const l of listeners) l(root);
}

/** Every shadow root found so far that is still in the document. */
export function knownShadowRoots(): ShadowRoot[] {
  const out: ShadowRoot[] = [];
  for (const r of known) if (r.host.isConnected) out.push(r); else known.delete(r);
  return out;
}

/** The parent across shadow boundaries: a shadow root's children have its host as parent. */
export function composedParent(node: Node): Element | null {
  const p = node.parentNode;
  if (!p) return null;
  if (p.nodeType === Node.ELEMENT_NODE) return p as Element;
  return p.nodeType === Node.DOCUMENT_FRAGMENT_NODE ? ((p as ShadowRoot).host ?? null) : null;
}
