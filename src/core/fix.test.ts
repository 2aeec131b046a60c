import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { readShared, skipUnlessShared } from '../testing/shared.ts';
import { applyEdits, undoEdits, type Edit } from './edits.ts';
import { fix, FIX_TARGETS, fixText, resolveTarget, statsOf, type FixResult, type FixTarget } from './fix.ts';

const GARBLED = 'fixtures/zigong-garbled.txt';
const HANS = 'fixtures/zigong-clean.zh-Hans.txt';
const HANT = 'fixtures/zigong-clean.zh-Hant.txt';
const noFixture = skipUnlessShared(GARBLED) || skipUnlessShared(HANS) || skipUnlessShared(HANT);

const SAMPLES_DIR = new URL('../../samples/', import.meta.url);
const SAMPLE_FILES = ['news', 'learner', 'clean'].flatMap((dir) =>
  readdirSync(new URL(`${dir}/`, SAMPLES_DIR)).filter((f) => f.endsWith('.txt')).sort().map((f) => `${dir}/${f}`));

function readSample(path: string): string {
  return readFileSync(new URL(path, SAMPLES_DIR), 'utf8');
}

function firstDifference(got: string, want: string): string {
  let i = 0;
  while (i < got.length && i < want.length && got[i] === want[i]) i++;
  return `first difference at ${i}: got ${JSON.stringify(got.slice(Math.max(0, i - 12), i + 16))}, want ${JSON.stringify(want.slice(Math.max(0, i - 12), i + 16))}`;
}

function assertEditsHold(input: string, r: FixResult): void {
  let end = 0;
  for (const e of r.edits) {
    assert.ok(e.offset >= end, `edit at ${e.offset} overlaps the previous one`);
    assert.equal(input.slice(e.offset, e.offset + e.length), e.original);
    end = e.offset + e.length;
  }
  assert.equal(applyEdits(input, r.edits), r.text);
  assert.equal(undoEdits(r.text, r.edits), input);
}

/** Counted by hand, independently of the engine: characters where two same-length texts differ. */
function differingCharacters(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  assert.equal(x.length, y.length);
  let n = 0;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) n++;
  return n;
}

