/**
 * Hostile pages for e2e/hostile-pages.test.ts: huge, deep, locked down,
 * shadowed, framed, editable, restless or booby-trapped pages, all carrying
 * mirror-damaged text made by the project's own damage generator.
 */
import { damage } from '../../src/damage/mirror-damage.ts';
import { escapeHtml, sampleLines } from '../pages.ts';

/** A damaged clause and the clean text it came from (the engine recovers every one: checked in Node). */
export interface Pair { damaged: string; clean: string }

let cached: Pair[] | undefined;

/** Short clauses (12–40 characters) of the twelve simplified news samples, each damaged on its own. */
export function clauses(): Pair[] {
  if (cached) return cached;
  const out: Pair[] = [];
  for (let i = 1; i <= 12; i++) {
    for (const line of sampleLines(`news/simplified-${String(i).padStart(2, '0')}.txt`)) {
      for (const s of line.split(/(?<=[，。；！？])/)) {
        if (s.length >= 12 && s.length <= 40) out.push({ clean: s, damaged: damage(s, { seed: out.length + 1, tableShare: 0.7, commaRate: 0.3 }) });
      }
    }
  }
  return (cached = out);
}

/** The i-th clause, cycling. */
export const clause = (i: number): Pair => clauses()[i % clauses().length]!;

/**
 * What every hostile page carries first in its body: a button (the page's click
 * handler is the probe's, installed by an init script, so it works under CSP
 * too), and editable text that must never change.
 */
export const PROBE_IDS = { button: 'zw-btn', textarea: 'zw-ta', input: 'zw-in', editable: 'zw-ce' } as const;
export const probeBlock = (): string => {
  const a = clause(1).damaged;
  const b = clause(2).damaged;
  const c = clause(3).damaged;
  return `<div id="zw-probe"><button id="${PROBE_IDS.button}" type="button">按鈕</button>` +
    `<textarea id="${PROBE_IDS.textarea}">${escapeHtml(a)}</textarea>` +
    `<input id="${PROBE_IDS.input}" value="${escapeHtml(b)}">` +
    `<div id="${PROBE_IDS.editable}" contenteditable="true">${escapeHtml(c)}</div></div>`;
};
/** The editable values the probe block starts with. */
export const probeEditables = (): { textarea: string; input: string; editable: string } =>
  ({ textarea: clause(1).damaged, input: clause(2).damaged, editable: clause(3).damaged });

/** A minimal page: damaged title, the probe block, then the body given. */
export function hostilePage(body: string, options: { title?: string; head?: string; probe?: boolean } = {}): string {
  const title = options.title ?? '網(wǎng)絡(luò)新聞';
  return `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>${options.head ?? ''}</head>` +
    `<body>${options.probe === false ? '' : probeBlock()}${body}</body></html>`;
}

/** A few damaged paragraphs (ids p0…), for pages whose point is elsewhere. */
export function articleHtml(n = 6, from = 10, id = 'p'): string {
  let out = '<article id="article">';
  for (let i = 0; i < n; i++) out += `<p id="${id}${i}">${escapeHtml(clause(from + i).damaged)}</p>`;
  return out + '</article>';
}
export const articleClean = (n = 6, from = 10): string[] => Array.from({ length: n }, (_, i) => clause(from + i).clean);

/** The damaged text cut in three, the middle in a span and the end in a link: 5 elements per item. */
function splitItem(i: number): string {
  const d = clause(i).damaged;
  const a = Math.floor(d.length / 3);
  const b = Math.floor((2 * d.length) / 3);
  return `<div class="item"><p>${escapeHtml(d.slice(0, a))}<span>${escapeHtml(d.slice(a, b))}</span><a href="#i${i}">${escapeHtml(d.slice(b))}</a><i></i></p></div>`;
}

/** 1. `items` paragraphs, each with spans inside (5 elements per item: 20,000 items make 100,000 elements). */
export function hugeDomPage(items: number, options: { lazy?: boolean } = {}): string {
  const parts: string[] = [];
  for (let i = 0; i < items; i++) parts.push(splitItem(i));
  // content-visibility: auto (what long pages use) spares layout of what is off screen.
  const head = options.lazy ? '<style>.item { content-visibility: auto; contain-intrinsic-size: auto 40px; }</style>' : '';
  return hostilePage(`<main id="huge">${parts.join('\n')}</main>`, { head });
}

