import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { readShared, skipUnlessShared } from '../../testing/shared.ts';
import { applyEdits, undoEdits } from '../edits.ts';
import { asLatin, big5AsGbk, shifted, utf8AsGbk, utf8AsLatin } from '../../damage/mojibake-damage.ts';
import { findMojibake } from './find-mojibake.ts';
import { acceptable, isHanCode } from './judgments.ts';
import { GLUED_LEAD_MIN } from './shown-as-latin.ts';
import { big5, gbk } from './tables.ts';

interface Case {
  input: string;
  expected: string;
  note: string;
}

function load(name: string): Case[] {
  return JSON.parse(readFileSync(new URL(`./cases/${name}.json`, import.meta.url), 'utf8')) as Case[];
}

function repair(input: string): string {
  return applyEdits(input, findMojibake(input).edits);
}

/** Structural checks every result must pass. */
function checkInvariants(text: string): void {
  const { edits, lostSpans } = findMojibake(text);
  let pos = 0;
  for (const e of edits) {
    assert.equal(e.kind, 'mojibake');
    assert.ok(e.offset >= pos, `edits sorted and non-overlapping at ${e.offset}`);
    assert.ok(e.length > 0, 'an edit replaces something');
    assert.equal(e.original, text.slice(e.offset, e.offset + e.length));
    assert.match(e.reason, /bytes read as|decoded one byte off/);
    pos = e.offset + e.length;
  }
  assert.ok(pos <= text.length);
  const out = applyEdits(text, edits);
  assert.equal(undoEdits(out, edits), text, 'undoing the edits gives back the input');
  let last = -1;
  for (const l of lostSpans) {
    assert.ok(l.offset >= last, 'lost spans sorted');
    assert.ok(l.offset >= 0 && l.length >= 0 && l.offset + l.length <= text.length);
    last = l.offset;
    for (const e of edits) {
      if (l.length > 0) {
        assert.ok(l.offset + l.length <= e.offset || l.offset >= e.offset + e.length, 'no edit covers a lost span');
      }
    }
  }
}

// ---------------------------------------------------------------------------
// Case files

for (const file of ['in-the-wild', 'synthetic']) {
  test(`${file} cases are repaired`, async (t) => {
    for (const c of load(file)) {
      await t.test(c.note, () => {
        assert.equal(repair(c.input), c.expected);
        checkInvariants(c.input);
      });
    }
  });
}

test('negative cases come back unchanged, with nothing reported lost', async (t) => {
  for (const c of load('negative')) {
    await t.test(c.note, () => {
      assert.equal(c.expected, c.input, 'a negative case expects its input');
      assert.deepEqual(findMojibake(c.input), { edits: [], lostSpans: [] });
    });
  }
});

test('known failures (expected to fail)', async (t) => {
  for (const c of load('known-failures')) {
    await t.test(c.note, { todo: c.note }, () => {
      assert.equal(repair(c.input), c.expected);
    });
  }
});

test('known failures still fail (move a case out of known-failures.json when it passes)', () => {
  for (const c of load('known-failures')) {
    assert.notEqual(repair(c.input), c.expected, `now repaired: ${c.note}`);
    checkInvariants(c.input);
  }
});

// ---------------------------------------------------------------------------
// Lost characters

test('a ? standing for a character is reported lost, not edited: [摘?要]', () => {
  assert.deepEqual(findMojibake('[摘?要]'), { edits: [], lostSpans: [{ offset: 2, length: 1 }] });
});

test('a run of ? ? ? next to Chinese is one lost span', () => {
  assert.deepEqual(findMojibake('記者 ? ? ? 報道').lostSpans, [{ offset: 3, length: 5 }]);
});

test('U+FFFD is always a lost character', () => {
  assert.deepEqual(findMojibake('国务院\ufffd\ufffd会议').lostSpans, [{ offset: 3, length: 2 }]);
});

test('one byte off: the ? that ate a lead byte stays and is reported lost', () => {
  const r = findMojibake('??茖W');
  assert.deepEqual(r.lostSpans, [{ offset: 0, length: 1 }]);
  assert.equal(applyEdits('??茖W', r.edits), '?科學');
  assert.match(r.edits[0]!.reason, /^GBK text decoded one byte off, 2 characters restored/);
});

test('a character cut off at the end of a damaged run is a zero-length lost span', () => {
  const r = findMojibake('當?shù)氐');
  assert.deepEqual(r.lostSpans, [{ offset: 7, length: 0 }]);
  assert.match(r.edits[0]!.reason, /pinyin "shù" of 數/);
});

