import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { seededRandom } from '../damage/random.ts';
import {
  applyEdits, composeEdits, inputToOutput, outputToInput, sortEdits, undoEdits,
  type Edit, type EditKind,
} from './edits.ts';

function edit(offset: number, original: string, replacement: string, kind: EditKind = 'convert'): Edit {
  return { offset, length: original.length, original, replacement, kind, reason: `${kind}: ${original} → ${replacement}` };
}

/** Sorted, non-overlapping, each original equal to the input it replaces. */
function assertWellFormed(input: string, edits: readonly Edit[]): void {
  let end = 0;
  for (const e of edits) {
    assert.ok(e.offset >= end, `edit at ${e.offset} overlaps or is out of order (previous ends at ${end})`);
    assert.equal(e.original.length, e.length);
    assert.equal(input.slice(e.offset, e.offset + e.length), e.original, `edit at ${e.offset}: original`);
    end = e.offset + e.length;
  }
}

// 網(wǎng)絡(luò)安全: two annotations removed.
const NET = '網(wǎng)絡(luò)安全';
const NET_EDITS = [edit(1, '(wǎng)', '', 'pinyin'), edit(8, '(luò)', '', 'pinyin')];

describe('applyEdits', () => {
  test('removes, replaces and inserts', () => {
    assert.equal(applyEdits(NET, NET_EDITS), '網絡安全');
    assert.equal(applyEdits('網絡', [edit(0, '網絡', '网络')]), '网络');
    assert.equal(applyEdits('ab', [edit(1, '', 'X')]), 'aXb');
    assert.equal(applyEdits('ab', [edit(2, '', '!')]), 'ab!');
  });

  test('no edits give the text back', () => {
    assert.equal(applyEdits(NET, []), NET);
    assert.equal(applyEdits('', []), '');
  });

  test('edits may come in any order', () => {
    assert.equal(applyEdits(NET, [...NET_EDITS].reverse()), '網絡安全');
  });

  test('overlapping edits are refused', () => {
    assert.throws(() => applyEdits('abcdef', [edit(1, 'bcd', ''), edit(2, 'cd', 'X')]), /overlapping edits at 2/);
  });

  test('an insertion right at the end of a removal is not an overlap', () => {
    assert.equal(applyEdits('abc', [edit(0, 'ab', ''), edit(2, '', 'X')]), 'Xc');
  });

  test('sortEdits orders by offset, then by length (an insertion before a replacement at the same place)', () => {
    const sorted = sortEdits([edit(3, 'd', 'D'), edit(0, 'ab', 'AB'), edit(3, '', '+')]);
    assert.deepEqual(sorted.map((e) => [e.offset, e.length]), [[0, 2], [3, 0], [3, 1]]);
  });
});

describe('undoEdits', () => {
  test('rebuilds the input from the output', () => {
    assert.equal(undoEdits('網絡安全', NET_EDITS), NET);
    assert.equal(undoEdits('网络', [edit(0, '網絡', '网络')]), '網絡');
    assert.equal(undoEdits('aXb', [edit(1, '', 'X')]), 'ab');
  });

  test('with length-changing replacements', () => {
    const input = '甲乙丙丁';
    const edits = [edit(0, '甲', 'AAA'), edit(2, '丙丁', 'C')];
    const output = applyEdits(input, edits);
    assert.equal(output, 'AAA乙C');
    assert.equal(undoEdits(output, edits), input);
  });
});

describe('offset mapping', () => {
  test('outputToInput: each output character maps to where it came from', () => {
    // 網絡安全 ← 網(wǎng)絡(luò)安全: 網 0→0, 絡 1→7, 安 2→13, 全 3→14, end 4→15.
    assert.deepEqual([0, 1, 2, 3, 4].map((o) => outputToInput(NET_EDITS, o)), [0, 7, 13, 14, 15]);
  });

  test('inputToOutput: a removed span maps to where it was', () => {
    assert.equal(inputToOutput(NET_EDITS, 0), 0);
    for (let i = 1; i <= 6; i++) assert.equal(inputToOutput(NET_EDITS, i), 1, `input ${i} is inside (wǎng)`);
    assert.equal(inputToOutput(NET_EDITS, 7), 1);
    for (let i = 8; i <= 12; i++) assert.equal(inputToOutput(NET_EDITS, i), 2, `input ${i} is inside (luò)`);
    assert.equal(inputToOutput(NET_EDITS, 13), 2);
    assert.equal(inputToOutput(NET_EDITS, 15), 4);
  });

  test('an offset inside a replacement maps to the start of the replaced span', () => {
    const edits = [edit(2, '丙', 'CCC')];
    // 甲乙CCC丁: output 2, 3, 4 are all from input 2.
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6].map((o) => outputToInput(edits, o)), [0, 1, 2, 2, 2, 3, 4]);
    assert.deepEqual([0, 1, 2, 3, 4].map((i) => inputToOutput(edits, i)), [0, 1, 2, 5, 6]);
  });

  test('no edits: the identity', () => {
    for (let i = 0; i < 5; i++) {
      assert.equal(outputToInput([], i), i);
      assert.equal(inputToOutput([], i), i);
    }
  });
});