/**
 * 2. One text node of `chars` characters of damaged text (the parser splits long
 * text, so a script makes it). Chromium alone needs ~50 s to lay out a visible
 * 1M-character text node and minutes for 10M, so `hidden` keeps it display:none
 * (the extension reads hidden text all the same).
 */
export function giantTextPage(chars: number, hidden = false): string {
  const unit = clauses().map((c) => c.damaged).join('');
  return hostilePage(`<p id="before">${escapeHtml(clause(20).damaged)}</p><p id="giant"${hidden ? ' hidden' : ''}></p><p id="after">${escapeHtml(clause(21).damaged)}</p>
<script>{
  const unit = ${JSON.stringify(unit)};
  const text = unit.repeat(Math.ceil(${chars} / unit.length)).slice(0, ${chars});
  document.getElementById('giant').appendChild(document.createTextNode(text));
}</script>`);
}

/**
 * 3. DOM nested `depth` deep (the HTML parser stops nesting at 512, so a script
 * builds it): a chain of divs with damaged text at the bottom, and a chain of
 * inline spans inside one paragraph (one block `depth` elements tall). Chromium
 * itself crashes laying out ~3,000 nested boxes (with or without the extension),
 * so the `depth` chains are display:none (`hidden`); a `visibleDepth` chain is rendered.
 */
export function deepPage(depth: number, visibleDepth: number): string {
  return hostilePage(`<div id="deep-visible"></div><div id="deep-hidden" hidden><div id="deep-root"></div><p id="deep-inline"></p></div>
<script>{
  const chain = (el, n, tag) => { for (let i = 0; i < n; i++) { const d = document.createElement(tag); el.appendChild(d); el = d; } return el; };
  const bottom = (el, id, text) => { const p = document.createElement('p'); p.id = id; p.textContent = text; el.appendChild(p); };
  bottom(chain(document.getElementById('deep-visible'), ${visibleDepth}, 'div'), 'visible-bottom', ${JSON.stringify(clause(33).damaged)});
  bottom(chain(document.getElementById('deep-root'), ${depth}, 'div'), 'deep-bottom', ${JSON.stringify(clause(30).damaged)});
  const s = document.getElementById('deep-inline');
  s.appendChild(document.createTextNode(${JSON.stringify(clause(31).damaged)}));
  chain(s, ${depth}, 'span').appendChild(document.createTextNode(${JSON.stringify(clause(32).damaged)}));
}</script>`);
}
export const deepClean = (): { bottom: string; inline: string; visible: string } =>
  ({ bottom: clause(30).clean, inline: clause(31).clean + clause(32).clean, visible: clause(33).clean });

/** 4. A page whose only defence is its CSP (meta or header): no inline script at all. */
export function cspPage(meta?: string): string {
  return hostilePage(articleHtml(), { head: meta ? `<meta http-equiv="Content-Security-Policy" content="${meta}"><style>p { color: #333 }</style>` : '' });
}

/**
 * 5. Shadow roots (open, closed, nested, declarative, slotted) and custom
 * elements holding damaged text. Closed roots are listed in window.__closedRoots
 * (only the page that made them can reach them), so tests can read and snapshot them.
 */
