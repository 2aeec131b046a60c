import { charReadings } from '../src/core/readings/char-readings.ts';
import { encodeReadingsTable } from '../src/core/readings/table.ts';

const HAN = /^\p{Script=Han}$/u;

/**
 * The readings table's data, from pinyin-pro (Node side): build.mjs bundles
 * it into the extension's engine. pinyin-pro reads Han characters only and
 * echoes everything else, which table.test.ts checks over every code point.
 */
export function readingsTableData(): string {
  const entries: [string, readonly string[]][] = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp === 0xd800) cp = 0xe000; // surrogates are no characters
    const ch = String.fromCodePoint(cp);
    if (HAN.test(ch)) entries.push([ch, charReadings(ch)]);
  }
  return encodeReadingsTable(entries);
}
