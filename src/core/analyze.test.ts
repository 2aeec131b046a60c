import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { damage } from '../damage/mirror-damage.ts';
import { readShared, skipUnlessShared } from '../testing/shared.ts';
import { analyze, plural } from './analyze.ts';

const SAMPLES_DIR = new URL('../../samples/', import.meta.url);
const readSample = (path: string): string => readFileSync(new URL(path, SAMPLES_DIR), 'utf8');

interface Case { name: string; input: string; to: string; expected: string; note: string }
const readCases = (file: string): Case[] => JSON.parse(readFileSync(new URL(`cases/${file}`, import.meta.url), 'utf8')) as Case[];

const SIMPLIFIED_NEWS = Array.from({ length: 12 }, (_, i) => `news/simplified-${String(i + 1).padStart(2, '0')}.txt`);

describe('script detection', () => {
  for (const path of [...SIMPLIFIED_NEWS, 'learner/simplified-vocabulary.txt', 'learner/simplified-lesson.txt', 'clean/academic-simplified.txt']) {
    test(`samples/${path} is simplified`, () => {
      assert.equal(analyze(readSample(path)).script, 'simplified');
    });
  }

  for (const path of ['news/taiwan-01.txt', 'news/taiwan-03.txt', 'news/hongkong-01.txt', 'news/hongkong-02.txt', 'learner/traditional-lesson.txt']) {
    test(`samples/${path} is traditional`, () => {
      assert.equal(analyze(readSample(path)).script, 'traditional');
    });
  }

  // Were misread as "mixed" while shared characters (台 表 出 合 …) counted as Simplified-only.
  for (const path of ['news/taiwan-02.txt', 'news/taiwan-04.txt']) {
    test(`samples/${path} is traditional`, () => {
      assert.equal(analyze(readSample(path)).script, 'traditional');
    });
  }

  test('the mixed-script notes are mixed', () => {
    assert.equal(analyze(readSample('clean/mixed-script-notes.txt')).script, 'mixed');
    assert.equal(analyze('這是繁體字，这是简体字。').script, 'mixed');
  });

  test('shared characters only: either', () => {
    assert.equal(analyze('中文').script, 'either');
    assert.equal(analyze('大山小河，人口不多。').script, 'either');
  });

  test('no Han: none', () => {
    for (const t of ['', 'Hello, world.', '서울시는 20일', '1,,2 ,、']) assert.equal(analyze(t).script, 'none', t);
  });
});

describe('verdict strings', () => {
  test('clean texts say what they are and that nothing was found', () => {
    assert.equal(analyze(readSample('news/simplified-01.txt')).verdict, 'Simplified Chinese text; no mirror damage found');
    assert.equal(analyze(readSample('news/taiwan-01.txt')).verdict, 'Traditional Chinese text; no mirror damage found');
    assert.equal(analyze(readSample('clean/mixed-script-notes.txt')).verdict, 'Chinese text in mixed scripts; no mirror damage found');
    assert.equal(analyze('中文').verdict, 'Chinese text (characters shared by both scripts); no mirror damage found');
    assert.equal(analyze('Hello, world.').verdict, 'no Chinese text; no mirror damage found');
  });

  test('the real page', { skip: skipUnlessShared('fixtures/zigong-garbled.txt') }, () => {
    const a = analyze(readShared('fixtures/zigong-garbled.txt'));
    assert.match(a.verdict, /^machine-converted mirror page: 129 pinyin insertions, 72 stray commas, \d+ Simplified leftovers$/);
    assert.equal(a.findings.annotations.length, 129);
    assert.equal(a.findings.commas.length, 72);
  });

  test('one annotation: singular', () => {
    // One annotation on a Traditional-only character is enough on a short text (a mirror headline).
    assert.equal(analyze('自貢網(wǎng)訊：兩地簽署合作協議').verdict, 'machine-converted mirror page: 1 pinyin insertion');
  });

  test('stray commas only, on a converted page', () => {
    const w24 = readCases('in-the-wild-patterns.json').find((c) => c.name.startsWith('W24 ') && c.to === 'keep')!;
    assert.equal(analyze(w24.input).verdict, 'machine-converted mirror page: 4 stray commas');
  });

  test('plural', () => {
    assert.equal(plural(1, 'stray comma'), '1 stray comma');
    assert.equal(plural(0, 'stray comma'), '0 stray commas');
    assert.equal(plural(72, 'stray comma'), '72 stray commas');
    assert.equal(plural(1234, 'pinyin insertion'), '1,234 pinyin insertions');
  });
});