export function shadowPage(): string {
  const d = (i: number) => JSON.stringify(clause(i).damaged);
  return hostilePage(`${articleHtml(3, 40)}
<zw-card id="card-open"><span id="slotted">${escapeHtml(clause(43).damaged)}</span></zw-card>
<zw-card id="card-closed" data-mode="closed"></zw-card>
<zw-nest id="nest"></zw-nest>
<zw-plain id="plain">${escapeHtml(clause(44).damaged)}<zw-inner id="inner">${escapeHtml(clause(45).damaged)}</zw-inner></zw-plain>
<div id="dsd"><template shadowrootmode="open"><p id="dsd-text">${escapeHtml(clause(46).damaged)}</p></template></div>
<zw-attr id="attr" title="${escapeHtml(clause(47).damaged)}">${escapeHtml(clause(48).damaged)}</zw-attr>
<script>{
  window.__attrCallbacks = 0;
  window.__closedRoots = [];
  class Card extends HTMLElement {
    constructor() {
      super();
      const mode = this.dataset.mode === 'closed' ? 'closed' : 'open';
      const root = this.attachShadow({ mode });
      root.innerHTML = '<p class="shadow-text"></p><slot></slot>';
      root.querySelector('.shadow-text').textContent = mode === 'closed' ? ${d(42)} : ${d(41)};
      if (mode === 'closed') { window.__closedRoot = root; window.__closedRoots.push(root); }
    }
  }
  customElements.define('zw-card', Card);
  // Nested: an open root holding text and a custom element whose closed root holds more text,
  // and text straight in the root (no element of its own around it).
  customElements.define('zw-inner-closed', class extends HTMLElement {
    constructor() {
      super();
      const root = this.attachShadow({ mode: 'closed' });
      root.innerHTML = '<div><p class="deep-text"></p></div>';
      root.querySelector('.deep-text').textContent = ${d(49)};
      window.__closedRoots.push(root);
      window.__nestedClosed = root;
    }
  });
  customElements.define('zw-nest', class extends HTMLElement {
    constructor() {
      super();
      const root = this.attachShadow({ mode: 'open' });
      root.innerHTML = '<section><p class="outer-text"></p><zw-inner-closed></zw-inner-closed></section>';
      root.querySelector('.outer-text').textContent = ${d(50)};
      root.append(document.createTextNode(${d(51)}));
    }
  });
  customElements.define('zw-plain', class extends HTMLElement {});
  customElements.define('zw-attr', class extends HTMLElement {
    static get observedAttributes() { return ['title']; }
    attributeChangedCallback() { window.__attrCallbacks++; }
  });
}</script>`);
}
export const shadowTexts = (): Record<string, Pair> => ({
  open: clause(41), closed: clause(42), slotted: clause(43), plain: clause(44), inner: clause(45), dsd: clause(46), title: clause(47), attrText: clause(48),
  nestedClosed: clause(49), nestedOpen: clause(50), rootText: clause(51),
});

/** The srcdoc frame's document (6). */
export const srcdocDoc = (): string => `<!doctype html><meta charset=utf-8><p id=f0>${escapeHtml(clause(80).damaged)}</p><p id=f1>${escapeHtml(clause(81).damaged)}</p>`;
/** What the page writes into its about:blank frame with document.write (6). */
export const writtenDoc = (): string => `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>${escapeHtml(clause(82).damaged)}</title></head><body><p id="w0">${escapeHtml(clause(83).damaged)}</p><p id="w1">${escapeHtml(clause(84).damaged)}</p></body></html>`;
/** What the page puts into the body of its about:blank frame through the DOM (6). */
export const blankBody = (): string => `<p id="b0">${escapeHtml(clause(85).damaged)}</p><p id="b1">${escapeHtml(clause(86).damaged)}</p>`;

/**
 * 6. A page with a same-origin, a cross-origin and a srcdoc frame, an
 * about:blank frame filled through the DOM and one written with document.write.
 */
export function framesPage(sameOrigin: string, otherOrigin: string): string {
  return hostilePage(`${articleHtml(3, 50)}
<iframe id="same" src="${sameOrigin}/frame-60.html" width="600" height="200"></iframe>
<iframe id="cross" src="${otherOrigin}/frame-70.html" width="600" height="200"></iframe>
<iframe id="srcdoc" width="600" height="200" srcdoc="${escapeHtml(srcdocDoc())}"></iframe>
<iframe id="blank" src="about:blank" width="600" height="200"></iframe>
<div id="written-box"></div>
<script>{
  document.getElementById('blank').contentDocument.body.innerHTML = ${JSON.stringify(blankBody())};
  const f = document.createElement('iframe');
  f.id = 'written'; f.width = '600'; f.height = '200';
  document.getElementById('written-box').append(f);
  const d = f.contentDocument;
  d.open(); d.write(${JSON.stringify(writtenDoc())}); d.close();
}</script>`);
}
/** A frame's document: three damaged paragraphs starting at clause `from`. */
export const frameDoc = (from: number): string => hostilePage(articleHtml(3, from, 'f'), { probe: false, title: clause(from).damaged });

