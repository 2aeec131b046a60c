/**
 * Word pinyin from pinyin-pro, on text the caller converts to Simplified:
 * the extension loads this (with pinyin-pro) only for hover and ruby, and
 * hands it the engine's converter, so the engine itself shares no code with
 * it and stays one file (pinyin.ts binds the converter for everyone else).
 */
import { pinyin as pinyinPro } from 'pinyin-pro';

export type ToneStyle = 'mark' | 'num' | 'none';

/** Converts text to Simplified (the engine's convert to 'cn'). */
export type Simplify = (text: string) => Promise<string>;

/** One word of text with its pinyin ('' and no syllables for text that is not Chinese). */
export interface PinyinWord {
  text: string;
  pinyin: string;
  /** One per character, with its tone (1–4, 5 neutral). */
  syllables: { text: string; tone: number }[];
}

const TONE_TYPE = { mark: 'symbol', num: 'num', none: 'none' } as const;

let segmenter: Intl.Segmenter | undefined;

/** Word segments of Chinese text (ICU's dictionary segmenter). */
function words(text: string): Intl.SegmentData[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return [...segmenter.segment(text)];
}

/**
 * Word-level pinyin. pinyin-pro reads Simplified text best (NOTES §2: raw
 * Traditional got 30 of 1,258 readings wrong), so Traditional text is read
 * through its Simplified conversion, and the words are cut back out of the
 * original text.
 */
export async function pinyinWords(text: string, tone: ToneStyle, simplify: Simplify): Promise<PinyinWord[]> {
  const simplified = await simplify(text);
  // Conversion to Simplified is character for character here; if not, read the text as it is.
  const source = simplified.length === text.length ? simplified : text;
  const readings = pinyinPro(source, { type: 'array', toneType: TONE_TYPE[tone] });
  const numbered = pinyinPro(source, { type: 'array', toneType: 'num' });
  const out: PinyinWord[] = [];
  for (const seg of words(source)) {
    const original = text.slice(seg.index, seg.index + seg.segment.length);
    const isHan = HAN_CHAR.test(seg.segment);
    const last = out[out.length - 1];
    if (!isHan && last && last.pinyin === '') { last.text += original; continue; }
    const syllables: { text: string; tone: number }[] = [];
    if (isHan) {
      for (let i = seg.index; i < seg.index + seg.segment.length; i++) {
        const n = /([1-5])$/.exec(numbered[i] ?? '');
        syllables.push({ text: readings[i] ?? '', tone: n ? Number(n[1]) : 5 });
      }
    }
    out.push({ text: original, pinyin: syllables.map((x) => x.text).join(''), syllables });
  }
  return out;
}

/** Pinyin of each character, as pinyin-pro gives it in context (for popovers and ruby). */
export function syllablesOf(simplified: string, tone: ToneStyle = 'mark'): string[] {
  return pinyinPro(simplified, { type: 'array', toneType: TONE_TYPE[tone] });
}

/** A word under an offset, with one syllable per character and its tone (1–4, 5 neutral). */
export interface WordPinyin {
  start: number;
  end: number;
  word: string;
  syllables: { text: string; tone: number }[];
}

const HAN_CHAR = /\p{Script=Han}/u;

/**
 * The word around an offset and its pinyin, read in context (调整 tiáozhěng,
 * 银行 yínháng): the Han run around the offset is converted to Simplified,
 * cut into words by the platform's dictionary word segmenter (ICU, through
 * Intl.Segmenter; pinyin-pro's segment only groups phrases it reads
 * specially), and read as a whole by pinyin-pro.
 */
export async function wordAt(text: string, offset: number, simplify: Simplify, tone: ToneStyle = 'mark', reach = 16): Promise<WordPinyin | undefined> {
  if (!HAN_CHAR.test(text[offset] ?? '')) return undefined;
  let start = offset;
  let end = offset + 1;
  while (start > 0 && offset - start < reach && HAN_CHAR.test(text[start - 1]!)) start--;
  while (end < text.length && end - offset < reach && HAN_CHAR.test(text[end]!)) end++;
  const run = text.slice(start, end);
  const converted = await simplify(run);
  const simplified = converted.length === run.length ? converted : run;
  const shown = pinyinPro(simplified, { type: 'array', toneType: TONE_TYPE[tone] });
  const numbered = pinyinPro(simplified, { type: 'array', toneType: 'num' });
  for (const seg of words(simplified)) {
    const segStart = seg.index;
    const pos = seg.index + seg.segment.length;
    if (offset - start >= pos) continue;
    const syllables: { text: string; tone: number }[] = [];
    for (let i = segStart; i < pos; i++) {
      const n = /([1-5])$/.exec(numbered[i] ?? '');
      syllables.push({ text: shown[i] ?? '', tone: n ? Number(n[1]) : 5 });
    }
    return { start: start + segStart, end: start + pos, word: text.slice(start + segStart, start + pos), syllables };
  }
  return undefined;
}

/**
 * The numbered reading ("hang2 zhang3") pinyin-pro gives text[start, end) in
 * the context of the Han run around it: used to put the reading heard in
 * context first among a dictionary word's readings.
 */
export async function readingIn(text: string, start: number, end: number, simplify: Simplify, reach = 16): Promise<string> {
  let from = start;
  let to = end;
  while (from > 0 && start - from < reach && HAN_CHAR.test(text[from - 1]!)) from--;
  while (to < text.length && to - end < reach && HAN_CHAR.test(text[to]!)) to++;
  const run = text.slice(from, to);
  const converted = await simplify(run);
  const simplified = converted.length === run.length ? converted : run;
  const numbered = pinyinPro(simplified, { type: 'array', toneType: 'num' });
  // pinyin-pro writes the neutral tone as 0, CC-CEDICT as 5.
  return numbered.slice(start - from, end - from).map((s) => s.replace(/0$/, '5')).join(' ');
}