describe('the real page: ../shared/fixtures/zigong-garbled.txt', { skip: noFixture }, () => {
  // Read lazily: with ../shared absent the suite is skipped and nothing is read.
  const garbled = (): string => readShared(GARBLED);

  test('the fixture files agree with the figures in NOTES §1 (counted without the engine)', () => {
    const g = garbled();
    assert.equal(g.match(/[(（] ?[a-zü\u00e0-\u01dc]+ ?[)）]/gu)?.length, 129, 'bracketed lower-case syllables');
    assert.equal(g.match(/[,，](?=[,，、。.;；:：!！?？])/gu)?.length, 72, 'commas right before another mark');
    assert.equal(differingCharacters(readShared(HANS), readShared(HANT)), 481, 'characters the two clean versions write differently');
  });

  test("to 'cn' gives zigong-clean.zh-Hans.txt exactly", async () => {
    const r = await fix(garbled(), { to: 'cn' });
    const want = readShared(HANS);
    assert.equal(r.text, want, firstDifference(r.text, want));
    assert.equal(r.target, 'cn');
  });

  test("to 'keep' gives zigong-clean.zh-Hant.txt exactly", async () => {
    const r = await fix(garbled(), { to: 'keep' });
    const want = readShared(HANT);
    assert.equal(r.text, want, firstDifference(r.text, want));
    assert.equal(r.target, 'keep');
  });

  test("to 'auto' restores the Simplified original (the page is a mirror)", async () => {
    const r = await fix(garbled(), { to: 'auto' });
    const want = readShared(HANS);
    assert.equal(r.text, want, firstDifference(r.text, want));
    assert.equal(r.target, 'cn');
  });

  test('with no target given, fix behaves as auto', async () => {
    const r = await fix(garbled());
    assert.equal(r.text, readShared(HANS));
  });

  test('analyze: a mirror with 129 pinyin insertions and 72 stray commas', async () => {
    const { analysis } = await fix(garbled(), { to: 'keep' });
    assert.equal(analysis.mirror, true);
    assert.equal(analysis.script, 'traditional');
    assert.equal(analysis.pinyin.mirror, true);
    assert.equal(analysis.pinyin.found, 129);
    assert.equal(analysis.pinyin.doubled, 0);
    assert.equal(analysis.pinyin.tonelessShare, 0);
    assert.equal(analysis.punctuation.found, 72);
    assert.equal(analysis.punctuation.damage, true);
    assert.match(analysis.verdict, /^machine-converted mirror page: 129 pinyin insertions, 72 stray commas(, \d+ Simplified leftovers?)?$/);
  });

  test('stats: 129 pinyin and 72 punctuation edits; cn converts the 481 characters the clean versions differ in', async () => {
    const keep = await fix(garbled(), { to: 'keep' });
    assert.deepEqual(keep.stats, { pinyin: 129, punctuation: 72, mojibake: 0, converted: 0 });
    const cn = await fix(garbled(), { to: 'cn' });
    assert.deepEqual(cn.stats, { pinyin: 129, punctuation: 72, mojibake: 0, converted: 481 });
  });

  test('every pinyin edit removes a bracketed syllable right after a Han character; every punctuation edit removes one comma', async () => {
    const g = garbled();
    const { edits } = await fix(g, { to: 'keep' });
    for (const e of edits) {
      assert.equal(e.replacement, '', `edit at ${e.offset} is a removal`);
      if (e.kind === 'pinyin') {
        assert.match(e.original, /^(?:[(（] ?[a-zü\u00e0-\u01dc]+ ?[)）])+$/u);
        assert.match(g.slice(0, e.offset), /\p{Script=Han}$/u);
        assert.match(e.reason, /^pinyin annotation \(.+\) after \p{Script=Han}$/u);
      } else {
        assert.equal(e.kind, 'punctuation');
        assert.equal(e.original, ',');
        assert.match(g[e.offset + 1]!, /[,，、。.;；:：!！?？]/u);
      }
    }
  });

  for (const to of FIX_TARGETS) {
    test(`to '${to}': edits are sorted, non-overlapping, replay, and undo gives back the input exactly`, async () => {
      const g = garbled();
      const r = await fix(g, { to });
      assertEditsHold(g, r);
      assert.equal(undoEdits(r.text, r.edits), g);
    });
  }

  for (const to of ['keep', 'cn', 'auto'] as const) {
    test(`to '${to}' is idempotent: fix(fix(x)) === fix(x)`, async () => {
      const once = await fix(garbled(), { to });
      const twice = await fix(once.text, { to });
      assert.equal(twice.text, once.text, firstDifference(twice.text, once.text));
      assert.deepEqual(twice.edits, []);
    });
  }

  test('the repaired page is no longer a mirror, and auto leaves the repaired Simplified alone', async () => {
    const once = await fix(garbled(), { to: 'cn' });
    const again = await fix(once.text, { to: 'auto' });
    assert.equal(again.analysis.mirror, false);
    assert.equal(again.analysis.script, 'simplified');
    assert.equal(again.text, once.text);
  });

  test('repair: false leaves the damage and only converts', async () => {
    const g = garbled();
    const keep = await fix(g, { to: 'keep', repair: false });
    assert.equal(keep.text, g);
    assert.deepEqual(keep.edits, []);
    const cn = await fix(g, { to: 'cn', repair: false });
    assert.match(cn.text, /^自贡网\(wǎng\)讯/u);
    assert.equal(cn.stats.pinyin, 0);
    assertEditsHold(g, cn);
  });
});

describe('idempotence on the samples', () => {
  for (const path of SAMPLE_FILES) {
    for (const to of ['keep', 'cn', 'auto'] as const) {
      test(`samples/${path} → ${to}`, async () => {
        const input = readSample(path);
        const once = await fix(input, { to });
        const twice = await fix(once.text, { to });
        assert.equal(twice.text, once.text, firstDifference(twice.text, once.text));
        assertEditsHold(input, once);
      });
    }
  }
});

/**
 * Converting twice to a Traditional target is not idempotent on these samples:
 * the second pass reads Traditional text, where the surname guard (Simplified
 * titles only) no longer protects 余 于 范 游, and 干擾 becomes 幹擾. Todo until fixed.
 */
// Samples whose Traditional conversion is not idempotent (none since Traditional text goes through t→tw).
const TRADITIONAL_TWICE_FAILS = new Set<string>([]);
const TRADITIONAL_TWICE_REASON = 'known failure: convert() on already-Traditional text undoes the surname guard (局長余建平 → 餘) and turns 干擾 into 幹擾';

