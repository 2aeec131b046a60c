import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GlossaryMatcher } from '../glossary/matcher.ts';
import type { GlossaryEntry } from '../glossary/types.ts';
import { loadCompiledDictionary } from '../../testing/dictionary.ts';
import { lookupWord, orderByReading, type GlossarySource, type PageRegion } from './word-lookup.ts';

const court: GlossaryEntry = {
  simplified: '法院', traditional: '法院', pinyin: 'fǎyuàn', english: 'court', category: 'state-organ',
  explanation: { en: 'A court.', zh: '法院。' },
};
const cppcc: GlossaryEntry = {
  simplified: '政协', traditional: '政協', pinyin: 'zhèngxié', english: 'CPPCC', category: 'legislature-cppcc',
  explanation: { en: 'The CPPCC.', zh: '政协。' },
};
const glossary = new GlossaryMatcher([court, cppcc]);

async function at(text: string, char: string, nth = 0) {
  const dictionary = await loadCompiledDictionary();
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = text.indexOf(char, offset + 1);
  return lookupWord(text, offset, { dictionary, glossary });
}

test('a longer dictionary word beats a shorter glossary term inside it, wherever the cursor is', async () => {
  for (const ch of ['立', '法', '院']) {
    const found = await at('他在立法院質詢', ch);
    assert.equal(found?.main.word, '立法院', ch);
    assert.match(found!.main.entries[0]!.definitions[0]!, /Legislative Yuan/);
    assert.deepEqual(found!.main.glossary, []);
  }
});

test('at equal length the glossary entry comes with the dictionary entry', async () => {
  const found = await at('最高人民法院', '法');
  assert.equal(found?.main.word, '最高人民法院');
  const court2 = await at('他去法院了', '法');
  assert.equal(court2?.main.word, '法院');
  assert.deepEqual(court2!.main.glossary, [court]);
  assert.ok(court2!.main.entries.length > 0);
  const z = await at('市政协主席', '协');
  assert.equal(z?.main.glossary[0], cppcc);
});

test('words are not cut short and the shorter words at the same start follow', async () => {
  const found = await at('发展人工智能产业', '工');
  assert.equal(found?.main.word, '人工智能');
  assert.deepEqual(found!.shorter.map((w) => w.word), ['人工', '人']);
});

test('personal names are read as names', async () => {
  const a = await at('国家林草局副局长曹清尧说', '清');
  assert.equal(a?.main.word, '曹清尧');
  assert.equal(a?.name?.surname, '曹');
  assert.equal(a?.name?.given, '清尧');
  assert.equal(a?.name?.surnamePinyin, 'Cao2');
  const b = await at('王建国表示', '建');
  assert.equal(b?.main.word, '王建国');
  const c = await at('陈晓书记指出', '陈');
  assert.equal(c?.name?.given, '晓');
  // Ordinary words that start with a surname character are not names.
  assert.equal((await at('王国的历史', '王'))?.name, undefined);
  assert.equal((await at('马上出发', '马'))?.name, undefined);
  assert.equal((await at('这是高质量发展', '高'))?.name, undefined);
});

test('nothing is found off Han text', async () => {
  const dictionary = await loadCompiledDictionary();
  assert.equal(lookupWord('abc 中文', 1, { dictionary }), undefined);
  assert.equal(lookupWord('中文', 5, { dictionary }), undefined);
});

test('the reading heard in context comes first', async () => {
  const dictionary = await loadCompiledDictionary();
  const entries = dictionary.lookup('地');
  assert.equal(orderByReading(entries, 'di4')[0]!.pinyin, 'di4');
  assert.equal(orderByReading(entries, 'de5')[0]!.pinyin, 'de5');
});

test('on a Taiwan or Hong Kong page, that place’s glossary entry of a shared form comes first', async () => {
  const dictionary = await loadCompiledDictionary();
  const mainland: GlossaryEntry = { ...court, english: 'people’s court (mainland)' };
  const taiwan: GlossaryEntry = { ...court, english: 'court (Taiwan)', category: 'taiwan', region: 'tw' };
  const both: GlossarySource = { termsAt: (text, offset) => (text.startsWith('法院', offset) ? [{ term: '法院', entry: mainland }, { term: '法院', entry: taiwan }] : []) };
  const at = (region: PageRegion) => lookupWord('他去法院了', 2, { dictionary, glossary: both, region })!.main.glossary.map((e) => e.english);
  assert.deepEqual(at('tw'), ['court (Taiwan)', 'people’s court (mainland)']);
  assert.deepEqual(at('cn'), ['people’s court (mainland)', 'court (Taiwan)']);
});

test('another place’s institution does not apply: a Hong Kong term on a Taiwan page', async () => {
  const dictionary = await loadCompiledDictionary();
  const hkBudget: GlossaryEntry = { ...court, simplified: '预算案', traditional: '預算案', english: 'Budget (Hong Kong)', category: 'hong-kong-macao', region: 'hk' };
  const glossary = new GlossaryMatcher([hkBudget]);
  const onPage = (region: PageRegion) => lookupWord('立法院審查預算案', 5, { dictionary, glossary, region })!.main.glossary.map((e) => e.english);
  assert.deepEqual(onPage('tw'), []);
  assert.deepEqual(onPage('hk'), ['Budget (Hong Kong)']);
  assert.deepEqual(onPage('cn'), ['Budget (Hong Kong)'], 'a mainland page may report on Hong Kong');
});
