/**
 * Damages text the way browsers and mirrors do, for tests and for
 * scripts/mojibake-cases.ts: encode with GBK or Big5, decode with the wrong decoder
 * (as browsers decode: our WHATWG tables), and say what an exact repair gives back —
 * with the loss marker (`?` or U+FFFD) in place of each lost character.
 */
import { CP1252_80_9F, gbk, type Codec } from '../core/mojibake/tables.ts';

export function encode(text: string, codec: Codec): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else {
      const code = codec.encodeChar(c);
      if (!code) throw new Error(`${codec.name} cannot encode ${ch} in ${text}`);
      out.push(code >> 8, code & 0xff);
    }
  }
  return Uint8Array.from(out);
}

export function latin1(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes);
}

// Four-byte GB18030 sequences are ranges computed the same way everywhere; only they are left to the platform.
const fourByteDecoder = new TextDecoder('gb18030');

export const decoders = {
  /**
   * GBK as browsers decode it (the WHATWG gb18030 decoder): Node's own decoder
   * (ICU) differs on 101 double-byte codes, and the damage must be what a
   * browser shows, which is what the engine's tables describe.
   */
  gbk: {
    decode(bytes: Uint8Array): string {
      let s = '';
      for (const u of gbkUnits(bytes)) {
        const b = bytes[u.start]!;
        if (!u.ok) s += '\ufffd';
        else if (u.end - u.start === 1) s += b === 0x80 ? '\u20ac' : String.fromCharCode(b);
        else if (u.end - u.start === 2) s += String.fromCharCode(gbk().decodePair(b, bytes[u.start + 1]!));
        else s += fourByteDecoder.decode(bytes.subarray(u.start, u.end));
      }
      return s;
    },
  },
  /** Windows-1252 as browsers decode it (Node 20's own decoder treats it as ISO-8859-1). */
  cp1252: {
    decode(bytes: Uint8Array): string {
      let s = '';
      for (const b of bytes) s += b >= 0x80 && b < 0xa0 ? CP1252_80_9F[b - 0x80] : String.fromCharCode(b);
      return s;
    },
  },
};

/** Full-width ASCII forms folded to ASCII, as NFKC does on some mirrors. */
export function foldFullWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** GBK or Big5 bytes shown as Latin-1 / Windows-1252. */
export function asLatin(s: string, codec: Codec, shown: 'Latin-1' | 'Windows-1252'): string {
  const bytes = encode(s, codec);
  return shown === 'Latin-1' ? latin1(bytes) : decoders.cp1252.decode(bytes);
}


// UTF-8 bytes shown as GBK. The decoder reads two bytes at a time, one for
// 0x80 (€); where a lead byte meets an ASCII byte or the end it gives U+FFFD,
// and the character those bytes belonged to is lost.
interface Unit {
  start: number;
  end: number;
  ok: boolean;
}

/** How the WHATWG GBK decoder cuts a byte string into characters and errors. */
export function gbkUnits(bytes: Uint8Array): Unit[] {
  const units: Unit[] = [];
  let pos = 0;
  while (pos < bytes.length) {
    const b = bytes[pos]!;
    if (b <= 0x80) {
      units.push({ start: pos, end: pos + 1, ok: true });
      pos++;
      continue;
    }
    const next = bytes[pos + 1];
    if (b === 0xff || next === undefined) {
      units.push({ start: pos, end: pos + 1, ok: false });
      pos++;
      continue;
    }
    if (next >= 0x30 && next <= 0x39) {
      const b3 = bytes[pos + 2];
      const b4 = bytes[pos + 3];
      const four = b3 !== undefined && b3 >= 0x81 && b3 <= 0xfe && b4 !== undefined && b4 >= 0x30 && b4 <= 0x39;
      units.push(four ? { start: pos, end: pos + 4, ok: true } : { start: pos, end: pos + 1, ok: false });
      pos += four ? 4 : 1;
      continue;
    }
    if (gbk().decodePair(b, next)) {
      units.push({ start: pos, end: pos + 2, ok: true });
      pos += 2;
    } else if (next < 0x80) {
      units.push({ start: pos, end: pos + 1, ok: false });
      pos++;
    } else {
      units.push({ start: pos, end: pos + 2, ok: false });
      pos += 2;
    }
  }
  return units;
}

export function utf8AsGbk(s: string): { input: string; expected: string } {
  const bytes = new TextEncoder().encode(s);
  const input = decoders.gbk.decode(bytes);
  const units = gbkUnits(bytes);
  let expected = '';
  let at = 0;
  for (const ch of s) {
    const end = at + new TextEncoder().encode(ch).length;
    const touching = units.filter((u) => u.start < end && u.end > at);
    if (touching.every((u) => u.ok)) expected += ch;
    else expected += '\ufffd'.repeat(touching.filter((u) => !u.ok && u.start >= at).length);
    at = end;
  }
  if (decoders.gbk.decode(bytes).split('\ufffd').length !== expected.split('\ufffd').length)
    throw new Error(`unit model disagrees with the decoder on ${s}`);
  return { input, expected };
}
/** UTF-8 bytes shown as Latin-1 / Windows-1252 (`ä¸­æ–‡` for 中文): nothing is lost. */
export function utf8AsLatin(s: string, shown: 'Latin-1' | 'Windows-1252'): string {
  const bytes = new TextEncoder().encode(s);
  return shown === 'Latin-1' ? latin1(bytes) : decoders.cp1252.decode(bytes);
}

/** Big5 bytes shown as GBK: nothing is lost (both are double-byte with the same lead range). */
export function big5AsGbk(s: string, big5Codec: Codec): string {
  return decoders.gbk.decode(encode(s, big5Codec));
}

