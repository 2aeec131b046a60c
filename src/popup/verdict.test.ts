import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PageState } from '../shared/messages.ts';
import { verdictSentences, type Translate } from './verdict.ts';

/** English as the fallbacks give it, as a browser without our locale would. */
const english: Translate = (_key, fallback) => fallback;

const state = (over: Partial<PageState>): PageState => ({
  host: 'a.com', ready: true, active: true, showingOriginal: false, verdict: 'machine-converted mirror page: …', target: 'cn',
  counts: { pinyin: 0, punctuation: 0, mojibake: 0, converted: 0 }, lost: 0, changes: [], mirror: false, script: 'simplified', ...over,
});

test('a mirror page: what it was, what was removed, what was restored, in plain sentences', () => {
  const s = verdictSentences(state({ mirror: true, script: 'traditional', counts: { pinyin: 135, punctuation: 74, mojibake: 0, converted: 523 } }), english, 'en');
  assert.deepEqual(s, [
    'This page was machine-converted by a mirror site.',
    'Removed 135 inserted pinyin and 74 stray commas.',
    'Restored 523 characters to Simplified.',
  ]);
});

test('one of a kind is singular; large numbers are grouped', () => {
  const s = verdictSentences(state({ mirror: true, counts: { pinyin: 1, punctuation: 1, mojibake: 1, converted: 1409 }, lost: 1 }), english, 'en');
  assert.deepEqual(s, [
    'This page was machine-converted by a mirror site.',
    'Removed 1 inserted pinyin and 1 stray comma.',
    'Repaired 1 garbled passage.',
    'Restored 1,409 characters to Simplified.',
    'Marked 1 character lost in the damage; it cannot be recovered.',
  ]);
});

test('a genuine page converted by choice names the script; one with nothing to do says so', () => {
  assert.deepEqual(verdictSentences(state({ script: 'simplified', target: 'tw', counts: { pinyin: 0, punctuation: 0, mojibake: 0, converted: 12 } }), english, 'en'),
    ['This page is in Simplified Chinese.', 'Converted 12 characters to Traditional (Taiwan).']);
  assert.deepEqual(verdictSentences(state({ script: 'traditional', target: 'keep' }), english, 'en'),
    ['This page is in Traditional Chinese.', 'Nothing needed changing.']);
});

test('no page, switched off, showing the original: one sentence each', () => {
  assert.deepEqual(verdictSentences(undefined, english, 'en'), ['No Chinese text on this page.']);
  assert.deepEqual(verdictSentences(state({ active: false }), english, 'en'), ['Zhengwen is off on this page.']);
  assert.deepEqual(verdictSentences(state({ showingOriginal: true }), english, 'en'), ['Showing the original text.']);
});

test('the locale’s strings are used with their substitutions; the list is joined in the reader’s language', () => {
  const zh: Record<string, string> = { verdictMirror: '此页由镜像网站机器转换。', removedPinyin: '$1 处插入的拼音', removedCommas: '$1 个多余的逗号', removedSentence: '已删除$1。', restoredSimplified: '已将 $1 个字符恢复为简体。' };
  const t: Translate = (key, fallback, subs) => (zh[key] ?? fallback).replace(/\$(\d)/g, (_, i: string) => subs?.[Number(i) - 1] ?? '');
  const s = verdictSentences(state({ mirror: true, counts: { pinyin: 135, punctuation: 74, mojibake: 0, converted: 523 } }), t, 'zh-CN');
  assert.deepEqual(s, ['此页由镜像网站机器转换。', '已删除135 处插入的拼音和74 个多余的逗号。', '已将 523 个字符恢复为简体。']);
});
