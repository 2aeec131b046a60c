/**
 * The word list in `storage.local`: the words a reader saved from the popover,
 * for the word-list page and export to Anki.
 *
 * Contract of saveWord (the popover's Save button and key call it, from the
 * content script, which may use storage.local directly):
 *   const result = await saveWord({ simplified, traditional, pinyin, definition, sentence, url });
 *   - pinyin with tone marks, as the popover shows it; definition one line of
 *     readable English; sentence the sentence around the word as shown on the
 *     page (sentenceAt(block.text, entry.start) from src/core/sentence.ts);
 *     url the page's address. savedAt is set here.
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
 * Storage layout, chosen by measuring Chromium (5,000 words of ~400 bytes,
 * 2-core machine under load): the words are spread over 64 keys,
 * `wordlist:00` … `wordlist:63`, by a hash of their identity; each key holds
 * an array of SavedWord. One key per word made re-saving a word take seconds
 * (overwriting a key costs time proportional to the number of keys: 1.4 s at
 * 2,000 keys, 4.8 s at 5,000), and one key for the whole list rewrote ~2 MB
 * per save (~350 ms); 64 buckets of ~80 words took ~8 ms per save. A save
 * rewrites one bucket; an import or a delete is one storage.set() with every
 * bucket it changes, which browsers apply all or nothing, so a full storage
 * never leaves half an import. Writes from one page are queued, so two quick
 * saves never overwrite each other's bucket (two tabs saving into the same
 * bucket in the same few milliseconds could; 1 chance in 64 for such a rare
 * event). storage.local holds 10 MB in Chrome without the unlimitedStorage
 * permission, which we do not ask for: ~25,000 words of ~400 bytes.
 * BUCKETS must never change without migrating the stored words.
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
/** How many keys the words are spread over (never change without a migration). */
export const BUCKETS = 64;
const BUCKET_KEYS = Array.from({ length: BUCKETS }, (_, i) => WORD_KEY_PREFIX + String(i).padStart(2, '0'));

/** The key of the bucket a word lives in: FNV-1a of its identity, mixed (murmur3's finaliser) so the low bits spread. */
export function bucketOf(w: Pick<SavedWord, 'simplified' | 'pinyin'>): string {
  const id = wordKey(w);
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return BUCKET_KEYS[(h >>> 0) % BUCKETS]!;
}

/** The extension's storage.local (Firefox's `browser`, else Chrome's `chrome`), without webextension-polyfill. */
export function localStorageArea(): WordStorage {
  const api = (globalThis as { browser?: { storage: { local: WordStorage } } }).browser
    ?? (globalThis as unknown as { chrome: { storage: { local: WordStorage } } }).chrome;
  return api.storage.local;
}

/** Is this error the browser saying storage.local is full? (Chrome: "Resource::kQuotaBytes quota exceeded"; Firefox: QuotaExceededError.) */
export function isQuotaError(e: unknown): boolean {
  const name = (e as { name?: unknown } | null)?.name;
  const message = (e as { message?: unknown } | null)?.message;
  return name === 'QuotaExceededError' || (typeof message === 'string' && /quota/i.test(message));
}

function failure(e: unknown): WordListFailure {
  const message = (e as { message?: unknown } | null)?.message;
  return { ok: false, reason: isQuotaError(e) ? 'full' : 'failed', message: typeof message === 'string' ? message : String(e) };
}

/** The words of the given buckets (all when none are named), by identity. Corrupt records are left out. */
async function readBuckets(area: WordStorage, keys: readonly string[] = BUCKET_KEYS): Promise<Map<string, Map<string, SavedWord>>> {
  const stored = await area.get([...keys]);
  const out = new Map<string, Map<string, SavedWord>>();
  for (const key of keys) {
    const bucket = new Map<string, SavedWord>();
    const value = stored[key];
    if (Array.isArray(value)) {
      for (const item of value) {
        const word = typeof item === 'object' && item !== null ? cleanWord(item as Record<string, unknown>) : undefined;
        if (word) bucket.set(wordKey(word), word);
      }
    }
    out.set(key, bucket);
  }
  return out;
}

