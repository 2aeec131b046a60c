/**
 * The content script's view of the dictionary, which lives in the background
 * (src/background/dictionary-service.ts): one message fetches every headword
 * around the pointer, and the lookup (src/core/dictionary/word-lookup.ts)
 * then runs on that window as on the whole dictionary.
 */
import type { Dictionary, DictionaryEntry, DictionaryMatch } from '../core/dictionary/types.ts';
import type { DictionaryReadings, DictionaryReadingsMessage, DictionaryWindow, DictionaryWindowMessage } from '../shared/messages.ts';
import { ext } from './extension-api.ts';

/** How far before and after the pointer words are fetched: a covering word may start 12 characters back; names look 3 ahead. */
const BACK = 12;
const AHEAD = 4;
const MAX_WORD = 24;

/** The dictionary over one window of text: what the lookup asks of it, answered from one message. */
export class WindowDictionary implements Pick<Dictionary, 'matchesAt' | 'lookup'> {
  private readonly byStart = new Map<number, DictionaryMatch[]>();
  private readonly byWord = new Map<string, DictionaryEntry[]>();

  constructor(text: string, offset: number, answer: DictionaryWindow) {
    for (const m of answer.matches) {
      const start = offset + m.start;
      let list = this.byStart.get(start);
      if (!list) this.byStart.set(start, (list = []));
      list.push({ length: m.length, entries: m.entries });
      this.byWord.set(text.slice(start, start + m.length), m.entries);
    }
  }

  matchesAt(_text: string, offset: number, maxLength = MAX_WORD): DictionaryMatch[] {
    return (this.byStart.get(offset) ?? []).filter((m) => m.length <= maxLength);
  }

  lookup(word: string): DictionaryEntry[] {
    return this.byWord.get(word) ?? [];
  }
}

/** Fetches the dictionary's words around text[offset]. */
export async function dictionaryAround(text: string, offset: number): Promise<WindowDictionary> {
  const from = Math.max(0, offset - BACK);
  const slice = text.slice(from, Math.min(text.length, offset + AHEAD + MAX_WORD));
  const message: DictionaryWindowMessage = { type: 'dictionary-window', text: slice, from: 0, to: Math.min(slice.length - 1, offset - from + AHEAD) };
  const answer = (await ext().runtime.sendMessage(message)) as DictionaryWindow | undefined;
  return new WindowDictionary(text, from, answer ?? { matches: [] });
}

/** The dictionary's readings of each word (numbered, CC-CEDICT style). */
export async function dictionaryReadings(words: string[]): Promise<string[][]> {
  if (!words.length) return [];
  const message: DictionaryReadingsMessage = { type: 'dictionary-readings', words };
  const answer = (await ext().runtime.sendMessage(message)) as DictionaryReadings | undefined;
  return answer?.readings ?? words.map(() => []);
}
