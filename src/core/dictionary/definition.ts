/**
 * CC-CEDICT senses made readable: its cross-reference markup
 * "abbr. of 中國|中国[Zhong1 guo2]" is written "abbr. of 中国 (Zhōngguó)",
 * in the script the reader reads, and bare readings "[bai2 bai2]" get tone marks.
 */
import { formatPinyin } from './pinyin-format.ts';

/** A traditional|simplified[pinyin] or word[pinyin] reference, or a bare [pinyin]. */
const REFERENCE = /([\p{Script=Han}\p{Script=Latin}\d·，、…]+)(?:\|([\p{Script=Han}\p{Script=Latin}\d·，、…]+))?\[([A-Za-z:0-9 ,·-]+)\]|\[([a-zA-Z:]+[1-5](?: [a-zA-Z:]+[1-5])*)\]/gu;

/** A traditional|simplified pair without a reading ("重慶|重庆"). */
const PAIR = /(\p{Script=Han}+)\|(\p{Script=Han}+)(?!\p{Script=Han}|\[)/gu;

/** One sense with its cross-references written for reading. */
export function renderSense(sense: string, script: 'simplified' | 'traditional', tone: 'mark' | 'num' = 'mark'): string {
  return sense.replace(PAIR, (_whole, traditional: string, simplified: string) => (script === 'simplified' ? simplified : traditional)).replace(REFERENCE, (whole, first: string | undefined, second: string | undefined, reading: string | undefined, bare: string | undefined) => {
    if (bare !== undefined) return `[${formatPinyin(bare, tone)}]`;
    if (first === undefined || reading === undefined) return whole;
    // Without a bar the word is the same in both scripts.
    const word = second !== undefined && script === 'simplified' ? second : first;
    return `${word} (${formatPinyin(reading, tone)})`;
  });
}
