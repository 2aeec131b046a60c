import { charReadings } from './readings/char-readings.ts';
import { simplifiedFormsOf } from './script.ts';
import { parseSyllable, type Syllable } from './syllable.ts';

const cache = new Map<string, Syllable[]>();

/**
 * Every dictionary reading of a character and of its Simplified forms
 * (pinyin-pro with `multiple`), so 長 gives cháng and zhǎng. The extension
 * reads them from a precompiled table (readings/), not pinyin-pro itself.
 */
export function readingsOf(ch: string): Syllable[] {
  let found = cache.get(ch);
  if (found) return found;
  const seen = new Set<string>();
  found = [];
  for (const form of new Set([ch, ...simplifiedFormsOf(ch)])) {
    for (const r of charReadings(form)) {
      if (seen.has(r)) continue;
      seen.add(r);
      const parsed = parseSyllable(r);
      if (parsed) found.push(parsed);
    }
  }
  cache.set(ch, found);
  return found;
}
