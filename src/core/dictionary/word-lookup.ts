/**
 * The word under the cursor: the longest word over the glossary and the
 * dictionary together that covers the character (立法院 beats the glossary's
 * 法院 inside it; at equal length the glossary comes first), or a personal
 * name, with the shorter words that start where it starts.
 */
import type { GlossaryEntry } from '../glossary/types.ts';
import { nameAt, surnameReading } from './names.ts';
import type { Dictionary, DictionaryEntry } from './types.ts';

/** The glossary as the lookup needs it: every term (either script) starting at an offset. */
export interface GlossarySource {
  termsAt(text: string, offset: number): { term: string; entry: GlossaryEntry }[];
}

/** One word found: its span, its glossary entries (if a term) and dictionary entries. */
export interface FoundWord {
  start: number;
  length: number;
  /** The text of the span as written. */
  word: string;
  glossary: GlossaryEntry[];
  entries: DictionaryEntry[];
}

/** A personal name with the readings of its parts. */
export interface FoundName {
  surname: string;
  given: string;
  /** CC-CEDICT numbered pinyin of the surname ("Cao2"). */
  surnamePinyin: string;
  /** Numbered pinyin of the given name, one dictionary reading per character ("qing1 yao2"). */
  givenPinyin: string;
}

export interface WordLookup {
  main: FoundWord;
  /** When the main word is a personal name. */
  name?: FoundName;
  /** Shorter words starting at the main word's start, longest first. */
  shorter: FoundWord[];
}

/** How far back a covering word may start (CC-CEDICT's longest headwords are idioms and names of ~12 characters). */
const REACH_BACK = 12;
const MAX_SHORTER = 6;

/** Region of the page: glossary entries of that place are listed first. */
export type PageRegion = 'cn' | 'tw' | 'hk';

/** Looks up the word covering text[offset]. */
export function lookupWord(
  text: string,
  offset: number,
  sources: { dictionary: Pick<Dictionary, 'matchesAt' | 'lookup'>; glossary?: GlossarySource; region?: PageRegion },
): WordLookup | undefined {
  if (offset < 0 || offset >= text.length || !/\p{Script=Han}/u.test(text[offset]!)) return undefined;
  const { dictionary, glossary, region } = sources;
  const candidates: FoundWord[] = [];
  for (let s = Math.max(0, offset - REACH_BACK); s <= offset; s++) {
    for (const found of wordsAt(text, s, sources)) if (s + found.length > offset) candidates.push(found);
  }
  // Longest first; at equal length the word starting under the cursor, then the glossary term.
  candidates.sort((a, b) => b.length - a.length || Number(b.start === offset) - Number(a.start === offset) || b.start - a.start || b.glossary.length - a.glossary.length);
  let main = candidates[0];
  let name: FoundName | undefined;
  for (let s = Math.max(0, offset - 3); s <= offset; s++) {
    const n = nameAt(text, s, dictionary);
    if (!n) continue;
    const length = n.surname.length + n.given.length;
    if (s + length <= offset || (main && main.length >= length && (main.glossary.length > 0 || main.length > 1))) continue;
    main = { start: s, length, word: text.slice(s, s + length), glossary: [], entries: dictionary.lookup(text.slice(s, s + length)) };
    name = {
      surname: n.surname,
      given: n.given,
      surnamePinyin: surnameReading(n.surname, dictionary) ?? '',
      givenPinyin: Array.from(n.given, (c) => {
        const entries = dictionary.lookup(c);
        return ((entries.find((e) => !/^[A-Z]/.test(e.pinyin)) ?? entries[0])?.pinyin ?? '').toLowerCase();
      }).join(' '),
    };
    break;
  }
  if (!main) return undefined;
  if (glossary && region) main.glossary = orderByRegion(main.glossary, region);
  const shorter = name ? [] : wordsAt(text, main.start, sources).filter((w) => w.length < main.length).slice(0, MAX_SHORTER);
  return { main, name, shorter };
}

/** Every word (glossary term or dictionary headword) starting at s, longest first, one per length. */
function wordsAt(text: string, s: number, sources: { dictionary: Pick<Dictionary, 'matchesAt'>; glossary?: GlossarySource; region?: PageRegion }): FoundWord[] {
  const byLength = new Map<number, FoundWord>();
  const at = (length: number): FoundWord => {
    let w = byLength.get(length);
    if (!w) byLength.set(length, (w = { start: s, length, word: text.slice(s, s + length), glossary: [], entries: [] }));
    return w;
  };
  for (const m of sources.glossary?.termsAt(text, s) ?? []) {
    if (!regionApplies(m.entry, sources.region)) continue;
    const w = at(m.term.length);
    if (!w.glossary.includes(m.entry)) w.glossary.push(m.entry);
  }
  for (const m of sources.dictionary.matchesAt(text, s)) at(m.length).entries = m.entries;
  return [...byLength.values()].sort((a, b) => b.length - a.length);
}

/**
 * Whether a glossary entry speaks of the page's place: Hong Kong and Macao
 * entries do not apply on a Taiwan page (預算案 there is not Hong Kong's
 * budget) nor Taiwan's on a Hong Kong page; on other pages every entry does
 * (a mainland page may well report on Taiwan).
 */
export function regionApplies(entry: GlossaryEntry, region: PageRegion | undefined): boolean {
  const place = entry.region === 'mo' ? 'hk' : entry.region;
  return !place || !region || region === 'cn' || place === region;
}

/** Glossary entries of the page's own place first (立法會 on a Hong Kong page). */
function orderByRegion(entries: GlossaryEntry[], region: PageRegion): GlossaryEntry[] {
  const place = (e: GlossaryEntry): string => (e.region === 'mo' ? 'hk' : e.region) ?? 'cn';
  return [...entries].sort((a, b) => Number(place(b) === region) - Number(place(a) === region));
}

/**
 * Orders a word's entries so the reading heard in context comes first (行长
 * hángzhǎng; 地 de after an adverb), keeping CC-CEDICT's order otherwise.
 */
export function orderByReading(entries: readonly DictionaryEntry[], contextual: string | undefined): DictionaryEntry[] {
  const norm = (p: string): string => p.toLowerCase().replace(/u:/g, 'ü').replace(/\s+/g, '');
  const want = contextual ? norm(contextual) : undefined;
  const proper = (e: DictionaryEntry): boolean => /^[A-Z]/.test(e.pinyin);
  // Then common words before names (成 "to become" before "surname Cheng").
  return [...entries].sort((a, b) => Number(norm(b.pinyin) === want) - Number(norm(a.pinyin) === want) || Number(proper(a)) - Number(proper(b)));
}
