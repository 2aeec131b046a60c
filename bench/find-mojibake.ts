/**
 * Times findMojibake on 1 MB of text (UTF-8 size). Run:
 *   node --import tsx bench/find-mojibake.ts
 * Dev-only (Node's fs and perf_hooks).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { asLatin, utf8AsGbk } from '../src/damage/mojibake-damage.ts';
import { findMojibake } from '../src/core/mojibake/find-mojibake.ts';
import { gbk } from '../src/core/mojibake/tables.ts';

const MB = 1 << 20;
const samples = new URL('../samples/news/', import.meta.url);

function megabyte(seed: string): string {
  let s = '';
  while (new TextEncoder().encode(s).length < MB) s += seed;
  // Trim to 1 MB of UTF-8.
  while (new TextEncoder().encode(s).length > MB) s = s.slice(0, s.length - Math.max(1, Math.floor((new TextEncoder().encode(s).length - MB) / 3)));
  return s;
}

function time(label: string, text: string, runs = 7): void {
  const times: number[] = [];
  let edits = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    edits = findMojibake(text).edits.length;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const chars = text.length.toLocaleString('en');
  console.log(`${label.padEnd(46)} ${chars.padStart(9)} chars  median ${times[runs >> 1]!.toFixed(1).padStart(7)} ms  (min ${times[0]!.toFixed(1)})  edits ${edits}`);
}

const t0 = performance.now();
findMojibake('中文'); // builds the tables
console.log(`first call (builds GBK, Big5 and class tables): ${(performance.now() - t0).toFixed(1)} ms`);

const chinese = readdirSync(samples).map((f) => readFileSync(new URL(f, samples), 'utf8')).join('\n');
const simplified = readdirSync(samples).filter((f) => f.startsWith('simplified')).map((f) => readFileSync(new URL(f, samples), 'utf8')).join('\n');
const english =
  'The State Council held an executive meeting on Wednesday? Officials said the measures would be rolled out by June. ' +
  'Analysts at 3 banks — including one in Zürich — expect growth of 5.2% (year on year), “roughly in line” with forecasts.\n';

time('1 MB clean Chinese (samples/news, mixed scripts)', megabyte(chinese));
time('1 MB clean Chinese, ASCII punctuation (NFKC)', megabyte(chinese.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))));
time('1 MB clean English', megabyte(english));
time('1 MB pure ASCII English (no ’ — “)', megabyte(english.replace(/[^\x00-\x7f]/g, '-')));
const gbkSafe = [...simplified].filter((c) => c.charCodeAt(0) < 0x80 || gbk().encodeChar(c.charCodeAt(0))).join('');
time('1 MB GBK→Latin-1 mojibake (all damaged)', megabyte(asLatin(gbkSafe.slice(0, 20000), gbk(), 'Latin-1')));
time('1 MB UTF-8→GBK mojibake (all damaged)', megabyte(utf8AsGbk(gbkSafe.slice(0, 20000)).input));
