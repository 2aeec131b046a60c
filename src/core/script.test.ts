import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import stCharacters from 'opencc-js/dict/STCharacters';
import tsCharacters from 'opencc-js/dict/TSCharacters';
import { BMP_HAN, detectScript, isSimplifiedOnly, isTraditionalOnly, simplifiedFormsOf } from './script.ts';

describe('isTraditionalOnly', () => {
  test('Traditional forms that Simplified writes differently', () => {
    for (const ch of [...'網經區發會議業產協調長葉衛東後於乾幹臺裡裏範餘髮']) assert.equal(isTraditionalOnly(ch), true, ch);
  });

  test('Simplified forms, shared characters, Japanese shinjitai and non-Han are not', () => {
    for (const ch of [...'网经区发会议的中人大山著着発図気駅aＡ，']) assert.equal(isTraditionalOnly(ch), false, ch);
  });
});

describe('isSimplifiedOnly', () => {
  test('Simplified forms of a different Traditional character', () => {
    for (const ch of [...'网经区发会议业产协调长叶卫东这们书记']) assert.equal(isSimplifiedOnly(ch), true, ch);
  });

  test('Traditional forms, characters used unchanged by both scripts and non-Han are not', () => {
    for (const ch of [...'網經區發的中人大山日本文著着a']) assert.equal(isSimplifiedOnly(ch), false, ch);
  });

  // These are the standard (and only) form in Traditional text as well.
  const SHARED = [...'表出合同面向制家席系回秋冬千局修升注'];
  test(`characters both scripts write the same are not Simplified-only: ${SHARED.join('')}`, () => {
    const wrong = SHARED.filter(isSimplifiedOnly);
    assert.deepEqual(wrong, []);
  });

});

describe('simplifiedFormsOf', () => {
  test('one Simplified form', () => {
    assert.deepEqual(simplifiedFormsOf('網'), ['网']);
    assert.deepEqual(simplifiedFormsOf('長'), ['长']);
  });

  test('several Traditional characters share one Simplified form', () => {
    assert.ok(simplifiedFormsOf('發').includes('发'));
    assert.ok(simplifiedFormsOf('髮').includes('发'));
    assert.ok(simplifiedFormsOf('乾').includes('干'));
    assert.ok(simplifiedFormsOf('幹').includes('干'));
  });

  test('a character with no entry is its own form', () => {
    assert.deepEqual(simplifiedFormsOf('的'), ['的']);
    assert.deepEqual(simplifiedFormsOf('网'), ['网']);
    assert.deepEqual(simplifiedFormsOf('a'), ['a']);
  });
});

describe('detectScript', () => {
  test('counts Han code points and script-specific characters', () => {
    assert.deepEqual(detectScript('網絡和网络'), { script: 'mixed', han: 5, traditionalOnly: 2, simplifiedOnly: 2 });
    assert.deepEqual(detectScript('中国人民'), { script: 'simplified', han: 4, traditionalOnly: 0, simplifiedOnly: 1 });
    assert.deepEqual(detectScript('中國人民'), { script: 'traditional', han: 4, traditionalOnly: 1, simplifiedOnly: 0 });
  });

  test('only shared characters: either', () => {
    assert.deepEqual(detectScript('中文'), { script: 'either', han: 2, traditionalOnly: 0, simplifiedOnly: 0 });
    assert.equal(detectScript('大山小河，人口不多。').script, 'either');
  });

  test('no Han: none', () => {
    for (const t of ['', 'English text', '서울', '123 ，。', 'かな カナ']) {
      assert.deepEqual(detectScript(t), { script: 'none', han: 0, traditionalOnly: 0, simplifiedOnly: 0 }, t);
    }
  });

  test('characters outside the BMP count once', () => {
    assert.equal(detectScript('𠮷野家').han, 3);
    assert.equal(detectScript('𠮷').script, 'either');
  });

  test('a few leftovers of the other script are tolerated (85% / 15%)', () => {
    assert.equal(detectScript('網'.repeat(17) + '网'.repeat(3)).script, 'traditional');
    assert.equal(detectScript('網'.repeat(16) + '网'.repeat(4)).script, 'mixed');
    assert.equal(detectScript('網'.repeat(3) + '网'.repeat(17)).script, 'simplified');
    assert.equal(detectScript('網'.repeat(4) + '网'.repeat(16)).script, 'mixed');
  });

  test('annotation letters and punctuation do not count', () => {
    assert.deepEqual(detectScript('網(wǎng)絡(luò)'), detectScript('網絡'));
  });
});

test('the BMP Han ranges filled in by hand are exactly \\p{Script=Han}', () => {
  const wrong: string[] = [];
  for (let cp = 0; cp < 0x10000; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const inRanges = BMP_HAN.some(([a, b]) => cp >= a && cp <= b);
    if (inRanges !== /\p{Script=Han}/u.test(String.fromCharCode(cp))) wrong.push(cp.toString(16));
  }
  assert.deepEqual(wrong, []);
});

// script.ts reads OpenCC's lists by char codes into typed arrays (for speed at page load); this is
// the plain reading of the same lists, with maps and sets, that it must agree with everywhere.
test('the character tables agree with a plain reading of OpenCC’s lists for every code point', () => {
  const SHARED_IN_PRACTICE = new Set([...'台范余于里干松布周制冲准卜谷丑千升斗只征划游郁户着']);
  const toSimplified = new Map<string, string[]>();
  const targets = new Set<string>();
  for (const pair of tsCharacters.split('|')) {
    const [trad, ...simps] = pair.split(' ');
    if (!trad || simps.length === 0) continue;
    toSimplified.set(trad, simps);
    for (const x of simps) targets.add(x);
  }
  const simplifiedOnly = new Set<string>();
  for (const pair of stCharacters.split('|')) {
    const [simp, ...trads] = pair.split(' ');
    if (simp && trads.length && !trads.includes(simp) && !SHARED_IN_PRACTICE.has(simp) && targets.has(simp)) simplifiedOnly.add(simp);
  }
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp === 0x40000) cp = 0xe0000; // planes 4–13 are unassigned
    const ch = String.fromCodePoint(cp);
    const forms = toSimplified.get(ch);
    const trad = forms !== undefined && !forms.includes(ch);
    if (isTraditionalOnly(ch) !== trad) assert.fail(`isTraditionalOnly ${ch} U+${cp.toString(16)}`);
    if (isSimplifiedOnly(ch) !== simplifiedOnly.has(ch)) assert.fail(`isSimplifiedOnly ${ch} U+${cp.toString(16)}`);
    const got = simplifiedFormsOf(ch);
    const want = forms ?? [ch];
    if (got.length !== want.length || got.some((f, i) => f !== want[i])) assert.fail(`simplifiedFormsOf ${ch} U+${cp.toString(16)}`);
    const simp = !trad && simplifiedOnly.has(ch);
    const counts = detectScript(ch);
    if (ch.length === 1 && BMP_HAN.some(([a, b]) => cp >= a && cp <= b)) {
      assert.equal(counts.traditionalOnly, trad ? 1 : 0, ch);
      assert.equal(counts.simplifiedOnly, simp ? 1 : 0, ch);
    }
  }
});
