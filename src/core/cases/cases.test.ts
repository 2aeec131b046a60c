/**
 * Table-driven tests of the engine, ftfy style.
 *
 * - in-the-wild-patterns.json: every damage pattern of NOTES §1, on page-size
 *   texts written for these tests; the expected text is what an editor wants.
 * - negative.json: texts that must come back unchanged.
 * - known-failures.json: what the engine should do and does not yet; each runs
 *   as a todo (visible in the report), and a regular test fails as soon as one
 *   of them passes, so a fixed case is moved instead of passing silently.
 * - generated here: every samples/news/simplified-*.txt damaged by the mirror
 *   generator with several seeds and styles, and every sample file as a negative.
 *
 * Every case also checks the edits: sorted, non-overlapping, each `original`
 * equal to the input it replaces, applyEdits(input) gives the output and
 * undoEdits(output) gives the input back.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { damage, mirrorConvert, type DamageOptions } from '../../damage/mirror-damage.ts';
import { applyEdits, undoEdits } from '../edits.ts';
import { fix, FIX_TARGETS, type FixResult, type FixTarget } from '../fix.ts';

interface Case {
  name: string;
  input: string;
  to: FixTarget;
  expected: string;
  note: string;
}

const CASES_DIR = new URL('./', import.meta.url);
const SAMPLES_DIR = new URL('../../../samples/', import.meta.url);

const seenNames = new Set<string>();

/** Reads a case file and checks its shape, so a broken file fails loudly instead of running nothing. */
function loadCases(file: string, atLeast: number): Case[] {
  const data: unknown = JSON.parse(readFileSync(new URL(file, CASES_DIR), 'utf8'));
  assert.ok(Array.isArray(data), `${file} must hold a JSON array`);
  assert.ok(data.length >= atLeast, `${file} holds ${data.length} cases, expected at least ${atLeast}`);
  for (const [i, c] of data.entries()) {
    const where = `${file}[${i}]`;
    assert.ok(c && typeof c === 'object', `${where} is not an object`);
    for (const key of ['name', 'input', 'to', 'expected', 'note'] as const) {
      assert.equal(typeof (c as Record<string, unknown>)[key], 'string', `${where}.${key} must be a string`);
    }
    const k = c as Case;
    assert.ok(FIX_TARGETS.includes(k.to), `${where}.to is ${k.to}, not one of ${FIX_TARGETS.join(' ')}`);
    assert.ok(k.name.length > 0, `${where} has no name`);
    assert.ok(!seenNames.has(k.name), `${where}: the case name "${k.name}" is used twice`);
    seenNames.add(k.name);
  }
  return data as Case[];
}

/** Sorted, non-overlapping, faithful edits that replay and undo exactly. */
function assertEditsHold(input: string, r: Pick<FixResult, 'text' | 'edits'>): void {
  let end = 0;
  for (const [i, e] of r.edits.entries()) {
    assert.ok(e.offset >= end, `edit ${i} at ${e.offset} overlaps or precedes the previous one (ending at ${end})`);
    assert.ok(e.length >= 0 && e.offset + e.length <= input.length, `edit ${i} runs past the input`);
    assert.equal(e.original.length, e.length, `edit ${i}: original length`);
    assert.equal(input.slice(e.offset, e.offset + e.length), e.original, `edit ${i}: original is not the input it replaces`);
    assert.ok(e.original !== e.replacement, `edit ${i} changes nothing`);
    assert.ok(e.reason.length > 0, `edit ${i} has no reason`);
    end = e.offset + e.length;
  }
  assert.equal(applyEdits(input, r.edits), r.text, 'applyEdits(input, edits) is not the output');
  assert.equal(undoEdits(r.text, r.edits), input, 'undoEdits(output, edits) is not the input');
}

/** Where two texts first differ, for a readable failure. */
function firstDifference(got: string, want: string): string {
  let i = 0;
  while (i < got.length && i < want.length && got[i] === want[i]) i++;
  const from = Math.max(0, i - 12);
  return `first difference at ${i}: got ${JSON.stringify(got.slice(from, i + 16))}, want ${JSON.stringify(want.slice(from, i + 16))}`;
}

