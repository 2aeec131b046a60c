import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pinyin } from 'pinyin-pro';
import { readingsTableData } from './readings-table.ts';
import { readingsLookup } from '../src/core/readings/table.ts';

// The extension answers from this table (char-readings.browser.ts), the CLI and tests from
// pinyin-pro: they must agree on every code point of every plane that has characters, whether
// the lookup searches the string (a page's first lookups) or uses the index built after.
test("the precompiled table gives pinyin-pro's readings for every code point", () => {
  const data = readingsTableData();
  const searching = readingsLookup(data, Infinity);
  const indexed = readingsLookup(data, 0);
  let checked = 0;
  for (let cp = 0; cp <= 0xeffff; cp++) {
    if (cp === 0x40000) cp = 0xe0000; // planes 4–13 are unassigned
    const ch = String.fromCodePoint(cp); // lone surrogates included
    const expected = pinyin(ch, { multiple: true, type: 'array' });
    for (const got of [searching(ch), indexed(ch)]) {
      if (got.length !== expected.length || got.some((r, i) => r !== expected[i])) {
        assert.fail(`U+${cp.toString(16).toUpperCase()} ${ch}: table ${JSON.stringify(got)}, pinyin-pro ${JSON.stringify(expected)}`);
      }
    }
    checked++;
  }
  assert.ok(checked > 300_000);
});
