/**
 * Where the reader's own glossary lives: one key of browser.storage.local,
 * written in one call, so a failed write (storage full) leaves the old list
 * whole. The extension page writes it; content scripts read it and listen for
 * changes. The storage area is passed in, so this module works with Chrome's
 * `chrome`, Firefox's `browser`, the polyfill and a test double alike.
 */
import { USER_TERM_FIELDS, type UserTerm } from '../core/glossary/user-entries.ts';

/** The storage.local key holding { version, terms }. */
export const USER_GLOSSARY_KEY = 'userGlossary';

/**
 * Largest list we write: Chrome's storage.local holds 10 MB (QUOTA_BYTES)
 * shared with anything else we keep there; staying at half of it leaves room.
 */
export const MAX_STORED_BYTES = 5 * 1024 * 1024;

/** The part of a storage area this module uses. */
export interface LocalArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** A write that did not fit: nothing was changed. */
export class StorageFullError extends Error {}

/** The terms in a stored value; anything malformed is dropped, so a damaged store never breaks a page. */
export function parseStoredTerms(value: unknown): UserTerm[] {
  const terms = (value as { terms?: unknown } | undefined)?.terms;
  if (!Array.isArray(terms)) return [];
  return terms.filter((t): t is UserTerm =>
    typeof t === 'object' && t !== null && USER_TERM_FIELDS.every((f) => typeof (t as Record<string, unknown>)[f] === 'string')
    && (t as UserTerm).english !== '' && ((t as UserTerm).simplified !== '' || (t as UserTerm).traditional !== ''));
}

/** Reads the reader's terms (none when nothing is stored). */
export async function loadUserTerms(area: LocalArea): Promise<UserTerm[]> {
  return parseStoredTerms((await area.get(USER_GLOSSARY_KEY))[USER_GLOSSARY_KEY]);
}

/** Replaces the stored list in one write; throws StorageFullError (nothing written) when it does not fit. */
export async function saveUserTerms(area: LocalArea, terms: readonly UserTerm[]): Promise<void> {
  const value = { version: 1, terms: terms.map((t) => Object.fromEntries(USER_TERM_FIELDS.map((f) => [f, t[f]]))) };
  const bytes = new TextEncoder().encode(JSON.stringify(value)).length;
  if (bytes > MAX_STORED_BYTES) throw new StorageFullError(`the list is too large to store (${formatSize(bytes)}; at most ${formatSize(MAX_STORED_BYTES)})`);
  try {
    await area.set({ [USER_GLOSSARY_KEY]: value });
  } catch (e) {
    // Chrome: "QUOTA_BYTES quota exceeded"; Firefox: a QuotaExceededError.
    const message = e instanceof Error ? e.message : String(e);
    if (/quota/i.test(message) || (e as { name?: string })?.name === 'QuotaExceededError') {
      throw new StorageFullError('the browser’s extension storage is full');
    }
    throw e;
  }
}

/** Whether a storage.onChanged event is about the reader's terms. */
export function isUserGlossaryChange(changes: Record<string, unknown>, area: string): boolean {
  return area === 'local' && USER_GLOSSARY_KEY in changes;
}

function formatSize(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