describe('mirror flag', () => {
  test('true for the real page', { skip: skipUnlessShared('fixtures/zigong-garbled.txt') }, () => {
    assert.equal(analyze(readShared('fixtures/zigong-garbled.txt')).mirror, true);
  });

  // Mojibake alone does not make a page a mirror; those cases are about the mojibake pass.
  const wild = readCases('in-the-wild-patterns.json').filter((c) => c.to === 'keep' && !/bytes shown as/.test(c.name));
  for (const c of wild) {
    test(`true for ${c.name.replace(/ → keep$/, '')}`, () => {
      assert.equal(analyze(c.input).mirror, true);
    });
  }

  test('true for every Simplified news sample damaged by the generator, in every style', () => {
    for (const path of SIMPLIFIED_NEWS) {
      for (const style of ['marks', 'numbers', 'toneless-doubled'] as const) {
        assert.equal(analyze(damage(readSample(path), { seed: 11, style })).mirror, true, `${path} ${style}`);
      }
    }
  });

  for (const path of ['news/taiwan-01.txt', 'news/taiwan-02.txt', 'news/taiwan-03.txt', 'news/taiwan-04.txt', 'news/hongkong-01.txt', 'news/hongkong-02.txt',
    'learner/simplified-vocabulary.txt', 'learner/simplified-lesson.txt', 'learner/traditional-lesson.txt', 'clean/academic-simplified.txt', 'clean/mixed-script-notes.txt', ...SIMPLIFIED_NEWS]) {
    test(`false for samples/${path}`, () => {
      const a = analyze(readSample(path));
      assert.equal(a.mirror, false);
      assert.equal(a.pinyin.mirror, false);
      assert.equal(a.punctuation.damage, false);
      assert.match(a.verdict, /; no mirror damage found$/);
    });
  }

  test('false for every input in negative.json', () => {
    const mirrors = readCases('negative.json').filter((c) => analyze(c.input).mirror).map((c) => c.name);
    assert.deepEqual(mirrors, []);
  });
});

describe('the evidence behind the verdict', () => {
  test('a toneless, doubled page: toneless share and doubled runs', () => {
    const w11 = readCases('in-the-wild-patterns.json').find((c) => c.name.startsWith('W11 ') && c.to === 'keep')!;
    const p = analyze(w11.input).pinyin;
    assert.equal(p.mirror, true);
    assert.equal(p.tonelessShare, 1);
    // Counted by hand on the input: runs of two identical brackets, 的(de)(de).
    const doubledRuns = w11.input.match(/(\([a-z]+\))\1/g)!.length;
    assert.equal(p.doubled, doubledRuns);
    assert.match(p.why, /toneless/);
  });

  test('a Simplified lesson is never a mirror: mirrors annotate converted Traditional text', () => {
    const p = analyze(readSample('learner/simplified-vocabulary.txt')).pinyin;
    assert.ok(p.found > 0);
    assert.equal(p.mirror, false);
    assert.match(p.why, /not in Traditional script/);
  });

  test('a Traditional lesson annotates most characters', () => {
    const p = analyze(readSample('learner/traditional-lesson.txt')).pinyin;
    assert.ok(p.found > 50);
    assert.equal(p.mirror, false);
    assert.ok(p.density > 0.6);
    assert.match(p.why, /as in a lesson/);
  });

  test('no brackets: nothing found', () => {
    const p = analyze(readSample('news/taiwan-01.txt')).pinyin;
    assert.equal(p.found, 0);
    assert.equal(p.why, 'no bracketed pinyin after a Han character');
  });

  test('genuine brackets after Han characters are not candidates', () => {
    const a = analyze('蓋文啟(2006)指出，國內生產總值(GDP)增長率提高(P<0.05)。(1.南京大學 經濟學院)');
    assert.equal(a.pinyin.found, 0);
  });

  test('one odd comma is found but is not damage', () => {
    const a = analyze('今年以来，我市持续推进老旧小区改造，，全年计划改造小区126个。');
    assert.equal(a.punctuation.found, 1);
    assert.equal(a.punctuation.damage, false);
  });

  test('a comma after a digit or a Latin letter is not a stray comma', () => {
    assert.equal(analyze('例如“1,,2”表示第二列为空，Wang,,Chen。').punctuation.found, 0);
  });

  test('leftovers of an imperfect conversion are counted in Traditional text', () => {
    const a = analyze('會議指出，我市先后關停了一批高耗能企業，并審議通過了方案。各部門要勇于擔當。那么，如何鞏固成果？');
    assert.equal(a.leftovers, 4, '先后, 并, 勇于, 么');
  });

  test('leftovers are not counted in Simplified text', () => {
    assert.equal(analyze(readSample('news/simplified-01.txt')).leftovers, 0);
  });

  test('数十年后 and 随后 left in Traditional text are leftovers too', () => {
    assert.equal(analyze('空氣質量在數十年后重回優良水平。在隨后舉行的座談會上，兩地簽署了協議。').leftovers, 2);
  });
});


