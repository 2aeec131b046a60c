import assert from 'node:assert/strict';
import { test } from 'node:test';
import { big5, buildClasses, classOf, COMMON, CP1252_80_9F, decodeClassRuns, encodeClassRuns, gbk, latinByte } from './tables.ts';

const decoded = (codec: ReturnType<typeof gbk>, code: number): string => String.fromCharCode(codec.decodePair(code >> 8, code & 0xff));

test('GBK and Big5 read the data file as the standards lay them out', () => {
  assert.equal(decoded(gbk(), 0xb0a1), '啊', 'GB2312 level 1 starts at B0A1');
  assert.equal(decoded(gbk(), 0xd7f9), '座', 'and ends at D7F9');
  assert.equal(decoded(big5(), 0xa440), '一', 'Big5 level 1 starts at A440');
  assert.equal(gbk().encodeChar('国'.charCodeAt(0)), 0xb9fa);
  assert.equal(big5().encodeChar('國'.charCodeAt(0)), 0xb0ea);
  assert.equal(gbk().decodePair(0x81, 0x7f), 0, '0x7F is never a trail');
  assert.equal(big5().decodePair(0x81, 0x40), 0, 'browsers decode no Big5 code with lead 0x81');
});

test("browsers' decoding, not Node's: GBK A6ED is the vertical bracket U+FE18 (Node's ICU gives a private-use character)", () => {
  assert.equal(gbk().decodePair(0xa6, 0xed), 0xfe18);
});

test('Big5 prefers a standard code over its HKSCS duplicate (箸 has both)', () => {
  const code = big5().encodeChar('箸'.charCodeAt(0));
  assert.ok(code >> 8 >= 0xa1, code.toString(16));
  assert.equal(decoded(big5(), code), '箸');
});

test('the common characters are GB2312 level 1 and Big5 level 1 (3,755 and 5,401 Han characters)', () => {
  const cls = classOf();
  let gb = 0;
  for (let lead = 0xb0; lead <= 0xd7; lead++) {
    for (let trail = 0xa1; trail <= 0xfe; trail++) {
      const c = gbk().decodePair(lead, trail);
      if (c >= 0x4e00 && c <= 0x9fff) {
        gb++;
        assert.equal(cls[c], COMMON, String.fromCharCode(c));
      }
    }
  }
  assert.equal(gb, 3755);
  let b5 = 0;
  for (let lead = 0xa4; lead <= 0xc6; lead++) {
    for (let trail = 0x40; trail <= 0xfe && !(lead === 0xc6 && trail > 0x7e); trail++) {
      const c = big5().decodePair(lead, trail);
      if (c >= 0x4e00 && c <= 0x9fff) b5++;
    }
  }
  assert.equal(b5, 5401);
});

test('the class table survives its encoding for the extension (runs) unchanged', () => {
  const cls = buildClasses();
  const runs = encodeClassRuns(cls);
  assert.ok(runs.length < 20_000, `${runs.length} runs`);
  assert.deepEqual(decodeClassRuns(runs), cls);
  assert.deepEqual(classOf(), cls);
});

test('latinByte: U+0080–U+00FF and the Windows-1252 characters give their byte, every other code unit −1', () => {
  const want = new Map<number, number>();
  for (let b = 0x80; b <= 0xff; b++) want.set(b, b);
  for (let i = 0; i < 0x20; i++) if (CP1252_80_9F.charCodeAt(i) >= 0x100) want.set(CP1252_80_9F.charCodeAt(i), 0x80 + i);
  for (let c = 0; c < 0x10000; c++) assert.equal(latinByte(c), want.get(c) ?? -1, `U+${c.toString(16)}`);
});

test('encode tables: every code decodes back to its character, and each character takes its standard code (first in the table; Big5: standard rows before HKSCS)', () => {
  for (const [codec, firstLead] of [[gbk(), 0x81], [big5(), 0xa1]] as const) {
    const firstSeen = new Map<number, number>();
    const fallback = new Map<number, number>();
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        const c = codec.decodePair(lead, trail);
        if (!c) continue;
        const into = lead >= firstLead ? firstSeen : fallback;
        if (!into.has(c)) into.set(c, (lead << 8) | trail);
      }
    }
    for (const [c, code] of fallback) if (!firstSeen.has(c)) firstSeen.set(c, code);
    let checked = 0;
    for (let c = 0x80; c < 0x10000; c++) {
      const code = codec.encodeChar(c);
      if (code) assert.equal(codec.decodePair(code >> 8, code & 0xff), c, `${codec.name} U+${c.toString(16)}`);
      const want = firstSeen.get(c) ?? 0;
      // Big5's six characters that take their last code (BIG5_LAST_CODE) are checked on their own below.
      if (codec.name === 'Big5' && [0x2550, 0x255e, 0x2561, 0x256a, 0x5341, 0x5345].includes(c)) continue;
      assert.equal(code, want, `${codec.name} U+${c.toString(16)}`);
      checked++;
    }
    assert.ok(checked > 20_000);
  }
  assert.equal(big5().encodeChar(0x5341), 0xa451, '十 is A4 51, not A2 CC');
  for (const c of [0x2550, 0x255e, 0x2561, 0x256a, 0x5341, 0x5345]) {
    let last = 0;
    for (let lead = 0xa1; lead <= 0xfe; lead++) for (let trail = 0x40; trail <= 0xfe; trail++) if (big5().decodePair(lead, trail) === c) last = (lead << 8) | trail;
    assert.equal(big5().encodeChar(c), last, `Big5 U+${c.toString(16)} takes its last standard code`);
  }
});
