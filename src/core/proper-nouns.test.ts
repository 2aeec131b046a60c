import assert from 'node:assert/strict';
import { test } from 'node:test';
import { casedPinyin, casedSyllables, looksLikeProperNoun } from './proper-nouns.ts';

test('known places and a name before an administrative suffix are proper nouns', () => {
  assert.ok(looksLikeProperNoun('重庆'));
  assert.ok(looksLikeProperNoun('四川省'));
  assert.ok(looksLikeProperNoun('荣昌', '区'), '荣昌 before 区');
  assert.ok(looksLikeProperNoun('自贡', '市'));
});

test('common nouns stay lower case, with or without a suffix after them', () => {
  for (const w of ['党政', '代表', '考察', '经济', '建设']) assert.ok(!looksLikeProperNoun(w), w);
  assert.ok(!looksLikeProperNoun('开发', '区'), '开发区 is a development zone');
  assert.ok(!looksLikeProperNoun('开发区'));
  assert.ok(!looksLikeProperNoun('城市'));
  assert.ok(!looksLikeProperNoun('地区'), 'a two-character word ending in 区 is not a name plus suffix');
  assert.ok(!looksLikeProperNoun('到', '市'), 'one character before a suffix is not taken as a name');
});

test('case: lower for common words, a capital for proper nouns, the suffix of a place written apart', () => {
  assert.equal(casedPinyin('党政', ['dǎng', 'zhèng'], false), 'dǎngzhèng');
  assert.equal(casedPinyin('重庆', ['chóng', 'qìng'], true), 'Chóngqìng');
  assert.equal(casedPinyin('重庆市', ['chóng', 'qìng', 'shì'], true), 'Chóngqìng Shì');
  assert.equal(casedPinyin('荣昌', ['róng', 'chāng'], true), 'Róngchāng');
  assert.equal(casedPinyin('二', ['èr'], true), 'Èr', 'a capital over a tone mark');
  assert.equal(casedPinyin('重庆', ['chong2', 'qing4'], true), 'Chong2qing4', 'tone numbers');
  assert.equal(casedPinyin('重庆', ['chóng', 'qìng'], false), 'chóngqìng', 'the flag decides, not the word');
});

test('cased syllables keep one entry per character (for tone colours), the space leading the suffix', () => {
  assert.deepEqual(casedSyllables('重庆市', ['chóng', 'qìng', 'shì'], true), ['Chóng', 'qìng', ' Shì']);
  assert.deepEqual(casedSyllables('党政', ['dǎng', 'zhèng'], false), ['dǎng', 'zhèng']);
});

test('capitals the dictionary already gave: a later capital starts a new part, never two spaces', () => {
  assert.deepEqual(casedSyllables('成渝', ['Chéng', 'Yú'], false), ['Chéng', ' Yú']);
  assert.equal(casedPinyin('荣昌区', ['Róng', 'chāng', 'Qū'], true), 'Róngchāng Qū');
  assert.equal(casedPinyin('长江', ['Cháng', 'Jiāng'], true), 'Cháng Jiāng');
});
