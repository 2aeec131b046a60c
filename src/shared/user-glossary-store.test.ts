import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { UserTerm } from '../core/glossary/user-entries.ts';
import {
  isUserGlossaryChange, loadUserTerms, MAX_STORED_BYTES, parseStoredTerms, saveUserTerms, StorageFullError,
  USER_GLOSSARY_KEY, type LocalArea,
} from './user-glossary-store.ts';

/** An in-memory storage area that can be made to fail like a full one. */
function fakeArea(quotaBytes = Infinity): LocalArea & { data: Record<string, unknown>; writes: number } {
  const area = {
    data: {} as Record<string, unknown>,
    writes: 0,
    async get(key: string) { return key in area.data ? { [key]: structuredClone(area.data[key]) } : {}; },
    async set(items: Record<string, unknown>) {
      if (JSON.stringify(items).length > quotaBytes) throw new Error('QUOTA_BYTES quota exceeded');
      area.writes++;
      Object.assign(area.data, structuredClone(items));
    },
  };
  return area;
}

const term = (simplified: string, english = 'x'): UserTerm => ({ simplified, traditional: simplified, pinyin: '', english, note: '' });

test('terms are saved under one key and read back', async () => {
  const area = fakeArea();
  assert.deepEqual(await loadUserTerms(area), []);
  await saveUserTerms(area, [term('共同体', 'community'), term('改革')]);
  assert.deepEqual(Object.keys(area.data), [USER_GLOSSARY_KEY]);
  assert.deepEqual(await loadUserTerms(area), [term('共同体', 'community'), term('改革')]);
});

test('a full storage gives a clear error and leaves the old list whole', async () => {
  const area = fakeArea(400);
  await saveUserTerms(area, [term('共同体')]);
  const many = Array.from({ length: 50 }, (_, i) => term(`改革${i}`));
  await assert.rejects(saveUserTerms(area, many), (e: unknown) => e instanceof StorageFullError && /storage is full/.test((e as Error).message));
  assert.deepEqual(await loadUserTerms(area), [term('共同体')]);
  assert.equal(area.writes, 1);
});

test('a list larger than the budget is refused before writing', async () => {
  const area = fakeArea();
  const big = [{ ...term('共同体'), note: 'x'.repeat(MAX_STORED_BYTES) }];
  await assert.rejects(saveUserTerms(area, big), /too large to store/);
  assert.equal(area.writes, 0);
});

test('damaged stored values are dropped, not trusted', () => {
  assert.deepEqual(parseStoredTerms(undefined), []);
  assert.deepEqual(parseStoredTerms({ terms: 'x' }), []);
  assert.deepEqual(parseStoredTerms({ terms: [term('共同体'), { simplified: 3 }, { ...term('改革'), english: '' }, null] }), [term('共同体')]);
});

test('only local changes of our key count', () => {
  assert.equal(isUserGlossaryChange({ [USER_GLOSSARY_KEY]: {} }, 'local'), true);
  assert.equal(isUserGlossaryChange({ [USER_GLOSSARY_KEY]: {} }, 'sync'), false);
  assert.equal(isUserGlossaryChange({ other: {} }, 'local'), false);
});
