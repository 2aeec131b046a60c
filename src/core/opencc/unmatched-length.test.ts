import assert from 'node:assert/strict';
import { test } from 'node:test';
import { unmatchedLength } from './unmatched-length.ts';

test('steps over one code point, a surrogate pair, or a lone surrogate', () => {
  assert.equal(unmatchedLength('ab', 0), 1);
  assert.equal(unmatchedLength('𠀋a', 0), 2);
  assert.equal(unmatchedLength('\ud840a', 0), 1);
});

test('steps over a whole Ideographic Description Sequence, nested ones too', () => {
  assert.equal(unmatchedLength('⿰言某x', 0), 3);
  assert.equal(unmatchedLength('⿲木木木x', 0), 4);
  assert.equal(unmatchedLength('⿰⿱口口某x', 0), 5);
  assert.equal(unmatchedLength('⿰𠀋某', 0), 4);
});

test('a sequence cut short by the end of the text is one character', () => {
  assert.equal(unmatchedLength('⿰言', 0), 1);
  // A nested operand that runs out counts as one character, as in opencc-js.
  assert.equal(unmatchedLength('⿰⿲ab', 0), 3);
});

test('a sequence longer than any real one counts as incomplete', () => {
  // 70 nested operators never close within the limit: one character, not a 140-character step.
  assert.equal(unmatchedLength('⿰'.repeat(70) + '口'.repeat(71), 0), 1);
  assert.equal(unmatchedLength('⿰'.repeat(10) + '口'.repeat(11), 0), 21);
});
