/**
 * The word under the pointer and what the popover says of it: the lookup
 * over the glossary and the dictionary (src/core/dictionary/word-lookup.ts)
 * on a window of the block's text, turned into popover content in the
 * reader's script, tone style and language.
 */
import { renderSense } from '../core/dictionary/definition.ts';
import { toneSyllables } from '../core/dictionary/pinyin-format.ts';
import type { DictionaryEntry } from '../core/dictionary/types.ts';
import { lookupWord, orderByReading, type PageRegion, type WordLookup } from '../core/dictionary/word-lookup.ts';
import type { GlossaryMatcher } from '../core/glossary/matcher.ts';
import { CATEGORY_LABELS } from '../core/glossary/types.ts';
import type { Settings } from '../shared/settings.ts';
import { dictionaryAround } from './dictionary-client.ts';
import { ext } from './extension-api.ts';
import { loadedPinyin } from './load-pinyin.ts';
import type { EntryContent } from './popover-entry.ts';

/** A word found under the pointer, with its popover content. */
export interface WordEntry {
  start: number;
  end: number;
  lookup: WordLookup;
  content: EntryContent;
}

const MAX_READINGS = 6;
const MAX_SENSES = 10;

/** A message from _locales, or the English fallback where i18n is missing (tests of the engine alone). */
function label(name: string, fallback: string, substitutions?: string[]): string {
  try {
    return ext().i18n?.getMessage(name, substitutions) || fallback;
  } catch {
    return fallback;
  }
}

/** Looks up the word covering text[offset] and builds its popover content. */
export async function wordEntryAt(
  text: string,
  offset: number,
  options: { settings: Settings; glossary?: GlossaryMatcher; region: PageRegion },
): Promise<WordEntry | undefined> {
  const dictionary = await dictionaryAround(text, offset);
  const lookup = lookupWord(text, offset, { dictionary, glossary: options.glossary, region: options.region });
  if (!lookup) return undefined;
  const { main } = lookup;
  let entries = main.entries;
  // Several readings (行 xíng/háng, 地 de/dì): the one heard here first, as pinyin-pro reads the
  // sentence, when ruby has loaded it; the popover never loads it (~3–4 MB of heap in the tab):
  // then common words come before names, in CC-CEDICT's order, as Zhongwen shows them.
  const pinyin = loadedPinyin();
  if (pinyin && new Set(entries.map((e) => e.pinyin.toLowerCase())).size > 1) {
    const reading = await (await pinyin).readingIn(text, main.start, main.start + main.length).catch(() => undefined);
    entries = orderByReading(entries, reading);
  } else {
    entries = orderByReading(entries, undefined);
  }
  const s = options.settings;
  const tone = s.toneStyle;
  const first: DictionaryEntry | undefined = entries[0];
  const term = main.glossary[0];
  const isTraditional = first ? main.word === first.traditional && first.traditional !== first.simplified : !!term && main.word === term.traditional && term.traditional !== term.simplified;
  const script = isTraditional ? 'traditional' : 'simplified';
  const other = first ? (isTraditional ? first.simplified : first.traditional) : term ? (isTraditional ? term.simplified : term.traditional) : undefined;
  const lang = s.explanationLanguage;
  const content: EntryContent = {
    kind: 'entry',
    word: main.word,
    other: other && other !== main.word ? other : undefined,
    readings: entries.slice(0, MAX_READINGS).map((e) => ({
      syllables: toneSyllables(e.pinyin, tone),
      definitions: e.definitions.slice(0, MAX_SENSES).map((d) => renderSense(d, script, tone)),
      classifiers: e.classifiers.map((c) => `${script === 'traditional' ? c.traditional : c.simplified} ${toneSyllables(c.pinyin, tone).map((x) => x.text).join('')}`),
    })),
    terms: s.popovers ? main.glossary.map((g) => ({
      pinyin: g.pinyin,
      english: g.english,
      category: `${CATEGORY_LABELS[g.category]?.en ?? g.category} · ${CATEGORY_LABELS[g.category]?.zh ?? ''}`,
      explanation: { en: lang !== 'zh' ? g.explanation.en : undefined, zh: lang !== 'en' ? g.explanation.zh : undefined },
      dates: [
        ...(g.former ? [label('popoverFormer', `Former name, until ${g.former.until}; now ${g.former.replacedBy}`, [g.former.until, g.former.replacedBy])] : []),
        ...(g.asOf ? [label('popoverAsOf', `Facts as of ${g.asOf}`, [g.asOf])] : []),
      ],
    })) : [],
    name: lookup.name && {
      surnameText: lookup.name.surname,
      givenText: lookup.name.given,
      surname: toneSyllables(lookup.name.surnamePinyin, tone),
      // A given name is written as one word with a capital: Qīngyáo.
      given: capitalize(toneSyllables(lookup.name.givenPinyin, tone)),
    },
    shorter: lookup.shorter.map((w) => {
      const e = w.entries[0];
      const g = w.glossary[0];
      return {
        word: w.word,
        pinyin: e ? toneSyllables(e.pinyin, tone).map((x) => x.text).join('') : g?.pinyin ?? '',
        gloss: s.popovers && g ? g.english : e ? e.definitions.slice(0, 2).map((d) => renderSense(d, script, tone)).join('; ') : g?.english ?? '',
      };
    }),
    labels: {
      name: label('popoverName', 'Personal name'),
      surname: label('popoverSurname', 'surname'),
      givenName: label('popoverGivenName', 'given name'),
      measureWords: label('popoverMeasureWords', 'Measure words'),
      alsoHere: label('popoverAlsoHere', 'Shorter words here'),
      glossary: label('popoverGlossary', 'Glossary'),
    },
    showPinyin: s.pinyin !== 'off',
  };
  return { start: main.start, end: main.start + main.length, lookup, content };
}

function capitalize(list: { text: string; tone: number }[]): { text: string; tone: number }[] {
  return list.map((x, i) => (i === 0 ? { ...x, text: x.text.charAt(0).toUpperCase() + x.text.slice(1) } : x));
}

/** The entry as plain text, for copying: word, other script, pinyin and senses. */
export function entryText(c: EntryContent): string {
  const lines = [c.other ? `${c.word} ${c.other}` : c.word];
  if (c.name) lines.push(`${c.name.surnameText} ${c.name.surname.map((s) => s.text).join('')} · ${c.name.givenText} ${c.name.given.map((s) => s.text).join('')}`);
  for (const r of c.readings) lines.push(`${r.syllables.map((s) => s.text).join(' ')}\t${r.definitions.join('; ')}`);
  for (const t of c.terms) lines.push(`${t.english}${t.explanation.en ? ` — ${t.explanation.en}` : ''}`);
  return lines.join('\n');
}
