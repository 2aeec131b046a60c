import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatCount } from './format-count.ts';

test('formatCount writes numbers exactly as Intl.NumberFormat en-US does', () => {
  const intl = new Intl.NumberFormat('en-US');
  const values = [-0, -1, -1234, 0.5, 1234.5678, 1e21, NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2];
  for (let n = 0; n <= 200_000; n++) values.push(n);
  for (let p = 1; p < 1e16; p *= 10) values.push(p - 1, p, p + 1, p * 7 + 3);
  for (const n of values) assert.equal(formatCount(n), intl.format(n), String(n));
});
