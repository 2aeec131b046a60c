/**
 * Word-level pinyin (word-pinyin.ts) with the engine's own conversion to
 * Simplified: for the command line and tests; the extension binds the
 * converter itself (src/content/load-pinyin.ts).
 */
import { convert } from './convert.ts';
import * as reader from './word-pinyin.ts';
import type { DictionaryReadings, PinyinWord, Simplify, ToneStyle, WordPinyin } from './word-pinyin.ts';

export { syllablesOf } from './word-pinyin.ts';
export type { PinyinWord, ToneStyle, WordPinyin } from './word-pinyin.ts';

const toSimplified: Simplify = async (text) => (await convert(text, 'cn')).text;

/**
 * Word-level pinyin. pinyin-pro reads Simplified text best (NOTES §2: raw
 * Traditional got 30 of 1,258 readings wrong), so Traditional text is read
 * through its Simplified conversion, and the words are cut back out of the
 * original text.
 */
export function pinyinWords(text: string, tone: ToneStyle = 'mark', dictionary?: DictionaryReadings): Promise<PinyinWord[]> {
  return reader.pinyinWords(text, tone, toSimplified, dictionary);
}

/** Pinyin of a text as one line: words separated by spaces, other text kept. */
export async function pinyinText(text: string, tone: ToneStyle = 'mark', dictionary?: DictionaryReadings): Promise<string> {
  const words = await pinyinWords(text, tone, dictionary);
  let line = '';
  for (const w of words) {
    // Words are separated by a space; other text keeps its own spacing.
    if (w.pinyin) line += (line && !/\s$/.test(line) && !/^[(“「《‘]$/.test(line.slice(-1)) ? ' ' : '') + w.pinyin;
    else line += w.text;
  }
  return line;
}

/** The word under an offset and its pinyin, read in context (调整 tiáozhěng, 银行 yínháng). */
export function wordAt(text: string, offset: number, tone: ToneStyle = 'mark', reach = 16): Promise<WordPinyin | undefined> {
  return reader.wordAt(text, offset, toSimplified, tone, reach);
}
