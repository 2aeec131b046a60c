/**
 * The vocabulary of a text: its distinct words, most frequent first, each with
 * its reading in context, its English and the first sentence it occurs in
 * (`zhengwen vocab`).
 *
 * Words are cut by the dictionary's longest match (over the glossary and
 * CC-CEDICT together, as the popover does), constrained by Intl.Segmenter's
 * boundaries: at each position the longest headword that ends on a boundary
 * ICU also sees wins, else the longest headword, else one character. Measured
 * on the five news samples (1,406 words): ICU alone gives 50 words CC-CEDICT
 * does not have (北滨, 更大, 一是 …: no English to show); plain longest match
 * gives every word an entry but cuts 年上|半年, 路标|准, 年产|值; with ICU's
 * boundaries those come out 年|上半年, 路|标准, 年|产值 (one new cut: 守|护).
 */
import type { Dictionary, DictionaryEntry } from './dictionary/types.ts';
import { renderSense } from './dictionary/definition.ts';
import { formatPinyin } from './dictionary/pinyin-format.ts';
import { orderByReading } from './dictionary/word-lookup.ts';
import type { GlossaryEntry } from './glossary/types.ts';
import { splitSentences } from './sentence.ts';

/** The glossary as vocab needs it: terms starting at an offset. */
export interface VocabGlossary {
  termsAt(text: string, offset: number): { term: string; entry: GlossaryEntry }[];
}

/** One distinct word of a text. */
export interface VocabWord {
  /** As written in the text. */
  word: string;
  simplified: string;
  traditional: string;
  /** With tone marks, read in context. */
  pinyin: string;
  count: number;
  /** The first senses, readable ("bank"), or the glossary's English; '' when neither knows the word. */
  english: string;
  /** The first sentence the word occurs in. */
  sentence: string;
  /** Where the English comes from. */
  source: 'glossary' | 'dictionary' | 'none';
}

export interface VocabOptions {
  dictionary: Pick<Dictionary, 'matchesAt' | 'lookup'>;
  glossary?: VocabGlossary;
  /**
   * Numbered readings of a sentence's characters in context, one per UTF-16
   * unit of Han text ('' elsewhere), e.g. from pinyin-pro: used only to choose
   * between a word's several dictionary readings and for words it lacks.
   */
  readSentence: (sentence: string) => Promise<string[]>;
  /** How many senses make the English (default 3). */
  senses?: number;
}

const HAN_RUN = /\p{Script=Han}+/gu;

let segmenter: Intl.Segmenter | undefined;

/** Words of one run of Han characters (see the top of this file). */
export function segmentRun(run: string, options: Pick<VocabOptions, 'dictionary' | 'glossary'>): string[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const bounds = new Set<number>([run.length]);
  for (const s of segmenter.segment(run)) bounds.add(s.index);
  const out: string[] = [];
  for (let i = 0; i < run.length;) {
    const lengths = new Set<number>();
    for (const m of options.glossary?.termsAt(run, i) ?? []) lengths.add(m.term.length);
    for (const m of options.dictionary.matchesAt(run, i)) lengths.add(m.length);
    const sorted = [...lengths].filter((l) => i + l <= run.length).sort((a, b) => b - a);
    // One character when no word starts here: a whole code point (𠀀 is two UTF-16 units).
    const length = sorted.find((l) => bounds.has(i + l)) ?? sorted[0] ?? (run.codePointAt(i)! > 0xffff ? 2 : 1);
    out.push(run.slice(i, i + length));
    i += length;
  }
  return out;
}

const norm = (p: string): string => p.toLowerCase().replace(/u:/g, 'ü').replace(/v/g, 'ü').replace(/0/g, '5').replace(/\s+/g, '');

/** An entry that only points elsewhere: "old variant of 和[he2]", "see 云溪区[…]", "used in …". */
const isReferenceOnly = (e: DictionaryEntry): boolean =>
  e.definitions.every((d) => /^((old|archaic|ancient|erhua|Japanese|Taiwan) )?variant of |^see |^used in |^\(old\) variant/i.test(d));

