/**
 * Property and fuzz tests of the engine: thousands of generated inputs per
 * run, all drawn from the seeded generators in src/testing/fuzz.ts.
 *
 *   1. fix is idempotent, for every target (tw, twp, hk on a smaller sample);
 *   2. repair removes only bracketed pinyin after a Han character and single
 *      stray commas (mojibake restorations are checked as such);
 *   3. edits are exact: sorted, non-overlapping, original = input there,
 *      applyEdits gives the output and undoEdits gives the input back;
 *   4. text without Han passes through byte for byte, for every target;
 *   5. random Unicode never throws and never corrupts (no new lone surrogate,
 *      NUL or U+FFFD; no edit cuts a surrogate pair);
 *   6. big inputs (10 M code units and more) finish without an exception;
 *   7. analyze never throws and its figures agree;
 *   8. fixText (no edit list) gives fix's text, verdict, target and lost spans.
 *
 * Long runs: node --import tsx scripts/fuzz-long.ts --cases 200000 --seed N
 *
 * Every run prints its seed (t.diagnostic). To reproduce a failing run:
 *   ZHENGWEN_FUZZ_SEED=<seed> node --import tsx --test src/core/property.test.ts
 * A failure also names the case seed, regenerated alone by
 * generate(caseSeed, mix) in src/testing/fuzz.ts, and prints the smallest failing input
 * the shrinker found, JSON-escaped.
 *
 * Environment:
 *   ZHENGWEN_FUZZ_SEED      run seed (decimal or 0x hex); default: fixed, so CI runs are reproducible
 *   ZHENGWEN_FUZZ_CASES     total generated cases (default 14,300), spread over the properties in the default proportions
 *   ZHENGWEN_FUZZ_BIG       size of the two largest inputs in million code units (default 10; 0 leaves them out)
 *   ZHENGWEN_FUZZ_BIG_TIMEOUT  seconds one big input may run before it counts as hung (default 60)
 *   ZHENGWEN_FUZZ_SLOW      seconds one generated case may take before it counts as a blow-up (default 10)
 *   ZHENGWEN_FUZZ_PROGRESS  print progress to stderr (scripts/fuzz-long.ts sets it)
 */
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { Worker } from 'node:worker_threads';
import { analyze } from './analyze.ts';
import { applyEdits, undoEdits, type Edit } from './edits.ts';
import { fix, fixText, type FixResult, type FixTarget } from './fix.ts';
import { repair } from './repair.ts';
import { detectScript } from './script.ts';
import {
  bigInputSpecs, damagedUnit, generate, mixSeed, parseSeed, shrink, showInput,
  type BigInputMessage, type BigInputResult, type BigInputSpec, type Generated, type Mix,
} from '../testing/fuzz.ts';

// A fixed default keeps CI reproducible (a red run can be replayed as is); the long mode
// (scripts/fuzz-long.ts) and ZHENGWEN_FUZZ_SEED sample new cases.
const SEED = process.env.ZHENGWEN_FUZZ_SEED ? parseSeed(process.env.ZHENGWEN_FUZZ_SEED) : 20261127;
const PROGRESS = Boolean(process.env.ZHENGWEN_FUZZ_PROGRESS);
const BIG = process.env.ZHENGWEN_FUZZ_BIG === undefined ? 10 : Number(process.env.ZHENGWEN_FUZZ_BIG);
const BIG_TIMEOUT = Number(process.env.ZHENGWEN_FUZZ_BIG_TIMEOUT ?? 60);
/** A generated case (a few thousand code units at most) normally takes milliseconds; this long means a blow-up. */
const SLOW_MS = Number(process.env.ZHENGWEN_FUZZ_SLOW ?? 10) * 1000;
if (!(BIG >= 0)) throw new Error(`ZHENGWEN_FUZZ_BIG must be a number ≥ 0 (million code units), not ${process.env.ZHENGWEN_FUZZ_BIG}`);

