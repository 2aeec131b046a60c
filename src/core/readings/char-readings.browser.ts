import data from 'zhengwen:readings-table';
import { readingsLookup } from './table.ts';

// The extension's charReadings (build.mjs aliases char-readings.ts to this file): the
// same answers from a table build.mjs precompiled, so the engine ships no pinyin-pro.
let lookup: ((ch: string) => readonly string[]) | undefined;

/** pinyin-pro's readings of one code point, from the precompiled table (decoded on first use). */
export function charReadings(ch: string): readonly string[] {
  return (lookup ??= readingsLookup(data))(ch);
}
