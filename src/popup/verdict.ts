/**
 * The popup's words for a page: the verdict as plain sentences in the
 * reader's language, built from the page's structured counts (never from
 * the engine's technical verdict string), and plain names for each kind of
 * change. Pure: the translation function is passed in.
 */
import type { PageState } from '../shared/messages.ts';

/** A UI string by key, with $1… substitutions; the fallback (English) when the locale has none. */
export type Translate = (key: string, fallback: string, substitutions?: string[]) => string;

/** Names of the target scripts, for "Converted N characters to …". */
const TARGET_NAMES: Record<string, [string, string]> = {
  cn: ['targetCn', 'Simplified'],
  tw: ['targetTw', 'Traditional (Taiwan)'],
  twp: ['targetTwp', 'Traditional with Taiwan vocabulary'],
  hk: ['targetHk', 'Traditional (Hong Kong)'],
};

/** What the page is written in, when it is not a mirror. */
const SCRIPT_SENTENCES: Record<string, [string, string]> = {
  simplified: ['pageSimplified', 'This page is in Simplified Chinese.'],
  traditional: ['pageTraditional', 'This page is in Traditional Chinese.'],
  mixed: ['pageMixed', 'This page mixes Simplified and Traditional Chinese.'],
};

/** A counted phrase: the `One` variant of the key for one thing where the language has a singular. */
function counted(t: Translate, lang: string, key: string, n: number, one: string, other: string): string {
  const formatted = n.toLocaleString(lang);
  const singular = new Intl.PluralRules(lang).select(n) === 'one';
  return singular ? t(`${key}One`, one.replace('$1', formatted), [formatted]) : t(key, other.replace('$1', formatted), [formatted]);
}

/** "a, b and c" in the reader's language. */
function list(lang: string, parts: string[]): string {
  try {
    return new Intl.ListFormat(lang, { type: 'conjunction' }).format(parts);
  } catch {
    return parts.join(', ');
  }
}

/** The verdict: one to four short sentences. */
export function verdictSentences(state: PageState | undefined, t: Translate, lang: string): string[] {
  if (!state) return [t('noChinese', 'No Chinese text on this page.')];
  if (!state.active) return [t('offHere', 'Zhengwen is off on this page.')];
  if (state.showingOriginal) return [t('showingOriginal', 'Showing the original text.')];
  const c = state.counts;
  const out: string[] = [];
  if (state.mirror) out.push(t('verdictMirror', 'This page was machine-converted by a mirror site.'));
  else {
    const s = SCRIPT_SENTENCES[state.script ?? ''];
    if (s) out.push(t(s[0], s[1]));
  }
  const removed: string[] = [];
  if (c.pinyin > 0) removed.push(counted(t, lang, 'removedPinyin', c.pinyin, '$1 inserted pinyin', '$1 inserted pinyin'));
  if (c.punctuation > 0) removed.push(counted(t, lang, 'removedCommas', c.punctuation, '$1 stray comma', '$1 stray commas'));
  if (removed.length) out.push(t('removedSentence', `Removed ${list(lang, removed)}.`, [list(lang, removed)]));
  if (c.mojibake > 0) out.push(counted(t, lang, 'repairedGarbled', c.mojibake, 'Repaired $1 garbled passage.', 'Repaired $1 garbled passages.'));
  if (c.converted > 0) {
    const n = c.converted.toLocaleString(lang);
    if (state.mirror && state.target === 'cn') out.push(t('restoredSimplified', `Restored ${n} characters to Simplified.`, [n]));
    else {
      const [key, fallback] = TARGET_NAMES[state.target] ?? ['', state.target];
      const name = key ? t(key, fallback) : fallback;
      out.push(t('convertedTo', `Converted ${n} characters to ${name}.`, [n, name]));
    }
  }
  if (state.lost > 0) out.push(counted(t, lang, 'lostMarked', state.lost, 'Marked $1 character lost in the damage; it cannot be recovered.', 'Marked $1 characters lost in the damage; they cannot be recovered.'));
  if (removed.length === 0 && c.mojibake === 0 && c.converted === 0 && state.lost === 0) out.push(t('nothingChanged', 'Nothing needed changing.'));
  return out;
}

/** Plain names for each kind of change in "What changed". */
export const KIND_NAMES: Record<string, [string, string]> = {
  pinyin: ['kindPinyin', 'Inserted pinyin removed'],
  punctuation: ['kindPunctuation', 'Stray commas removed'],
  mojibake: ['kindMojibake', 'Garbled text repaired'],
  convert: ['kindConvert', 'Characters converted'],
};
