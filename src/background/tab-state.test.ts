import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PageState } from '../shared/messages.ts';
import { mergeFrameStates } from './tab-state.ts';

const state = (over: Partial<PageState>): PageState => ({
  host: 'news.example.cn', ready: true, active: true, showingOriginal: false, verdict: '', target: 'cn',
  counts: { pinyin: 0, punctuation: 0, mojibake: 0, converted: 0 }, lost: 0, changes: [], ...over,
});

test('no frame answered: no state', () => {
  assert.equal(mergeFrameStates(new Map()), undefined);
});

test('counts, lost characters and changes are summed over frames; the top frame gives the verdict; examples say their frame', () => {
  const merged = mergeFrameStates(new Map([
    [12, state({ counts: { pinyin: 2, punctuation: 0, mojibake: 1, converted: 5 }, lost: 1, changes: [{ kind: 'pinyin', count: 2, examples: [{ id: 1, reason: 'in the frame' }] }] })],
    [0, state({ verdict: 'mirror page', counts: { pinyin: 3, punctuation: 1, mojibake: 0, converted: 7 }, changes: [{ kind: 'pinyin', count: 3, examples: [{ id: 1, reason: 'on top' }] }] })],
  ]))!;
  assert.equal(merged.verdict, 'mirror page');
  assert.equal(merged.frames, 2);
  assert.deepEqual(merged.counts, { pinyin: 5, punctuation: 1, mojibake: 1, converted: 12 });
  assert.equal(merged.lost, 1);
  assert.deepEqual(merged.changes, [{ kind: 'pinyin', count: 5, examples: [{ id: 1, reason: 'on top', frameId: 0 }, { id: 1, reason: 'in the frame', frameId: 12 }] }]);
});

test('a tab whose top frame has no Chinese text shows its frames', () => {
  const merged = mergeFrameStates(new Map([[7, state({ verdict: 'frame verdict', counts: { pinyin: 1, punctuation: 0, mojibake: 0, converted: 0 } })]]))!;
  assert.equal(merged.verdict, 'frame verdict');
  assert.equal(merged.counts.pinyin, 1);
});