/**
 * The entry to show for a word: when its entries have several readings, the
 * one heard in context; among entries of that reading, a real entry before a
 * mere variant (和 "and", not its old variant 咊), and a common word before a
 * proper noun (立 lì before the surname Lì).
 */
export function chooseEntry(entries: readonly DictionaryEntry[], contextual: string | undefined): DictionaryEntry | undefined {
  if (!entries.length) return undefined;
  const readings = new Set(entries.map((e) => norm(e.pinyin)));
  const ordered = readings.size > 1 ? orderByReading(entries, contextual) : [...entries];
  const reading = norm(ordered[0]!.pinyin);
  const rank = (e: DictionaryEntry): number => (isReferenceOnly(e) ? 2 : 0) + (/^[A-Z]/.test(e.pinyin) ? 1 : 0);
  // A stable sort: CC-CEDICT's order within a rank.
  return ordered.filter((e) => norm(e.pinyin) === reading).sort((a, b) => rank(a) - rank(b))[0];
}

/** Numbered pinyin from one reading per character (['yin2', 'hang2'] → 'yin2 hang2'). */
const joinReadings = (readings: readonly string[]): string => readings.filter(Boolean).join(' ');

/** Marks from pinyin-pro's numbered readings, for words the dictionary lacks. */
function markedFromReadings(readings: readonly string[]): string {
  return formatPinyin(readings.map((r) => r.replace(/0$/, '5').replace(/v/g, 'u:').replace(/ü/g, 'u:')).join(' '), 'mark');
}

/** The distinct words of a text (already repaired and converted), most frequent first, then in order of appearance. */
export async function buildVocab(text: string, options: VocabOptions): Promise<VocabWord[]> {
  const found = new Map<string, { count: number; sentence: string; at: number }>();
  for (const sentence of splitSentences(text)) {
    for (const m of sentence.matchAll(HAN_RUN)) {
      let at = m.index;
      for (const word of segmentRun(m[0], options)) {
        const seen = found.get(word);
        if (seen) seen.count++;
        else found.set(word, { count: 1, sentence, at });
        at += word.length;
      }
    }
  }
  const senses = options.senses ?? 3;
  const readCache = new Map<string, Promise<string[]>>();
  const readingsOf = (sentence: string): Promise<string[]> => {
    let r = readCache.get(sentence);
    if (!r) readCache.set(sentence, (r = options.readSentence(sentence)));
    return r;
  };
  const out: VocabWord[] = [];
  for (const [word, { count, sentence, at }] of found) {
    const glossary = options.glossary?.termsAt(word, 0).find((t) => t.term === word)?.entry;
    if (glossary) {
      out.push({
        word, simplified: glossary.simplified, traditional: glossary.traditional, pinyin: glossary.pinyin, count,
        english: glossary.english, sentence, source: 'glossary',
      });
      continue;
    }
    const entries = options.dictionary.lookup(word);
    const needsContext = entries.length === 0 || new Set(entries.map((e) => norm(e.pinyin))).size > 1;
    const context = needsContext ? (await readingsOf(sentence)).slice(at, at + word.length) : [];
    const entry = chooseEntry(entries, needsContext ? joinReadings(context) : undefined);
    if (!entry) {
      out.push({ word, simplified: word, traditional: word, pinyin: markedFromReadings(context), count, english: '', sentence, source: 'none' });
      continue;
    }
    const script = word === entry.traditional && entry.traditional !== entry.simplified ? 'traditional' : 'simplified';
    out.push({
      word, simplified: entry.simplified, traditional: entry.traditional, pinyin: formatPinyin(entry.pinyin, 'mark'), count,
      english: entry.definitions.slice(0, senses).map((d) => renderSense(d, script)).join('; '), sentence, source: 'dictionary',
    });
  }
  // A stable sort keeps the order of appearance among equal counts.
  return out.sort((a, b) => b.count - a.count);
}