describe('mirrors that annotate part of the occurrences (issue 14)', () => {
  test('the in-the-wild page: a mirror, and the reason names the figures it rests on', () => {
    const w25 = readCases('in-the-wild-patterns.json').find((c) => c.name.startsWith('W25 ') && c.to === 'keep')!;
    const p = analyze(w25.input).pinyin;
    assert.equal(p.mirror, true);
    assert.equal(p.found, 27);
    assert.ok(p.coverage >= 0.5 && p.coverage < 0.6, `coverage ${p.coverage}`);
    assert.equal(p.why, `27 annotations, 100 % on Traditional-only characters, one fixed reading per character, at ${Math.round(p.coverage * 100)} % of their characters' occurrences, ${Math.round(p.laterShare * 100)} % at a later occurrence of their character (a lesson glosses a character where it first appears): a mirror annotating part of the occurrences`);
  });

  test('a lesson glossing Traditional-only characters where they first appear is not one, and says so', () => {
    const lesson = readCases('negative.json').find((c) => c.name.startsWith('Traditional lesson glossing eight'))!;
    const p = analyze(lesson.input).pinyin;
    assert.equal(p.mirror, false);
    assert.equal(p.laterShare, 0);
    assert.match(p.why, /^8 annotations, 100 % on Traditional-only characters, 100 % at the first occurrence of their character/);
  });

  test('a generated set: 12 samples × 10 seeds × a third, half and 60 % of the occurrences are all judged mirrors', (t) => {
    let pages = 0;
    const missed: string[] = [];
    for (const path of SIMPLIFIED_NEWS) {
      const text = readSample(path);
      for (let seed = 100; seed < 110; seed++) {
        for (const occurrenceShare of [1 / 3, 0.5, 0.6]) {
          const p = analyze(damage(text, { seed, style: seed % 2 ? 'marks' : 'numbers', occurrenceShare, commaRate: 0 })).pinyin;
          pages++;
          if (!p.mirror) missed.push(`${path} seed ${seed} share ${occurrenceShare.toFixed(2)}: ${p.why}`);
        }
      }
    }
    t.diagnostic(`${pages - missed.length} of ${pages} partial-annotation pages judged mirrors`);
    assert.deepEqual(missed, []);
  });

  test('the reasons that say no name their evidence too', () => {
    assert.match(analyze('今天學習三個生字：網(wǎng)、經(jīng)、區(qū)。').pinyin.why, /3 annotations/);
    const mixed = analyze('這是網(wǎng)，那是經(jing)，還有區(qū)、會(hui)、們(men)、說(shuō)。').pinyin;
    assert.equal(mixed.mirror, false);
    assert.match(mixed.why, /without tones and .* with/);
  });
});

describe("a mirror's fixed wrong tone (issue 14)", () => {
  test('成績(jī) goes on a mirror page, with its own reason, and the verdict counts it', async () => {
    const { repair } = await import('./repair.ts');
    const w26 = readCases('in-the-wild-patterns.json').find((c) => c.name.startsWith('W26 ') && c.to === 'keep')!;
    const r = repair(w26.input);
    assert.equal(r.text, w26.expected);
    const wrong = r.edits.filter((e) => e.original === '(jī)');
    assert.ok(wrong.length >= 3);
    for (const e of wrong) assert.match(e.reason, /fixed annotation of 績, a reading but for its tone/);
    assert.match(r.analysis.verdict, new RegExp(`and ${wrong.length} with the mirror's fixed wrong tone`));
  });

  test('not when the character also carries a valid reading on the page, nor off a mirror page', async () => {
    const { repair } = await import('./repair.ts');
    const w26 = readCases('in-the-wild-patterns.json').find((c) => c.name.startsWith('W26 ') && c.to === 'keep')!;
    // One 績 with its right reading: the page no longer has one fixed annotation of 績.
    const mixed = w26.input.replace('(jī)', '(jì)');
    assert.ok(repair(mixed).text.includes('績(jī)'));
    assert.equal(repair('學生們的成績(jī)單昨天寄出。').text, '學生們的成績(jī)單昨天寄出。');
  });
});
