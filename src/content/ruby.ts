/**
 * Ruby mode: real <ruby>/<rt> markup with word-level pinyin over Chinese text.
 * Each text node is replaced by a fragment and kept; turning ruby off puts the
 * very same node back, so the DOM is restored exactly.
 *
 * One <ruby> per word with the word's pinyin as one <rt> (as Hanyu Pinyin
 * writes words: dǎngzhèng), proper nouns capitalised (proper-nouns.ts), and
 * by default only over the article's text: navigation, headers, footers,
 * sidebars and menus keep their plain text.
 */
import { casedSyllables, looksLikeProperNoun } from '../core/proper-nouns.ts';
import type { PinyinWord, ToneStyle } from '../core/word-pinyin.ts';
import type { RubyPosition, RubyScope, RubySize } from '../shared/settings.ts';
import type { Block } from './blocks.ts';
import { loadPinyin } from './load-pinyin.ts';
import { paletteForElement } from './tone-colors.ts';
import { yieldToPage } from './yield.ts';

export const RUBY_ATTRIBUTE = 'data-zhengwen-ruby';
const HAN = /\p{Script=Han}/u;

export interface RubyOptions {
  tone: ToneStyle;
  toneColors: boolean;
  /** Pinyin size in percent of the text (content.css: zw-50 … zw-80; 60 is the plain rule). */
  size?: RubySize;
  position?: RubyPosition;
  scope?: RubyScope;
}

/** Page furniture, not the article: skipped when ruby covers the article only. */
const NOT_ARTICLE = [
  'nav', 'aside', 'menu', 'form', 'button', 'select', 'dialog',
  '[role="navigation"]', '[role="menu"]', '[role="menubar"]', '[role="menuitem"]', '[role="tablist"]',
  '[role="complementary"]', '[role="banner"]', '[role="contentinfo"]', '[role="search"]', '[role="toolbar"]',
  '[aria-hidden="true"]',
].join(',');

/**
 * True when an element is outside the article: in navigation, a menu, a
 * sidebar, or the page's own header or footer (a header or footer inside an
 * <article> or <main> is the article's own: its headline and byline stay).
 */
export function isOutsideArticle(element: Element): boolean {
  if (element.closest(NOT_ARTICLE)) return true;
  const frame = element.closest('header, footer');
  if (frame && !frame.parentElement?.closest('article, main, [role="main"], [role="article"]')) return true;
  // A block that is nothing but links (a menu or a list of headlines without markup saying so).
  if (element.matches('li, ul, ol, dd, dt, td') || element.parentElement?.matches('li, ul, ol')) {
    const text = element.textContent ?? '';
    let linked = 0;
    for (const a of element.querySelectorAll('a')) linked += (a.textContent ?? '').length;
    if (text.trim().length > 0 && linked >= text.trim().length * 0.8) return true;
  }
  return false;
}

/**
 * Words to annotate: the word segmenter cuts an unknown place name into
 * single characters (自|贡|市), so two single characters right before an
 * administrative suffix are read as one name.
 */
function joinNames(words: PinyinWord[]): PinyinWord[] {
  const out: PinyinWord[] = [];
  for (let i = 0; i < words.length; i++) {
    const a = words[i]!;
    const b = words[i + 1];
    const c = words[i + 2];
    if (b && c && [...a.text].length === 1 && [...b.text].length === 1 && a.syllables.length === 1 && b.syllables.length === 1
      && /^[市县区縣區]$/.test(c.text) && !/^[在到和与及从向于对是为]$/.test(a.text)) {
      out.push({ text: a.text + b.text, pinyin: a.pinyin + b.pinyin, syllables: [...a.syllables, ...b.syllables] });
      i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

export class RubyLayer {
  /** Each original text node and the nodes that stand in its place. */
  private readonly replaced = new Map<Text, Node[]>();

  constructor(private readonly doc: Document) {}

  get active(): boolean {
    return this.replaced.size > 0;
  }

  /** Adds ruby over the Chinese text of the blocks; `write` runs DOM changes with the observer paused. */
  async apply(blocks: readonly Block[], options: RubyOptions, write: (f: () => void) => void): Promise<void> {
    const reader = await loadPinyin();
    let pending: [Text, DocumentFragment, Node[]][] = [];
    let sliceStart = performance.now();
    const flush = (): void => {
      const batch = pending;
      pending = [];
      write(() => {
        for (const [node, fragment, inserted] of batch) {
          if (!node.isConnected || !node.parentNode) continue;
          node.parentNode.replaceChild(fragment, node);
          this.replaced.set(node, inserted);
        }
      });
    };
    const classes = [options.size && options.size !== 60 ? `zw-${options.size}` : '', options.position === 'under' ? 'zw-under' : ''].filter(Boolean);
    for (const block of blocks) {
      if (options.scope !== 'all' && isOutsideArticle(block.element)) continue;
      // Tone colours for this block's background: read once per block, before any write.
      const palette = options.toneColors ? paletteForElement(block.element) : 'light';
      for (const node of block.nodes) {
        if (!HAN.test(node.data) || this.replaced.has(node) || node.parentElement?.closest(`ruby[${RUBY_ATTRIBUTE}]`)) continue;
        const words = joinNames(await reader.pinyinWords(node.data, options.tone));
        const fragment = this.doc.createDocumentFragment();
        words.forEach((w, i) => {
          if (w.syllables.length === 0) { fragment.append(this.doc.createTextNode(w.text)); return; }
          const ruby = this.doc.createElement('ruby');
          ruby.setAttribute(RUBY_ATTRIBUTE, palette === 'dark' ? 'dark' : '');
          if (classes.length) ruby.className = classes.join(' ');
          const rt = this.doc.createElement('rt');
          const cased = casedSyllables(w.text, w.syllables.map((s) => s.text), looksLikeProperNoun(w.text, words[i + 1]?.text));
          if (options.toneColors) {
            // One span per syllable for its colour; the marks or numbers stay, so colour is never the only cue.
            w.syllables.forEach((s, k) => {
              const span = this.doc.createElement('span');
              span.className = `t${s.tone}`;
              span.textContent = cased[k] ?? '';
              rt.append(span);
            });
          } else {
            rt.textContent = cased.join('');
          }
          ruby.append(this.doc.createTextNode(w.text), rt);
          fragment.append(ruby);
        });
        pending.push([node, fragment, [...fragment.childNodes]]);
      }
      if (performance.now() - sliceStart > 12) {
        flush();
        await yieldToPage();
        sliceStart = performance.now();
      }
    }
    flush();
  }

  /** Puts every original text node back where its ruby stands. */
  remove(write: (f: () => void) => void): void {
    if (this.replaced.size === 0) return;
    write(() => {
      for (const [node, inserted] of this.replaced) {
        const first = inserted.find((n) => n.isConnected);
        if (first?.parentNode) first.parentNode.insertBefore(node, first);
        for (const n of inserted) (n as ChildNode).remove();
      }
    });
    this.replaced.clear();
  }
}
