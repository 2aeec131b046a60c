import assert from 'node:assert/strict';
import { test } from 'node:test';
import { yieldBriefly } from './yield.ts';

test('yieldBriefly resolves in order, after a page task queued before it', async () => {
  const order: string[] = [];
  setTimeout(() => order.push('page task'), 0);
  await new Promise((r) => setTimeout(r, 5)); // the page's timer is due
  const a = yieldBriefly().then(() => order.push('first'));
  const b = yieldBriefly().then(() => order.push('second'));
  await Promise.all([a, b]);
  assert.deepEqual(order, ['page task', 'first', 'second']);
});

test('yieldBriefly leaves nothing that keeps the process alive once it resolved', async () => {
  // The test runner would report this file as never finishing otherwise.
  for (let i = 0; i < 20; i++) await yieldBriefly();
});
