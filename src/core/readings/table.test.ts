import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { encodeReadingsTable, readingsLookup } from './table.ts';

describe('readings table', () => {
  test('round-trips readings, polyphonic and astral characters included, and echoes the rest', () => {
    const lookup = readingsLookup(encodeReadingsTable([
      ['長', ['cháng', 'zhǎng']], ['〇', ['líng']], ['伶', ['líng']], ['𠀋', ['jiāng']], ['a', ['a']],
    ]));
    assert.deepEqual(lookup('長'), ['cháng', 'zhǎng']);
    assert.deepEqual(lookup('伶'), ['líng']);
    assert.deepEqual(lookup('𠀋'), ['jiāng']);
    assert.deepEqual(lookup('a'), ['a']);
    assert.deepEqual(lookup('中'), ['中']);
  });

  test('refuses readings it could not decode again', () => {
    assert.throws(() => encodeReadingsTable([['x', ['a:b']]]));
    assert.throws(() => encodeReadingsTable([['x', []]]));
    assert.throws(() => encodeReadingsTable([['阿', ['a']], ['a', ['ē']]]), /occurs in readings/);
  });

  test('a letter of a reading, a separator or half a surrogate pair is no character of the table', () => {
    const data = encodeReadingsTable([['長', ['cháng', 'zhǎng']], ['𠀋', ['jiāng']]]);
    for (const lookup of [readingsLookup(data), readingsLookup(data, 0)]) {
      for (const ch of ['c', 'á', ' ', ':', '|', '\ud840', '\udc0b', '', '長長']) assert.deepEqual(lookup(ch), [ch]);
      assert.deepEqual(lookup('𠀋'), ['jiāng']);
      assert.deepEqual(lookup('長'), ['cháng', 'zhǎng']);
    }
  });
});