/** Cases per property in the default run (sized for under ~40 s on two cores). */
const BASE = {
  /** Properties 1 and 3 share these inputs: auto, keep, cn. */
  engine: 1500,
  /** The same properties for tw, twp and hk. */
  engineSlow: 150,
  repair: 3000,
  nonHan: 2000,
  unicode: 1500,
  unicodeSlow: 150,
  analyze: 6000,
};
const BASE_TOTAL = Object.values(BASE).reduce((a, b) => a + b, 0);
const SCALE = process.env.ZHENGWEN_FUZZ_CASES ? Number(process.env.ZHENGWEN_FUZZ_CASES) / BASE_TOTAL : 1;
if (!(SCALE > 0)) throw new Error(`ZHENGWEN_FUZZ_CASES must be a positive number, not ${process.env.ZHENGWEN_FUZZ_CASES}`);
const CASES = Object.fromEntries(Object.entries(BASE).map(([k, v]) => [k, Math.max(1, Math.round(v * SCALE))])) as typeof BASE;

const FAST: FixTarget[] = ['auto', 'keep', 'cn'];
const SLOW: FixTarget[] = ['tw', 'twp', 'hk'];
const ALL: FixTarget[] = [...FAST, ...SLOW];

const REPRODUCE = `ZHENGWEN_FUZZ_SEED=${SEED}${process.env.ZHENGWEN_FUZZ_CASES ? ` ZHENGWEN_FUZZ_CASES=${process.env.ZHENGWEN_FUZZ_CASES}` : ''} node --import tsx --test src/core/property.test.ts`;

// ---------------------------------------------------------------------------
// Big inputs run in a worker thread from the start, beside the other properties
// (the second core), and property 6 waits for them at the end.

const bigRun = startBigInputs();

/**
 * Runs the big inputs one after another in a worker thread. An input that
 * has not finished after BIG_TIMEOUT seconds (a hang, not slowness: the
 * largest take seconds) or that kills the worker (out of memory) is reported
 * as such, and a fresh worker takes the remaining inputs.
 */
function startBigInputs(): { specs: BigInputSpec[]; results: Map<string, Promise<BigInputResult>>; hold: () => void } {
  const unit = damagedUnit(mixSeed(SEED, 'big-damaged'));
  const specs = bigInputSpecs(SEED, BIG, unit);
  const results = new Map<string, Promise<BigInputResult>>();
  const settle = new Map<string, (r: BigInputResult) => void>();
  for (const s of specs) results.set(s.name, new Promise((resolve) => settle.set(s.name, resolve)));
  const tsx = import.meta.resolve('tsx/esm/api');
  const fuzz = new URL('../testing/fuzz.ts', import.meta.url).href;
  let queue = [...specs];
  // The worker does not keep the process alive until property 6 waits for it, so a run
  // filtered with --test-name-pattern ends when its own tests do.
  let held = false;
  let active: Worker | undefined;
  let activeTimer: ReturnType<typeof setTimeout> | undefined;
  const hold = (): void => {
    held = true;
    active?.ref();
    activeTimer?.ref();
  };
  const finish = (r: BigInputResult): void => {
    settle.get(r.name)?.(r);
    settle.delete(r.name);
    queue = queue.filter((q) => q.name !== r.name);
  };
  const launch = (): void => {
    if (queue.length === 0) return;
    const worker = new Worker(
      `import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(fuzz)}); }).then((m) => m.bigInputWorker());`,
      // A main thread's stack (V8's default, about 1 MB): a worker's default is 4 MB, which would hide overflows.
      { eval: true, workerData: { specs: queue }, resourceLimits: { stackSizeMb: 1 } },
    );
    active = worker;
    let current: BigInputSpec | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let done = false;
    const abandon = (problem: string): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      worker.removeAllListeners();
      void worker.terminate();
      const victim = current ?? queue[0];
      if (victim) finish({ name: victim.name, length: victim.length, steps: [], problem });
      launch();
    };
    worker.on('message', (m: BigInputMessage) => {
      if (m.type === 'start') {
        current = specs.find((s) => s.name === m.name);
        clearTimeout(timer);
        timer = setTimeout(() => abandon(`did not finish within ${BIG_TIMEOUT} s; the worker was stopped (a hang or a super-linear blow-up)`), BIG_TIMEOUT * 1000);
        activeTimer = timer;
        if (!held) timer.unref();
      } else {
        clearTimeout(timer);
        current = undefined;
        finish(m.result);
      }
    });
    worker.on('error', (e: unknown) => abandon(`the worker died: ${e instanceof Error ? e.stack ?? e.message : String(e)}`));
    worker.on('exit', (code) => { if (queue.length) abandon(`the worker exited with code ${code}`); else clearTimeout(timer); });
    // After the listeners: adding a 'message' listener refs the worker again.
    if (!held) worker.unref();
  };
  launch();
  return { specs, results, hold };
}

