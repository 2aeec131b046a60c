import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadDictionary } from '../testing/dictionary.ts';
import { loadGlossary } from './glossary/load.ts';
import { buildVocab, chooseEntry, segmentRun } from './vocab.ts';

const SAMPLES = fileURLToPath(new URL('../../samples/news/', import.meta.url));

test('segmentation: every word is a dictionary or glossary word, or one character; ICU boundaries fix greedy cuts', async () => {
  const dictionary = await loadDictionary();
  const glossary = await loadGlossary();
  const text = ['01', '02', '03'].map((n) => readFileSync(`${SAMPLES}simplified-${n}.txt`, 'utf8')).join('\n');
  let words = 0;
  for (const run of text.match(/\p{Script=Han}+/gu) ?? []) {
    const cut = segmentRun(run, { dictionary, glossary });
    assert.equal(cut.join(''), run);
    for (const w of cut) {
      words++;
      assert.ok(w.length === 1 || dictionary.lookup(w).length > 0 || glossary.lookup(w), w);
    }
  }
  assert.ok(words > 500);
  // Plain longest match would cut 年上|半年 and 路标|准.
  assert.deepEqual(segmentRun('今年上半年', { dictionary }), ['今年', '上半年']);
  assert.deepEqual(segmentRun('道路标准', { dictionary }), ['道路', '标准']);
  // A glossary term longer than any dictionary word is one word.
  assert.deepEqual(segmentRun('成渝地区双城经济圈建设', { dictionary, glossary }), ['成渝地区双城经济圈', '建设']);
});

test('the entry shown: the reading in context, a real entry before a variant, a common word before a proper noun', async () => {
  const dictionary = await loadDictionary();
  assert.equal(chooseEntry(dictionary.lookup('和'), 'he2')!.definitions.some((d) => /variant/.test(d)), false);
  assert.equal(chooseEntry(dictionary.lookup('立'), undefined)!.pinyin, 'li4');
  assert.equal(chooseEntry(dictionary.lookup('行'), 'xing2')!.pinyin, 'xing2');
  assert.equal(chooseEntry(dictionary.lookup('行'), 'hang2')!.pinyin, 'hang2');
  assert.equal(chooseEntry(dictionary.lookup('重庆'), undefined)!.pinyin, 'Chong2 qing4');
  assert.equal(chooseEntry([], 'x'), undefined);
});

test('vocab counts words, keeps the first sentence, reads several-reading words in context', async () => {
  const dictionary = await loadDictionary();
  const glossary = await loadGlossary();
  const asked: string[] = [];
  // A stand-in for pinyin-pro: 行 reads xing2 in the first sentence.
  const readSentence = async (s: string): Promise<string[]> => {
    asked.push(s);
    return s.split('').map((c) => (c === '行' ? 'xing2' : ''));
  };
  const words = await buildVocab('行，你去吧。政协开会。政协很忙。未知𠀀字', { dictionary, glossary, readSentence });
  const by = new Map(words.map((w) => [w.word, w]));
  assert.equal(words[0]!.word, '政协');
  assert.equal(by.get('政协')!.count, 2);
  assert.equal(by.get('政协')!.source, 'glossary');
  assert.equal(by.get('政协')!.sentence, '政协开会。');
  assert.equal(by.get('行')!.pinyin, 'xíng');
  assert.match(by.get('行')!.english, /walk/);
  assert.equal(by.get('𠀀')!.count, 1, 'a character outside the BMP stays whole');
  // Words with one reading never ask for context.
  assert.ok(!asked.includes('政协开会。'));
});
