import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Edit } from '../core/edits.ts';
import { fix } from '../core/fix.ts';
import { newNodeTexts, nodeWrites } from './apply-edits.ts';
import type { Block } from './blocks.ts';

/** A block of fake text nodes: newNodeTexts only reads .data. */
function block(...parts: string[]): Block {
  const nodes = parts.map((data) => ({ data }) as unknown as Text);
  const starts: number[] = [];
  let n = 0;
  for (const p of parts) { starts.push(n); n += p.length; }
  return { element: {} as Element, nodes, starts, text: parts.join('') };
}

const texts = (b: Block, edits: Edit[]) => b.nodes.map((n) => newNodeTexts(b, edits).get(n) ?? n.data);

test('an annotation in its own node is emptied, the character before it is kept', async () => {
  const b = block('自貢網', '(wǎng)', '訊');
  const r = await fix(b.text, { to: 'keep', mirror: { pinyin: true, punctuation: false } });
  assert.deepEqual(texts(b, r.edits), ['自貢網', '', '訊']);
});

test('an annotation cut in two across nodes is removed from both', async () => {
  const b = block('區(q', 'ū)委書記');
  const r = await fix(b.text, { to: 'keep', mirror: { pinyin: true, punctuation: false } });
  assert.deepEqual(texts(b, r.edits), ['區', '委書記']);
});

test('a same-length conversion across nodes keeps each node its characters', async () => {
  const b = block('新聞', '財經', '網');
  const r = await fix(b.text, { to: 'cn' });
  assert.deepEqual(texts(b, r.edits), ['新闻', '财经', '网']);
});

test('a length-changing replacement goes to the node where it starts', () => {
  const b = block('ab', 'cd');
  const edit: Edit = { offset: 1, length: 2, original: 'bc', replacement: 'XYZ', kind: 'convert', reason: 't' };
  assert.deepEqual(texts(b, [edit]), ['aXYZ', 'd']);
});

test('nodes untouched by edits are not listed', () => {
  const b = block('ab', 'cd', 'ef');
  const edit: Edit = { offset: 2, length: 1, original: 'c', replacement: 'C', kind: 'convert', reason: 't' };
  const m = newNodeTexts(b, [edit]);
  assert.equal(m.size, 1);
  assert.equal(m.get(b.nodes[1]!), 'Cd');
});

test('nodeWrites lines each new text up with its old one: same-length runs joined, a removal a run of its own', async () => {
  const b = block('自貢網(wǎng)訊', '重慶');
  const r = await fix(b.text, { to: 'cn', mirror: { pinyin: true, punctuation: false }, pageIsMirror: true });
  const writes = nodeWrites(b, r.edits);
  const first = writes.get(b.nodes[0]!)!;
  assert.equal(first.text, '自贡网讯');
  // 自贡网 (3 for 3), (wǎng) removed (0 for 6), 讯 (1 for 1)
  assert.deepEqual(first.map, [3, 3, 0, 6, 1, 1]);
  assert.deepEqual(writes.get(b.nodes[1]!), { text: '重庆', map: [2, 2] });
  // Every map covers its node's old and new text exactly.
  for (const [node, w] of writes) {
    const sum = (k: number) => w.map.filter((_, i) => i % 2 === k).reduce((a, x) => a + x, 0);
    assert.equal(sum(0), w.text.length);
    assert.equal(sum(1), node.data.length);
  }
});
