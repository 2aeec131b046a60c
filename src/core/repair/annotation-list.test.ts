import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AnnotationList, type AnnotationCandidate } from './annotation-list.ts';
import { findAnnotationCandidates } from './pinyin-annotations.ts';

const wang: AnnotationCandidate = { offset: 1, length: 6, char: '網', syllables: ['wǎng'], toned: true };
const de: AnnotationCandidate = { offset: 9, length: 8, char: '的', syllables: ['de', 'de'], toned: false };
const ji: AnnotationCandidate = { offset: 20, length: 4, char: '績', syllables: ['jī'], toned: true, toneOff: true };

test('a list gives back the candidates pushed into it, as objects', () => {
  const list = AnnotationList.of([wang, de, ji]);
  assert.equal(list.length, 3);
  assert.deepEqual(list.toArray(), [wang, de, ji]);
  assert.deepEqual(list.at(2), ji);
  assert.equal(list.toned(1), false);
  assert.equal(list.toneOff(0), false);
  assert.equal(list.toneOff(2), true);
  assert.deepEqual(list.offsets.slice(0, list.length), [1, 9, 20]);
  assert.deepEqual(list.lengths.slice(0, list.length), [6, 8, 4]);
});

test('append adds another list with its offsets moved (a text analyzed in pieces)', () => {
  const list = AnnotationList.of([wang]);
  list.append(AnnotationList.of([de, ji]), 100);
  assert.deepEqual(list.toArray(), [wang, { ...de, offset: 109 }, { ...ji, offset: 120 }]);
});

test('findAnnotationCandidates fills a list: offsets, lengths, characters and syllables as written', () => {
  const text = '網(wǎng)訊，的(de)(de)，中（ zhōng ）';
  assert.deepEqual(findAnnotationCandidates(text).toArray(), [
    { offset: 1, length: 6, char: '網', syllables: ['wǎng'], toned: true },
    { offset: 10, length: 8, char: '的', syllables: ['de', 'de'], toned: false },
    { offset: 20, length: 9, char: '中', syllables: ['zhōng'], toned: true },
  ]);
});
