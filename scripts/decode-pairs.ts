/**
 * Every double-byte code of a legacy encoding as this platform's TextDecoder
 * decodes it: one character per code, at (lead − 0x81) × 191 + (trail − 0x40)
 * (the 0x7F column included, always `none`), `none` where the pair is not
 * exactly one non-ASCII BMP character. scripts/mojibake-tables.ts runs it in
 * Chromium to write data/mojibake/decode-tables.json; the e2e test runs it in
 * the browser to check that file.
 *
 * Self-contained (no imports, no outside names): it is passed to the browser
 * as source text.
 */
export function decodeAllPairs(label: string, none: string): string {
  const bytes: number[] = [];
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      // Each pair then a newline: a bad pair yields U+FFFD (and its ASCII trail, if any) but never eats the newline.
      if (trail !== 0x7f) bytes.push(lead, trail, 0x0a);
    }
  }
  const pieces = new TextDecoder(label).decode(new Uint8Array(bytes)).split('\n');
  let out = '';
  let k = 0;
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) {
        out += none;
        continue;
      }
      const piece = pieces[k++]!;
      const c = piece.charCodeAt(0);
      out += piece.length === 1 && c >= 0x80 && c !== 0xfffd ? piece : none;
    }
  }
  return out;
}

/** Stands for "no character" in the tables (a decoder's own replacement character, never a real decoding). */
export const NO_CHAR = '\ufffd';