export interface Bytes {
  bytes: number[];
  /** Byte offset where each character starts. */
  starts: number[];
  chars: string[];
}

export function gbkBytes(s: string): Bytes {
  const out: Bytes = { bytes: [], starts: [], chars: [...s] };
  for (const ch of out.chars) {
    out.starts.push(out.bytes.length);
    out.bytes.push(...encode(ch, gbk()));
  }
  return out;
}

/**
 * Walks a one-byte-off reading that starts with character k's trail byte read
 * as a lead: each trail pairs with the next character's lead, until a trail in
 * 0x40–0x7E comes out as ASCII (realigned: that character is complete) or the
 * next character is ASCII or missing (a bad pair: U+FFFD, the character lost).
 * Returns the last character of the run and whether it was lost, or undefined
 * for shapes this generator does not model.
 */
export function walkShifted(b: Bytes, k: number): { last: number; lostLast: boolean } | undefined {
  let i = k;
  for (;;) {
    const trail = b.bytes[b.starts[i]! + 1]!;
    if (trail === 0x80) return undefined; // read as € alone: a second shift
    if (trail < 0x80) return i === k ? undefined : { last: i, lostLast: false };
    const next = b.chars[i + 1];
    if (next === undefined) return i === k ? undefined : { last: i, lostLast: true };
    const n = next.charCodeAt(0);
    if (n < 0x80) {
      // An ASCII byte in 0x40–0x7E is a valid trail: the pair swallows it and
      // the stream is realigned after it; any other ASCII makes a bad pair.
      if (n >= 0x40 && n <= 0x7e) return i === k ? undefined : { last: i, lostLast: false };
      return i === k ? undefined : { last: i, lostLast: true };
    }
    i++;
  }
}

/**
 * The character at index k loses its lead byte (shown as `?`) and the decoder
 * reads on one byte off. Returns the damaged text, what an exact repair gives,
 * and the last character of the damaged run.
 */
export function shifted(s: string, k: number): { input: string; expected: string; last: number } | undefined {
  const b = gbkBytes(s);
  if (b.bytes[b.starts[k]!]! < 0x80) return undefined;
  const w = walkShifted(b, k);
  if (!w) return undefined;
  const input = b.chars.slice(0, k).join('') + '?' + decoders.gbk.decode(Uint8Array.from(b.bytes.slice(b.starts[k]! + 1)));
  const expected = [...b.chars];
  expected[k] = '?';
  if (w.lostLast) expected[w.last] = '\ufffd';
  return { input, expected: expected.join(''), last: w.last };
}

/**
 * `當?shù)氐` shape: the mirror saw the text one byte off and annotated a
 * garbage character X = [trail of char i−1, lead of char i]; the page was then
 * read aligned again, so char i's lead byte and the annotation's "(" made a bad
 * pair (`?`). The annotation pins the lead byte: nothing is lost at the start.
 */
export function annotationSplit(s: string, i: number, pinyin: string, whatwg: boolean): { input: string; expected: string } {
  const b = gbkBytes(s);
  const cut = b.starts[i]! + 1; // after char i's lead byte
  const prefix = decoders.gbk.decode(Uint8Array.from(b.bytes.slice(0, b.starts[i]!)));
  const rest = decoders.gbk.decode(Uint8Array.from(b.bytes.slice(cut)));
  const input = prefix + (whatwg ? '\ufffd(' : '?') + pinyin + ')' + rest;
  const expected = [...s];
  const w = walkShifted(b, i);
  if (w?.lostLast) expected[w.last] = '\ufffd';
  return { input, expected: expected.join('') };
}

/**
 * `當?shù)貏?chuàng)新` shape: annotationSplit at character i, and the run read one
 * byte off after it ends at character j (> i), which the mirror annotated
 * where it stood: j's trail byte and that annotation's "(" make a bad pair
 * (`?`, or U+FFFD with the "(" kept), and the text after is aligned again.
 * Expected: the text with j's annotation in place. Undefined for shapes this
 * does not model (a trail byte realigns the run before j, j's trail is ASCII).
 */
export function annotationSplitInRun(
  s: string, i: number, pinyin: string, j: number, pinyinJ: string, whatwg: boolean,
): { input: string; expected: string } | undefined {
  const b = gbkBytes(s);
  const chars = b.chars;
  if (j <= i || j >= chars.length) return undefined;
  for (let k = i - 1; k <= j; k++) if (b.bytes[b.starts[k]!]! < 0x81 || b.starts[k + 1]! - b.starts[k]! !== 2) return undefined;
  if (b.bytes[b.starts[j]! + 1]! < 0x81) return undefined;
  const mid = Uint8Array.from(b.bytes.slice(b.starts[i]! + 1, b.starts[j]! + 1));
  const garbage = decoders.gbk.decode(mid);
  // Every shifted pair must be one character GBK decodes (and encodes back).
  if (garbage.length !== j - i || garbage.includes('\ufffd')) return undefined;
  for (const g of garbage) if (gbk().encodeChar(g.charCodeAt(0)) >> 8 < 0x81) return undefined;
  const bad = whatwg ? '\ufffd(' : '?';
  const input = decoders.gbk.decode(Uint8Array.from(b.bytes.slice(0, b.starts[i]!))) + bad + pinyin + ')' + garbage + bad + pinyinJ + ')' + chars.slice(j + 1).join('');
  const expected = chars.slice(0, j + 1).join('') + '(' + pinyinJ + ')' + chars.slice(j + 1).join('');
  return { input, expected };
}
