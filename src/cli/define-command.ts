import { renderSense } from '../core/dictionary/definition.ts';
import { loadDictionary } from './dictionary.ts';
import { formatPinyin } from '../core/dictionary/pinyin-format.ts';
import type { DictionaryEntry, DictionaryWord } from '../core/dictionary/types.ts';
import { lookupWord, type FoundWord, type WordLookup } from '../core/dictionary/word-lookup.ts';
import { loadGlossary } from '../core/glossary/load.ts';
import { CATEGORY_LABELS, type GlossaryEntry } from '../core/glossary/types.ts';
import { parseArgs } from './args.ts';
import { writeOut } from './io.ts';
import { UsageError } from './usage.ts';

/**
 * `zhengwen define [--json] WORD…`: for each argument, the longest word at its
 * start over the glossary and CC-CEDICT together (glossary entry first), then
 * the shorter words starting there. Exit 1 when an argument finds nothing
 * (the others are still printed), 2 on a usage error.
 */
export async function defineCommand(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, [], ['json']);
  const queries = args.positional.map((q) => q.trim());
  if (!queries.length) throw new UsageError('define needs at least one word (zhengwen define 银行)');
  const [dictionary, glossary] = await Promise.all([loadDictionary(), loadGlossary()]);
  const results = queries.map((query) => ({ query, lookup: lookupWord(query, 0, { dictionary, glossary }) }));
  const json = args.switches.has('json');
  await writeOut(json ? JSON.stringify(results.map((r) => toJson(r.query, r.lookup)), null, 2) + '\n' : results.map((r) => describe(r.query, r.lookup)).join('\n'));
  const missing = results.filter((r) => !r.lookup);
  for (const r of missing) process.stderr.write(`zhengwen: nothing found for "${r.query}"\n`);
  return missing.length ? 1 : 0;
}

/** The words of a lookup, main word first. */
const wordsOf = (l: WordLookup): FoundWord[] => [l.main, ...l.shorter];

/** The script a word was written in, for rendering cross-references. */
const scriptOf = (written: string, e: DictionaryWord): 'simplified' | 'traditional' =>
  written === e.traditional && e.traditional !== e.simplified ? 'traditional' : 'simplified';

/** One dictionary entry in the stable JSON shape (documented in usage.ts). */
function entryJson(written: string, e: DictionaryEntry): Record<string, unknown> {
  const script = scriptOf(written, e);
  return {
    simplified: e.simplified,
    traditional: e.traditional,
    pinyin: formatPinyin(e.pinyin, 'mark'),
    pinyinNumbered: e.pinyin,
    properNoun: /^[A-Z]/.test(e.pinyin),
    definitions: e.definitions.map((d) => renderSense(d, script)),
    measureWords: e.classifiers.map((c) => ({ simplified: c.simplified, traditional: c.traditional, pinyin: formatPinyin(c.pinyin, 'mark') })),
  };
}

function glossaryJson(g: GlossaryEntry): Record<string, unknown> {
  return {
    simplified: g.simplified, traditional: g.traditional, pinyin: g.pinyin, english: g.english,
    category: g.category, explanation: { en: g.explanation.en, zh: g.explanation.zh },
  };
}

function toJson(query: string, l: WordLookup | undefined): Record<string, unknown> {
  return {
    query,
    found: l !== undefined,
    words: l ? wordsOf(l).map((w, i) => ({
      word: w.word,
      name: i === 0 && l.name ? {
        surname: l.name.surname, given: l.name.given,
        pinyin: formatPinyin(l.name.surnamePinyin, 'mark') + ' ' + formatPinyin(l.name.givenPinyin, 'mark'),
      } : null,
      glossary: w.glossary.map(glossaryJson),
      entries: w.entries.map((e) => entryJson(w.word, e)),
    })) : [],
  };
}

/** Both scripts, once when they are the same. */
const forms = (w: { simplified: string; traditional: string }): string =>
  w.simplified === w.traditional ? w.simplified : `${w.simplified} ${w.traditional}`;

/** The human-readable text of one argument's lookup. */
function describe(query: string, l: WordLookup | undefined): string {
  if (!l) return `${query}: nothing found\n`;
  const lines: string[] = [];
  wordsOf(l).forEach((w, i) => {
    if (i > 0) lines.push('');
    if (i === 0 && l.name) {
      lines.push(`${w.word}  personal name: ${l.name.surname} ${formatPinyin(l.name.surnamePinyin, 'mark')} (surname) + ${l.name.given} ${formatPinyin(l.name.givenPinyin, 'mark')}`);
    }
    for (const g of w.glossary) {
      lines.push(`${forms(g)}  ${g.pinyin}  [glossary: ${CATEGORY_LABELS[g.category].en}]`);
      lines.push(`  ${g.english}`);
      lines.push(`  ${g.explanation.en}`);
    }
    for (const e of w.entries) {
      const script = scriptOf(w.word, e);
      lines.push(`${forms(e)}  ${formatPinyin(e.pinyin, 'mark')}`);
      for (const d of e.definitions) lines.push(`  - ${renderSense(d, script)}`);
      if (e.classifiers.length) {
        lines.push(`  measure words: ${e.classifiers.map((c) => `${forms(c)} ${formatPinyin(c.pinyin, 'mark')}`).join(', ')}`);
      }
    }
  });
  return lines.join('\n') + '\n';
}
