import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { damage } from '../damage/mirror-damage.ts';
import { seededRandom } from '../damage/random.ts';
import { analyze, analyzeInPieces } from './analyze.ts';

// The content script judges a page with analyzeInPieces: it must say exactly what analyze says.

const SAMPLES = [
  'news/simplified-01.txt', 'news/simplified-05.txt', 'news/taiwan-01.txt', 'news/hongkong-01.txt',
  'learner/simplified-vocabulary.txt', 'learner/simplified-lesson.txt', 'learner/traditional-lesson.txt',
  'clean/academic-simplified.txt', 'clean/mixed-script-notes.txt',
];
const read = (path: string): string => readFileSync(new URL(`../../samples/${path}`, import.meta.url), 'utf8');
const noPause = async (): Promise<void> => undefined;

/** Texts with what analyze looks for right at line ends and starts: brackets, commas, leftovers, astral Han. */
function edgeText(seed: number): string {
  const random = seededRandom(seed);
  const bits = ['網', '(wǎng)', '（wǎng）', ',', '，', '。', '、', '并', '先', '后', '勇', '于', '𠮷', '\n', '\n', 'a', ' ', '經(jīng)', '的(de)(de)', '銀行', '(yínháng)', '1,', '区'];
  let s = '';
  for (let i = 0; i < 400; i++) s += bits[Math.floor(random() * bits.length)];
  return s;
}

const texts: [string, string][] = [
  ...SAMPLES.map((p): [string, string] => [p, read(p)]),
  ...SAMPLES.slice(0, 4).map((p, i): [string, string] => [`${p}, mirror-damaged`, damage(read(p), { seed: i + 1, tableShare: 0.5, commaRate: 0.3 })]),
  ...[1, 2, 3, 4, 5].map((seed): [string, string] => [`edge text ${seed}`, edgeText(seed)]),
  ['empty', ''],
  ['one line', '網(wǎng)絡(luò)新聞,。'],
  ['only line ends', '\n\n\n'],
];

for (const [name, text] of texts) {
  test(`analyzeInPieces equals analyze: ${name}`, async () => {
    const whole = analyze(text);
    for (const size of [1, 7, 64, 1000, 1 << 20]) {
      const pieces = await analyzeInPieces(text, noPause, size);
      assert.deepEqual(pieces, whole, `pieces of ${size}`);
    }
  });
}
