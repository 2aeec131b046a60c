import assert from 'node:assert/strict';
import { test } from 'node:test';
import { guessTarget } from './conversion-guess.ts';

const MIRROR = '自貢網(wǎng)訊 經(jīng)濟發展，區(qū)委書記表示';
const TAIWAN = '行政院今天表示，將加快推動都市更新和住宅建設。';

test('Auto guesses Simplified for a mirror with inline pinyin, nothing for other text', () => {
  assert.equal(guessTarget(MIRROR, 'auto'), 'cn');
  assert.equal(guessTarget(TAIWAN, 'auto'), undefined);
  assert.equal(guessTarget('經(jīng)濟 only two 網(wǎng)', 'auto'), undefined, 'fewer than three bracketed syllables');
  assert.equal(guessTarget('經（jing1）濟（ji4）網（wang3）', 'auto'), 'cn', 'full-width brackets and tone numbers');
});

test('a chosen script is the target; off and keep load nothing', () => {
  assert.equal(guessTarget(TAIWAN, 'tw'), 'tw');
  assert.equal(guessTarget(MIRROR, 'hk'), 'hk');
  assert.equal(guessTarget(MIRROR, 'keep'), undefined);
  assert.equal(guessTarget(MIRROR, 'off'), undefined);
});

test('the guess can be asked again (the pattern keeps no state between calls)', () => {
  for (let i = 0; i < 3; i++) assert.equal(guessTarget(MIRROR, 'auto'), 'cn');
});
