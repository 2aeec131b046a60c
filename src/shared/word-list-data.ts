/**
 * The word list's data, without storage: the record, its identity (a word is
 * the same word when its Simplified form and pinyin are), cleaning, merging,
 * and TSV/CSV export and import. Pure, so it is unit-tested in Node; the
 * storage wrapper (word-list.ts) stays thin.
 */
import { parseDelimited, toAnkiTsv, toCsv } from '../core/export/delimited.ts';

/** One saved word. */
export interface SavedWord {
  simplified: string;
  traditional: string;
  /** With tone marks, as shown in the popover ("yínháng"). */
  pinyin: string;
  definition: string;
  /** The sentence the word was found in. */
  sentence: string;
  /** The address of the page it was found on. */
  url: string;
  /** When it was saved (ISO 8601). */
  savedAt: string;
}

/** The fields in export order (TSV and CSV columns). savedAt is last so a six-field Anki note type can ignore it. */
export const WORD_FIELDS = ['simplified', 'traditional', 'pinyin', 'definition', 'sentence', 'url', 'savedAt'] as const;

/** Longest stored text per field: a "sentence" cut from a page without punctuation could be a whole article. */
export const FIELD_LIMITS = { simplified: 64, traditional: 64, pinyin: 256, definition: 2000, sentence: 500, url: 2048 } as const;

/** The identity of a word: Simplified form and pinyin, spaces and Unicode composition ignored. */
export function wordKey(w: Pick<SavedWord, 'simplified' | 'pinyin'>): string {
  return w.simplified.normalize('NFC') + '\u001f' + w.pinyin.normalize('NFC').replace(/\s+/g, '');
}

function clip(value: unknown, limit: number): string {
  const s = typeof value === 'string' ? value.normalize('NFC').trim() : '';
  if (s.length <= limit) return s;
  // Do not cut a surrogate pair in half.
  const cut = /[\ud800-\udbff]/.test(s[limit - 2] ?? '') ? limit - 2 : limit - 1;
  return s.slice(0, cut) + '…';
}

/**
 * A clean record from anything that claims to be one, or undefined when it has
 * no Simplified form. Missing Traditional is the Simplified form; a missing or
 * invalid date is `now`.
 */
export function cleanWord(input: Partial<Record<keyof SavedWord, unknown>>, now: Date = new Date()): SavedWord | undefined {
  const simplified = clip(input.simplified, FIELD_LIMITS.simplified);
  if (!simplified) return undefined;
  const date = typeof input.savedAt === 'string' ? new Date(input.savedAt) : undefined;
  return {
    simplified,
    traditional: clip(input.traditional, FIELD_LIMITS.traditional) || simplified,
    pinyin: clip(input.pinyin, FIELD_LIMITS.pinyin),
    definition: clip(input.definition, FIELD_LIMITS.definition),
    sentence: clip(input.sentence, FIELD_LIMITS.sentence),
    url: clip(input.url, FIELD_LIMITS.url),
    savedAt: (date && !Number.isNaN(date.getTime()) ? date : now).toISOString(),
  };
}

/**
 * Saving a word again: the new sentence, address and date replace the old
 * ones (the word moves to the top of the list); the other fields are replaced
 * only by non-empty new values.
 */
export function resave(existing: SavedWord, next: SavedWord): SavedWord {
  return {
    simplified: existing.simplified,
    traditional: next.traditional || existing.traditional,
    pinyin: existing.pinyin,
    definition: next.definition || existing.definition,
    sentence: next.sentence,
    url: next.url,
    savedAt: next.savedAt,
  };
}

/** What merging an import changed. */
export interface MergeResult {
  /** Records to write: the new ones and the existing ones that gained a field. */
  write: SavedWord[];
  added: number;
  updated: number;
  /** Already in the list (or repeated in the import) with nothing new. */
  unchanged: number;
}

