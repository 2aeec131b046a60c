/**
 * The dictionary's home: the background loads the compiled CC-CEDICT file on
 * the first lookup and answers content scripts' requests. Kept here rather
 * than in each tab, the ~11 MB of data costs a tab nothing (issue 12's budget
 * is 3 MB per tab). A service worker stopped when idle simply loads it again
 * (one fetch of a packaged file, no parsing).
 */
import browser from 'webextension-polyfill';
import { CompiledDictionary } from '../core/dictionary/dictionary.ts';
import type { Dictionary } from '../core/dictionary/types.ts';
import { isDictionaryMessage, type DictionaryMessage, type DictionaryReadings, type DictionaryWindow } from '../shared/messages.ts';

let dictionary: Promise<Dictionary> | undefined;

/** The dictionary, fetched once per background lifetime. */
export function loadDictionary(): Promise<Dictionary> {
  dictionary ??= fetch(browser.runtime.getURL('dictionary/cedict.bin'))
    .then((r) => {
      if (!r.ok) throw new Error(`Dictionary: HTTP ${r.status}`);
      return r.arrayBuffer();
    })
    .then((buffer) => new CompiledDictionary(buffer))
    .catch((e: unknown) => {
      dictionary = undefined; // try again on the next lookup
      throw e;
    });
  return dictionary;
}

/** Answers one dictionary request. */
export async function answer(message: DictionaryMessage): Promise<DictionaryWindow | DictionaryReadings> {
  const dict = await loadDictionary();
  if (message.type === 'dictionary-readings') {
    return { readings: message.words.map((w) => [...new Set(dict.lookup(w).map((e) => e.pinyin))]) };
  }
  const matches: DictionaryWindow['matches'] = [];
  const to = Math.min(message.to, message.text.length - 1);
  for (let start = Math.max(0, message.from); start <= to; start++) {
    for (const m of dict.matchesAt(message.text, start)) matches.push({ start, length: m.length, entries: m.entries });
  }
  return { matches };
}

/** Listens for dictionary requests from our content scripts and pages. */
export function serveDictionary(): void {
  browser.runtime.onMessage.addListener((message: unknown) => (isDictionaryMessage(message) ? answer(message) : undefined));
}
