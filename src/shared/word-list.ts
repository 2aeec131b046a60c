/**
 * The word list in `storage.local`: the words a reader saved from the popover,
 * for the word-list page and export to Anki.
 *
 * Contract of saveWord (the popover's Save button and key call it, from the
 * content script, which may use storage.local directly):
 *   const result = await saveWord({ simplified, traditional, pinyin, definition, sentence, url });
 *   - pinyin with tone marks, as the popover shows it; definition one line of
 *     readable English; sentence the sentence around the word as shown on the
 *     page; url the page's address. savedAt is set here.
 *   - A word is identified by simplified + pinyin (spaces ignored): saving it
 *     again never adds a second record; it replaces the sentence, url and date
 *     (the word moves to the top) and the other fields when the new ones are
 *     not empty.
 *   - Fields are trimmed and capped (FIELD_LIMITS: sentence 500 characters,
 *     url 2048, definition 2000), so a runaway "sentence" cannot fill storage.
 *   - Never throws. Resolves to { ok: true, word, created } or to
 *     { ok: false, reason: 'full' | 'invalid' | 'failed', message }: 'full'
 *     when storage.local is out of space (nothing was written; the caller
 *     shows its own message, key wordListFull in _locales), 'invalid' when
 *     there is no Simplified form.
 *
 * Storage layout, chosen after measuring: one key per word,
 * `wordlist:<simplified>\u001f<pinyin>` → SavedWord. Each save writes one
 * small item (a single key holding the whole list would rewrite the list on
 * every save, and two tabs saving at once would lose one word to the other's
 * read-modify-write). An import is one storage.set() call with every record
 * it adds, which browsers apply all or nothing, so a full storage never
 * leaves half an import. storage.local holds 10 MB in Chrome without the
 * unlimitedStorage permission, which we do not ask for: a saved word takes
 * ~0.3–0.8 KB, so that is 12,000 words or more.
 */
import { cleanWord, mergeWords, resave, sortWords, wordKey, type MergeResult, type SavedWord } from './word-list-data.ts';

export type { SavedWord } from './word-list-data.ts';

/** The part of storage.local this module uses (the same in Chrome and Firefox, promise-based). */
export interface WordStorage {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

/** Why a write failed: storage full, nothing to save, or another storage error. */
export type WordListFailure = { ok: false; reason: 'full' | 'invalid' | 'failed'; message: string };

/** Every word-list key starts with this. */
export const WORD_KEY_PREFIX = 'wordlist:';

const storageKey = (w: Pick<SavedWord, 'simplified' | 'pinyin'>): string => WORD_KEY_PREFIX + wordKey(w);

/** The extension's storage.local (Firefox's `browser`, else Chrome's `chrome`), without webextension-polyfill. */
export function localStorageArea(): WordStorage {
  const api = (globalThis as { browser?: { storage: { local: WordStorage } } }).browser
    ?? (globalThis as unknown as { chrome: { storage: { local: WordStorage } } }).chrome;
  return api.storage.local;
}

/** Is this error the browser saying storage.local is full? (Chrome: "QUOTA_BYTES quota exceeded"; Firefox: QuotaExceededError.) */
export function isQuotaError(e: unknown): boolean {
  const name = (e as { name?: unknown } | null)?.name;
  const message = (e as { message?: unknown } | null)?.message;
  return name === 'QuotaExceededError' || (typeof message === 'string' && /quota/i.test(message));
}

function failure(e: unknown): WordListFailure {
  const message = (e as { message?: unknown } | null)?.message;
  return { ok: false, reason: isQuotaError(e) ? 'full' : 'failed', message: typeof message === 'string' ? message : String(e) };
}

/** Every saved word, newest first. Records that are not words (corrupt data) are left out. */
export async function listWords(area: WordStorage = localStorageArea()): Promise<SavedWord[]> {
  const all = await area.get(null);
  const words: SavedWord[] = [];
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(WORD_KEY_PREFIX) || typeof value !== 'object' || value === null) continue;
    const word = cleanWord(value as Record<string, unknown>);
    if (word) words.push(word);
  }
  return sortWords(words);
}

/** Saves a word, or updates it when already saved (see the contract at the top). Never throws. */
export async function saveWord(
  input: Omit<SavedWord, 'savedAt'>, area: WordStorage = localStorageArea(), now: Date = new Date(),
): Promise<{ ok: true; word: SavedWord; created: boolean } | WordListFailure> {
  const word = cleanWord({ ...input, savedAt: undefined }, now);
  if (!word) return { ok: false, reason: 'invalid', message: 'no word to save' };
  const key = storageKey(word);
  try {
    const old = (await area.get(key))[key];
    const previous = typeof old === 'object' && old !== null ? cleanWord(old as Record<string, unknown>) : undefined;
    const next = previous ? resave(previous, word) : word;
    await area.set({ [key]: next });
    return { ok: true, word: next, created: !previous };
  } catch (e) {
    return failure(e);
  }
}

/** Deletes words (by identity). Returns the records deleted, for an undo. */
export async function deleteWords(
  words: readonly Pick<SavedWord, 'simplified' | 'pinyin'>[], area: WordStorage = localStorageArea(),
): Promise<{ ok: true; deleted: SavedWord[] } | WordListFailure> {
  try {
    const all = await area.get([...new Set(words.map(storageKey))]);
    const keys = Object.keys(all);
    const deleted = keys.map((k) => cleanWord(all[k] as Record<string, unknown>)).filter((w): w is SavedWord => w !== undefined);
    if (keys.length) await area.remove(keys);
    return { ok: true, deleted };
  } catch (e) {
    return failure(e);
  }
}

/** Puts deleted records back exactly as they were (the page's undo). All or nothing. */
export async function restoreWords(words: readonly SavedWord[], area: WordStorage = localStorageArea()): Promise<{ ok: true } | WordListFailure> {
  try {
    await area.set(Object.fromEntries(words.map((w) => [storageKey(w), w])));
    return { ok: true };
  } catch (e) {
    return failure(e);
  }
}

/**
 * Merges imported words without duplicates (mergeWords: saved words keep their
 * fields, gaining only missing ones), in one write: on a full storage nothing
 * is written and the result says 'full'.
 */
export async function importWords(
  incoming: readonly SavedWord[], area: WordStorage = localStorageArea(),
): Promise<({ ok: true } & Omit<MergeResult, 'write'>) | WordListFailure> {
  try {
    const { write, added, updated, unchanged } = mergeWords(await listWords(area), incoming);
    if (write.length) await area.set(Object.fromEntries(write.map((w) => [storageKey(w), w])));
    return { ok: true, added, updated, unchanged };
  } catch (e) {
    return failure(e);
  }
}
