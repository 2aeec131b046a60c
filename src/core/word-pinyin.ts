/**
 * Word pinyin from pinyin-pro, on text the caller converts to Simplified:
 * the extension loads this (with pinyin-pro) only for hover and ruby, and
 * hands it the engine's converter, so the engine itself shares no code with
 * it and stays one file (pinyin.ts binds the converter for everyone else).
 */
import { pinyin as pinyinPro } from 'pinyin-pro';
import { toneSyllables } from './dictionary/pinyin-format.ts';

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
export async function pinyinWords(text: string, tone: ToneStyle, simplify: Simplify, dictionary?: DictionaryReadings): Promise<PinyinWord[]> {
  const simplified = await simplify(text);
  // Conversion to Simplified is character for character here; if not, read the text as it is.
  const source = simplified.length === text.length ? simplified : text;
  const readings = pinyinPro(source, { type: 'array', toneType: TONE_TYPE[tone] });
  const numbered = pinyinPro(source, { type: 'array', toneType: 'num' });
  const icu = words(source);
  // ICU's segmenter does not know every word (处长 comes out as 处 + 长): neighbouring
  // segments are joined where the dictionary has the joined word, longest first.
  const joins: string[] = [];
  icu.forEach((seg, i) => {
    if (!HAN_CHAR.test(seg.segment)) return;
    joins.push(seg.segment);
    if (seg.segment.length >= 3 && seg.segment.endsWith('地')) joins.push(seg.segment.slice(0, -1));
    let joined = seg.segment;
    for (let j = i + 1; j < icu.length && j <= i + MAX_JOIN && HAN_ONLY.test(icu[j]!.segment); j++) {
      joined += icu[j]!.segment;
      if (joined.length > 8) break;
      joins.push(joined);
    }
  });
  const known = new Map<string, string[]>();
  if (dictionary && joins.length) {
    const unique = [...new Set(joins)];
    (await dictionary(unique)).forEach((r, i) => known.set(unique[i]!, r));
  }
  const segments: { index: number; segment: string }[] = [];
  for (let i = 0; i < icu.length; i++) {
    const seg = icu[i]!;
    // ICU keeps an adverb's 地 on the word (慢慢地): where the dictionary does not know the whole,
    // the particle stands alone, so it is read de (see chooseReading).
    if (dictionary && seg.segment.length >= 3 && seg.segment.endsWith('地') && HAN_ONLY.test(seg.segment) && !(known.get(seg.segment) ?? []).length) {
      const stem = seg.segment.slice(0, -1);
      segments.push({ index: seg.index, segment: stem }, { index: seg.index + stem.length, segment: '地' });
      continue;
    }
    let take = 1;
    if (HAN_ONLY.test(seg.segment)) {
      let joined = seg.segment;
      for (let j = i + 1; j < icu.length && j <= i + MAX_JOIN && HAN_ONLY.test(icu[j]!.segment); j++) {
        joined += icu[j]!.segment;
        if ((known.get(joined) ?? []).length) take = j - i + 1;
      }
    }
    segments.push({ index: seg.index, segment: icu.slice(i, i + take).map((x) => x.segment).join('') });
    i += take - 1;
  }
  const readingsOf = (word: string): string[] => known.get(word) ?? [];
  const out: PinyinWord[] = [];
  segments.forEach((seg, k) => {
    const original = text.slice(seg.index, seg.index + seg.segment.length);
    const isHan = HAN_CHAR.test(seg.segment);
    const last = out[out.length - 1];
    if (!isHan && last && last.pinyin === '') { last.text += original; return; }
    let syllables: { text: string; tone: number }[] = [];
    if (isHan) {
      const heard = numbered.slice(seg.index, seg.index + seg.segment.length).map((x) => x.replace(/0$/, '5'));
      const chosen = chooseReading(seg.segment, readingsOf(seg.segment), heard, segments[k - 1]?.segment, source[seg.index + seg.segment.length]);
      if (chosen) {
        syllables = toneSyllables(chosen, tone === 'num' ? 'num' : 'mark').map((x) => ({ text: tone === 'none' ? stripTone(x.text) : x.text, tone: x.tone || 5 }));
      } else {
        for (let i = seg.index; i < seg.index + seg.segment.length; i++) {
          const n = /([1-5])$/.exec(numbered[i] ?? '');
          syllables.push({ text: readings[i] ?? '', tone: n ? Number(n[1]) : 5 });
        }
      }
    }
    out.push({ text: original, pinyin: joinSyllables(syllables), syllables });
  });
  return out;
}

/** The dictionary's readings of each word (CC-CEDICT numbered, "yin2 hang2"), [] where it has none. */
export type DictionaryReadings = (words: string[]) => Promise<string[][]>;

/**
 * A word's reading: the dictionary's when it has one (处长 chu4 zhang3, 事情
 * shi4 qing5); pinyin-pro only chooses among several (行 xing2/hang2) or
 * reads what the dictionary lacks. Undefined: read it with pinyin-pro.
 */
export function chooseReading(word: string, readings: readonly string[], heard: readonly string[], before: string | undefined, after: string | undefined): string | undefined {
  const chars = Array.from(word).length;
  const usable = readings.filter((r) => r.trim().split(/\s+/).length === chars);
  // 地 alone after a word of two or more characters, before more Chinese, is the adverbial particle (认真地学习).
  if (word === '地' && before && Array.from(before).length >= 2 && HAN_CHAR.test(before) && after && HAN_CHAR.test(after)) return 'de5';
  if (!usable.length) return undefined;
  if (new Set(usable.map((r) => r.toLowerCase())).size === 1) {
    // Same reading, common word and name (成 cheng2 / Cheng2): the common one unless it is only a name.
    return usable.find((r) => !/^[A-Z]/.test(r)) ?? usable[0];
  }
  const want = heard.join(' ').toLowerCase();
  const match = usable.filter((r) => r.toLowerCase() === want);
  return match.find((r) => !/^[A-Z]/.test(r)) ?? match[0] ?? usable.find((r) => !/^[A-Z]/.test(r)) ?? usable[0];
}

/** A word's syllables as one string; a proper noun's later capitals start a new part (Cháng Jiāng). */
function joinSyllables(syllables: { text: string }[]): string {
  return syllables.map((x, i) => (i > 0 && /^[A-ZĀÁǍÀĒÉĚÈŌÓǑÒ]/.test(x.text) ? ' ' : '') + x.text).join('');
}

function stripTone(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC').replace(/[1-5]$/, '');
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
const HAN_ONLY = /^\p{Script=Han}+$/u;
/** How many following segments may join one (ICU cuts 人工智能 into 人工 + 智能, 副局长 into three). */
const MAX_JOIN = 3;

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