/**
 * 8d. A page that splits text after we repaired it: search highlighters wrap a
 * word in <mark> three ways (splitText and move the part, mark.js's new node
 * in place of the part, the first word moved into the mark). `__highlight()`
 * runs them and returns the paragraphs' text and the marked words.
 */
export function highlighterPage(): string {
  return hostilePage(articleHtml(4, 200) + `<script>
    window.__highlight = () => {
      const p = (i) => document.getElementById('p' + i);
      // 1. splitText twice, the middle part moved into a <mark>.
      const t0 = p(0).firstChild;
      const word = t0.splitText(2); word.splitText(3);
      const m0 = document.createElement('mark'); word.replaceWith(m0); m0.append(word);
      // 2. mark.js: the middle part replaced by a <mark> holding a new text node with its text.
      const t1 = p(1).firstChild;
      const start = t1.splitText(4); start.splitText(2);
      const m1 = document.createElement('mark'); m1.textContent = start.textContent; start.parentNode.replaceChild(m1, start);
      // 3. the first two characters wrapped: the original node moves into the mark.
      const t2 = p(2).firstChild;
      t2.splitText(2);
      const m2 = document.createElement('mark'); t2.replaceWith(m2); m2.append(t2);
      return { texts: [0, 1, 2, 3].map((i) => p(i).textContent), marks: [m0, m1, m2].map((m) => m.textContent) };
    };</script>`);
}

/** 7. Editors: plain form fields, a contenteditable region, plaintext-only, and an editor frame whose body is editable. */
export function editorsPage(): string {
  return hostilePage(`${articleHtml(3, 90)}
<textarea id="ta2" rows="3" cols="60">${escapeHtml(clause(93).damaged)}</textarea>
<input id="in2" size="60" value="${escapeHtml(clause(94).damaged)}">
<div id="ce2" contenteditable="true"><p>${escapeHtml(clause(95).damaged)}</p><p><b>${escapeHtml(clause(96).damaged)}</b></p></div>
<div id="pto" contenteditable="plaintext-only">${escapeHtml(clause(97).damaged)}</div>
<iframe id="editor-frame" src="/editor-frame.html" width="600" height="150"></iframe>`);
}
/** An editor's iframe document (TinyMCE/CKEditor 4 style): the body itself is contenteditable. */
export function editorFrameDoc(): string {
  return `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>網(wǎng)絡(luò)編輯器</title></head><body contenteditable="true"><p id="e0">${escapeHtml(clause(98).damaged)}</p><p id="e1">${escapeHtml(clause(99).damaged)}</p></body></html>`;
}
export const editorTexts = (): Record<string, string> => ({
  ta2: clause(93).damaged, in2: clause(94).damaged, ce2: clause(95).damaged + clause(96).damaged, pto: clause(97).damaged,
  frame: clause(98).damaged + clause(99).damaged,
});

/**
 * 8a. A page that rewrites its own text every 16 ms for `ms`: `nodes` paragraphs
 * get their damaged text back each time, a ticker gets new text. It counts its
 * own writes and every mutation record on those nodes (the rest are ours).
 */
