import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pinyinWords, wordAt } from './word-pinyin.ts';

// A stand-in converter: only what these tests need (長→长, 銀→银, 行 unchanged).
const simplify = async (text: string): Promise<string> => text.replace(/長/g, '长').replace(/銀/g, '银');

test('words are read through the Simplified text the caller converts, and cut from the original', async () => {
  const words = await pinyinWords('銀行行長', 'num', simplify);
  assert.deepEqual(words.map((w) => w.text), ['銀行', '行長']);
  assert.deepEqual(words.map((w) => w.pinyin), ['yin2hang2', 'hang2zhang3']);
});

test('a conversion that changes the length is not used: the text is read as it is', async () => {
  const words = await pinyinWords('銀行', 'num', async (t) => t + '!');
  assert.deepEqual(words.map((w) => w.text), ['銀行']);
});

test('wordAt reads the word under an offset in context', async () => {
  const w = await wordAt('他在銀行工作', 3, simplify, 'mark');
  assert.deepEqual(w && { start: w.start, end: w.end, word: w.word, syllables: w.syllables.map((s) => s.text) }, { start: 2, end: 4, word: '銀行', syllables: ['yín', 'háng'] });
  assert.equal(await wordAt('abc', 1, simplify), undefined);
});
