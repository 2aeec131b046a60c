import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GLOSSARY_ENTRIES } from './data.ts';
import { GlossaryMatcher } from './matcher.ts';

const matcher = new GlossaryMatcher(GLOSSARY_ENTRIES);

test('a form with 台 also matches with 臺 and the other way round (Taiwan writes both)', () => {
  assert.equal(matcher.lookup('台灣民眾黨')?.english, "Taiwan People's Party");
  assert.equal(matcher.lookup('臺灣民眾黨')?.english, "Taiwan People's Party");
  assert.equal(matcher.lookup('台北市政府')?.english, 'Taipei City Government');
  assert.deepEqual(matcher.findAll('柯文哲創立台灣民眾黨，臺北市政府回應').map((m) => m.term), ['台灣民眾黨', '臺北市政府']);
});

test('Hong Kong forms are found as Hong Kong writes them', () => {
  assert.equal(matcher.lookup('衞生署')?.english, 'Department of Health');
  assert.equal(matcher.findAll('香港立法會今日開會')[0]?.entry.english, 'Legislative Council');
});
