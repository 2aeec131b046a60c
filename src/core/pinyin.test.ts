import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dictionaryReadings } from '../testing/dictionary.ts';
import { pinyinText as read } from './pinyin.ts';
import type { ToneStyle } from './word-pinyin.ts';
import { chooseReading } from './word-pinyin.ts';

const pinyinText = (text: string, tone: ToneStyle = 'mark'): Promise<string> => read(text, tone, dictionaryReadings);

test('a word reads as the dictionary reads it; pinyin-pro only chooses among its readings', async () => {
  assert.equal(await pinyinText('处长'), 'chùzhǎng');
  assert.equal(await pinyinText('事情'), 'shìqing');
  assert.equal(await pinyinText('银行'), 'yínháng');
  assert.equal(await pinyinText('行长'), 'hángzhǎng');
  assert.equal(await pinyinText('重庆'), 'Chóngqìng');
  assert.equal(await pinyinText('长江'), 'Cháng Jiāng');
  assert.equal(await pinyinText('處長', 'num'), 'chu4zhang3');
});

test('adverbial 地 reads de; the noun reads dì', async () => {
  assert.match(await pinyinText('他认真地学习'), /rènzhēn de xuéxí/);
  assert.match(await pinyinText('积极地推进改革'), /jījí de tuījìn/);
  assert.match(await pinyinText('这块地很大'), /dì/);
  assert.equal(chooseReading('地', ['de5', 'di4'], ['di4'], '各', '方'), 'di4');
  assert.equal(chooseReading('地', ['de5', 'di4'], ['di4'], '认真', '学'), 'de5');
});

test('chooseReading keeps one dictionary reading, and lets context choose among several', () => {
  assert.equal(chooseReading('处长', ['chu4 zhang3'], ['chu4', 'chang2'], undefined, undefined), 'chu4 zhang3');
  assert.equal(chooseReading('行', ['hang2', 'xing2'], ['xing2'], undefined, undefined), 'xing2');
  assert.equal(chooseReading('成', ['Cheng2', 'cheng2'], ['cheng2'], undefined, undefined), 'cheng2');
  assert.equal(chooseReading('的', [], ['de5'], undefined, undefined), undefined);
});

test('地 kept on an adverb by the segmenter still reads de', async () => {
  assert.equal(await pinyinText('慢慢地走'), 'mànmàn de zǒu');
});
