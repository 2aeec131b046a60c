/** Character classes the engine reasons about. */

const HAN = /\p{Script=Han}/u;

/** True when the string (one code point) is a Han character. */
export function isHan(ch: string): boolean {
  return HAN.test(ch);
}

/** True when the text contains at least one Han character. */
export function hasHan(text: string): boolean {
  return HAN.test(text);
}

/** Counts Han code points. */
export function countHan(text: string): number {
  let n = 0;
  for (const ch of text) if (HAN.test(ch)) n++;
  return n;
}

/** Punctuation a mirror's inserted comma can stand before (ASCII and full-width). */
export const PUNCTUATION_AFTER_STRAY_COMMA = ',，、。.;；:：!！?？';
