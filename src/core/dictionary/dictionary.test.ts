import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sensesOf } from './compile.ts';
import { loadCompiledDictionary } from '../../testing/dictionary.ts';
import { readSourceData } from '../../../scripts/dictionary-source.ts';

test('the compiled dictionary holds every CC-CEDICT entry, in both scripts, with its senses and measure words unchanged', async () => {
  const [dict, source] = await Promise.all([loadCompiledDictionary(), readSourceData()]);
  assert.equal(dict.size, source.all.length);
  assert.ok(dict.size > 120_000, `only ${dict.size} entries`);
  let i = 0;
  for (const entry of dict.entries()) {
    const row = source.all[i++]!;
    assert.equal(entry.traditional, row[0]);
    assert.equal(entry.simplified, row[1]);
    assert.equal(entry.pinyin, row[2]);
    assert.deepEqual(entry.definitions, sensesOf(row));
    assert.deepEqual(entry.classifiers.map((c) => [c.traditional, c.simplified, c.pinyin]), row[5].map((c) => source.classifierLookup[c]));
  }
  // Every headword is found by its own lookup in both scripts, with this entry among its entries.
  for (const row of source.all) {
    for (const key of [row[0], row[1]]) {
      const found = dict.lookup(key);
      assert.ok(found.some((e) => e.traditional === row[0] && e.simplified === row[1] && e.pinyin === row[2]), `${key} ${row[2]} not found`);
    }
  }
});

test('the compiled dictionary carries its source, date and licence', async () => {
  const dict = await loadCompiledDictionary();
  assert.equal(dict.source.name, 'CC-CEDICT');
  assert.equal(dict.source.licence, 'CC BY-SA 4.0');
  assert.match(dict.source.date, /^\d{4}-\d{2}-\d{2}$/);
});

test('matchesAt lists the headwords at an offset longest first, in either script', async () => {
  const dict = await loadCompiledDictionary();
  assert.deepEqual(dict.matchesAt('人工智能发展', 0).map((m) => m.length), [4, 2, 1]);
  assert.deepEqual(dict.matchesAt('立法院長', 0).map((m) => m.length), [3, 2, 1]);
  assert.equal(dict.matchesAt('銀行行長', 0)[0]!.entries[0]!.simplified, '银行');
  assert.equal(dict.lookup('行長')[0]!.pinyin, 'hang2 zhang3');
  assert.deepEqual(dict.matchesAt('abc', 5), []);
  assert.deepEqual(dict.lookup('不是一个词语啊'), []);
});
