import assert from 'node:assert/strict';
import { test } from 'node:test';
import { charReadings } from './char-readings.ts';

test('charReadings gives every reading of a polyphonic character, and echoes what it cannot read', () => {
  assert.deepEqual(charReadings('長'), ['cháng', 'zhǎng']);
  assert.deepEqual(charReadings('的'), ['de', 'dì', 'dí', 'dī']); // pinyin-pro's order, kept by the table
  assert.deepEqual(charReadings('a'), ['a']);
  assert.deepEqual(charReadings('㐀'), ['㐀']);
});
