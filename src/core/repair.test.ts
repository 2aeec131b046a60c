import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { damage } from '../damage/mirror-damage.ts';
import { asLatin } from '../damage/mojibake-damage.ts';
import { gbk } from './mojibake/tables.ts';
import { repair } from './repair.ts';

const samples = (dir: string): string[] => {
  const root = new URL(`../../samples/${dir}/`, import.meta.url);
  return readdirSync(root).filter((f) => f.endsWith('.txt')).flatMap((f) => readFileSync(new URL(f, root), 'utf8').split('\n').filter(Boolean));
};

test('findingsOnly (a page verdict given) repairs exactly as judging each text would', () => {
  const lines = [...samples('news'), ...samples('learner'), ...samples('clean')];
  const damaged = damage(lines.filter((l) => /[\u4e00-\u9fff]/.test(l)).join('\n'), { seed: 7, tableShare: 0.3, commaRate: 0.3 }).split('\n');
  // Some lines with mojibake too (GBK bytes shown as Latin-1, inside otherwise clean text).
  const texts = [...lines, ...damaged, ...damaged.slice(0, 20).map((l, i) => l.slice(0, 10) + asLatin(l.slice(10, 20 + i), gbk(), 'Latin-1') + l.slice(20 + i))];
  let changed = 0;
  for (const mirror of [{ pinyin: true, punctuation: true }, { pinyin: true, punctuation: false }, { pinyin: false, punctuation: true }, { pinyin: false, punctuation: false }]) {
    for (const text of texts) {
      const judged = repair(text, { mirror });
      const known = repair(text, { mirror, findingsOnly: true });
      assert.equal(known.text, judged.text, text);
      assert.deepEqual(known.edits, judged.edits, text);
      assert.deepEqual(known.lost, judged.lost, text);
      if (judged.edits.length) changed++;
    }
  }
  assert.ok(changed > 100, `only ${changed} texts changed: the test would prove little`);
});