export function rewritingPage(nodes: number, ms: number): string {
  const texts = Array.from({ length: nodes }, (_, i) => clause(100 + i).damaged);
  return hostilePage(`<section id="rw">${texts.map((t, i) => `<p id="rw${i}">${escapeHtml(t)}</p>`).join('')}</section><p id="ticker">網(wǎng)</p>${articleHtml(3, 130, 'a')}
<script>{
  const texts = ${JSON.stringify(texts)};
  const nodes = texts.map((_, i) => document.getElementById('rw' + i).firstChild);
  const ticker = document.getElementById('ticker').firstChild;
  const s = window.__rw = { writes: 0, records: 0, rounds: 0, done: false, late: 0 };
  new MutationObserver((rs) => { s.records += rs.length; }).observe(document.getElementById('rw'), { characterData: true, subtree: true, childList: true });
  new MutationObserver((rs) => { s.tickerRecords = (s.tickerRecords || 0) + rs.length; }).observe(document.getElementById('ticker'), { characterData: true, subtree: true, childList: true });
  const start = performance.now();
  const timer = setInterval(() => {
    if (performance.now() - start > ${ms}) { clearInterval(timer); s.done = true; return; }
    s.rounds++;
    for (let i = 0; i < nodes.length; i++) { nodes[i].data = texts[i]; s.writes++; }
    ticker.data = '更新於' + s.rounds + '次 網(wǎng)絡(luò)';
    s.tickerWrites = (s.tickerWrites || 0) + 1;
    if (s.rounds === 40) {
      const p = document.createElement('p'); p.id = 'late'; p.textContent = ${JSON.stringify(clause(140).damaged)};
      document.body.appendChild(p); s.late = performance.now();
    }
  }, 16);
}</script>`);
}

/** 8b. A page that removes and moves random paragraphs every few ms while it loads and for `ms` after. */
export function removingPage(paragraphs: number, ms: number): string {
  const parts: string[] = [];
  for (let i = 0; i < paragraphs; i++) parts.push(`<p data-i="${i}">${escapeHtml(clause(i).damaged)}</p>`);
  return hostilePage(`<section id="rm">${parts.join('\n')}</section>
<script>{
  const s = window.__rm = { removed: 0, moved: 0, done: false };
  let seed = 7;
  const rand = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const box = document.getElementById('rm');
  const start = performance.now();
  const timer = setInterval(() => {
    if (performance.now() - start > ${ms}) { clearInterval(timer); s.done = true; return; }
    const ps = box.children;
    if (ps.length < 10) return;
    ps[rand(ps.length)].remove(); s.removed++;
    const m = ps[rand(ps.length)]; box.insertBefore(m, ps[rand(ps.length)]); s.moved++;
  }, 2);
}</script>`);
}

/**
 * 8e. A long page (read by the first pass over several time slices) that, from
 * its load event (the extension starts after it) for `ms`, every few ms removes
 * five paragraphs, moves five, adds five new damaged ones and puts a new text
 * node with its damaged text into five others. Every paragraph carries data-i: its text is clause(i).
 */
export function churningPage(paragraphs: number, ms: number): string {
  const parts: string[] = [];
  for (let i = 0; i < paragraphs; i++) parts.push(`<p data-i="${i}">${escapeHtml(clause(i).damaged)}</p>`);
  const spare = Array.from({ length: 1000 }, (_, k) => clause(paragraphs + k).damaged);
  return hostilePage(`<section id="churn">${parts.join('\n')}</section>
<script>{
  const s = window.__churn = { removed: 0, moved: 0, added: 0, replaced: 0, done: false };
  const spare = ${JSON.stringify(spare)};
  let seed = 11;
  const rand = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const box = document.getElementById('churn');
  // The damaged text of every paragraph, read before the extension runs: what the page writes back.
  const own = [...box.children].map((p) => p.textContent).concat(spare);
  const churn = () => {
    const ps = box.children;
    ps[rand(ps.length)].remove(); s.removed++;
    const m = ps[rand(ps.length)]; box.insertBefore(m, ps[rand(ps.length)]); s.moved++;
    if (s.added < spare.length) {
      const p = document.createElement('p'); p.dataset.i = String(${paragraphs} + s.added); p.textContent = spare[s.added]; s.added++;
      box.insertBefore(p, ps[rand(ps.length)]);
    }
    // A new text node in place of the old one, with the paragraph's own (damaged) text.
    const r = ps[rand(ps.length)]; r.replaceChildren(document.createTextNode(own[+r.dataset.i])); s.replaced++;
  };
  // From the load event on: the extension starts reading the page after it.
  addEventListener('load', () => {
    const start = performance.now();
    const timer = setInterval(() => {
      if (performance.now() - start > ${ms}) { clearInterval(timer); s.done = true; return; }
      for (let k = 0; k < 5; k++) churn();
    }, 2);
  });
}</script>`);
}

