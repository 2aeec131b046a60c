/**
 * Ruby mode: real <ruby>/<rt> markup with word-level pinyin over Chinese text.
 * Each text node is replaced by a fragment and kept; turning ruby off puts the
 * very same node back, so the DOM is restored exactly.
 */
import type { ToneStyle } from '../core/word-pinyin.ts';
import type { Block } from './blocks.ts';
import { loadPinyin } from './load-pinyin.ts';
import { yieldToPage } from './yield.ts';

export const RUBY_ATTRIBUTE = 'data-zhengwen-ruby';
const HAN = /\p{Script=Han}/u;

export class RubyLayer {
  /** Each original text node and the nodes that stand in its place. */
  private readonly replaced = new Map<Text, Node[]>();

  constructor(private readonly doc: Document) {}

  get active(): boolean {
    return this.replaced.size > 0;
  }

  /** Adds ruby over the Chinese text of the blocks; `write` runs DOM changes with the observer paused. */
  async apply(blocks: readonly Block[], options: { tone: ToneStyle; toneColors: boolean }, write: (f: () => void) => void): Promise<void> {
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
    for (const block of blocks) {
      for (const node of block.nodes) {
        if (!HAN.test(node.data) || this.replaced.has(node) || node.parentElement?.closest(`ruby[${RUBY_ATTRIBUTE}]`)) continue;
        const words = await reader.pinyinWords(node.data, options.tone);
        const fragment = this.doc.createDocumentFragment();
        for (const w of words) {
          if (w.syllables.length === 0) { fragment.append(this.doc.createTextNode(w.text)); continue; }
          // One <ruby> per word (readings chosen for the word in context), one base/rt pair per
          // character so each syllable sits over its own character.
          const ruby = this.doc.createElement('ruby');
          ruby.setAttribute(RUBY_ATTRIBUTE, '');
          const chars = [...w.text];
          chars.forEach((ch, i) => {
            const rt = this.doc.createElement('rt');
            const s = w.syllables[i];
            if (s && options.toneColors) rt.className = `t${s.tone}`;
            rt.textContent = s?.text ?? '';
            ruby.append(this.doc.createTextNode(ch), rt);
          });
          fragment.append(ruby);
        }
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
