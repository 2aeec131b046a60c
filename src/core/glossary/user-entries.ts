/**
 * The reader's terms as glossary entries: the small part of the user glossary
 * that content scripts need (the parser and checks stay in user-glossary.ts,
 * loaded only by the extension page and the command line).
 */
import { GlossaryMatcher } from './matcher.ts';
import { USER_CATEGORY, type GlossaryEntry } from './types.ts';

/** One of the reader's terms, both scripts filled in. */
export interface UserTerm {
  simplified: string;
  traditional: string;
  /** May be empty. */
  pinyin: string;
  english: string;
  /** A free note in any language; may be empty. */
  note: string;
}

/** The fields of a term, in file order (the CSV header, the JSON keys). */
export const USER_TERM_FIELDS = ['simplified', 'traditional', 'pinyin', 'english', 'note'] as const;

/** A reader's term as a glossary entry (category "My terms"; the note is the explanation in either language). */
export function userTermToEntry(t: UserTerm): GlossaryEntry {
  return {
    simplified: t.simplified, traditional: t.traditional, pinyin: t.pinyin, english: t.english,
    category: USER_CATEGORY, explanation: { en: t.note, zh: t.note },
  };
}

/** A matcher over the reader's terms and the built-in ones; the reader's come first, so for the same form theirs wins. */
export function withUserTerms(builtIn: GlossaryMatcher, terms: readonly UserTerm[]): GlossaryMatcher {
  if (!terms.length) return builtIn;
  return new GlossaryMatcher([...terms.map(userTermToEntry), ...builtIn.entries]);
}
