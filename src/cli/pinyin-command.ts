import { pinyinText, type ToneStyle } from '../core/pinyin.ts';
import { oneOf, parseArgs } from './args.ts';
import { dictionaryReadings } from './dictionary.ts';
import { readInputs, writeOut } from './io.ts';

const TONES: readonly ToneStyle[] = ['mark', 'num', 'none'];

/** `zhengwen pinyin [--tone mark|num|none] [TEXT]`: word-level pinyin, line by line. */
export async function pinyinCommand(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, ['tone'], []);
  const tone = oneOf('tone', args.values.get('tone') ?? 'mark', TONES);
  const text = args.positional.length ? args.positional.join(' ') : (await readInputs([]))[0]!.text;
  const lines = text.replace(/\n$/, '').split('\n');
  const out: string[] = [];
  for (const line of lines) out.push(await pinyinText(line, tone, dictionaryReadings));
  await writeOut(out.join('\n') + '\n');
  return 0;
}