// ---------------------------------------------------------------------------
// Running a property over generated inputs

const corpora = new Map<string, Generated[]>();

/** The inputs of a stream: the same run seed always gives the same list. */
function corpus(stream: string, mix: Mix, n: number): Generated[] {
  const key = `${stream}/${mix}/${n}`;
  let c = corpora.get(key);
  if (!c) {
    c = Array.from({ length: n }, (_, i) => generate(mixSeed(SEED, stream, i), mix));
    corpora.set(key, c);
  }
  return c;
}

type Check = (text: string) => unknown;

/** Inputs found too slow, so a later property fails at once instead of spending the same time again. */
const slowInputs = new Map<string, string>();

async function failureOf(check: Check, text: string): Promise<Error | undefined> {
  try {
    await check(text);
    return undefined;
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}

/** Runs a check over every input; at the first failure, shrinks the input and fails with a reproducible report. */
async function forAll(t: TestContext, name: string, mix: Mix, inputs: readonly Generated[], check: Check): Promise<void> {
  const started = performance.now();
  let lastProgress = started;
  const kinds = new Map<string, number>();
  let slowest = { ms: -1, i: 0 };
  for (const [i, g] of inputs.entries()) {
    kinds.set(g.kind, (kinds.get(g.kind) ?? 0) + 1);
    const known = slowInputs.get(g.text);
    if (known) assert.fail(`${name}: case ${i} of ${inputs.length} is an input that already took ${known}; not run again (run seed ${SEED}, case seed ${g.seed})`);
    const caseStarted = performance.now();
    const error = await failureOf(check, g.text);
    const ms = performance.now() - caseStarted;
    if (error) assert.fail(await failureReport(name, mix, i, inputs.length, g, error, check));
    if (ms > slowest.ms) slowest = { ms, i };
    if (ms > SLOW_MS) {
      slowInputs.set(g.text, `${(ms / 1000).toFixed(1)} s in "${name}"`);
      // Not shrunk: every try would take as long. The case seed gives the input again.
      assert.fail([
        `${name}: case ${i} of ${inputs.length} took ${(ms / 1000).toFixed(1)} s on ${g.text.length} code units (super-linear time?)`,
        `  run seed ${SEED}; reproduce the run with: ${REPRODUCE}`,
        `  case seed ${g.seed} (generate(${g.seed}, '${mix}') in src/testing/fuzz.ts gives the input again), kind ${g.kind}`,
        `  input: ${showInput(g.text)}`,
      ].join('\n'));
    }
    if (PROGRESS && performance.now() - lastProgress > 10_000) {
      lastProgress = performance.now();
      process.stderr.write(`  ${name}: ${i + 1}/${inputs.length} cases, ${((lastProgress - started) / 1000).toFixed(0)} s\n`);
    }
  }
  const mixShown = [...kinds].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');
  t.diagnostic(`seed ${SEED}: ${inputs.length} cases (${mixShown}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const slow = inputs[slowest.i];
  if (slow) t.diagnostic(`slowest: case ${slowest.i} (${slow.kind}, ${slow.text.length} code units) in ${slowest.ms.toFixed(0)} ms`);
}

async function failureReport(name: string, mix: Mix, i: number, n: number, g: Generated, error: Error, check: Check): Promise<string> {
  const shrunk = await shrink(g.text, async (s) => (await failureOf(check, s)) !== undefined);
  const shrunkError = (await failureOf(check, shrunk.text)) ?? error;
  return [
    `${name}: failed at case ${i} of ${n}`,
    `  run seed ${SEED}; reproduce the run with: ${REPRODUCE}`,
    `  case seed ${g.seed} (generate(${g.seed}, '${mix}') in src/testing/fuzz.ts gives the input again), kind ${g.kind}`,
    `  input (${g.text.length} code units): ${showInput(g.text)}`,
    `  error: ${firstLines(error.message)}`,
    `  smallest failing input found (${shrunk.text.length} code units, ${shrunk.calls} tries): ${showInput(shrunk.text, 4000)}`,
    `  its error: ${firstLines(shrunkError.message)}`,
  ].join('\n');
}

function firstLines(message: string, n = 12): string {
  const lines = message.split('\n');
  return lines.slice(0, n).join('\n    ') + (lines.length > n ? '\n    …' : '');
}

/** Where two strings first differ, JSON-escaped. */
function difference(got: string, want: string): string {
  let i = 0;
  while (i < got.length && i < want.length && got[i] === want[i]) i++;
  return `first difference at ${i}: got ${JSON.stringify(got.slice(Math.max(0, i - 12), i + 16))}, want ${JSON.stringify(want.slice(Math.max(0, i - 12), i + 16))}`;
}

type Fixed = Pick<FixResult, 'text' | 'edits'>;
const fixCache = new Map<string, Promise<Fixed>>();
/** The cache holds every result of the run: in a long run, results are recomputed instead. */
const CACHE_FIXES = SCALE <= 2;

/** fix(x, { to }), computed once per input and target: properties 1 and 3 share the results. */
function fixOnce(x: string, to: FixTarget): Promise<Fixed> {
  if (!CACHE_FIXES) return fix(x, { to });
  const key = `${to}\u0000${x}`;
  let r = fixCache.get(key);
  if (!r) {
    r = fix(x, { to }).then(({ text, edits }) => ({ text, edits }));
    r.catch(() => fixCache.delete(key));
    fixCache.set(key, r);
  }
  return r;
}

// ---------------------------------------------------------------------------
// Independent facts about strings

const HAN_G = /\p{Script=Han}/gu;
const HAN_END = /\p{Script=Han}$/u;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function countLone(s: string): number {
  return s.match(LONE_SURROGATE)?.length ?? 0;
}

function countOf(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i !== -1; i = s.indexOf(ch, i + 1)) n++;
  return n;
}

function hanOf(s: string): string {
  return (s.match(HAN_G) ?? []).join('');
}

function isHigh(c: number): boolean { return c >= 0xd800 && c <= 0xdbff; }
function isLow(c: number): boolean { return c >= 0xdc00 && c <= 0xdfff; }

/** True when offset falls between the two halves of a surrogate pair. */
function splitsPair(s: string, offset: number): boolean {
  return offset > 0 && offset < s.length && isHigh(s.charCodeAt(offset - 1)) && isLow(s.charCodeAt(offset));
}

/** The code point right before offset. */
function codePointBefore(s: string, offset: number): string {
  if (offset >= 2 && isLow(s.charCodeAt(offset - 1)) && isHigh(s.charCodeAt(offset - 2))) return s.slice(offset - 2, offset);
  return s.slice(Math.max(0, offset - 1), offset);
}

/**
 * One bracketed syllable or more: letters (tone marks included) and an optional
 * tone number. 0 is accepted beside 1–5: pinyin-pro's numbered style writes the
 * neutral tone as 0 (men0), and syllable.ts reads it so.
 */
const TONE_LETTERS = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙǕǗǙǛŃŇǸḾ';
const ANNOTATION = new RegExp(`^(?:[(（] ?[a-zA-ZüÜvV${TONE_LETTERS}]+[0-5]? ?[)）])+$`, 'u');

/** Edits are sorted, non-overlapping, inside the input, and each original is the input there. */
function assertEditsOn(x: string, edits: readonly Edit[]): void {
  let end = 0;
  for (const [i, e] of edits.entries()) {
    const where = `edit ${i} ${JSON.stringify(e)}`;
    assert.ok(Number.isInteger(e.offset) && Number.isInteger(e.length) && e.length >= 0, `${where}: offset and length must be integers ≥ 0`);
    assert.ok(e.offset >= end, `${where}: not sorted or overlaps the previous edit (which ends at ${end})`);
    assert.ok(e.offset + e.length <= x.length, `${where}: runs past the end of the input (${x.length})`);
    assert.equal(e.original, x.slice(e.offset, e.offset + e.length), `${where}: original is not input.slice(offset, offset + length)`);
    end = e.offset + e.length;
  }
}

// ---------------------------------------------------------------------------
// The properties

test('run seed and case counts', (t) => {
  t.diagnostic(`seed ${SEED}${process.env.ZHENGWEN_FUZZ_SEED ? ' (from ZHENGWEN_FUZZ_SEED)' : ' (the fixed default)'}; reproduce: ${REPRODUCE}`);
  t.diagnostic(`cases: ${Object.entries(CASES).map(([k, v]) => `${k} ${v}`).join(', ')}; big inputs up to ${BIG} million code units`);
});

test('1. idempotence: fix(fix(x).text).text === fix(x).text', async (t) => {
  for (const to of ALL) {
    const fast = FAST.includes(to);
    const inputs = fast ? corpus('engine', 'engine', CASES.engine) : corpus('engine-slow', 'engine', CASES.engineSlow);
    await t.test(`to ${to}`, async (t) => {
      let limitation = 0;
      await forAll(t, `1. idempotence (to ${to})`, 'engine', inputs, async (x) => {
        const once = (await fixOnce(x, to)).text;
        const twice = (await fix(once, { to })).text;
        // Known limitation (see the issue notes): Simplified text with pinyin after characters
        // that become Traditional-only, converted to Traditional, is exactly what a mirror
        // makes (会(huì)团 → 會(huì)團), so a second pass repairs it. Counted, not failed.
        if (twice !== once && !FAST.includes(to) && analyze(once).pinyin.mirror && !analyze(x).pinyin.mirror) {
          limitation++;
          return;
        }
        assert.ok(twice === once, `fixing the output again changed it: ${difference(twice, once)}\n  fix(x).text = ${showInput(once)}`);
      });
      if (limitation) t.diagnostic(`${limitation} inputs hit the known Traditional-target limitation (pinyin on Simplified text that converts to a mirror's pattern)`);
    });
  }
});