async function runCase(c: Case): Promise<FixResult> {
  const r = await fix(c.input, { to: c.to });
  assert.equal(r.text, c.expected, firstDifference(r.text, c.expected));
  assertEditsHold(c.input, r);
  if (c.expected === c.input) assert.deepEqual(r.edits, [], 'an unchanged text must come with no edits');
  return r;
}

// Every JSON file here is a case file; these three must exist and hold at least this many cases.
const MINIMUM: Record<string, number> = { 'in-the-wild-patterns.json': 60, 'negative.json': 40, 'known-failures.json': 1 };
const CASE_FILES = readdirSync(CASES_DIR).filter((f) => f.endsWith('.json')).sort();
for (const required of Object.keys(MINIMUM)) assert.ok(CASE_FILES.includes(required), `src/core/cases/${required} is missing`);

const known = loadCases('known-failures.json', MINIMUM['known-failures.json']!);

for (const file of CASE_FILES) {
  if (file === 'known-failures.json') continue;
  const cases = loadCases(file, MINIMUM[file] ?? 1);
  const negative = file === 'negative.json';
  describe(negative ? `${file} (must not change)` : file, () => {
    for (const c of cases) {
      test(c.name, async () => {
        if (negative) assert.equal(c.expected, c.input, 'a negative case expects its own input');
        await runCase(c);
      });
    }
  });
}

// ---------------------------------------------------------------------------
// Generated cases: the project's own Simplified news, damaged by the mirror generator.

const SIMPLIFIED_NEWS = readdirSync(new URL('news/', SAMPLES_DIR))
  .filter((f) => /^simplified-\d+\.txt$/.test(f))
  .sort();

const STYLES: { label: string; options: DamageOptions }[] = [
  { label: 'marks, default table and commas', options: { seed: 1, style: 'marks' } },
  { label: 'marks, small table, no commas', options: { seed: 2, style: 'marks', tableShare: 0.3, commaRate: 0 } },
  { label: 'marks, large table, many commas, spaces before )', options: { seed: 3, style: 'marks', tableShare: 0.9, commaRate: 0.5, spaceRate: 0.3 } },
  { label: 'marks, full-width brackets, spaces', options: { seed: 4, style: 'marks', fullWidth: true, spaceRate: 0.2 } },
  { label: 'tone numbers', options: { seed: 5, style: 'numbers' } },
  { label: 'tone numbers, full-width brackets, few commas', options: { seed: 6, style: 'numbers', fullWidth: true, commaRate: 0.1 } },
  { label: 'toneless, doubled', options: { seed: 7, style: 'toneless-doubled' } },
  { label: 'toneless, doubled, every character, spaces', options: { seed: 8, style: 'toneless-doubled', tableShare: 1, commaRate: 0.2, spaceRate: 0.5 } },
  { label: 'marks, tiny table, commas everywhere', options: { seed: 9, style: 'marks', tableShare: 0.1, commaRate: 0.6 } },
  // Mirrors that annotate a random share of the occurrences (issue 14: coverage 0.5–0.6 on real pages).
  { label: 'partial: marks, a third of the occurrences', options: { seed: 10, style: 'marks', occurrenceShare: 1 / 3 } },
  { label: 'partial: marks, half of the occurrences, no commas', options: { seed: 11, style: 'marks', occurrenceShare: 0.5, commaRate: 0 } },
  { label: 'partial: tone numbers, 60 % of the occurrences, spaces', options: { seed: 12, style: 'numbers', occurrenceShare: 0.6, spaceRate: 0.2 } },
  { label: 'partial: marks, half of the occurrences, full-width brackets', options: { seed: 13, style: 'marks', occurrenceShare: 0.5, fullWidth: true } },
];


function readSample(path: string): string {
  return readFileSync(new URL(path, SAMPLES_DIR), 'utf8');
}

interface Generated { name: string; damaged: string; traditional: string; simplified: string; todo: string | false }

const generated: Generated[] = [];
for (const file of SIMPLIFIED_NEWS) {
  const simplified = readSample(`news/${file}`);
  const traditional = mirrorConvert(simplified);
  for (const { label, options } of STYLES) {
    const damaged = damage(simplified, options);
    generated.push({
      name: `${file}, seed ${options.seed}: ${label}`,
      damaged,
      traditional,
      simplified,
      // The generator writes pinyin-pro's tone numbers, neutral tone as 0 (們 men0); the engine reads it.
      todo: false,
    });
  }
}