test('UTF-8 read as GBK: the character cut by an ASCII byte is lost at its U+FFFD', () => {
  const { input, expected } = utf8AsGbk('他说：“我们将继续扩大开放,欢迎投资');
  const r = findMojibake(input);
  assert.equal(applyEdits(input, r.edits), expected);
  for (const l of r.lostSpans) assert.equal(input[l.offset], '\ufffd');
});

test('question marks in real text are not lost characters', () => {
  for (const s of ['你吃饭了吗?我还没吃。', 'What? Really?', '是谁？他说?', 'https://a.cn/?q=中文']) {
    assert.deepEqual(findMojibake(s).lostSpans, [], s);
  }
});

// ---------------------------------------------------------------------------
// Paths and gates

test('a date in GBK shown as Latin-1 repairs as a cluster of short runs', () => {
  assert.equal(repair('2020Äê4ÔÂ29ÈÕ'), '2020年4月29日');
});

test('every edit names its damage path', () => {
  const reasons = [
    ['×¢ÖØÍøÂç', /^GBK bytes read as Latin-1, 4 characters restored$/],
    [asLatin('國際學術會議', gbk(), 'Windows-1252'), /^GBK bytes read as Windows-1252/],
    ['¡@¡@°ê»Ú³f¹ô', /^Big5 bytes read as Latin-1, 6 characters restored$/],
    ['銆傗€滄垜', /^UTF-8 bytes read as GBK, 3 characters restored$/],
    [big5AsGbk('國際貨幣基金組織週二發表報告', big5()), /^Big5 bytes read as GBK/],
    [utf8AsLatin('中文网站', 'Windows-1252'), /^UTF-8 bytes read as Windows-1252, 4 characters restored$/],
    ['??疾靾F', /^GBK text decoded one byte off, 3 characters restored/],
  ] as const;
  for (const [input, reason] of reasons) {
    const { edits } = findMojibake(input);
    assert.equal(edits.length, 1, input);
    assert.match(edits[0]!.reason, reason);
  }
});

test('damaged text inside clean text: only the damaged part is edited', () => {
  const input = `新华社北京电 ${asLatin('国务院常务会议', gbk(), 'Latin-1')}今天召开。`;
  const { edits } = findMojibake(input);
  assert.equal(edits.length, 1);
  assert.equal(edits[0]!.offset, 7);
  assert.equal(applyEdits(input, edits), '新华社北京电 国务院常务会议今天召开。');
});

test('tone marks inside pinyin annotations are no mojibake, and damage right next to them is still found', () => {
  // The quick exits for `nián)`, `shì)` and `wǎng`: every tone-marked vowel, in both bracket styles.
  const vowels = 'àáèéìíòóùúüǎǐǒǔǖǘǚǜēīōūńňɑɡ';
  const annotated = [...vowels].map((v) => `網(w${v}ng)會(h${v})經(${v}n)區（q${v}）`).join('，') + '。';
  assert.deepEqual(findMojibake(annotated), { edits: [], lostSpans: [] });
  const clean = '国务院常务会议';
  const gbkRead = utf8AsGbk(clean);
  for (const [damaged, expected] of [
    [asLatin(clean, gbk(), 'Latin-1'), clean],
    [utf8AsLatin(clean, 'Windows-1252'), clean],
    [gbkRead.input, gbkRead.expected],
    [big5AsGbk('國際貨幣基金組織週二發表報告', big5()), '國際貨幣基金組織週二發表報告'],
  ] as const) {
    const input = `網(wǎng)訊(xùn)${damaged}經(jīng)濟(jì)`;
    const { edits } = findMojibake(input);
    assert.equal(applyEdits(input, edits), `網(wǎng)訊(xùn)${expected}經(jīng)濟(jì)`, damaged);
  }
});

test('a lead byte from 0xAA up pairs with an ASCII letter into a Han character or nothing, in GBK and in Big5', () => {
  // What scanZone's quick exit for a tone mark glued between letters rests on.
  for (const codec of [gbk(), big5()]) {
    for (let lead = GLUED_LEAD_MIN; lead <= 0xfe; lead++) {
      for (const trail of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz') {
        const code = (lead << 8) | trail.charCodeAt(0);
        const cp = codec.decodePair(lead, trail.charCodeAt(0));
        if (!cp || codec.encodeChar(cp) !== code || !acceptable(cp)) continue;
        assert.ok(isHanCode(cp), `${codec.name} ${code.toString(16)} → U+${cp.toString(16)}`);
      }
    }
  }
  assert.ok(!isHanCode(gbk().decodePair(GLUED_LEAD_MIN - 1, 0x6f)), 'and not from 0xA9: GBK A9 6F is ﹐');
});