test('2. repair only removes annotations after a Han character and stray commas', async (t) => {
  const inputs = corpus('repair', 'engine', CASES.repair);
  for (const [label, options] of [
    ['judged on the text alone', {}],
    ['with a page-level mirror verdict (every candidate removed)', { mirror: { pinyin: true, punctuation: true } }],
  ] as const) {
    await t.test(label, async (t) => {
      let restored = 0;
      await forAll(t, `2. repair removes only damage (${label})`, 'engine', inputs, (x) => {
        const r = repair(x, options);
        assertEditsOn(x, r.edits);
        let expected = '';
        let pos = 0;
        let mojibake = false;
        for (const [i, e] of r.edits.entries()) {
          const where = `edit ${i} ${JSON.stringify(e)}`;
          if (e.kind === 'pinyin') {
            assert.equal(e.replacement, '', `${where}: a pinyin edit must only remove`);
            assert.ok(ANNOTATION.test(e.original), `${where}: removes more than bracketed pinyin`);
            assert.ok(HAN_END.test(codePointBefore(x, e.offset)), `${where}: the removed annotation does not follow a Han character`);
          } else if (e.kind === 'punctuation') {
            assert.equal(e.replacement, '', `${where}: a punctuation edit must only remove`);
            assert.ok(e.original === ',' || e.original === '，', `${where}: a punctuation edit must remove exactly one comma`);
          } else if (e.kind === 'mojibake') {
            // The mojibake pass (repair.ts, added after this property was written) replaces garbled
            // text by design; its edits are held to what a restoration must not do.
            mojibake = true;
            assert.ok(e.length > 0, `${where}: a mojibake edit must replace something`);
            for (const [what, count] of [['lone surrogates', countLone], ['NUL characters', (s: string) => countOf(s, '\u0000')], ['U+FFFD', (s: string) => countOf(s, '\ufffd')]] as const) {
              assert.ok(count(e.replacement) <= count(e.original), `${where}: the restoration brings in ${what}`);
            }
          } else {
            assert.fail(`${where}: repair made an edit of kind ${e.kind}`);
          }
          expected += x.slice(pos, e.offset) + e.replacement;
          pos = e.offset + e.length;
        }
        expected += x.slice(pos);
        assert.ok(r.text === expected, `the output is not the input with the edited spans removed: ${difference(r.text, expected)}`);
        // fix() converts with these counts instead of counting the repaired text again.
        const counts = detectScript(r.text);
        assert.deepEqual([r.analysis.script, r.analysis.han, r.analysis.traditionalOnly, r.analysis.simplifiedOnly],
          [counts.script, counts.han, counts.traditionalOnly, counts.simplifiedOnly], 'the analysis counts differ from the output\'s');
        if (mojibake) restored++;
        else assert.ok(hanOf(r.text) === hanOf(x), 'a Han character was removed or changed');
      });
      t.diagnostic(`${restored} of ${inputs.length} inputs had mojibake restored (checked as restorations, not removals)`);
    });
  }
});

