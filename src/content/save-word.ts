/**
 * The popover's Save key: keeps the word under the popover in the reader's
 * word list (src/shared/word-list.ts) with its pinyin, first senses, the
 * sentence it was found in and the page address, and says what happened.
 */
import { formatPinyin } from '../core/dictionary/pinyin-format.ts';
import { sentenceAt } from '../core/sentence.ts';
import { saveWord } from '../shared/word-list.ts';
import type { Block } from './blocks.ts';
import { ext } from './extension-api.ts';
import type { WordEntry } from './word-entry.ts';

function message(name: string, fallback: string): string {
  try {
    return ext().i18n?.getMessage(name) || fallback;
  } catch {
    return fallback;
  }
}

/** Saves the word the popover shows; resolves to the line the popover shows after it. */
export async function saveFromPopover(entry: WordEntry, block: Block): Promise<string> {
  const { main } = entry.lookup;
  const first = main.entries[0];
  const term = main.glossary[0];
  const content = entry.content;
  const reading = content.readings[0];
  const result = await saveWord({
    simplified: first?.simplified ?? term?.simplified ?? main.word,
    traditional: first?.traditional ?? term?.traditional ?? main.word,
    // The word list keeps tone marks whatever the popover shows (the export is for study cards).
    pinyin: first ? formatPinyin(first.pinyin, 'mark') : term?.pinyin ?? '',
    definition: term ? term.english : (reading?.definitions.slice(0, 3).join('; ') ?? ''),
    sentence: sentenceAt(block.text, main.start),
    url: location.href,
  });
  if (result.ok) return message('popoverSaved', 'Saved to your word list');
  return result.reason === 'full'
    ? message('popoverSaveFailed', 'Not saved: the word list is full. Export or delete some words first.')
    : `${message('popoverSaveError', 'Not saved')}: ${result.message}`;
}
