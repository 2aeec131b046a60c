import type { Edit } from '../core/edits.ts';
import type { Block } from './blocks.ts';

/**
 * Works out each node's new text from edits on the block's string. An edit
 * that spans nodes puts its replacement in the node where it starts and
 * removes its text from the others, so 網<b>(wǎng)</b> becomes 网<b></b>;
 * a same-length replacement is shared out character by character.
 */
export function newNodeTexts(block: Block, edits: readonly Edit[]): Map<Text, string> {
  const result = new Map<Text, string>();
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
    for (let j = k; j < edits.length; j++) {
      const e = edits[j]!;
      if (e.offset >= end) break;
      const from = Math.max(e.offset, start);
      const to = Math.min(e.offset + e.length, end);
      out += data.slice(pos - start, from - start);
      if (e.replacement.length === e.length) {
        // Same length (a script conversion): each node keeps its own characters' replacement,
        // so 新聞 in one link and 財經 in the next stay in their links.
        out += e.replacement.slice(from - e.offset, to - e.offset);
      } else if (e.offset >= start) {
        out += e.replacement; // otherwise the node where the edit starts gets the replacement
      }
      pos = to;
      changed = true;
    }
    if (!changed) continue;
    out += data.slice(pos - start);
    if (out !== data) result.set(node, out);
  }
  return result;
}