test('3. edits are exact: undoEdits(fix(x).text, edits) === x and applyEdits(x, edits) === fix(x).text', async (t) => {
  for (const to of ALL) {
    const fast = FAST.includes(to);
    const inputs = fast ? corpus('engine', 'engine', CASES.engine) : corpus('engine-slow', 'engine', CASES.engineSlow);
    await t.test(`to ${to}`, async (t) => {
      await forAll(t, `3. exact edits (to ${to})`, 'engine', inputs, async (x) => {
        const r = await fixOnce(x, to);
        assertEditsOn(x, r.edits);
        const applied = applyEdits(x, r.edits);
        assert.ok(applied === r.text, `applyEdits(x, edits) is not fix(x).text: ${difference(applied, r.text)}`);
        const undone = undoEdits(r.text, r.edits);
        assert.ok(undone === x, `undoEdits(fix(x).text, edits) is not x: ${difference(undone, x)}`);
      });
    });
  }
});

test('8. fixText(x) is fix(x) without the edit list: same text, analysis, target and lost spans', async (t) => {
  for (const to of ALL) {
    const fast = FAST.includes(to);
    const inputs = fast ? corpus('engine', 'engine', CASES.engine) : corpus('engine-slow', 'engine', CASES.engineSlow);
    await t.test(`to ${to}`, async (t) => {
      await forAll(t, `8. fixText (to ${to})`, 'engine', inputs, async (x) => {
        const full = await fix(x, { to });
        const plain = await fixText(x, { to });
        assert.ok(plain.text === full.text, `fixText(x).text is not fix(x).text: ${difference(plain.text, full.text)}`);
        assert.equal(plain.target, full.target);
        assert.deepEqual(plain.lost, full.lost);
        assert.deepEqual(plain.analysis, full.analysis);
      });
    });
  }
});

