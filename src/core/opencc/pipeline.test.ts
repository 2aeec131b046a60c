import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as cn2t from 'opencc-js/cn2t';
import * as t2cn from 'opencc-js/t2cn';
import { allSamples, Rng } from '../../testing/fuzz.ts';
import { parseLooseJson, readShared, skipUnlessShared } from '../../testing/shared.ts';
import { converter } from './index.ts';
import { DICT_NAMES, type ConversionId } from './pipelines.ts';
import { readDict } from './table-source.ts';

// Our pipelines must give exactly what opencc-js gives: these are the converters they replace.
// tw2cn is tw2s with our own phrases first (zhengwen-phrases.ts): tested against tw2s below.
const OPENCC: Record<Exclude<ConversionId, 'tw2cn'>, () => (s: string) => string> = {
  tw2s: () => t2cn.Converter({ from: 'tw', to: 'cn' }),
  s2tw: () => cn2t.Converter({ from: 'cn', to: 'tw' }),
  s2twp: () => cn2t.Converter({ from: 'cn', to: 'twp' }),
  s2hk: () => cn2t.Converter({ from: 'cn', to: 'hk' }),
  t2tw: () => cn2t.Converter({ from: 't', to: 'tw' }),
  t2twp: () => cn2t.Converter({ from: 't', to: 'twp' }),
  t2hk: () => cn2t.Converter({ from: 't', to: 'hk' }),
};
const IDS = Object.keys(OPENCC) as (keyof typeof OPENCC)[];

/** Random text built from the dictionaries' own keys (so phrases meet and overlap) and awkward characters. */
async function generatedTexts(seed: number, count: number): Promise<string[]> {
  const keys: string[] = [];
  for (const name of DICT_NAMES) for (const line of (await readDict(name)).split('|')) keys.push(line.split(' ')[0]!);
  const odd = ['⿰', '⿲', '⿱言', '𠀋', '\ud840', '\udc00', ' ', '，', 'a', '\n', '々', '〇', '豈', '著', '着', '台', '臺', '里', '裏', '干', '乾', '發', '后', '後'];
  const rng = new Rng(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let s = '';
    const n = rng.range(1, 12);
    for (let j = 0; j < n; j++) {
      const k = rng.pick(keys);
      // Whole keys, cut keys (a phrase that stops short) and odd characters.
      s += rng.chance(0.7) ? k : rng.chance(0.5) ? k.slice(0, rng.range(1, Math.max(1, k.length - 1))) : rng.pick(odd);
    }
    out.push(s);
  }
  return out;
}

test('every conversion equals opencc-js on the sample texts, line by line and whole', async () => {
  const lines = allSamples().flatMap((s) => s.text.split('\n'));
  assert.ok(lines.length > 100);
  for (const id of IDS) {
    const theirs = OPENCC[id]();
    const ours = await converter(id);
    for (const line of lines) assert.equal(ours(line), theirs(line), `${id}: ${line}`);
    const whole = lines.join('\n');
    assert.equal(ours(whole), theirs(whole), `${id} on all samples at once`);
  }
});

test('texts longer than the reused buffers convert right, and so does a short one after them', async () => {
  // The conversion writes into shared buffers that grow for a long text and are let go after it.
  const whole = allSamples().map((s) => s.text).join('\n');
  const long = whole.repeat(Math.ceil(600_000 / whole.length));
  for (const id of ['tw2s', 's2tw'] as const) {
    const theirs = OPENCC[id]();
    const ours = await converter(id);
    for (const text of [long, '發展', long.slice(1), '', '\ud840發']) assert.ok(ours(text) === theirs(text), `${id}: ${text.length} code units`);
  }
});

test('every conversion equals opencc-js on 3,000 generated texts of dictionary keys and awkward characters', async () => {
  const texts = await generatedTexts(20261127, 3000);
  for (const id of IDS) {
    const theirs = OPENCC[id]();
    const ours = await converter(id);
    let changed = 0;
    for (const s of texts) {
      const want = theirs(s);
      assert.equal(ours(s), want, `${id}: ${JSON.stringify(s)}`);
      if (want !== s) changed++;
    }
    // The texts must exercise the tables, not pass through untouched.
    assert.ok(changed > 100, `${id}: only ${changed} texts changed`);
  }
});

const CASES = 'opencc-testcases/testcases.json';
test("every conversion equals opencc-js on OpenCC's own test inputs and golden texts", { skip: skipUnlessShared(CASES) }, async () => {
  const inputs = (parseLooseJson(readShared(CASES)) as { cases: { input: string }[] }).cases.map((c) => c.input);
  inputs.push(readShared('opencc-testcases/golden/input/us_constitution_zhs.txt'));
  for (const id of IDS) {
    const theirs = OPENCC[id]();
    const ours = await converter(id);
    for (const s of inputs) assert.equal(ours(s), theirs(s), `${id}: ${s.slice(0, 40)}`);
  }
});

test('a long run of description characters does not overflow the stack (opencc-js does) nor take quadratic time', async () => {
  const ours = await converter('tw2s');
  const s = '⿰'.repeat(200_000) + '發';
  assert.equal(ours(s).length, s.length);
});

test('no key of any table holds a newline: lines convert alone (convert.ts relies on it)', async () => {
  const { allGroups } = await import('./pipelines.ts');
  const { loadTable } = await import('./table-source.ts');
  for (const g of allGroups()) {
    const t = await loadTable(g);
    assert.equal(t.keys.indexOf(0x0a), -1, g.join('+'));
  }
});

test("tw2cn equals opencc-js's tw2s wherever none of our phrases occurs, and differs only around them", async () => {
  const { ZHENGWEN_PHRASES } = await import('./zhengwen-phrases.ts');
  const keys = ZHENGWEN_PHRASES.split('|').map((l) => l.split(' ')[0]!);
  const theirs = OPENCC.tw2s();
  const ours = await converter('tw2cn');
  const texts = [...allSamples().flatMap((s) => s.text.split('\n')), ...(await generatedTexts(20261206, 3000))];
  let compared = 0;
  let differing = 0;
  for (const s of texts) {
    if (keys.some((k) => s.includes(k))) {
      if (ours(s) !== theirs(s)) differing++;
      continue;
    }
    compared++;
    assert.equal(ours(s), theirs(s), JSON.stringify(s));
  }
  assert.ok(compared > 2000, `only ${compared} texts without our phrases`);
  assert.ok(differing > 0, 'the generated texts hold some of our phrases (their keys are among the dictionaries read)');
});