describe('composeEdits', () => {
  test('a conversion spanning an earlier removal is cut there: both keep their kind and reason', () => {
    // 網(wǎng)訊: remove the annotation, then convert 網訊 → 网讯 in the intermediate text.
    const input = '網(wǎng)訊';
    const earlier = [edit(1, '(wǎng)', '', 'pinyin')];
    const later = [edit(0, '網訊', '网讯')];
    const composed = composeEdits(input, earlier, later);
    assert.deepEqual(composed.map((e) => [e.offset, e.original, e.replacement, e.kind]), [
      [0, '網', '网', 'convert'],
      [1, '(wǎng)', '', 'pinyin'],
      [7, '訊', '讯', 'convert'],
    ]);
    assert.equal(composed[0]!.reason, 'convert: 網 → 网');
    assert.equal(composed[2]!.reason, 'convert: 訊 → 讯');
    assert.equal(applyEdits(input, composed), '网讯');
    assert.equal(undoEdits('网讯', composed), input);
  });

  test("the caller's edits are never changed: cut, uncut and length-changing ones", () => {
    const input = '網(wǎng)訊甲乙(yǐ)丙';
    const earlier = [edit(1, '(wǎng)', '', 'pinyin'), edit(10, '(yǐ)', '', 'pinyin')];
    const later = [edit(0, '網訊', '网讯'), edit(2, '甲', 'AAA'), edit(4, '丙', '丁')];
    const before = JSON.stringify(later);
    const composed = composeEdits(input, earlier, later);
    assert.equal(JSON.stringify(later), before);
    assert.equal(applyEdits(input, composed), '网讯AAA乙丁');
    assert.equal(undoEdits('网讯AAA乙丁', composed), input);
    for (const e of composed) assert.equal(e.original, input.slice(e.offset, e.offset + e.length));
  });

  test('a cut conversion keeps its label when the converted text itself holds ": "', () => {
    const input = '經濟: 網(wǎng)訊';
    const later: Edit = { offset: 0, length: 6, original: '經濟: 網訊', replacement: '经济: 网讯', kind: 'convert', reason: 'Traditional → Simplified: 經濟: 網訊 → 经济: 网讯' };
    const composed = composeEdits(input, [edit(5, '(wǎng)', '', 'pinyin')], [later]);
    assert.deepEqual(composed.map((e) => e.reason), [
      'Traditional → Simplified: 經濟: 網 → 经济: 网',
      'pinyin: (wǎng) → ',
      'Traditional → Simplified: 訊 → 讯',
    ]);
  });

  test('a length-changing later edit spanning an earlier removal absorbs it into one edit of the later kind', () => {
    const input = '網(wǎng)訊';
    const composed = composeEdits(input, [edit(1, '(wǎng)', '', 'pinyin')], [edit(0, '網訊', '网络讯息')]);
    assert.deepEqual(composed.map((e) => [e.offset, e.length, e.original, e.replacement, e.kind]), [[0, 8, '網(wǎng)訊', '网络讯息', 'convert']]);
    assert.equal(applyEdits(input, composed), '网络讯息');
    assert.equal(undoEdits('网络讯息', composed), input);
  });

  test('a later edit starting right after a removal leaves the removal outside', () => {
    const input = '網(wǎng)訊';
    const composed = composeEdits(input, [edit(1, '(wǎng)', '', 'pinyin')], [edit(1, '訊', '讯')]);
    assert.deepEqual(composed.map((e) => [e.offset, e.original, e.replacement, e.kind]), [
      [1, '(wǎng)', '', 'pinyin'],
      [7, '訊', '讯', 'convert'],
    ]);
  });

  test('a later edit ending right before a removal leaves the removal outside', () => {
    const input = '網(wǎng)訊';
    const composed = composeEdits(input, [edit(1, '(wǎng)', '', 'pinyin')], [edit(0, '網', '网')]);
    assert.deepEqual(composed.map((e) => [e.offset, e.original, e.replacement, e.kind]), [
      [0, '網', '网', 'convert'],
      [1, '(wǎng)', '', 'pinyin'],
    ]);
  });

  test('a later edit that covers the whole replacement of an earlier one becomes one edit', () => {
    const input = 'AxyZ';
    const composed = composeEdits(input, [edit(0, 'A', 'BC')], [edit(0, 'BC', 'D')]);
    assert.equal(applyEdits(input, composed), 'DxyZ');
    assert.equal(undoEdits('DxyZ', composed), input);
  });

  test('no later edits: the earlier ones, sorted', () => {
    const composed = composeEdits(NET, [...NET_EDITS].reverse(), []);
    assert.deepEqual(composed, NET_EDITS);
  });

  test('no earlier edits: the later ones as they are', () => {
    const later = [edit(0, '網絡', '网络')];
    assert.deepEqual(composeEdits('網絡', [], later), later);
  });

  test('a later edit covering PART of an earlier replacement keeps the rest of it', () => {
    const input = 'AxyZ';
    const earlier = [edit(0, 'A', 'BC')];
    const later = [edit(1, 'C', 'D')];
    const composed = composeEdits(input, earlier, later);
    assert.equal(applyEdits(input, composed), 'BDxyZ');
    assert.equal(undoEdits('BDxyZ', composed), input);
  });

  test('two insertions at the same place keep their order: the earlier one first', () => {
    const input = 'ab';
    const composed = composeEdits(input, [edit(2, '', 'X')], [edit(3, '', 'Y')]);
    assert.equal(applyEdits(input, composed), 'abXY');
    assert.equal(undoEdits('abXY', composed), input);
  });
});

