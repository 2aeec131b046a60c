import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pinyinWords as read, wordAt } from '../core/pinyin.ts';
import { dictionaryReadings, loadDictionary } from '../testing/dictionary.ts';
import { loadPinyin } from './load-pinyin.ts';

test('loadPinyin imports the reader once and reads as the engine does', async () => {
  // The background answers dictionary requests in the extension; here the same lookups answer directly.
  const dict = await loadDictionary();
  (globalThis as { chrome?: unknown }).chrome = {
    runtime: {
      sendMessage: async (m: { words: string[] }) => ({ readings: m.words.map((w) => [...new Set(dict.lookup(w).map((e) => e.pinyin))]) }),
    },
  };
  const first = loadPinyin();
  assert.equal(loadPinyin(), first);
  const reader = await first;
  const text = '中國銀行調整利率';
  assert.deepEqual(await reader.pinyinWords(text, 'mark'), await read(text, 'mark', dictionaryReadings));
  assert.deepEqual(await reader.wordAt(text, 3, 'num'), await wordAt(text, 3, 'num'));
});