test('4. text without Han characters passes through unchanged, for every target', async (t) => {
  const inputs = corpus('non-han', 'non-han', CASES.nonHan);
  let restored = 0;
  await forAll(t, '4. no Han, no change', 'non-han', inputs, async (x) => {
    assert.equal(hanOf(x), '', 'the generator let a Han character through');
    const r = repair(x);
    if (r.edits.some((e) => e.kind === 'mojibake')) {
      // GBK bytes shown as Latin-1 hold no Han character and are restored by design (the mojibake
      // pass in repair.ts); the restored text is Chinese text like any other. Such inputs must
      // still not throw, and their edits must be exact.
      restored++;
      for (const to of ALL) {
        const f = await fix(x, { to });
        assertEditsOn(x, f.edits);
        assert.ok(applyEdits(x, f.edits) === f.text && undoEdits(f.text, f.edits) === x, `fix(x, { to: '${to}' }): edits are not exact on restored mojibake`);
      }
      return;
    }
    assert.ok(r.text === x && r.edits.length === 0, `repair changed text without Han: ${difference(r.text, x)}`);
    for (const to of ALL) {
      const f = await fix(x, { to });
      assert.ok(f.text === x, `fix(x, { to: '${to}' }) changed text without Han: ${difference(f.text, x)}`);
      assert.equal(f.edits.length, 0, `fix(x, { to: '${to}' }) listed edits on text without Han: ${JSON.stringify(f.edits.slice(0, 3))}`);
    }
  });
  t.diagnostic(`${restored} of ${inputs.length} inputs were restored as mojibake (GBK/Big5/UTF-8 bytes shown as Latin-1); the rest passed through byte for byte`);
});

