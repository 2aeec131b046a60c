import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileTable, longestMatch, matchEnd, tableSize, valueOf } from './dict-table.ts';

test('the first dictionary of a group wins a shared key; within one, the last line wins', () => {
  const t = compileTable(['干 幹|干 乾', '干 干|干杯 乾杯']);
  assert.equal(tableSize(t), 2);
  assert.equal(valueOf(t, longestMatch(t, '干', 0)), '乾');
});

test('the longest key wins, and a key that stops short of the text still matches', () => {
  const t = compileTable(['中 中|中国 中國|中国人民 中國人民|中国人民银行 中國人民銀行']);
  const at = (s: string): [string, number] | undefined => {
    const k = longestMatch(t, s, 0);
    return k < 0 ? undefined : [valueOf(t, k), matchEnd.value];
  };
  assert.deepEqual(at('中国人民银行行长'), ['中國人民銀行', 6]);
  assert.deepEqual(at('中国人民很好'), ['中國人民', 4]);
  assert.deepEqual(at('中国人'), ['中國', 2]);
  assert.deepEqual(at('中'), ['中', 1]);
  assert.equal(at('国'), undefined);
});

test('keys beyond the Basic Multilingual Plane and empty input', () => {
  const t = compileTable(['𠀋 𠀋x|𠀋𠀋 yy']);
  assert.equal(valueOf(t, longestMatch(t, '𠀋𠀋', 0)), 'yy');
  assert.equal(matchEnd.value, 4);
  assert.equal(longestMatch(t, '', 0), -1);
  assert.equal(tableSize(compileTable([''])), 0);
  assert.equal(longestMatch(compileTable(['']), 'a', 0), -1);
});

test('a malformed dictionary line is refused', () => {
  assert.throws(() => compileTable(['一 壹|二']), /without a replacement/);
});

test("a match can be limited to the group's first dictionaries (OpenCC's segmentation)", () => {
  const t = compileTable(['中国 中國|人民 人民', '中 中|国 國|中国人 中國人']);
  // All dictionaries: 中国人 from the second is the longest.
  assert.equal(valueOf(t, longestMatch(t, '中国人', 0)), '中國人');
  assert.equal(matchEnd.value, 3);
  // The first alone: 中国; and 中 by itself is not a key there.
  assert.equal(valueOf(t, longestMatch(t, '中国人', 0, 1)), '中國');
  assert.equal(matchEnd.value, 2);
  assert.equal(longestMatch(t, '中', 0, 1), -1);
  assert.equal(valueOf(t, longestMatch(t, '中', 0)), '中');
});
