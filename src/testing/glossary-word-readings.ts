/**
 * Pinyin checks of the glossary validator: whether a term's pinyin spells it
 * syllable by syllable (every reading pinyin-pro knows for each character),
 * and whether it reads the words inside it as a word dictionary does
 * (CC-CEDICT: 行长 hángzhǎng, not xíngzhǎng).
 */
import { pinyin } from 'pinyin-pro';

/** Readings of a word in a dictionary (numbered pinyin such as "yin2 hang2"), or undefined when it is not a headword. */
export type ReadingsOf = (word: string) => readonly string[] | undefined;

const HAN = /\p{Script=Han}/u;

/** Lower-cased NFC pinyin without spaces, apostrophes (ASCII or typographic) and hyphens. */
export function normalizePinyin(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/[\s'’‘\-‐–]/gu, '');
}

/**
 * The readings a character may have: every reading pinyin-pro lists for it,
 * plus the reading pinyin-pro gives it in the context of the whole term
 * (which is how neutral tones such as 脖子 bózi are accepted), plus, given a
 * word dictionary, the neutral tone it has in a word of the term (班子
 * bānzi). Non-Han characters (digits, Latin letters) stand for themselves.
 */
function charReadings(term: string, readingsOfWord?: ReadingsOf): string[][] {
  const chars = Array.from(term);
  const inContext = pinyin(term, { type: 'array', toneSandhi: false });
  const contextual = inContext.length === chars.length ? inContext : [];
  const neutral = readingsOfWord ? neutralInWords(chars, readingsOfWord) : [];
  return chars.map((ch, i) => {
    if (!HAN.test(ch)) return [ch.toLowerCase()];
    const set = new Set<string>();
    for (const r of pinyin(ch, { multiple: true, type: 'array', toneSandhi: false })) {
      set.add(normalizePinyin(r));
    }
    const c = contextual[i];
    if (c !== undefined && c !== '') set.add(normalizePinyin(c));
    for (const n of neutral[i] ?? []) set.add(n);
    set.delete('');
    return [...set];
  });
}

/** For each character, the neutral-tone syllables the dictionary gives it in the words of two or more characters of the term. */
function neutralInWords(chars: readonly string[], readingsOfWord: ReadingsOf): Set<string>[] {
  const out = chars.map(() => new Set<string>());
  for (let i = 0; i < chars.length; i++) {
    for (let j = i + 2; j <= chars.length; j++) {
      for (const r of readingsOfWord(chars.slice(i, j).join('')) ?? []) {
        const syllables = r.trim().split(/\s+/u);
        if (syllables.length !== j - i) continue;
        syllables.forEach((syl, k) => {
          if (/^[a-zü:]+5?$/iu.test(syl) && /5$/u.test(syl)) out[i + k]!.add(numberedToMarked(syl));
        });
      }
    }
  }
  return out;
}

/**
 * Whether the pinyin spells the term syllable by syllable, trying every
 * reading of each character (backtracking, so both xi'an and xián split).
 */
export function pinyinMatches(term: string, pinyinText: string, readingsOfWord?: ReadingsOf): boolean {
  const target = normalizePinyin(pinyinText);
  const readings = charReadings(term, readingsOfWord);
  const failed = new Set<string>();
  const match = (ci: number, pos: number): boolean => {
    if (ci === readings.length) return pos === target.length;
    const key = `${ci}:${pos}`;
    if (failed.has(key)) return false;
    for (const r of readings[ci] ?? []) {
      if (target.startsWith(r, pos) && match(ci + 1, pos + r.length)) return true;
    }
    failed.add(key);
    return false;
  };
  return match(0, 0);
}

/** Explains where a pinyin string stops matching (for the problem message). */
export function pinyinMismatchDetail(term: string, pinyinText: string): string {
  const target = normalizePinyin(pinyinText);
  const readings = charReadings(term);
  const chars = Array.from(term);
  // Greedy walk to locate the first character that cannot be matched.
  let pos = 0;
  for (let i = 0; i < readings.length; i++) {
    const options = readings[i] ?? [];
    const hit = options.find((r) => target.startsWith(r, pos));
    if (hit === undefined) {
      return `at ${chars[i] ?? '?'} expected one of ${options.join('/')}, found "${target.slice(pos) || '(end)'}"`;
    }
    pos += hit.length;
  }
  return pos < target.length ? `extra text "${target.slice(pos)}"` : 'no consistent split';
}

const TONE_MARKS: Readonly<Record<string, string>> = {
  a: 'āáǎà', e: 'ēéěè', i: 'īíǐì', o: 'ōóǒò', u: 'ūúǔù', ü: 'ǖǘǚǜ',
};

/**
 * One numbered syllable ("hang2", "lu:4", "ge5", "Zhong1") in tone marks
 * ("háng", "lǜ", "ge", "zhōng"), lower-cased. The mark goes on a or e, on
 * the o of ou, else on the last vowel.
 */
export function numberedToMarked(syllable: string): string {
  const m = /^([a-zü:]+?)([1-5]?)$/iu.exec(syllable.trim());
  if (!m) return syllable.toLowerCase();
  const base = m[1]!.toLowerCase().replace(/u:|v/gu, 'ü');
  const tone = Number(m[2] || '5');
  if (tone === 5) return base;
  let at = base.search(/[ae]/u);
  if (at < 0) at = base.indexOf('ou');
  if (at < 0) {
    for (let i = base.length - 1; i >= 0; i--) {
      if ('iouü'.includes(base[i]!)) { at = i; break; }
    }
  }
  if (at < 0) return base;
  const vowel = base[at]!;
  return base.slice(0, at) + (TONE_MARKS[vowel]?.[tone - 1] ?? vowel) + base.slice(at + 1);
}

/**
 * Every way the pinyin splits into one syllable per character, using
 * pinyin-pro's readings of each character (usually one way; xi'an/xian two).
 */
function alignments(term: string, pinyinText: string, readingsOfWord: ReadingsOf, limit = 16): string[][] {
  const target = normalizePinyin(pinyinText);
  const readings = charReadings(term, readingsOfWord);
  const found: string[][] = [];
  const path: string[] = [];
  const walk = (ci: number, pos: number): void => {
    if (found.length >= limit) return;
    if (ci === readings.length) {
      if (pos === target.length) found.push([...path]);
      return;
    }
    for (const r of readings[ci] ?? []) {
      if (!target.startsWith(r, pos)) continue;
      path.push(r);
      walk(ci + 1, pos + r.length);
      path.pop();
    }
  };
  walk(0, 0);
  return found;
}

/** A syllable without its tone mark (ü keeps its dots). */
function toneless(syllable: string): string {
  return syllable.normalize('NFD').replace(/[\u0300\u0301\u0304\u030c]/gu, '').normalize('NFC');
}

/** Whether a syllable of the term fits a dictionary syllable; a neutral tone there also accepts the full tone (书记 shūjì). */
function syllableFits(found: string, dict: string): boolean {
  return found === dict || (toneless(dict) === dict && toneless(found) === dict);
}

interface WordSpan {
  start: number;
  end: number;
  word: string;
  /** The dictionary's readings, one marked syllable per character. */
  readings: string[][];
}

function spanFits(span: WordSpan, way: readonly string[]): boolean {
  const found = way.slice(span.start, span.end);
  return span.readings.some((r) => r.every((syl, k) => syllableFits(found[k]!, syl)));
}

/** Whether two spans overlap without one containing the other (人民|调解 and 民调). */
function crosses(a: WordSpan, b: WordSpan): boolean {
  return a.start < b.end && b.start < a.end && !(a.start <= b.start && b.end <= a.end) && !(b.start <= a.start && a.end <= b.end);
}

/**
 * Checks the pinyin of a term against a word dictionary: wherever the whole
 * term or a word of two or more characters inside it is a headword, the
 * term's syllables there must be one of that word's readings (tone marks
 * compared with numbered pinyin, ü = u:, case ignored; where the dictionary
 * has the neutral tone 5, the full tone is also accepted, as in formal
 * reading). A polyphone is then read as in its word (行长 hángzhǎng), not as
 * any reading of the character. A headword that straddles two words of the
 * term (民调 in 人民调解) is not held against it when a word crossing it
 * (调解) is read right. Returns a problem, or undefined.
 */
export function wordReadingProblem(
  term: string,
  pinyinText: string,
  readingsOfWord: ReadingsOf,
  exceptWords: ReadonlySet<string> = new Set(),
): string | undefined {
  const chars = Array.from(term);
  const spans: WordSpan[] = [];
  for (let i = 0; i < chars.length; i++) {
    if (!HAN.test(chars[i]!)) continue;
    for (let j = i + 2; j <= chars.length; j++) {
      if (!HAN.test(chars[j - 1]!)) break;
      const word = chars.slice(i, j).join('');
      if (exceptWords.has(word)) continue;
      const readings = (readingsOfWord(word) ?? [])
        .map((r) => r.trim().split(/\s+/u))
        .filter((syllables) => syllables.length === j - i)
        .map((syllables) => syllables.map(numberedToMarked));
      if (readings.length > 0) spans.push({ start: i, end: j, word, readings });
    }
  }
  if (spans.length === 0) return undefined;
  const ways = alignments(term, pinyinText, readingsOfWord);
  if (ways.length === 0) return undefined; // the syllable check has already reported it
  let firstBad: { span: WordSpan; found: string } | undefined;
  for (const way of ways) {
    const fitting = spans.filter((sp) => spanFits(sp, way));
    const bad = spans.find((sp) => !fitting.includes(sp) && !fitting.some((f) => crosses(f, sp)));
    if (!bad) return undefined;
    firstBad ??= { span: bad, found: way.slice(bad.start, bad.end).join('') };
  }
  const { span, found } = firstBad!;
  const expected = [...new Set(span.readings.map((r) => `"${r.join('')}"`))].join(' or ');
  return `pinyin reads ${span.word} as "${found}", but the dictionary reads the word ${expected}`;
}