describe('generated: samples/news/simplified-*.txt damaged by the mirror generator', () => {
  test('the generator covers every Simplified news sample', () => {
    assert.ok(SIMPLIFIED_NEWS.length >= 12, `only ${SIMPLIFIED_NEWS.length} Simplified news samples found`);
    assert.equal(generated.length, SIMPLIFIED_NEWS.length * STYLES.length);
    // Every generated page really is damaged: otherwise the case would test nothing.
    for (const g of generated) assert.notEqual(g.damaged, g.traditional, `${g.name}: the generator changed nothing`);
  });

  for (const g of generated) {
    test(`${g.name} → keep is the mirror's Traditional text`, { todo: g.todo }, async () => {
      const r = await fix(g.damaged, { to: 'keep' });
      assert.equal(r.text, g.traditional, firstDifference(r.text, g.traditional));
      assert.equal(r.analysis.mirror, true, 'a damaged page is a mirror');
      assertEditsHold(g.damaged, r);
    });
    test(`${g.name} → cn is the repaired conversion's Simplified`, { todo: g.todo }, async () => {
      const r = await fix(g.damaged, { to: 'cn' });
      const clean = await fix(g.traditional, { to: 'cn' });
      assert.equal(r.text, clean.text, firstDifference(r.text, clean.text));
      assertEditsHold(g.damaged, r);
    });
  }

  for (const file of SIMPLIFIED_NEWS) {
    test(`${file}: cn of the mirror's conversion is the Simplified original`, async () => {
      const simplified = readSample(`news/${file}`);
      const traditional = mirrorConvert(simplified);
      const r = await fix(traditional, { to: 'cn' });
      assert.equal(r.text, simplified, firstDifference(r.text, simplified));
      assertEditsHold(traditional, r);
    });
  }
});

// Every sample file as a negative: none of them is damaged.
const SAMPLE_NEGATIVES: { path: string; targets: FixTarget[] }[] = [
  ...SIMPLIFIED_NEWS.map((f) => ({ path: `news/${f}`, targets: ['keep', 'cn', 'auto'] as FixTarget[] })),
  ...['taiwan-01', 'taiwan-02', 'taiwan-03', 'taiwan-04', 'hongkong-01', 'hongkong-02'].map((f) => ({ path: `news/${f}.txt`, targets: ['keep', 'auto'] as FixTarget[] })),
  { path: 'learner/simplified-vocabulary.txt', targets: ['keep', 'cn', 'auto'] },
  { path: 'learner/simplified-lesson.txt', targets: ['keep', 'cn', 'auto'] },
  { path: 'learner/traditional-lesson.txt', targets: ['keep', 'auto'] },
  { path: 'clean/academic-simplified.txt', targets: ['keep', 'cn', 'auto'] },
  { path: 'clean/mixed-script-notes.txt', targets: ['keep', 'auto'] },
];

describe('generated negatives: every sample file comes back unchanged', () => {
  for (const { path, targets } of SAMPLE_NEGATIVES) {
    for (const to of targets) {
      test(`samples/${path} → ${to}`, async () => {
        const input = readSample(path);
        await runCase({ name: path, input, to, expected: input, note: '' });
      });
    }
  }
});

// ---------------------------------------------------------------------------
// Known failures: visible as todo; a case that starts passing fails the check below.

async function passesNow(c: Case): Promise<boolean> {
  try {
    await runCase(c);
    return true;
  } catch {
    return false;
  }
}

describe('known failures (todo until the engine handles them)', () => {
  for (const c of known) {
    test(c.name, { todo: c.note }, async (t) => {
      const r = await fix(c.input, { to: c.to });
      if (r.text === c.expected) t.diagnostic('NOW PASSES: move this case out of known-failures.json');
      await runCase(c);
    });
  }

  test('no known failure passes silently', async () => {
    const passing: string[] = [];
    for (const c of known) if (await passesNow(c)) passing.push(c.name);
    for (const g of generated) {
      if (!g.todo) continue;
      const r = await fix(g.damaged, { to: 'keep' });
      if (r.text === g.traditional) passing.push(`generated: ${g.name}`);
    }
    assert.deepEqual(passing, [], `these known failures pass now; move them to in-the-wild-patterns.json or negative.json (and drop the todo):\n${passing.join('\n')}`);
  });
});

