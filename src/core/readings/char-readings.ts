import { pinyin } from 'pinyin-pro';

/**
 * pinyin-pro's readings of one code point (`multiple`: every reading of a
 * polyphonic character); a character it cannot read comes back unchanged.
 * The extension build swaps in char-readings.browser.ts, which answers the
 * same from a table precompiled from this function (see table.test.ts).
 */
export function charReadings(ch: string): readonly string[] {
  return pinyin(ch, { multiple: true, type: 'array' });
}
