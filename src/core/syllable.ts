/** Parsing pinyin syllables written with tone marks, tone numbers or no tone. */

const TONE_MARKS: Record<string, [string, number]> = {
  ā: ['a', 1], á: ['a', 2], ǎ: ['a', 3], à: ['a', 4],
  ē: ['e', 1], é: ['e', 2], ě: ['e', 3], è: ['e', 4],
  ī: ['i', 1], í: ['i', 2], ǐ: ['i', 3], ì: ['i', 4],
  ō: ['o', 1], ó: ['o', 2], ǒ: ['o', 3], ò: ['o', 4],
  ū: ['u', 1], ú: ['u', 2], ǔ: ['u', 3], ù: ['u', 4],
  ǖ: ['ü', 1], ǘ: ['ü', 2], ǚ: ['ü', 3], ǜ: ['ü', 4],
  ń: ['n', 2], ň: ['n', 3], ǹ: ['n', 4], ḿ: ['m', 2],
};

/** Letters that can appear in a pinyin syllable, for building patterns. */
export const PINYIN_LETTERS = 'a-zA-ZüÜvV' + Object.keys(TONE_MARKS).join('') + Object.keys(TONE_MARKS).join('').toUpperCase();

export interface Syllable {
  /** Lower-case letters without tone, ü written as ü (v is read as ü). */
  base: string;
  /** 1–4, 5 for a written neutral tone (5 or 0), 0 when no tone is written. */
  tone: number;
}

/** Parses one written syllable; undefined when it is not syllable-shaped. */
export function parseSyllable(written: string): Syllable | undefined {
  let s = written.normalize('NFC').toLowerCase();
  let tone = 0;
  const last = s[s.length - 1];
  if (last !== undefined && last >= '0' && last <= '5') {
    // pinyin-pro's numbered style writes the neutral tone as 0; others write 5.
    tone = last === '0' ? 5 : Number(last);
    s = s.slice(0, -1);
  }
  let base = '';
  for (const ch of s) {
    const mark = TONE_MARKS[ch];
    if (mark) {
      if (tone !== 0) return undefined; // two tones in one syllable
      base += mark[0];
      tone = mark[1];
    } else if (ch === 'v') {
      base += 'ü';
    } else if ((ch >= 'a' && ch <= 'z') || ch === 'ü') {
      base += ch;
    } else {
      return undefined;
    }
  }
  if (base.length === 0 || base.length > 6) return undefined;
  return { base, tone };
}

/**
 * True when a written syllable agrees with a dictionary reading: same letters,
 * and the same tone when the written one has a tone. pinyin-pro writes the
 * neutral tone without a mark, so a reading with tone 0 is neutral.
 */
export function syllableMatches(written: Syllable, reading: Syllable): boolean {
  if (written.base !== reading.base) return false;
  if (written.tone === 0) return true;
  const readingTone = reading.tone === 0 ? 5 : reading.tone;
  return written.tone === readingTone;
}