async function idempotent(path: string, to: FixTarget): Promise<{ ok: boolean; message: string }> {
  const once = await fix(readSample(path), { to });
  const twice = await fix(once.text, { to });
  return { ok: twice.text === once.text, message: firstDifference(twice.text, once.text) };
}

describe('idempotence on the samples, Traditional targets', () => {
  for (const path of SAMPLE_FILES) {
    for (const to of ['tw', 'twp', 'hk'] as const) {
      const todo = TRADITIONAL_TWICE_FAILS.has(`${path} ${to}`) ? TRADITIONAL_TWICE_REASON : false;
      test(`samples/${path} → ${to}`, { todo }, async () => {
        const r = await idempotent(path, to);
        assert.ok(r.ok, r.message);
      });
    }
  }

  test('no listed idempotence failure passes silently', async () => {
    const passing: string[] = [];
    for (const key of TRADITIONAL_TWICE_FAILS) {
      const [path, to] = key.split(' ') as [string, FixTarget];
      if ((await idempotent(path, to)).ok) passing.push(key);
    }
    assert.deepEqual(passing, [], `these pass now: remove them from TRADITIONAL_TWICE_FAILS\n${passing.join('\n')}`);
  });
});

describe('text without Han characters passes through unchanged for every target', () => {
  const TEXTS: [string, string][] = [
    ['empty', ''],
    ['English', 'The State Council issued new guidelines on Tuesday (Nov. 7),, calling for faster green development.'],
    ['English with pinyin-like words in brackets', 'Chinese place names: Beijing (bei), Xi\'an (xi), Wang (wang3) and lü (lv4).'],
    ['Korean', '서울시는 20일 새로운 도서관 건설 계획을 발표했다.'],
    ['numbers and ASCII punctuation', '1,,2 ,、 ,。 (1) (2006) (P<0.05) 3.14'],
    ['full-width punctuation only', '，，、。；（）「」'],
    ['accented Latin', 'A naïve résumé from Zürich: café, façade, Zoë.'],
    ['emoji', '😀👍🇨🇳 ☀️🌳'],
    ['whitespace', ' \n\t\u3000\n'],
  ];
  for (const [label, text] of TEXTS) {
    for (const to of FIX_TARGETS) {
      test(`${label} → ${to}`, async () => {
        const r = await fix(text, { to });
        assert.equal(r.text, text);
        assert.deepEqual(r.edits, []);
        assert.deepEqual(r.stats, { pinyin: 0, punctuation: 0, mojibake: 0, converted: 0 });
        assert.equal(r.analysis.script, 'none');
        assert.equal(r.analysis.mirror, false);
      });
    }
  }
});

describe('stats match the edits', () => {
  // A mirror page written for this test: 7 annotations and 3 stray commas, counted by hand.
  const PAGE = '(記者 葉(yè)衛(wèi)東)市區(qū)兩級(jí)聯(lián)動,,推進網(wǎng)絡(luò)建設,、確保年內完成,。';
  const CLEAN_T = '(記者 葉衛東)市區兩級聯動,推進網絡建設、確保年內完成。';
  const CLEAN_S = '(记者 叶卫东)市区两级联动,推进网络建设、确保年内完成。';

  test('a hand-counted page: 7 pinyin removals, 3 comma removals', async () => {
    const keep = await fix(PAGE, { to: 'keep' });
    assert.equal(keep.text, CLEAN_T);
    assert.deepEqual(keep.stats, { pinyin: 7, punctuation: 3, mojibake: 0, converted: 0 });
    const cn = await fix(PAGE, { to: 'cn' });
    assert.equal(cn.text, CLEAN_S);
    assert.equal(cn.stats.pinyin, 7);
    assert.equal(cn.stats.punctuation, 3);
    // 葉衛東 區 兩級 聯動 網絡 建設 確保 內 完成: every character that differs between the two clean texts.
    assert.equal(cn.stats.converted, differingCharacters(CLEAN_T, CLEAN_S));
    assertEditsHold(PAGE, cn);
  });

  test('statsOf counts edits per kind and converted code points', () => {
    const edits: Edit[] = [
      { offset: 0, length: 1, original: '網', replacement: '网', kind: 'convert', reason: '' },
      { offset: 1, length: 6, original: '(wǎng)', replacement: '', kind: 'pinyin', reason: '' },
      { offset: 7, length: 1, original: ',', replacement: '', kind: 'punctuation', reason: '' },
      { offset: 8, length: 2, original: '後來', replacement: '后来', kind: 'convert', reason: '' },
      { offset: 10, length: 2, original: '𠮷x', replacement: '𠮷', kind: 'mojibake', reason: '' },
    ];
    assert.deepEqual(statsOf(edits), { pinyin: 1, punctuation: 1, mojibake: 1, converted: 3 });
    assert.deepEqual(statsOf([]), { pinyin: 0, punctuation: 0, mojibake: 0, converted: 0 });
  });

  test('on the fixture and every sample, for every target, stats agree with the edit list', async () => {
    const inputs = SAMPLE_FILES.map(readSample);
    if (!noFixture) inputs.push(readShared(GARBLED));
    for (const input of inputs) {
      for (const to of FIX_TARGETS) {
        const r = await fix(input, { to });
        const count = (k: Edit['kind']): number => r.edits.filter((e) => e.kind === k).length;
        assert.equal(r.stats.pinyin, count('pinyin'));
        assert.equal(r.stats.punctuation, count('punctuation'));
        assert.equal(r.stats.mojibake, count('mojibake'));
        // A conversion edit may span unchanged characters between changed ones: count the changed ones.
        const changed = (e: Edit): number => {
          const [a, b] = [[...e.original], [...e.replacement]];
          return a.length === b.length ? b.filter((ch, i) => ch !== a[i]).length : b.length;
        };
        const converted = r.edits.filter((e) => e.kind === 'convert').reduce((n, e) => n + changed(e), 0);
        assert.equal(r.stats.converted, converted);
      }
    }
  });
});

