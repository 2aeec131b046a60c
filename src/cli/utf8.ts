/** Strict UTF-8 decoding that names the first bad byte, as a person needs to find it. */
import { Buffer, isUtf8 } from 'node:buffer';

export class InvalidUtf8Error extends Error {
  constructor(readonly byteOffset: number) {
    super(`invalid UTF-8 at byte ${byteOffset}`);
  }
}

/** Decodes UTF-8, keeping a BOM, or throws InvalidUtf8Error with the offset of the first bad byte. */
export function decodeUtf8(bytes: Uint8Array): string {
  // Node's isUtf8 (simdutf) checks as strictly as a fatal TextDecoder, and with toString costs a
  // fraction of TextDecoder's per-call overhead, which was most of decoding JSON Lines a line at a time.
  if (!isUtf8(bytes)) throw new InvalidUtf8Error(firstInvalidByte(bytes));
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidByte(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    let need: number;
    let min: number;
    if (c < 0x80) { i++; continue; }
    else if (c >= 0xc2 && c <= 0xdf) { need = 1; min = 0x80; }
    else if (c >= 0xe0 && c <= 0xef) { need = 2; min = 0x800; }
    else if (c >= 0xf0 && c <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    let cp = c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (d & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return b.length;
}
