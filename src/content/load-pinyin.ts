/**
 * Word pinyin for hover and ruby, loaded on first use: it brings pinyin-pro
 * (~300 KB of dictionaries to compile and build), which the repair and
 * conversion of a page never need (they read a precompiled table). The
 * chunk gets the engine's converter from here rather than importing it, so
 * the engine shares no code with it and loads as one file.
 */
import { convert } from '../core/convert.ts';
import { toneSyllables } from '../core/dictionary/pinyin-format.ts';
import { dictionaryReadings } from './dictionary-client.ts';
import type { PinyinWord, Simplify, ToneStyle, WordPinyin } from '../core/word-pinyin.ts';

export interface PinyinReader {
  /** The word under an offset and its pinyin, read in context. */
  wordAt(text: string, offset: number, tone: ToneStyle): Promise<WordPinyin | undefined>;
  /** Word-level pinyin of a text. */
  pinyinWords(text: string, tone: ToneStyle): Promise<PinyinWord[]>;
  /** The numbered reading of text[start, end) in context ("hang2 zhang3"). */
  readingIn(text: string, start: number, end: number): Promise<string>;
}

const toSimplified: Simplify = async (text) => (await convert(text, 'cn')).text;
let reader: Promise<PinyinReader> | undefined;

/** The pinyin reader if something (ruby) has already loaded it: the popover uses it then, never loads it. */
export function loadedPinyin(): Promise<PinyinReader> | undefined {
  return reader;
}

/** The pinyin reader, imported once (a chunk of its own in the extension). */
export function loadPinyin(): Promise<PinyinReader> {
  return (reader ??= import('../core/word-pinyin.ts').then((m) => ({
    wordAt: (text, offset, tone) => m.wordAt(text, offset, toSimplified, tone),
    // Readings come from the dictionary in the background; without it (extension reloading), pinyin-pro alone.
    pinyinWords: (text, tone) => m.pinyinWords(text, tone, toSimplified, {
      readings: (words) => dictionaryReadings(words).catch(() => words.map(() => [])),
      syllables: toneSyllables,
    }),
    readingIn: (text, start, end) => m.readingIn(text, start, end, toSimplified),
  })));
}
