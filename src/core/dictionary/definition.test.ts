import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderSense } from './definition.ts';

test('cross-references are written in the reader script with readable pinyin', () => {
  assert.equal(renderSense('abbr. for 中國|中国[Zhong1 guo2]', 'simplified'), 'abbr. for 中国 (Zhōngguó)');
  assert.equal(renderSense('abbr. for 中國|中国[Zhong1 guo2]', 'traditional'), 'abbr. for 中國 (Zhōngguó)');
  assert.equal(renderSense('variant of 它[ta1]', 'simplified'), 'variant of 它 (tā)');
  assert.equal(renderSense('(Internet slang) bye-bye (alternative for 拜拜[bai2 bai2])', 'simplified'), '(Internet slang) bye-bye (alternative for 拜拜 (báibái))');
  assert.equal(renderSense('a move in chess (Taiwan pr. [zhuo2])', 'simplified'), 'a move in chess (Taiwan pr. [zhuó])');
  assert.equal(renderSense('bank', 'simplified'), 'bank');
});

test('a bare traditional|simplified pair is written in the reader script', () => {
  assert.equal(renderSense('Chengdu 成都 and Chongqing 重慶|重庆', 'simplified'), 'Chengdu 成都 and Chongqing 重庆');
  assert.equal(renderSense('Chengdu 成都 and Chongqing 重慶|重庆', 'traditional'), 'Chengdu 成都 and Chongqing 重慶');
});
