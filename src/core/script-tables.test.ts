import assert from 'node:assert/strict';
import { test } from 'node:test';
import tsCharacters from 'opencc-js/dict/TSCharacters';
import { simplifiedFormsOf } from './script.ts';
import { scriptTables } from './script-source.ts';
import { decodeScriptTables, encodeScriptTables, SIMP_FLAG, TRAD_FLAG } from './script-tables.ts';

// The extension decodes what build.mjs encoded; the command line reads the dictionaries.
test("the extension's precompiled tables are the ones read from OpenCC's dictionaries", () => {
  const read = scriptTables();
  const data = encodeScriptTables(read);
  const decoded = decodeScriptTables(data);
  assert.ok(Buffer.from(decoded.flags).equals(Buffer.from(read.flags)), 'flags');
  assert.ok(Buffer.from(decoded.simplifiedOnly).equals(Buffer.from(read.simplifiedOnly)), 'Simplified-only');
  assert.deepEqual([...decoded.otherForms], [...read.otherForms]);
  assert.deepEqual([...decoded.otherSimplifiedOnly], [...read.otherSimplifiedOnly]);
  const count = (flag: number): number => read.flags.reduce((n, f) => n + ((f & flag) !== 0 ? 1 : 0), 0);
  assert.ok(count(TRAD_FLAG) > 2000 && count(SIMP_FLAG) > 2000, 'the tables are not empty');
  assert.ok(read.otherForms.size > 0, 'astral entries are kept');
  assert.ok(data.length < 30_000, `${data.length} characters`);
});

test("simplifiedFormsOf reads TSCharacters' last entry for a character", () => {
  const last = new Map<string, string[]>();
  for (const entry of tsCharacters.split('|')) {
    const [ch, ...forms] = entry.split(' ');
    if (ch && forms.length) last.set(ch, forms);
  }
  let checked = 0;
  for (const [ch, forms] of last) {
    assert.deepEqual(simplifiedFormsOf(ch), forms, ch);
    checked++;
  }
  assert.ok(checked > 3000);
  assert.deepEqual(simplifiedFormsOf('a'), ['a'], 'no entry: the character itself');
});