describe('page-level decisions passed in by the content script', () => {
  test('one block of a mirror page: its single stray comma goes only when the page is a mirror', async () => {
    const block = '座談會,,深入學習貫徹會議精神。';
    const alone = await fix(block, { to: 'keep' });
    assert.equal(alone.text, block, 'one odd comma on its own is not damage');
    const onMirror = await fix(block, { to: 'keep', mirror: { pinyin: true, punctuation: true } });
    assert.equal(onMirror.text, '座談會,深入學習貫徹會議精神。');
    assert.equal(onMirror.stats.punctuation, 1);
  });

  test('pinyin on a block of a page judged not a mirror is kept', async () => {
    const block = '網(wǎng)絡(luò)安全';
    const r = await fix(block, { to: 'keep', mirror: { pinyin: false, punctuation: false } });
    assert.equal(r.text, block);
    assert.deepEqual(r.edits, []);
  });

  test('pageIsMirror decides auto for a block that shows no damage itself', async () => {
    const block = '榮昌區委書記曹清堯出席座談會並講話。';
    assert.equal((await fix(block, { to: 'auto' })).text, block);
    assert.equal((await fix(block, { to: 'auto', pageIsMirror: true })).text, '荣昌区委书记曹清尧出席座谈会并讲话。');
    assert.equal((await fix(block, { to: 'auto', pageIsMirror: false })).text, block);
  });

  test('resolveTarget: auto follows the verdict, explicit targets are kept', () => {
    assert.equal(resolveTarget('auto', true), 'cn');
    assert.equal(resolveTarget('auto', false), 'keep');
    for (const to of ['keep', 'cn', 'tw', 'twp', 'hk'] as const) {
      assert.equal(resolveTarget(to, true), to);
      assert.equal(resolveTarget(to, false), to);
    }
  });
});

describe('fixText: fix without the edit list', () => {
  const inputs: [string, () => string][] = [
    ...SAMPLE_FILES.map((f): [string, () => string] => [f, () => readSample(f)]),
    // GBK bytes shown as Latin-1 inside mirror text: the path where repairText defers to repair.
    ['mojibake in a mirror sentence', () => '經(jīng)濟,。×¢ÖØÍøÂç的發(fā)展'],
    ['the real mirror page', () => readShared(GARBLED)],
  ];
  for (const [name, read] of inputs) {
    test(`${name}: the same text, analysis, target and lost spans for every target`, { skip: name === 'the real mirror page' && noFixture }, async () => {
      const x = read();
      for (const to of FIX_TARGETS) {
        const full = await fix(x, { to });
        const plain = await fixText(x, { to });
        assert.ok(plain.text === full.text, `${to}: ${firstDifference(plain.text, full.text)}`);
        assert.deepEqual({ ...plain, text: '' }, { analysis: full.analysis, target: full.target, lost: full.lost, text: '' }, to);
      }
    });
  }
});
