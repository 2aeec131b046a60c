import type { Edit } from '../core/edits.ts';
import type { Block } from './blocks.ts';

/**
 * A node's new text and how it lines up with its old text: `map` lists
 * consecutive runs as [written length, original length] pairs, so the undo
 * journal can give back the original of any part of the written text (a page
 * may split our text and move the parts apart).
 */
export interface NodeWrite { text: string; map: number[] }

/**
 * Works out each node's new text from edits on the block's string. An edit
 * that spans nodes puts its replacement in the node where it starts and
 * removes its text from the others, so 網<b>(wǎng)</b> becomes 网<b></b>;
 * a same-length replacement is shared out character by character.
 */
export function nodeWrites(block: Block, edits: readonly Edit[]): Map<Text, NodeWrite> {
  const result = new Map<Text, NodeWrite>();
  let k = 0; // first edit that may still touch the current node
  for (let i = 0; i < block.nodes.length; i++) {
    const node = block.nodes[i]!;
    const start = block.starts[i]!;
    const data = node.data;
    const end = start + data.length;
    while (k < edits.length && edits[k]!.offset + edits[k]!.length <= start && !(edits[k]!.length === 0 && edits[k]!.offset === start)) k++;
    let out = '';
    let pos = start;
    let changed = false;
    const map: number[] = [];
    const run = (written: number, original: number): void => {
      if (written === 0 && original === 0) return;
      const n = map.length;
      if (n > 0 && written === original && map[n - 2] === map[n - 1]) {
        map[n - 2] = map[n - 2]! + written;
        map[n - 1] = map[n - 1]! + original;
      } else map.push(written, original);
    };
    for (let j = k; j < edits.length; j++) {
      const e = edits[j]!;
      if (e.offset >= end) break;
      const from = Math.max(e.offset, start);
      const to = Math.min(e.offset + e.length, end);
      out += data.slice(pos - start, from - start);
      run(from - pos, from - pos);
      let piece = '';
      if (e.replacement.length === e.length) {
        // Same length (a script conversion): each node keeps its own characters' replacement,
        // so 新聞 in one link and 財經 in the next stay in their links.
        piece = e.replacement.slice(from - e.offset, to - e.offset);
      } else if (e.offset >= start) {
        piece = e.replacement; // otherwise the node where the edit starts gets the replacement
      }
      out += piece;
      // Same-length runs (unchanged text, conversions) line up character for character, so
      // they join into one; a removal or a mojibake repair stays a run of its own.
      if (piece.length === to - from) run(piece.length, piece.length);
      else map.push(piece.length, to - from);
      pos = to;
      changed = true;
    }
    if (!changed) continue;
    out += data.slice(pos - start);
    run(end - pos, end - pos);
    if (out !== data) result.set(node, { text: out, map });
  }
  return result;
}

/** Each changed node's new text (nodeWrites without the alignment). */
export function newNodeTexts(block: Block, edits: readonly Edit[]): Map<Text, string> {
  const out = new Map<Text, string>();
  for (const [node, w] of nodeWrites(block, edits)) out.set(node, w.text);
  return out;
}
