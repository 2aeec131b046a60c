/**
 * The hover popover: one element in an open shadow root. Page rules cannot
 * reach inside; what the page could still pass down by inheritance (font
 * size, colour, spacing) is cut off by `all: initial` on the box. The host's
 * own layout is written as inline !important styles, which no page rule
 * beats. (A `:host { all: initial !important }` rule must not be used: for
 * important rules the shadow tree wins over the host's inline style, and it
 * reset the popover's top and left.) It never
 * takes focus and lets clicks through (pointer-events: none). Content is built
 * with DOM APIs and textContent only.
 */
import { OWN_UI_ATTRIBUTE } from './blocks.ts';
import { ENTRY_CSS, renderEntry, type EntryContent } from './popover-entry.ts';

/** One syllable, with its tone (1–4, 5 neutral) for colouring. */
export interface Syllable { text: string; tone: number }

export interface TermContent {
  kind: 'term';
  simplified: string;
  traditional: string;
  pinyin: string;
  english: string;
  category: string;
  explanation: { en?: string; zh?: string };
  /** Shorter terms inside this one that cover the pointer (政协 in 政协主席). */
  parts: { term: string; pinyin: string; english: string }[];
}

export interface WordContent {
  kind: 'word';
  word: string;
  syllables: Syllable[];
}

export type PopoverContent = TermContent | WordContent | EntryContent;

const CSS = `
.box { all: initial; display: block; box-sizing: border-box; max-width: 360px; min-width: 160px; padding: 10px 12px; border-radius: 8px;
  font: 14px/1.45 system-ui, "Noto Sans CJK SC", "Noto Sans CJK TC", sans-serif; color: #1d1b20; background: #fffdf8;
  border: 1px solid #d9d4de; box-shadow: 0 4px 16px rgba(0,0,0,.18); text-align: left; white-space: normal; }
.head { font-size: 20px; line-height: 1.3; }
.alt { color: #5f5b66; font-size: 15px; margin-left: 6px; }
.pinyin { font-size: 15px; margin-top: 2px; }
.english { font-weight: 600; margin-top: 4px; }
.category { font-size: 11px; text-transform: uppercase; letter-spacing: .04em; color: #5f5b66; margin-top: 2px; }
.explanation { margin-top: 6px; }
.parts { margin-top: 6px; padding-top: 6px; border-top: 1px solid #d9d4de; font-size: 13px; }
.tone-1 { color: #d0312d; } .tone-2 { color: #d98e04; } .tone-3 { color: #2e8b57; } .tone-4 { color: #1e63c4; } .tone-5 { color: #6b6b6b; }
.plain .tone-1, .plain .tone-2, .plain .tone-3, .plain .tone-4, .plain .tone-5 { color: inherit; }
@media (prefers-color-scheme: dark) {
  .box { color: #e8e2ea; background: #2b2930; border-color: #49454f; }
  .alt, .category { color: #b4adb9; }
  .parts { border-top-color: #49454f; }
  .tone-1 { color: #ff8a80; } .tone-2 { color: #ffd180; } .tone-3 { color: #b9f6ca; } .tone-4 { color: #82b1ff; } .tone-5 { color: #bdbdbd; }
}`;

/** The host's layout, written inline with !important so no page rule overrides it. */
const HOST_STYLE: [string, string][] = [
  ['position', 'fixed'], ['z-index', '2147483647'], ['display', 'none'], ['pointer-events', 'none'],
  ['visibility', 'visible'], ['opacity', '1'], ['margin', '0'], ['padding', '0'], ['border', '0'],
  ['transform', 'none'], ['filter', 'none'], ['width', 'auto'], ['height', 'auto'], ['max-width', 'none'],
  ['contain', 'layout style'], ['top', '0'], ['left', '0'], ['right', 'auto'], ['bottom', 'auto'],
];

export class Popover {
  private host: HTMLElement | undefined;
  private box: HTMLElement | undefined;