// ---------------------------------------------------------------------------
// Seeded random property checks: every failure names its seed.

const ALPHABET = [...'ab網訊區(wǎng)qū ,、。𠮷'];

function randomText(random: () => number, max: number): string {
  const n = Math.floor(random() * (max + 1));
  let s = '';
  for (let i = 0; i < n; i++) s += ALPHABET[Math.floor(random() * ALPHABET.length)]!;
  return s;
}

/** Random non-overlapping edits on `text` (code-unit offsets, as the engine uses). */
function randomEdits(random: () => number, text: string, removalsOnly: boolean): Edit[] {
  const edits: Edit[] = [];
  let pos = 0;
  while (pos <= text.length) {
    pos += Math.floor(random() * 4);
    if (pos > text.length) break;
    const length = Math.min(text.length - pos, Math.floor(random() * 4));
    const replacement = removalsOnly ? '' : randomText(random, 3);
    if (removalsOnly && length === 0) { pos++; continue; }
    const original = text.slice(pos, pos + length);
    edits.push(edit(pos, original, replacement, removalsOnly ? 'pinyin' : 'convert'));
    pos += Math.max(length, 1);
  }
  // Shuffle: the functions must not depend on the order they are given.
  for (let i = edits.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [edits[i], edits[j]] = [edits[j]!, edits[i]!];
  }
  return edits;
}

const RUNS = 400;

describe('random properties (seeded)', () => {
  test(`undoEdits(applyEdits(x, e), e) === x (${RUNS} seeds)`, () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const random = seededRandom(seed);
      const input = randomText(random, 30);
      const edits = randomEdits(random, input, false);
      const output = applyEdits(input, edits);
      assert.equal(undoEdits(output, edits), input, `seed ${seed}`);
    }
  });

  test(`offsets outside every edit map there and back (${RUNS} seeds)`, () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const random = seededRandom(seed);
      const input = randomText(random, 30);
      const edits = randomEdits(random, input, false);
      const output = applyEdits(input, edits);
      for (let i = 0; i < input.length; i++) {
        if (edits.some((e) => i >= e.offset && i < e.offset + e.length)) continue;
        const o = inputToOutput(edits, i);
        assert.equal(output[o], input[i], `seed ${seed}: input ${i} → output ${o}`);
        assert.equal(outputToInput(edits, o), i, `seed ${seed}: output ${o} → input`);
      }
      assert.equal(inputToOutput(edits, input.length), output.length, `seed ${seed}: end`);
      assert.equal(outputToInput(edits, output.length), input.length, `seed ${seed}: end back`);
    }
  });

  test(`composeEdits after removals (as fix() uses it) replays and undoes (${RUNS} seeds)`, () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const random = seededRandom(seed);
      const input = randomText(random, 30);
      const earlier = randomEdits(random, input, true);
      const middle = applyEdits(input, earlier);
      const later = randomEdits(random, middle, false);
      const output = applyEdits(middle, later);
      const composed = composeEdits(input, earlier, later);
      assertWellFormed(input, composed);
      assert.equal(applyEdits(input, composed), output, `seed ${seed}: replay`);
      assert.equal(undoEdits(output, composed), input, `seed ${seed}: undo`);
    }
  });

  test(`composeEdits after arbitrary replacements replays and undoes (${RUNS} seeds)`, {
    todo: 'composeEdits loses the uncovered part of an earlier replacement that a later edit partly overlaps (302 of 400 seeds), and orders same-offset insertions later-first (4 seeds): see the two cases above',
  }, () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const random = seededRandom(seed);
      const input = randomText(random, 30);
      const earlier = randomEdits(random, input, false);
      const middle = applyEdits(input, earlier);
      const later = randomEdits(random, middle, false);
      const output = applyEdits(middle, later);
      const composed = composeEdits(input, earlier, later);
      assertWellFormed(input, composed);
      assert.equal(applyEdits(input, composed), output, `seed ${seed}: replay`);
      assert.equal(undoEdits(output, composed), input, `seed ${seed}: undo`);
    }
  });

});
