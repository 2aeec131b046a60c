import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileTable } from './dict-table.ts';
import { convertByTable } from './pipeline.ts';
import { allGroups } from './pipelines.ts';
import { decodeTable, encodeTable } from './table-codec.ts';
import { loadTable } from './table-source.ts';

test('a table survives encoding: every array and the values come back equal', async () => {
  for (const group of allGroups()) {
    const t = await loadTable(group);
    const back = decodeTable(encodeTable(t).slice().buffer);
    assert.equal(back.base, t.base);
    assert.deepEqual([...back.starts], [...t.starts]);
    assert.deepEqual([...back.keys], [...t.keys]);
    assert.deepEqual([...back.keyEnds], [...t.keyEnds]);
    assert.deepEqual([...back.valueEnds], [...t.valueEnds]);
    assert.deepEqual([...back.origins], [...t.origins]);
    assert.deepEqual([...back.values], [...t.values]);
  }
});

test('a decoded table converts like the compiled one', () => {
  const t = compileTable(['发展 發展|发 發|头发 頭髮', '发 髮']);
  const back = decodeTable(encodeTable(t).slice().buffer);
  for (const s of ['发展头发', '头发发', '', 'abc']) assert.equal(convertByTable(back, s), convertByTable(t, s));
  assert.equal(convertByTable(t, '头发发展发'), '頭髮發展發');
});

test('a file that is not a table, truncated or resized is refused with a message', () => {
  const bytes = encodeTable(compileTable(['一 壹']));
  assert.throws(() => decodeTable(new ArrayBuffer(3)), /too short/);
  const wrong = bytes.slice();
  wrong[0] = 0;
  assert.throws(() => decodeTable(wrong.buffer), /not a Zhengwen table/);
  assert.throws(() => decodeTable(bytes.slice(0, bytes.length - 2).buffer), /does not match/);
});