test('5. random Unicode never throws and never corrupts the text', async (t) => {
  for (const to of ALL) {
    const fast = FAST.includes(to);
    const inputs = fast ? corpus('unicode', 'unicode', CASES.unicode) : corpus('unicode-slow', 'unicode', CASES.unicodeSlow);
    await t.test(`to ${to}`, async (t) => {
      await forAll(t, `5. no corruption (to ${to})`, 'unicode', inputs, async (x) => {
        const outputs: [string, string][] = [['repair(x).text', repair(x).text], [`fix(x, { to: '${to}' }).text`, (await fixOnce(x, to)).text]];
        for (const [what, out] of outputs) {
          assert.ok(countLone(out) <= countLone(x), `${what} has ${countLone(out)} lone surrogates, the input ${countLone(x)}: ${showInput(out)}`);
          assert.ok(countOf(out, '\u0000') <= countOf(x, '\u0000'), `${what} has more NUL characters than the input`);
          assert.ok(countOf(out, '\ufffd') <= countOf(x, '\ufffd'), `${what} has more U+FFFD replacement characters than the input`);
        }
      });
    });
  }
  // The engine's own promise (convert.ts keeps surrogate pairs whole): an edit never starts or ends inside a pair,
  // so its original and replacement are shown and mapped onto DOM text without half characters.
  await t.test('edits never cut a surrogate pair', async (t) => {
    const inputs = corpus('unicode', 'unicode', CASES.unicode);
    await forAll(t, '5. edits keep surrogate pairs whole (to cn)', 'unicode', inputs, async (x) => {
      for (const to of ['auto', 'cn'] as const) {
        const r = await fixOnce(x, to);
        for (const e of r.edits) {
          assert.ok(!splitsPair(x, e.offset) && !splitsPair(x, e.offset + e.length),
            `fix(x, { to: '${to}' }) made an edit that cuts a surrogate pair: ${JSON.stringify(e)}`);
        }
      }
    });
  });
});

