import { pinyin as pinyinPro, segment } from 'pinyin-pro';
import { convert } from './convert.ts';

export type ToneStyle = 'mark' | 'num' | 'none';

/** One word of text with its pinyin ('' for text that is not Chinese). */
export interface PinyinWord { text: string; pinyin: string }

const TONE_TYPE = { mark: 'symbol', num: 'num', none: 'none' } as const;

/**
 * Word-level pinyin. pinyin-pro reads Simplified text best (NOTES §2: raw
 * Traditional got 30 of 1,258 readings wrong), so Traditional text is read
 * through its Simplified conversion, and the words are cut back out of the
 * original text.
 */
export async function pinyinWords(text: string, tone: ToneStyle = 'mark'): Promise<PinyinWord[]> {
  const simplified = (await convert(text, 'cn')).text;
  // Conversion to Simplified is character for character here; if not, read the text as it is.
  const source = simplified.length === text.length ? simplified : text;
  const words: PinyinWord[] = [];
  let pos = 0;
  for (const seg of segment(source, { toneType: TONE_TYPE[tone] }) as { origin: string; result: string }[]) {
    const original = text.slice(pos, pos + seg.origin.length);
    pos += seg.origin.length;
    const isHan = /\p{Script=Han}/u.test(seg.origin);
    const last = words[words.length - 1];
    if (!isHan && last && last.pinyin === '') last.text += original;
    else words.push({ text: original, pinyin: isHan ? seg.result : '' });
  }
  return words;
}

/** Pinyin of a text as one line: words separated by spaces, other text kept. */
export async function pinyinText(text: string, tone: ToneStyle = 'mark'): Promise<string> {
  const words = await pinyinWords(text, tone);
  let line = '';
  for (const w of words) {
    // Words are separated by a space; other text keeps its own spacing.
    if (w.pinyin) line += (line && !/\s$/.test(line) && !/^[(“「《‘]$/.test(line.slice(-1)) ? ' ' : '') + w.pinyin;
    else line += w.text;
  }
  return line;
}

/** Pinyin of each character, as pinyin-pro gives it in context (for popovers and ruby). */
export function syllablesOf(simplified: string, tone: ToneStyle = 'mark'): string[] {
  return pinyinPro(simplified, { type: 'array', toneType: TONE_TYPE[tone] });
}