// ---------------------------------------------------------------------------
// Robustness

test('no throw on lone surrogates, controls and random Unicode; invariants hold', () => {
  let seed = 7;
  const rnd = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const fixed = ['\ud800', '\udc00abc', 'a\ud83d', '\ud83d\ude00\ud83d', '?\ud800?', '¡\ud800', '銆\udc00', '\u0000\u0081\u009f', '', '?', '\ufffd'];
  for (const s of fixed) checkInvariants(s);
  const ranges = [
    [0x20, 0x7f],
    [0x80, 0x100],
    [0x2000, 0x2100],
    [0x3000, 0x3100],
    [0x4e00, 0x9fff],
    [0xd800, 0xe000],
    [0xe000, 0xe800],
    [0xff00, 0x10000],
  ];
  for (let n = 0; n < 400; n++) {
    let s = '';
    const len = Math.floor(rnd() * 60);
    for (let i = 0; i < len; i++) {
      const [a, b] = ranges[Math.floor(rnd() * ranges.length)]!;
      s += String.fromCharCode(a! + Math.floor(rnd() * (b! - a!)));
    }
    checkInvariants(s);
  }
});

// ---------------------------------------------------------------------------
// Real-looking text

const SAMPLES = new URL('../../../samples/', import.meta.url);
const sampleFiles = ['news', 'learner', 'clean'].flatMap((dir) =>
  readdirSync(new URL(`${dir}/`, SAMPLES))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => `${dir}/${f}`),
);

test('the sample texts (clean news, learner pages, mixed scripts) are left alone', () => {
  for (const f of sampleFiles) {
    const text = readFileSync(new URL(f, SAMPLES), 'utf8');
    assert.deepEqual(findMojibake(text), { edits: [], lostSpans: [] }, f);
  }
});

for (const f of ['fixtures/zigong-garbled.txt', 'fixtures/zigong-clean.zh-Hans.txt', 'fixtures/zigong-clean.zh-Hant.txt']) {
  test(`${f} has no mojibake`, { skip: skipUnlessShared(f) }, () => {
    assert.deepEqual(findMojibake(readShared(f)), { edits: [], lostSpans: [] });
  });
}

test('sample news paragraphs damaged through every path come back', () => {
  const canEncode = (s: string, codec: ReturnType<typeof gbk>) => [...s].every((c) => c.charCodeAt(0) < 0x80 || codec.encodeChar(c.charCodeAt(0)) !== 0);
  const score: Record<string, [number, number]> = {};
  const check = (path: string, input: string, expected: string) => {
    const s = (score[path] ??= [0, 0]);
    s[1]++;
    if (repair(input) === expected) s[0]++;
    checkInvariants(input);
  };
  for (const f of sampleFiles.filter((f) => f.startsWith('news/'))) {
    const paragraphs = readFileSync(new URL(f, SAMPLES), 'utf8').split(/\n+/).filter((p) => p.trim().length > 10);
    for (const p of paragraphs) {
      if (canEncode(p, gbk())) {
        check('GBK→Latin-1', asLatin(p, gbk(), 'Latin-1'), p);
        check('GBK→Windows-1252', asLatin(p, gbk(), 'Windows-1252'), p);
        check('UTF-8→Windows-1252', utf8AsLatin(p, 'Windows-1252'), p);
        const u = utf8AsGbk(p);
        check('UTF-8→GBK', u.input, u.expected);
        for (let k = 1; k < [...p].length - 3; k += 17) {
          const r = shifted(p, k);
          if (r) check('GBK one byte off', r.input, r.expected);
        }
      }
      if (canEncode(p, big5())) {
        check('Big5→Latin-1', asLatin(p, big5(), 'Latin-1'), p);
        check('Big5→GBK', big5AsGbk(p, big5()), p);
      }
    }
  }
  const report = Object.entries(score).map(([k, [ok, n]]) => `${k} ${ok}/${n}`);
  // Every path must restore at least 95% of the paragraphs exactly (see known-failures.json for the misses).
  for (const [path, [ok, n]] of Object.entries(score)) {
    assert.ok(ok >= 0.95 * n, `${path}: ${ok}/${n} restored (${report.join(', ')})`);
  }
});