test('7. analyze never throws and its figures agree', async (t) => {
  const n = CASES.analyze;
  for (const mix of ['engine', 'unicode', 'non-han'] as const) {
    const inputs = corpus(`analyze-${mix}`, mix, Math.max(1, Math.round(n / 3)));
    await t.test(`${mix} inputs`, async (t) => {
      await forAll(t, `7. analyze (${mix})`, mix, inputs, (x) => {
        const a = analyze(x);
        const han = (x.match(HAN_G) ?? []).length;
        const count = (v: unknown, what: string): void => assert.ok(Number.isInteger(v) && (v as number) >= 0, `${what} is ${v}, not a count ≥ 0`);
        const share = (v: unknown, what: string): void => assert.ok(typeof v === 'number' && v >= 0 && v <= 1, `${what} is ${v}, not a share in [0, 1]`);
        count(a.pinyin.found, 'pinyin.found');
        count(a.punctuation.found, 'punctuation.found');
        count(a.leftovers, 'leftovers');
        count(a.han, 'han');
        count(a.traditionalOnly, 'traditionalOnly');
        count(a.simplifiedOnly, 'simplifiedOnly');
        count(a.pinyin.doubled, 'pinyin.doubled');
        count(a.mojibake.repaired, 'mojibake.repaired');
        count(a.mojibake.lost, 'mojibake.lost');
        assert.equal(typeof a.mirror, 'boolean', 'mirror is not a boolean');
        assert.equal(typeof a.pinyin.mirror, 'boolean', 'pinyin.mirror is not a boolean');
        assert.equal(typeof a.punctuation.damage, 'boolean', 'punctuation.damage is not a boolean');
        assert.ok(typeof a.verdict === 'string' && a.verdict.trim().length > 0, `verdict is ${JSON.stringify(a.verdict)}`);
        assert.ok(typeof a.pinyin.why === 'string' && a.pinyin.why.length > 0, 'pinyin.why is empty');
        for (const k of ['traditionalOnlyShare', 'coverage', 'density', 'tonelessShare'] as const) share(a.pinyin[k], `pinyin.${k}`);
        assert.equal(a.han, han, 'han is not the number of Han code points');
        assert.ok(a.traditionalOnly + a.simplifiedOnly <= a.han, 'more script-specific characters than Han characters');
        assert.ok(a.pinyin.doubled <= a.pinyin.found, 'more doubled annotations than annotations');
        assert.equal(a.pinyin.found, a.findings.annotations.length, 'pinyin.found is not the number of annotations found');
        assert.equal(a.punctuation.found, a.findings.commas.length, 'punctuation.found is not the number of commas found');
        assert.equal(a.script === 'none', han === 0, `script is ${a.script} with ${han} Han characters`);
        if (han === 0) assert.ok(!a.mirror && a.pinyin.found === 0 && a.punctuation.found === 0, 'damage found in text without Han');
        assert.equal(a.verdict.startsWith('machine-converted mirror page'), a.mirror, `verdict ${JSON.stringify(a.verdict)} disagrees with mirror = ${a.mirror}`);
      });
    });
  }
});

// Defined last: it waits for the worker started above, which has been running beside the other properties.
test('6. big inputs: repair and fix(…, { to: \'cn\' }) finish without a stack overflow or an exception', async (t) => {
  bigRun.hold();
  for (const spec of bigRun.specs) {
    await t.test(spec.name, async (t) => {
      const r = await bigRun.results.get(spec.name)!;
      if (r.problem) assert.fail(`${spec.name}: ${r.problem}\n  input: ${spec.recipe} (run seed ${SEED}; reproduce: ${REPRODUCE})`);
      for (const s of r.steps) {
        t.diagnostic(`${s.step}: ${s.error ? 'threw' : 'finished'} after ${(s.ms / 1000).toFixed(1)} s on ${r.length.toLocaleString('en-US')} code units${s.edits !== undefined ? `, ${s.edits.toLocaleString('en-US')} edits` : ''}`);
      }
      const failed = r.steps.filter((s) => s.error);
      if (failed.length) {
        assert.fail([
          `${spec.name}: ${failed.map((s) => `${s.step} threw ${firstLines(s.error!, 6)}`).join('\n  ')}`,
          `  input: ${spec.recipe} (${r.length.toLocaleString('en-US')} code units; run seed ${SEED}; reproduce: ${REPRODUCE})`,
        ].join('\n'));
      }
    });
  }
});
