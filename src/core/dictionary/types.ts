/**
 * Types of the bilingual dictionary (CC-CEDICT, compiled at build time into
 * one binary file: see format.ts). Readers of this module never see the
 * binary layout.
 */

/** A word in both scripts with its reading, e.g. a measure word or a cross-reference. */
export interface DictionaryWord {
  traditional: string;
  simplified: string;
  /** CC-CEDICT's numbered pinyin, syllables separated by spaces: "yin2 hang2"; a capital marks a proper noun. */
  pinyin: string;
}

/** One CC-CEDICT entry: a headword with one reading and its senses. */
export interface DictionaryEntry extends DictionaryWord {
  /** The senses as CC-CEDICT writes them (cross-references such as 中國|中国[Zhong1 guo2] are rendered by definition.ts). */
  definitions: string[];
  /** Measure words (CC-CEDICT's "CL:"). */
  classifiers: DictionaryWord[];
}

/** The entries of one headword found in a text. */
export interface DictionaryMatch {
  /** Length of the headword in UTF-16 code units. */
  length: number;
  entries: DictionaryEntry[];
}

/** Lookups over the compiled dictionary. Headwords match in either script. */
export interface Dictionary {
  /** Headwords starting at text[offset], longest first. */
  matchesAt(text: string, offset: number, maxLength?: number): DictionaryMatch[];
  /** Entries whose headword is exactly this word (either script). */
  lookup(word: string): DictionaryEntry[];
  /** Number of entries. */
  readonly size: number;
  /** Where the data comes from and its date (shown with the attribution). */
  readonly source: DictionarySource;
}

/** The data's origin, carried inside the compiled file. */
export interface DictionarySource {
  name: string;
  /** Date of the data, YYYY-MM-DD. */
  date: string;
  licence: string;
  url: string;
}
