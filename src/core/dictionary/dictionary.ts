/**
 * Lookups over the compiled dictionary (format.ts). Headwords of both scripts
 * are one sorted list, so a longest match is one binary search per candidate
 * length; records are decoded only for the entries a lookup returns.
 */
import { decodeDictionary, FIELD, ITEM, type DictionarySections } from './format.ts';
import type { Dictionary, DictionaryEntry, DictionaryMatch, DictionarySource, DictionaryWord } from './types.ts';

/** CC-CEDICT's longest headword is 19 characters; nothing useful is longer. */
const MAX_WORD = 24;

export class CompiledDictionary implements Dictionary {
  private readonly s: DictionarySections;
  private readonly decoder = new TextDecoder();
  private readonly cache = new Map<number, DictionaryEntry>();

  constructor(buffer: ArrayBuffer) {
    this.s = decodeDictionary(buffer);
  }

  get size(): number {
    return this.s.recordEnds.length;
  }

  get source(): DictionarySource {
    return this.s.source;
  }

  /** Number of distinct headwords (both scripts). */
  get keyCount(): number {
    return this.s.keyEnds.length;
  }

  matchesAt(text: string, offset: number, maxLength = MAX_WORD): DictionaryMatch[] {
    const out: DictionaryMatch[] = [];
    const limit = Math.min(maxLength, text.length - offset);
    for (let length = limit; length >= 1; length--) {
      const k = this.find(text, offset, length);
      if (k >= 0) out.push({ length, entries: this.entriesOfKey(k) });
    }
    return out;
  }

  lookup(word: string): DictionaryEntry[] {
    const k = this.find(word, 0, word.length);
    return k >= 0 ? this.entriesOfKey(k) : [];
  }

  /** Every entry, in source order (for tests that compare with the source). */
  *entries(): Generator<DictionaryEntry> {
    for (let id = 0; id < this.size; id++) yield this.entry(id);
  }

  /** Every headword, sorted (for tests). */
  *headwords(): Generator<string> {
    const { keyEnds, keyUnits } = this.s;
    for (let k = 0; k < keyEnds.length; k++) {
      yield String.fromCharCode(...keyUnits.subarray(k === 0 ? 0 : keyEnds[k - 1]!, keyEnds[k]!));
    }
  }

  /** The key index of text[offset, offset+length), or -1. */
  private find(text: string, offset: number, length: number): number {
    const { keyEnds, keyUnits } = this.s;
    let lo = 0;
    let hi = keyEnds.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const start = mid === 0 ? 0 : keyEnds[mid - 1]!;
      const keyLength = keyEnds[mid]! - start;
      let cmp = 0;
      const n = Math.min(keyLength, length);
      for (let i = 0; i < n && cmp === 0; i++) cmp = keyUnits[start + i]! - text.charCodeAt(offset + i);
      if (cmp === 0) cmp = keyLength - length;
      if (cmp === 0) return mid;
      if (cmp < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  private entriesOfKey(k: number): DictionaryEntry[] {
    const { refEnds, refs } = this.s;
    const out: DictionaryEntry[] = [];
    for (let r = k === 0 ? 0 : refEnds[k - 1]!; r < refEnds[k]!; r++) out.push(this.entry(refs[r]!));
    return out;
  }

  private entry(id: number): DictionaryEntry {
    const cached = this.cache.get(id);
    if (cached) return cached;
    const { recordEnds, records } = this.s;
    const record = this.decoder.decode(records.subarray(id === 0 ? 0 : recordEnds[id - 1]!, recordEnds[id]!));
    const [traditional = '', simplified = '', pinyin = '', senses = '', classifiers = ''] = record.split(FIELD);
    const entry: DictionaryEntry = {
      traditional, simplified: simplified || traditional, pinyin,
      definitions: senses ? senses.split(ITEM) : [],
      classifiers: classifiers ? classifiers.split(ITEM).map(parseWord) : [],
    };
    // Lookups return the same few entries over and over while the pointer moves; keep a small cache.
    if (this.cache.size > 512) this.cache.clear();
    this.cache.set(id, entry);
    return entry;
  }
}

/** Reads "traditional|simplified[pinyin]" (the record's measure-word form). */
function parseWord(text: string): DictionaryWord {
  const m = /^([^|[]*)\|([^[]*)\[(.*)\]$/.exec(text);
  return m ? { traditional: m[1]!, simplified: m[2]!, pinyin: m[3]! } : { traditional: text, simplified: text, pinyin: '' };
}
