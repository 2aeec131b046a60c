import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { seededRandom } from '../damage/random.ts';
import { decodeUtf8, firstInvalidByte, InvalidUtf8Error } from './utf8.ts';

const bytes = (...parts: (number | string)[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'utf8')] : [p])));

/** Asserts the input is rejected at `offset`, both by firstInvalidByte and by decodeUtf8's error. */
function assertInvalidAt(input: Uint8Array, offset: number, label: string): void {
  assert.equal(firstInvalidByte(input), offset, `${label}: firstInvalidByte`);
  assert.throws(() => decodeUtf8(input), (e: unknown) => {
    assert.ok(e instanceof InvalidUtf8Error, `${label}: error type`);
    assert.equal(e.byteOffset, offset, `${label}: byteOffset`);
    assert.equal(e.message, `invalid UTF-8 at byte ${offset}`);
    return true;
  }, label);
  // The offset really is a boundary: everything before it is valid UTF-8.
  assert.doesNotThrow(() => new TextDecoder('utf-8', { fatal: true }).decode(input.subarray(0, offset)), `${label}: prefix is valid`);
}

describe('decodeUtf8 / firstInvalidByte', () => {
  test('valid text decodes exactly and reports no invalid byte', () => {
    const text = 'ASCII, 中文（全角）, 𠀀 (U+20000), é, \u0000, 😀 and the largest scalar \u{10FFFF}';
    const b = Buffer.from(text, 'utf8');
    assert.equal(decodeUtf8(b), text);
    assert.equal(firstInvalidByte(b), b.length);
    assert.equal(decodeUtf8(new Uint8Array(0)), '');
    assert.equal(firstInvalidByte(new Uint8Array(0)), 0);
  });

  test('boundary scalars are valid: U+007F, U+0080, U+07FF, U+0800, U+D7FF, U+E000, U+FFFF, U+10000, U+10FFFF', () => {
    for (const cp of [0x7f, 0x80, 0x7ff, 0x800, 0xd7ff, 0xe000, 0xfffd, 0xffff, 0x10000, 0x10ffff]) {
      const b = Buffer.from(String.fromCodePoint(cp), 'utf8');
      assert.equal(firstInvalidByte(b), b.length, `U+${cp.toString(16)}`);
      assert.equal(decodeUtf8(b), String.fromCodePoint(cp));
    }
  });

  test('a byte order mark is kept, not swallowed', () => {
    assert.equal(decodeUtf8(bytes(0xef, 0xbb, 0xbf, 'A')), '\uFEFFA');
    assert.equal(decodeUtf8(bytes(0xef, 0xbb, 0xbf)), '\uFEFF');
    // A BOM in the middle is an ordinary character too.
    assert.equal(decodeUtf8(bytes('a', 0xef, 0xbb, 0xbf, 'b')), 'a\uFEFFb');
    // And it counts in the offsets of later errors.
    assertInvalidAt(bytes(0xef, 0xbb, 0xbf, '你', 0xff), 6, 'BOM then 你 then FF');
  });

  test('overlong encodings are rejected at their first byte', () => {
    assertInvalidAt(bytes(0xc0, 0x80), 0, 'C0 80 (overlong NUL)');
    assertInvalidAt(bytes(0xc1, 0xbf), 0, 'C1 BF (overlong U+007F)');
    assertInvalidAt(bytes('ab', 0xe0, 0x80, 0x80), 2, 'E0 80 80 (overlong NUL)');
    assertInvalidAt(bytes('ab', 0xe0, 0x9f, 0xbf), 2, 'E0 9F BF (overlong U+07FF)');
    assertInvalidAt(bytes('ab', 0xf0, 0x80, 0x80, 0x80), 2, 'F0 80 80 80 (overlong NUL)');
    assertInvalidAt(bytes('ab', 0xf0, 0x8f, 0xbf, 0xbf), 2, 'F0 8F BF BF (overlong U+FFFF)');
    assertInvalidAt(bytes(0x2f, 0xc0, 0xaf), 1, 'C0 AF (overlong "/")');
  });

  test('UTF-16 surrogates encoded in UTF-8 (CESU-8 style) are rejected', () => {
    assertInvalidAt(bytes(0xed, 0xa0, 0x80), 0, 'ED A0 80 (U+D800)');
    assertInvalidAt(bytes('x', 0xed, 0xbf, 0xbf), 1, 'ED BF BF (U+DFFF)');
    // 😀 as a CESU-8 surrogate pair.
    assertInvalidAt(bytes('中', 0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80), 3, 'surrogate pair of U+1F600');
    // Just outside the surrogate range is fine.
    assert.equal(decodeUtf8(bytes(0xed, 0x9f, 0xbf)), '\uD7FF');
    assert.equal(decodeUtf8(bytes(0xee, 0x80, 0x80)), '\uE000');
  });

  test('sequences truncated at the end of the input are rejected at their lead byte', () => {
    const zh = Buffer.from('中', 'utf8'); // E4 B8 AD
    assertInvalidAt(bytes('ab', zh[0]!, zh[1]!), 2, 'E4 B8 at the end');
    assertInvalidAt(bytes('ab', zh[0]!), 2, 'E4 at the end');
    assertInvalidAt(bytes('é'.repeat(3), 0xc3), 6, 'C3 at the end');
    assertInvalidAt(bytes(0xf0, 0x9f, 0x98), 0, 'F0 9F 98 at the end');
    // ...and in the middle, cut by an ASCII byte.
    assertInvalidAt(bytes('中', zh[0]!, zh[1]!, 'x', '中'), 3, 'E4 B8 then x');
  });

  test('lone continuation bytes, bytes above F4, and scalars above U+10FFFF are rejected', () => {
    assertInvalidAt(bytes(0x80), 0, 'lone 80');
    assertInvalidAt(bytes('中', 0xbf), 3, 'lone BF after 中');
    for (const b of [0xf5, 0xf7, 0xf8, 0xfb, 0xfc, 0xfd, 0xfe, 0xff]) {
      assertInvalidAt(bytes('ok', b, 0x80, 0x80, 0x80), 2, `lead ${b.toString(16)}`);
    }
    assertInvalidAt(bytes(0xf4, 0x90, 0x80, 0x80), 0, 'F4 90 80 80 (U+110000)');
    assert.equal(decodeUtf8(bytes(0xf4, 0x8f, 0xbf, 0xbf)), '\u{10FFFF}');
  });

  test('the offset counts bytes, not characters', () => {
    // 3 Han characters = 9 bytes, then a 4-byte emoji = 13, then the bad byte.
    assertInvalidAt(bytes('网络区', '😀', 0xff, 'tail'), 13, 'after CJK and emoji');
    // The first of two errors wins.
    assertInvalidAt(bytes('a', 0x80, 'b', 0xff), 1, 'two errors');
  });

  test('agrees with TextDecoder (fatal) on 20,000 seeded random byte arrays', () => {
    const random = seededRandom(20240611);
    const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    const lenient = new TextDecoder('utf-8', { ignoreBOM: true });
    // Interesting bytes are over-represented so that errors land everywhere.
    const special = [0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff, 0xbb];
    const valid = ['a', 'é', '中', '😀', '\uFEFF', '\uFFFD', '\u{10FFFF}', '\uD7FF'].map((s) => [...Buffer.from(s, 'utf8')]);
    let invalid = 0;
    for (let n = 0; n < 20000; n++) {
      const out: number[] = [];
      const len = Math.floor(random() * 12);
      for (let k = 0; k < len; k++) {
        const r = random();
        if (r < 0.45) out.push(...valid[Math.floor(random() * valid.length)]!);
        else if (r < 0.8) out.push(special[Math.floor(random() * special.length)]!);
        else out.push(Math.floor(random() * 256));
      }
      const input = Uint8Array.from(out);
      const hex = Buffer.from(input).toString('hex');
      let expected: string | undefined;
      try { expected = fatal.decode(input); } catch { expected = undefined; }
      const offset = firstInvalidByte(input);
      if (expected !== undefined) {
        assert.equal(offset, input.length, `valid ${hex}`);
        assert.equal(decodeUtf8(input), expected, `decode ${hex}`);
        continue;
      }
      invalid++;
      assert.ok(offset < input.length, `invalid ${hex} but firstInvalidByte says ${offset}`);
      assert.throws(() => decodeUtf8(input), (e: unknown) => e instanceof InvalidUtf8Error && e.byteOffset === offset, hex);
      // The prefix before the offset is valid, and the standard decoder's first
      // replacement character comes exactly there.
      const prefix = fatal.decode(input.subarray(0, offset));
      assert.ok(lenient.decode(input).startsWith(prefix + '\uFFFD'), `offset ${offset} is not where TextDecoder finds the first error in ${hex}`);
    }
    assert.ok(invalid > 5000 && invalid < 19000, `the generator should make both kinds (invalid: ${invalid})`);
  });
});
