import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sentenceAt, splitSentences } from './sentence.ts';

test('sentences end at Chinese and Western end marks and at line breaks, closing quotes kept', () => {
  assert.deepEqual(splitSentences('他说：“好。”然后走了！对吗？\n新的一行；再来 '), ['他说：“好。”', '然后走了！', '对吗？', '新的一行；', '再来']);
  assert.deepEqual(splitSentences(''), []);
});

test('the sentence around an offset', () => {
  const text = '他说：“好。”然后走了！\n  新的一行';
  assert.equal(sentenceAt(text, 0), '他说：“好。”');
  assert.equal(sentenceAt(text, text.indexOf('”')), '他说：“好。”');
  assert.equal(sentenceAt(text, text.indexOf('走')), '然后走了！');
  assert.equal(sentenceAt(text, text.indexOf('行')), '新的一行');
  assert.equal(sentenceAt(text, text.length), '');
  assert.equal(sentenceAt(text, -1), '');
});
