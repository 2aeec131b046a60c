import assert from 'node:assert/strict';
import { test } from 'node:test';
import { big5, buildClasses, classOf, COMMON, decodeClassRuns, encodeClassRuns, gbk } from './tables.ts';

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