/** 8c. A page that puts back whatever we change: its own MutationObserver restores text, attributes and title. */
export function fightingPage(): string {
  return hostilePage(`${articleHtml(3, 150)}<p id="fight-text">${escapeHtml(clause(160).damaged)}</p><a id="fight-attr" href="#" title="${escapeHtml(clause(161).damaged)}">連結</a>
<script>{
  const s = window.__fight = { text: 0, attr: 0, title: 0 };
  const text = document.getElementById('fight-text').firstChild;
  const link = document.getElementById('fight-attr');
  const originalText = text.data, originalAttr = link.getAttribute('title'), originalTitle = document.title;
  new MutationObserver(() => {
    if (text.data !== originalText) { text.data = originalText; s.text++; }
    if (link.getAttribute('title') !== originalAttr) { link.setAttribute('title', originalAttr); s.attr++; }
    if (document.title !== originalTitle) { document.title = originalTitle; s.title++; }
  }).observe(document.documentElement, { subtree: true, characterData: true, childList: true, attributes: true });
}</script>`, { title: clause(162).damaged });
}

/**
 * 9. A page that breaks the DOM and JS built-ins for every script in its world.
 * Only functions are replaced; nothing runs them unless someone calls them.
 */
export function overridesPage(): string {
  return hostilePage(articleHtml(6, 170), {
    head: `<script>{
  const boom = (what) => function () { throw new Error('page override: ' + what); };
  Node.prototype.appendChild = boom('appendChild');
  Node.prototype.insertBefore = boom('insertBefore');
  Node.prototype.replaceChild = boom('replaceChild');
  Object.defineProperty(Node.prototype, 'textContent', { configurable: true, get() { return 'hijacked'; }, set: boom('textContent') });
  Object.defineProperty(CharacterData.prototype, 'data', { configurable: true, get() { return 'hijacked'; }, set: boom('data') });
  Element.prototype.setAttribute = boom('setAttribute');
  Document.prototype.createTreeWalker = boom('createTreeWalker');
  window.MutationObserver = boom('MutationObserver');
  Array.prototype.map = boom('map'); Array.prototype.push = boom('push'); Array.prototype.forEach = boom('forEach');
  String.prototype.replace = boom('replace'); String.prototype.indexOf = boom('indexOf');
  JSON.parse = boom('JSON.parse'); JSON.stringify = boom('JSON.stringify');
  Promise.prototype.then = boom('then');
  window.fetch = boom('fetch');
  Object.defineProperty(document, 'title', { configurable: true, get() { return 'hijacked'; }, set: boom('title') });
  window.__overridden = true;
}</script>`,
  });
}

/** 10. A page that tries to talk to the extension with its own message shapes. */
export function impostorPage(extensionId: string): string {
  return hostilePage(articleHtml(6, 190), {
    head: `<script>
window.__attempts = [];
const note = (what, f) => { try { const r = f(); window.__attempts.push(what + ': returned ' + typeof r); if (r && typeof r.then === 'function') r.then(() => window.__attempts.push(what + ': resolved'), (e) => window.__attempts.push(what + ': rejected ' + e)); } catch (e) { window.__attempts.push(what + ': threw ' + e.name); } };
addEventListener('load', () => {
  window.__chromeType = typeof chrome + '/' + typeof (globalThis.chrome && chrome.runtime) + '/' + typeof globalThis.browser;
  const shapes = [{ type: 'set-original', original: true }, { type: 'report', repairs: 99999, converted: 0 }, { type: 'toggle-original' }];
  for (const m of shapes) {
    note('sendMessage ' + m.type, () => chrome.runtime.sendMessage(m));
    note('sendMessage(id) ' + m.type, () => chrome.runtime.sendMessage(${JSON.stringify(extensionId)}, m));
    note('connect(id) ' + m.type, () => chrome.runtime.connect(${JSON.stringify(extensionId)}).postMessage(m));
    note('postMessage ' + m.type, () => window.postMessage(m, '*'));
    note('event ' + m.type, () => document.dispatchEvent(new CustomEvent('zhengwen', { detail: m })));
  }
  window.__tried = true;
});
</script>`,
  });
}