/** Writes the given buckets in one storage call (all or nothing); empty ones are written empty. */
async function writeBuckets(area: WordStorage, buckets: Map<string, Map<string, SavedWord>>): Promise<void> {
  if (buckets.size) await area.set(Object.fromEntries([...buckets].map(([key, words]) => [key, [...words.values()]])));
}

/** Runs writes from this page one after another, so two quick saves never lose each other's bucket. */
let queue: Promise<unknown> = Promise.resolve();
function serially<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

/** Every saved word, newest first. */
export async function listWords(area: WordStorage = localStorageArea()): Promise<SavedWord[]> {
  const words: SavedWord[] = [];
  for (const bucket of (await readBuckets(area)).values()) words.push(...bucket.values());
  return sortWords(words);
}

/** Saves a word, or updates it when already saved (see the contract at the top). Never throws. */
export function saveWord(
  input: Omit<SavedWord, 'savedAt'>, area: WordStorage = localStorageArea(), now: Date = new Date(),
): Promise<{ ok: true; word: SavedWord; created: boolean } | WordListFailure> {
  const word = cleanWord({ ...input, savedAt: undefined }, now);
  if (!word) return Promise.resolve({ ok: false, reason: 'invalid', message: 'no word to save' });
  return serially(async () => {
    try {
      const key = bucketOf(word);
      const buckets = await readBuckets(area, [key]);
      const bucket = buckets.get(key)!;
      const previous = bucket.get(wordKey(word));
      const next = previous ? resave(previous, word) : word;
      bucket.set(wordKey(word), next);
      await writeBuckets(area, buckets);
      return { ok: true as const, word: next, created: !previous };
    } catch (e) {
      return failure(e);
    }
  });
}

/** Deletes words (by identity), in one write. Returns the records deleted, for an undo. */
export function deleteWords(
  words: readonly Pick<SavedWord, 'simplified' | 'pinyin'>[], area: WordStorage = localStorageArea(),
): Promise<{ ok: true; deleted: SavedWord[] } | WordListFailure> {
  return serially(async () => {
    try {
      // Every bucket is searched, so a record stored under another bucket (by hand, or a future layout) is deleted too.
      const buckets = await readBuckets(area);
      const changed = new Map<string, Map<string, SavedWord>>();
      const deleted: SavedWord[] = [];
      for (const w of words) {
        for (const [key, bucket] of buckets) {
          const old = bucket.get(wordKey(w));
          if (!old) continue;
          bucket.delete(wordKey(w));
          changed.set(key, bucket);
          deleted.push(old);
        }
      }
      await writeBuckets(area, changed);
      return { ok: true as const, deleted };
    } catch (e) {
      return failure(e);
    }
  });
}

/** Puts deleted records back exactly as they were (the page's undo), in one write. */
export function restoreWords(words: readonly SavedWord[], area: WordStorage = localStorageArea()): Promise<{ ok: true } | WordListFailure> {
  return serially(async () => {
    try {
      const buckets = await readBuckets(area, [...new Set(words.map(bucketOf))]);
      for (const w of words) buckets.get(bucketOf(w))!.set(wordKey(w), w);
      await writeBuckets(area, buckets);
      return { ok: true as const };
    } catch (e) {
      return failure(e);
    }
  });
}

/**
 * Merges imported words without duplicates (mergeWords: saved words keep their
 * fields, gaining only missing ones), in one write: on a full storage nothing
 * is written and the result says 'full'.
 */
export function importWords(
  incoming: readonly SavedWord[], area: WordStorage = localStorageArea(),
): Promise<({ ok: true } & Omit<MergeResult, 'write'>) | WordListFailure> {
  return serially(async () => {
    try {
      const all = await readBuckets(area);
      const existing = [...all.values()].flatMap((b) => [...b.values()]);
      const { write, added, updated, unchanged } = mergeWords(existing, incoming);
      const changed = new Map<string, Map<string, SavedWord>>();
      for (const w of write) {
        const key = bucketOf(w);
        changed.set(key, all.get(key)!);
        all.get(key)!.set(wordKey(w), w);
      }
      await writeBuckets(area, changed);
      return { ok: true as const, added, updated, unchanged };
    } catch (e) {
      return failure(e);
    }
  });
}
