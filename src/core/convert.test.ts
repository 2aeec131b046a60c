import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Converter } from 'opencc-js';
import { parseLooseJson, readShared, skipUnlessShared } from '../testing/shared.ts';
import { convert, type Target } from './convert.ts';
import { applyEdits } from './edits.ts';

interface OpenCCCase { id: string; input: string; expected: Record<string, string> }

// Which OpenCC configuration each of our targets answers to, and the plain opencc-js converter for it.
const CONFIGS: { config: string; target: Target; from: string; to: string }[] = [
  { config: 'tw2s', target: 'cn', from: 'tw', to: 'cn' },
  { config: 's2tw', target: 'tw', from: 'cn', to: 'tw' },
  { config: 's2twp', target: 'twp', from: 'cn', to: 'twp' },
  { config: 's2hk', target: 'hk', from: 'cn', to: 'hk' },
];

const CASES = 'opencc-testcases/testcases.json';

test("OpenCC's own test cases: every target does at least as well as plain opencc-js", { skip: skipUnlessShared(CASES) }, async (t) => {
  const cases = (parseLooseJson(readShared(CASES)) as { cases: OpenCCCase[] }).cases;
  let oursTotal = 0;
  let plainTotal = 0;
  let checks = 0;
  for (const { config, target, from, to } of CONFIGS) {
    const plain = Converter({ from, to });
    let ours = 0;
    let base = 0;
    const misses: string[] = [];
    for (const c of cases) {
      const want = c.expected[config];
      if (want === undefined) continue;
      checks++;
      const got = (await convert(c.input, target)).text;
      if (got === want) ours++;
      else misses.push(`${c.id}: ${c.input} → ${got} (want ${want})`);
      if (plain(c.input) === want) base++;
    }
    t.diagnostic(`${config}: ours ${ours}, plain opencc-js ${base}${misses.length ? `; misses: ${misses.join(' | ')}` : ''}`);
    assert.ok(ours >= base, `${config}: ours ${ours} < opencc-js ${base}\n${misses.join('\n')}`);
    oursTotal += ours;
    plainTotal += base;
  }
  t.diagnostic(`total: ours ${oursTotal}/${checks}, plain ${plainTotal}/${checks}`);
});

test("OpenCC's golden text converts like opencc-js", { skip: skipUnlessShared('opencc-testcases/golden/input/us_constitution_zhs.txt') }, async () => {
  const input = readShared('opencc-testcases/golden/input/us_constitution_zhs.txt');
  for (const [target, file] of [['tw', 's2tw'], ['twp', 's2twp'], ['hk', 's2hk']] as const) {
    const want = readShared(`opencc-testcases/golden/output/us_constitution_zhs.${file}.txt`);
    const r = await convert(input, target);
    assert.equal(r.text, want, `golden ${file}`);
    assert.equal(applyEdits(input, r.edits), r.text);
  }
});

test('converting line by line gives what converting the whole text gives, for every target', async () => {
  const { converter } = await import('./opencc/index.ts');
  const text = '經濟社會發展\n着手\n他們說：「後來」\n\n乾隆皇帝，頭髮\n⿰言\n某發';
  for (const [target, id] of [['cn', 'tw2s'], ['tw', 's2tw'], ['hk', 's2hk'], ['twp', 's2twp']] as const) {
    const simplified = (await convert(text, 'cn')).text;
    const input = target === 'cn' ? text : simplified;
    const r = await convert(input, target);
    assert.equal(applyEdits(input, r.edits), r.text, target);
    if (target === 'cn') assert.equal(r.text, (await converter(id))(input));
  }
});
