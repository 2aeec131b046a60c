import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatPinyin, isProperNoun, toneSyllables } from './pinyin-format.ts';

test('numbered readings are written with tone marks where Hanyu Pinyin puts them', () => {
  assert.equal(formatPinyin('yin2 hang2', 'mark'), 'yínháng');
  assert.equal(formatPinyin('Chong2 qing4', 'mark'), 'Chóngqìng');
  assert.equal(formatPinyin('Xi1 an1', 'mark'), "Xī'ān");
  assert.equal(formatPinyin('lu:3 you2', 'mark'), 'lǚyóu');
  assert.equal(formatPinyin('shi4 qing5', 'mark'), 'shìqing');
  assert.equal(formatPinyin('gou4 le5', 'mark'), 'gòule');
  assert.equal(formatPinyin('zhui1', 'mark'), 'zhuī');
  assert.equal(formatPinyin('liu2', 'mark'), 'liú');
  assert.equal(formatPinyin('B chao1', 'mark'), 'B chāo');
  assert.equal(formatPinyin('Rong2 chang1 Qu1', 'mark'), 'Róngchāng Qū');
  assert.equal(formatPinyin('Chang2 Jiang1', 'mark'), 'Cháng Jiāng');
  assert.equal(formatPinyin('yin2 hang2', 'num'), 'yin2hang2');
});

test('syllables carry their tone, and capitals mark proper nouns', () => {
  assert.deepEqual(toneSyllables('Zhong1 guo2 ren5', 'mark'), [{ text: 'Zhōng', tone: 1 }, { text: 'guó', tone: 2 }, { text: 'ren', tone: 5 }]);
  assert.equal(isProperNoun('Chang2 Jiang1'), true);
  assert.equal(isProperNoun('chang2 jiang1'), false);
});
