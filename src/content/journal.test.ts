import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fix } from '../core/fix.ts';
import { nodeWrites } from './apply-edits.ts';
import type { Block } from './blocks.ts';
import { Journal, originalOffset } from './journal.ts';

/**
 * A tiny stand-in for a document: text nodes in document order, and a
 * TreeWalker over them (all the journal uses to follow split text).
 */
class FakeDoc {
  readonly order: FakeText[] = [];
  createTreeWalker(): { currentNode: FakeText; nextNode(): FakeText | null } {
    const order = this.order;
    return {
      currentNode: order[0]!,
      nextNode() {
        const i = order.indexOf(this.currentNode);
        const next = order[i + 1] ?? null;
        if (next) this.currentNode = next;
        return next;
      },
    };
  }
  text(data: string, at = this.order.length): FakeText {
    const t = new FakeText(data, this);
    this.order.splice(at, 0, t);
    return t;
  }
}
class FakeText {
  constructor(public data: string, readonly ownerDocument: FakeDoc) {}
  getRootNode(): FakeDoc { return this.ownerDocument; }
  /** Text.splitText: this node keeps the start, a new node after it holds the rest. */
  splitText(offset: number): FakeText {
    const rest = this.ownerDocument.text(this.data.slice(offset), this.ownerDocument.order.indexOf(this) + 1);
    this.data = this.data.slice(0, offset);
    return rest;
  }
}
const asText = (t: FakeText): Text => t as unknown as Text;
const doc = {} as Document;

/** Fixes one node's text as the page fixer does and records the write. */
async function write(journal: Journal, node: FakeText): Promise<void> {
  const block: Block = { element: {} as Element, nodes: [asText(node)], starts: [0], text: node.data };
  const r = await fix(node.data, { to: 'cn', mirror: { pinyin: true, punctuation: true }, pageIsMirror: true });
  const w = nodeWrites(block, r.edits).get(asText(node))!;
  journal.text(asText(node), node.data, w.text, w.map);
  node.data = w.text;
}

test('a write is undone exactly', async () => {
  const d = new FakeDoc();
  const n = d.text('自貢網(wǎng)訊，重慶銀行調(diào)整');
  const j = new Journal();
  await write(j, n);
  assert.equal(n.data, '自贡网讯，重庆银行调整');
  j.undo(doc);
  assert.equal(n.data, '自貢網(wǎng)訊，重慶銀行調(diào)整');
});

test('text the page split into three nodes is followed, and each part gets the original of its own characters', async () => {
  const d = new FakeDoc();
  const before = d.text('前');
  const n = d.text('自貢網(wǎng)訊重慶銀行調(diào)整');
  const after = d.text('後');
  const j = new Journal();
  await write(j, n);
  assert.equal(n.data, '自贡网讯重庆银行调整');
  // A highlighter marks 网讯重: two splits.
  const middle = n.splitText(2);
  const rest = middle.splitText(3);
  assert.equal(j.follow(asText(n)), 'followed');
  assert.equal(j.follow(asText(middle)), 'intact');
  j.undo(doc);
  assert.deepEqual([before, n, middle, rest, after].map((x) => x.data), ['前', '自貢', '網(wǎng)訊重', '慶銀行調(diào)整', '後']);
});

test('a node the page rewrote is lost: undo leaves the page its own text', async () => {
  const d = new FakeDoc();
  const n = d.text('自貢網(wǎng)訊');
  const j = new Journal();
  await write(j, n);
  n.data = '頁面自己的字';
  assert.equal(j.follow(asText(n)), 'lost');
  j.undo(doc);
  assert.equal(n.data, '頁面自己的字');
});

test('a split whose parts no longer read what we wrote is not followed', async () => {
  const d = new FakeDoc();
  const n = d.text('自貢網(wǎng)訊重慶');
  const j = new Journal();
  await write(j, n);
  const rest = n.splitText(2);
  rest.data = '别的';
  assert.equal(j.follow(asText(n)), 'lost');
  j.undo(doc);
  assert.deepEqual([n.data, rest.data], ['自贡', '别的']);
});

test('writing again into one part of a split text keeps every part exact', async () => {
  const d = new FakeDoc();
  const n = d.text('自貢網(wǎng)訊重慶');
  const j = new Journal();
  await write(j, n);
  const rest = n.splitText(2);
  assert.equal(j.follow(asText(n)), 'followed');
  // The page puts damaged text in the second part and we repair it again.
  rest.data = '網(wǎng)訊重慶';
  assert.equal(j.follow(asText(rest)), 'lost');
  j.text(asText(rest), rest.data, '网讯重庆');
  rest.data = '网讯重庆';
  j.undo(doc);
  assert.deepEqual([n.data, rest.data], ['自贡', '網(wǎng)訊重慶']);
});

test('originalOffset: same-length runs map character for character, a removal stays with the character before it', () => {
  // 网 (from 網), then (wǎng) removed, then 讯 (from 訊)
  const map = [1, 1, 0, 6, 1, 1];
  assert.equal(originalOffset(map, 0), 0);
  assert.equal(originalOffset(map, 1), 7);
  assert.equal(originalOffset(map, 2), 8);
  // a mojibake run of 4 characters repaired into 2: inside it maps to its end
  assert.equal(originalOffset([2, 4, 3, 3], 1), 4);
  assert.equal(originalOffset([2, 4, 3, 3], 3), 5);
});

test('an attribute that was absent is removed again; one that was there gets its value back', () => {
  const attrs = new Map<string, string>([['title', '網(wǎng)絡(luò)']]);
  const el = {
    getAttribute: (n: string) => attrs.get(n) ?? null,
    setAttribute: (n: string, v: string) => void attrs.set(n, v),
    removeAttribute: (n: string) => void attrs.delete(n),
  } as unknown as Element;
  const j = new Journal();
  j.attribute(el, 'lang', null, 'zh-Hans');
  attrs.set('lang', 'zh-Hans');
  j.attribute(el, 'title', '網(wǎng)絡(luò)', '网络');
  attrs.set('title', '网络');
  j.undo(doc);
  assert.deepEqual([...attrs], [['title', '網(wǎng)絡(luò)']]);
});
