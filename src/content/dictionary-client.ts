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

  constructor(readonly text: string, readonly offset: number, private readonly answer: DictionaryWindow) {
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

  /** The same answer placed at another offset of another text (the window's characters are the same). */
  at(text: string, offset: number): WindowDictionary {
    return new WindowDictionary(text, offset, this.answer);
  }
}

/** The last few windows asked for: the hover asks while the pointer rests, then looks up with the answer. */
const recent = new Map<string, Promise<WindowDictionary>>();
const RECENT = 8;

/** Fetches the dictionary's words around text[offset] (one message to the background; recent windows are reused). */
export function dictionaryAround(text: string, offset: number): Promise<WindowDictionary> {
  const from = Math.max(0, offset - BACK);
  const slice = text.slice(from, Math.min(text.length, offset + AHEAD + MAX_WORD));
  const to = Math.min(slice.length - 1, offset - from + AHEAD);
  const key = `${to}\u0000${slice}`;
  let found = recent.get(key);
  if (!found) {
    const message: DictionaryWindowMessage = { type: 'dictionary-window', text: slice, from: 0, to };
    found = (ext().runtime.sendMessage(message) as Promise<DictionaryWindow | undefined>).then(
      (answer) => new WindowDictionary(text, from, answer ?? { matches: [] }),
      (e: unknown) => { recent.delete(key); throw e; },
    );
    if (recent.size >= RECENT) recent.delete(recent.keys().next().value!);
    recent.set(key, found);
  }
  // The same window text may sit at another offset of another block: place it for this one.
  return found.then((d) => (d.offset === from && d.text === text ? d : d.at(text, from)));
}

/** The dictionary's readings of each word (numbered, CC-CEDICT style). */
export async function dictionaryReadings(words: string[]): Promise<string[][]> {
  if (!words.length) return [];
  const message: DictionaryReadingsMessage = { type: 'dictionary-readings', words };
  const answer = (await ext().runtime.sendMessage(message)) as DictionaryReadings | undefined;
  return answer?.readings ?? words.map(() => []);
}
