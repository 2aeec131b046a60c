import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  cleanWord, FIELD_LIMITS, matchesSearch, mergeWords, parseWords, resave, sortWords, wordKey, wordsToCsv, wordsToTsv, type SavedWord,
} from './word-list-data.ts';

const bank: SavedWord = {
  simplified: '银行', traditional: '銀行', pinyin: 'yínháng', definition: 'bank; CL:家[jia1],個|个[ge4]',
  sentence: '他在“中国银行”工作,\t每天\n加班。', url: 'https://example.com/a?b=1&c="2"', savedAt: '2026-12-01T10:00:00.000Z',
};
const adjust: SavedWord = {
  simplified: '调整', traditional: '調整', pinyin: 'tiáozhěng', definition: 'to adjust; adjustment; revision',
  sentence: '政策调整。', url: 'https://example.com/b', savedAt: '2026-12-02T10:00:00.000Z',
};
const now = new Date('2026-12-06T00:00:00.000Z');

test('a word is the same word when its Simplified form and pinyin are, spaces and composition aside', () => {
  assert.equal(wordKey({ simplified: '银行', pinyin: 'yín háng' }), wordKey({ simplified: '银行', pinyin: 'yínháng' }));
  assert.equal(wordKey({ simplified: '银行', pinyin: 'yi\u0301nha\u0301ng' }), wordKey({ simplified: '银行', pinyin: 'yínháng' }));
  assert.notEqual(wordKey({ simplified: '行', pinyin: 'háng' }), wordKey({ simplified: '行', pinyin: 'xíng' }));
});

test('cleaning: trims, fills Traditional and the date, caps long fields, rejects a record without a word', () => {
  const w = cleanWord({ simplified: ' 银行 ', pinyin: 'yínháng', savedAt: 'not a date', sentence: 'x'.repeat(5000), url: 42 }, now)!;
  assert.equal(w.simplified, '银行');
  assert.equal(w.traditional, '银行');
  assert.equal(w.savedAt, now.toISOString());
  assert.equal(w.sentence.length, FIELD_LIMITS.sentence);
  assert.ok(w.sentence.endsWith('…'));
  assert.equal(w.url, '');
  assert.equal(cleanWord({ simplified: '  ', pinyin: 'x' }), undefined);
  assert.equal(cleanWord({}), undefined);
  // A cap never splits a surrogate pair.
  const astral = cleanWord({ simplified: '𠮷', sentence: '𠮷'.repeat(400) })!;
  assert.doesNotMatch(astral.sentence, /[\ud800-\udbff](?![\udc00-\udfff])/);
});

test('saving again replaces the sentence, address and date, and keeps non-empty fields', () => {
  const again = resave(bank, { ...bank, traditional: '', definition: '', sentence: '新句子。', url: 'https://x.test/', savedAt: now.toISOString() });
  assert.deepEqual(again, { ...bank, sentence: '新句子。', url: 'https://x.test/', savedAt: now.toISOString() });
});

test('an import merges without duplicates and never overwrites what was saved', () => {
  const incoming = [
    { ...bank, definition: 'other', sentence: 'other' }, // already saved: unchanged
    { ...adjust },                                         // new
    { ...adjust, pinyin: 'tiáo zhěng' },                   // the same new word again
  ];
  const r = mergeWords([bank], incoming);
  assert.deepEqual(r.write, [adjust]);
  assert.deepEqual([r.added, r.updated, r.unchanged], [1, 0, 2]);
  // A saved word without a sentence gains the imported one, and nothing else changes.
  const bare = { ...bank, sentence: '', url: '' };
  const filled = mergeWords([bare], [bank]);
  assert.deepEqual(filled.write, [{ ...bare, sentence: bank.sentence, url: bank.url }]);
  assert.deepEqual([filled.added, filled.updated, filled.unchanged], [0, 1, 0]);
});

test('the list is newest first', () => {
  assert.deepEqual(sortWords([bank, adjust]).map((w) => w.simplified), ['调整', '银行']);
});

test('search finds either script, pinyin with or without tones, English and the sentence', () => {
  for (const q of ['银行', '銀行', 'yínháng', 'yinhang', 'YIN', 'yin2hang2', 'bank', '加班']) assert.ok(matchesSearch(bank, q), q);
  for (const q of ['调整', 'tiao', 'adjust']) assert.ok(!matchesSearch(bank, q), q);
  assert.ok(matchesSearch(bank, '  '));
});

test('TSV export: one note per line with the six fields and the date, and parses back to the same records', () => {
  const tsv = wordsToTsv([bank, adjust]);
  const lines = tsv.trimEnd().split('\n');
  assert.equal(lines[2], '#columns:simplified\ttraditional\tpinyin\tdefinition\tsentence\turl\tsavedAt');
  assert.equal(lines.length, 5);
  assert.equal(lines[3]!.split('\t').length, 7);
  assert.equal(lines[3]!.split('\t')[0], '银行');
  assert.deepEqual(parseWords(tsv, now), { words: [bank, adjust], skipped: 0 });
});

test('CSV export parses back to the same records', () => {
  const csv = wordsToCsv([bank, adjust]);
  assert.ok(csv.startsWith('simplified,traditional,pinyin,definition,sentence,url,savedAt\r\n'));
  assert.deepEqual(parseWords(csv, now), { words: [bank, adjust], skipped: 0 });
});

test('import reads other layouts: columns by name in any order, or in export order without a header', () => {
  const reordered = 'pinyin,Simplified,definition\r\nyínháng,银行,bank\r\n,,no word\r\n';
  const r = parseWords(reordered, now);
  assert.deepEqual(r.words, [{ simplified: '银行', traditional: '银行', pinyin: 'yínháng', definition: 'bank', sentence: '', url: '', savedAt: now.toISOString() }]);
  assert.equal(r.skipped, 1);
  const plain = parseWords('银行\t銀行\tyínháng\tbank\n', now);
  assert.deepEqual(plain.words.map((w) => [w.simplified, w.traditional, w.pinyin, w.definition]), [['银行', '銀行', 'yínháng', 'bank']]);
  assert.deepEqual(parseWords('', now), { words: [], skipped: 0 });
});