  constructor(private readonly doc: Document) {}

  get visible(): boolean {
    return !!this.host?.isConnected && this.host.style.getPropertyValue('display') !== 'none';
  }

  /** Shows content next to a rectangle (the hovered term), inside the viewport. */
  show(anchor: DOMRect, content: PopoverContent, options: { toneColors: boolean }): void {
    const box = this.ensure();
    box.replaceChildren(...render(this.doc, content));
    box.className = options.toneColors ? 'box' : 'box plain';
    const host = this.host!;
    host.style.setProperty('display', 'block', 'important');
    host.style.setProperty('left', '0px', 'important');
    host.style.setProperty('top', '0px', 'important');
    const view = this.doc.documentElement;
    const width = box.offsetWidth;
    const height = box.offsetHeight;
    const vw = view.clientWidth || innerWidth;
    const vh = view.clientHeight || innerHeight;
    let left = Math.min(Math.max(4, anchor.left), vw - width - 4);
    let top = anchor.bottom + 6;
    if (top + height > vh - 4) top = anchor.top - height - 6; // flip above when there is no room below
    left = Math.max(4, left);
    top = Math.max(4, top);
    host.style.setProperty('left', `${Math.round(left)}px`, 'important');
    host.style.setProperty('top', `${Math.round(top)}px`, 'important');
  }

  hide(): void {
    this.host?.style.setProperty('display', 'none', 'important');
  }

  /** Removes the host from the page. */
  destroy(): void {
    this.host?.remove();
    this.host = undefined;
    this.box = undefined;
  }

  private ensure(): HTMLElement {
    if (this.host?.isConnected && this.box) return this.box;
    const host = this.doc.createElement('zhengwen-popover');
    for (const [name, value] of HOST_STYLE) host.style.setProperty(name, value, 'important');
    host.setAttribute(OWN_UI_ATTRIBUTE, '');
    host.setAttribute('role', 'tooltip');
    const shadow = host.attachShadow({ mode: 'open' });
    const style = this.doc.createElement('style');
    style.textContent = CSS + ENTRY_CSS;
    const box = this.doc.createElement('div');
    box.className = 'box';
    box.lang = 'zh';
    shadow.append(style, box);
    this.doc.documentElement.append(host);
    this.host = host;
    this.box = box;
    return box;
  }
}

function el(doc: Document, tag: string, className: string, text?: string): HTMLElement {
  const e = doc.createElement(tag);
  e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function render(doc: Document, c: PopoverContent): Node[] {
  if (c.kind === 'entry') return renderEntry(doc, c);
  if (c.kind === 'word') {
    const head = el(doc, 'div', 'head', c.word);
    const pinyin = el(doc, 'div', 'pinyin');
    for (const s of c.syllables) pinyin.append(el(doc, 'span', `tone-${s.tone}`, s.text));
    return [head, pinyin];
  }
  const head = el(doc, 'div', 'head', c.simplified);
  if (c.traditional !== c.simplified) head.append(el(doc, 'span', 'alt', c.traditional));
  const nodes: Node[] = [head, el(doc, 'div', 'pinyin', c.pinyin), el(doc, 'div', 'english', c.english), el(doc, 'div', 'category', c.category)];
  if (c.explanation.en) nodes.push(el(doc, 'div', 'explanation', c.explanation.en));
  if (c.explanation.zh) nodes.push(el(doc, 'div', 'explanation', c.explanation.zh));
  if (c.parts.length) {
    const parts = el(doc, 'div', 'parts');
    for (const p of c.parts) {
      const line = el(doc, 'div', 'part');
      line.append(el(doc, 'span', '', `${p.term} `), el(doc, 'span', 'pinyin-inline', `${p.pinyin} — `), el(doc, 'span', '', p.english));
      parts.append(line);
    }
    nodes.push(parts);
  }
  return nodes;
}
