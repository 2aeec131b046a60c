import { toAnkiTsv } from '../core/export/delimited.ts';
import { fix } from '../core/fix.ts';
import { loadGlossary } from '../core/glossary/load.ts';
import { pinyinWords } from '../core/pinyin.ts';
import { buildVocab, type VocabWord } from '../core/vocab.ts';
import { parseArgs } from './args.ts';
import { dictionaryReadings, loadDictionary } from './dictionary.ts';
import { readInputs, writeOut } from './io.ts';
import { UsageError } from './usage.ts';

/** The TSV columns: the word list's own names, so the file also imports into the extension's word list. */
export const VOCAB_TSV_COLUMNS = ['simplified', 'traditional', 'pinyin', 'definition', 'sentence', 'count'] as const;

/**
 * `zhengwen vocab [--json|--tsv] [--min-count N] [--known FILE] [FILE…]`: the
 * distinct words of the text after repair and conversion (fix, default
 * target), most frequent first, with pinyin in context, English and the first
 * sentence each occurs in.
 */
export async function vocabCommand(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, ['min-count', 'known'], ['json', 'tsv']);
  if (args.switches.has('json') && args.switches.has('tsv')) throw new UsageError('choose one of --json and --tsv');
  const minText = args.values.get('min-count') ?? '1';
  if (!/^\d+$/.test(minText) || Number(minText) < 1) throw new UsageError(`--min-count must be a whole number of at least 1 (got "${minText}")`);
  const minCount = Number(minText);
  const knownFile = args.values.get('known');
  if (knownFile === '-' && !args.positional.length) throw new UsageError('--known - reads standard input: give the text as a FILE');
  // Every input is read (and checked) before anything is written.
  const known = knownFile === undefined ? new Set<string>() : knownWords((await readInputs([knownFile]))[0]!.text);
  const inputs = await readInputs(args.positional);
  const [dictionary, glossary] = await Promise.all([loadDictionary(), loadGlossary()]);
  const texts: string[] = [];
  for (const input of inputs) texts.push((await fix(input.text)).text);
  const words = (await buildVocab(texts.join('\n'), { dictionary, glossary, readSentence }))
    .filter((w) => w.count >= minCount && !isKnown(w, known));
  if (args.switches.has('json')) await writeOut(JSON.stringify(words.map(toJson), null, 2) + '\n');
  else if (args.switches.has('tsv')) await writeOut(toAnkiTsv(VOCAB_TSV_COLUMNS, words.map((w) => [w.simplified, w.traditional, w.pinyin, w.english, w.sentence, String(w.count)])));
  else await writeOut(words.map(describe).join(''));
  return 0;
}

/**
 * The words of a --known file: one per line, either script; blank lines and
 * `#` lines are skipped, and only the first tab- or comma-separated field
 * counts, so a word-list export (TSV or CSV) serves as is.
 */
export function knownWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const line of text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/)) {
    if (line.startsWith('#')) continue;
    const word = line.split(/[\t,]/)[0]!.trim().replace(/^"|"$/g, '');
    if (word) out.add(word);
  }
  return out;
}

const isKnown = (w: VocabWord, known: ReadonlySet<string>): boolean => known.has(w.word) || known.has(w.simplified) || known.has(w.traditional);

/** Numbered readings in context, one per UTF-16 unit of the sentence ('' outside Han words), from pinyin-pro. */
async function readSentence(sentence: string): Promise<string[]> {
  const out: string[] = [];
  for (const w of await pinyinWords(sentence, 'num', dictionaryReadings)) {
    if (w.syllables.length === w.text.length) out.push(...w.syllables.map((s) => s.text));
    else out.push(...Array.from({ length: w.text.length }, () => ''));
  }
  return out;
}

/** The stable JSON shape of one word (documented in usage.ts). */
function toJson(w: VocabWord): Record<string, unknown> {
  return {
    word: w.word, simplified: w.simplified, traditional: w.traditional, pinyin: w.pinyin, count: w.count,
    english: w.english, sentence: w.sentence, source: w.source,
  };
}

function describe(w: VocabWord): string {
  const forms = w.word === w.simplified && w.simplified === w.traditional ? w.word : [...new Set([w.word, w.simplified, w.traditional])].join(' ');
  return `${forms}  ${w.pinyin}  ×${w.count}${w.english ? `  ${w.english}` : ''}\n    ${w.sentence}\n`;
}
