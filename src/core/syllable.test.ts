import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readingsOf } from './readings.ts';
import { parseSyllable, PINYIN_LETTERS, syllableMatches, type Syllable } from './syllable.ts';

describe('parseSyllable', () => {
  const CASES: [string, Syllable | undefined, string][] = [
    // tone marks
    ['wǎng', { base: 'wang', tone: 3 }, 'third tone mark'],
    ['fā', { base: 'fa', tone: 1 }, 'first tone mark'],
    ['qū', { base: 'qu', tone: 1 }, 'u after q is written u'],
    ['huì', { base: 'hui', tone: 4 }, 'mark on the i of ui'],
    ['Chóng', { base: 'chong', tone: 2 }, 'capitalised, as in 重(Chóng)庆'],
    ['ZHǍNG', { base: 'zhang', tone: 3 }, 'upper case'],
    ['ń', { base: 'n', tone: 2 }, 'syllabic n with a mark (嗯)'],
    ['ḿ', { base: 'm', tone: 2 }, 'syllabic m with a mark (呣)'],
    ['wa\u030cng', { base: 'wang', tone: 3 }, 'decomposed mark (NFD) is read like the composed one'],
    // tone numbers
    ['wang3', { base: 'wang', tone: 3 }, 'tone number'],
    ['jing1', { base: 'jing', tone: 1 }, 'tone number 1'],
    ['men5', { base: 'men', tone: 5 }, 'neutral tone written 5'],
    ['ZHUAN3', { base: 'zhuan', tone: 3 }, 'upper case with a number'],
    // no tone
    ['de', { base: 'de', tone: 0 }, 'toneless'],
    ['guo', { base: 'guo', tone: 0 }, 'toneless'],
    ['r', { base: 'r', tone: 0 }, 'erhua 儿(r)'],
    ['zhuang', { base: 'zhuang', tone: 0 }, 'six letters, the longest syllable'],
    // ü and v
    ['lǜ', { base: 'lü', tone: 4 }, 'ü with a tone mark'],
    ['nǚ', { base: 'nü', tone: 3 }, 'ü with a tone mark'],
    ['lü', { base: 'lü', tone: 0 }, 'bare ü'],
    ['lü4', { base: 'lü', tone: 4 }, 'ü with a number'],
    ['lv4', { base: 'lü', tone: 4 }, 'v stands for ü'],
    ['lv', { base: 'lü', tone: 0 }, 'toneless v'],
    ['LV3', { base: 'lü', tone: 3 }, 'upper-case V'],
    ['lüe4', { base: 'lüe', tone: 4 }, '略 lüe'],
    // not syllable-shaped
    ['', undefined, 'empty'],
    ['2006', undefined, 'a year'],
    ['wǎng3', undefined, 'a mark and a number: two tones'],
    ['wang6', undefined, 'tone 6 is Cantonese, not pinyin'],
    ['men0', { base: 'men', tone: 5 }, 'pinyin-pro writes the neutral tone as 0'],
    ['wang12', undefined, 'two digits'],
    ['3wang', undefined, 'digit first'],
    ['zhuangg', undefined, 'seven letters'],
    ['P<0.05', undefined, 'statistics'],
    ['a-b', undefined, 'hyphen'],
    ['wang ', undefined, 'trailing space (the bracket pattern takes spaces out first)'],
    ['王', undefined, 'a Han character'],
    ['ㄨㄤˇ', undefined, 'zhuyin'],
  ];
  for (const [written, want, why] of CASES) {
    test(`${JSON.stringify(written)} → ${want ? `${want.base}${want.tone}` : 'undefined'} (${why})`, () => {
      assert.deepEqual(parseSyllable(written), want);
    });
  }

  test('every tone-marked vowel the pattern accepts parses to its base letter and a tone 1–4', () => {
    const marked = [...'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ'];
    for (const ch of marked) {
      assert.ok(PINYIN_LETTERS.includes(ch), `${ch} is in PINYIN_LETTERS`);
      const s = parseSyllable(`l${ch}`);
      assert.ok(s, `l${ch} parses`);
      assert.ok(s.tone >= 1 && s.tone <= 4);
      assert.ok(/^l[aeiouü]$/.test(s.base), `l${ch} → ${s.base}`);
    }
  });
});

describe('syllableMatches', () => {
  const s = (base: string, tone: number): Syllable => ({ base, tone });

  test('same letters and tone match', () => {
    assert.equal(syllableMatches(s('wang', 3), s('wang', 3)), true);
  });

  test('a different tone does not match', () => {
    assert.equal(syllableMatches(s('wang', 2), s('wang', 3)), false);
    assert.equal(syllableMatches(s('zhang', 3), s('chang', 2)), false);
  });

  test('different letters never match', () => {
    assert.equal(syllableMatches(s('wan', 3), s('wang', 3)), false);
    assert.equal(syllableMatches(s('lu', 4), s('lü', 4)), false);
  });

  test('a toneless written syllable matches any tone of the reading', () => {
    for (const tone of [0, 1, 2, 3, 4]) assert.equal(syllableMatches(s('de', 0), s('de', tone)), true);
  });

  test('a written neutral tone 5 matches a reading without tone (pinyin-pro writes the neutral tone unmarked)', () => {
    assert.equal(syllableMatches(s('men', 5), s('men', 0)), true);
    assert.equal(syllableMatches(s('men', 5), s('men', 2)), false);
    assert.equal(syllableMatches(s('men', 2), s('men', 0)), false);
  });

  test('v, ü and marked ü all meet the same reading', () => {
    const reading = parseSyllable('lǜ')!;
    for (const w of ['lv4', 'lü4', 'lǜ', 'lv', 'lü']) assert.equal(syllableMatches(parseSyllable(w)!, reading), true, w);
    assert.equal(syllableMatches(parseSyllable('lv3')!, reading), false);
  });
});

describe('readingsOf (the dictionary side of the match)', () => {
  const has = (ch: string, written: string): boolean => readingsOf(ch).some((r) => syllableMatches(parseSyllable(written)!, r));

  test("長 reads zhǎng as well as cháng, so the mirror's 長(zhǎng)江 is recognised", () => {
    assert.ok(has('長', 'zhǎng'));
    assert.ok(has('長', 'cháng'));
  });

  test('調 reads diào and tiáo', () => {
    assert.ok(has('調', 'diào'));
    assert.ok(has('調', 'tiao2'));
  });

  test('a Traditional character gets the readings of its Simplified form', () => {
    assert.ok(has('網', 'wǎng'));
    assert.ok(has('綠', 'lǜ'));
    assert.ok(has('們', 'men5'));
  });

  test('a wrong reading is not among them', () => {
    assert.equal(has('網', 'wàng'), false);
    assert.equal(has('區', 'qù'), false);
    assert.equal(has('鈉', 'GDP'), false);
  });

  test('readings come without duplicates', () => {
    for (const ch of ['長', '行', '調', '的', '網']) {
      const keys = readingsOf(ch).map((r) => `${r.base}${r.tone}`);
      assert.equal(new Set(keys).size, keys.length, ch);
    }
  });
});