/**
 * Merges imported words into the list without duplicates: a word already
 * there keeps its fields and only gains the ones it lacks (an import never
 * overwrites what the reader saved); a word repeated in the import counts once.
 */
export function mergeWords(existing: readonly SavedWord[], incoming: readonly SavedWord[]): MergeResult {
  const current = new Map(existing.map((w) => [wordKey(w), w]));
  const written = new Map<string, SavedWord>();
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  for (const w of incoming) {
    const key = wordKey(w);
    const old = written.get(key) ?? current.get(key);
    if (!old) {
      written.set(key, w);
      added++;
      continue;
    }
    const filled: SavedWord = { ...old };
    let changed = false;
    for (const field of ['traditional', 'definition', 'sentence', 'url'] as const) {
      if (!old[field] && w[field]) { filled[field] = w[field]; changed = true; }
    }
    if (!changed) { unchanged++; continue; }
    if (!written.has(key)) updated++;
    written.set(key, filled);
  }
  return { write: [...written.values()], added, updated, unchanged };
}

/** Newest first; ties by Simplified form, so the order is stable. */
export function sortWords(words: readonly SavedWord[]): SavedWord[] {
  return [...words].sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : a.simplified.localeCompare(b.simplified)));
}

/** Pinyin without tone marks or spaces, lower case ("yínháng" → "yinhang"), for searching by plain letters. */
export function plainPinyin(pinyin: string): string {
  return pinyin.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[\s'’-]+/g, '').replace(/ü/g, 'v').toLowerCase();
}

/** Does a word match a search (either script, pinyin with or without tones, definition, sentence)? */
export function matchesSearch(w: SavedWord, query: string): boolean {
  const q = query.trim().toLowerCase().normalize('NFC');
  if (!q) return true;
  if (w.simplified.includes(q) || w.traditional.includes(q) || w.sentence.includes(q)) return true;
  if (w.pinyin.toLowerCase().includes(q) || w.definition.toLowerCase().includes(q)) return true;
  const plain = plainPinyin(q);
  return plain.length > 0 && /^[a-z0-9]+$/.test(plain) && plainPinyin(w.pinyin).includes(plain.replace(/\d/g, ''));
}

const rowOf = (w: SavedWord): string[] => WORD_FIELDS.map((f) => w[f]);

/** The list as TSV that Anki imports as is (see core/export/delimited.ts for the escaping). */
export function wordsToTsv(words: readonly SavedWord[]): string {
  return toAnkiTsv(WORD_FIELDS, words.map(rowOf));
}

/** The list as CSV (RFC 4180, header row). */
export function wordsToCsv(words: readonly SavedWord[]): string {
  return toCsv(WORD_FIELDS, words.map(rowOf));
}

/** Words read from a file, and how many of its rows were not words. */
export interface ParsedWords {
  words: SavedWord[];
  skipped: number;
}

const isWordHeader = (row: readonly string[]): boolean => row.some((c) => c.trim().toLowerCase() === 'simplified');

/**
 * Reads TSV (ours or any Anki-style file) or CSV. Columns are found by name
 * when the file names them (Anki's `#columns:` or a header row with
 * "simplified"), else taken in export order. Rows without a Simplified form
 * are skipped and counted.
 */
export function parseWords(text: string, now: Date = new Date()): ParsedWords {
  const table = parseDelimited(text, isWordHeader);
  const names = table.columns.map((c) => c.trim().toLowerCase());
  const index = (field: string, position: number): number => (names.length ? names.findIndex((n) => n === field.toLowerCase()) : position);
  const at = WORD_FIELDS.map((f, i) => index(f, i));
  const words: SavedWord[] = [];
  let skipped = 0;
  for (const row of table.rows) {
    const record: Partial<Record<keyof SavedWord, unknown>> = {};
    WORD_FIELDS.forEach((f, i) => { if (at[i]! >= 0) record[f] = row[at[i]!]; });
    const word = cleanWord(record, now);
    if (word) words.push(word);
    else skipped++;
  }
  return { words, skipped };
}
