/**
 * The `zhengwen` command line, run as a real process: arguments, standard
 * input and output as bytes, standard error and exit codes.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { damage, mirrorConvert } from '../damage/mirror-damage.ts';
import { DEMO_ARTICLE } from '../damage/demo-article.ts';
import { readShared, sharedPath, skipUnlessShared } from '../testing/shared.ts';
import { htmlPieces } from './html.ts';
import { USAGE } from './usage.ts';

const BIN = fileURLToPath(new URL('../../bin/zhengwen.mjs', import.meta.url));
const REPO = fileURLToPath(new URL('../../', import.meta.url));
const SAMPLES = fileURLToPath(new URL('../../samples/', import.meta.url));
const TESTDATA = fileURLToPath(new URL('./testdata/', import.meta.url));
const TMP = mkdtempSync(join(tmpdir(), 'zhengwen-cli-test-'));
after(() => rmSync(TMP, { recursive: true, force: true }));

const TARGETS = ['auto', 'keep', 'cn', 'tw', 'twp', 'hk'] as const;
const GARBLED = 'fixtures/zigong-garbled.txt';
const HANS = 'fixtures/zigong-clean.zh-Hans.txt';
const HANT = 'fixtures/zigong-clean.zh-Hant.txt';
const noShared = skipUnlessShared(GARBLED) || skipUnlessShared(HANS) || skipUnlessShared(HANT);

// ---------------------------------------------------------------------------
// Running the command

interface Run { code: number | null; signal: NodeJS.Signals | null; stdout: Buffer; stderr: Buffer; err: string }

/** At most a few processes at once: the machine has two cores and other test files run beside this one. */
const MAX_PARALLEL = Math.max(2, Math.min(4, availableParallelism()));
let running = 0;
const waiting: (() => void)[] = [];
async function slot<T>(fn: () => Promise<T>): Promise<T> {
  if (running < MAX_PARALLEL) running++;
  else await new Promise<void>((resolve) => waiting.push(resolve));
  try {
    return await fn();
  } finally {
    const next = waiting.shift();
    if (next) next(); else running--;
  }
}

interface RunOptions {
  cwd?: string;
  /** Runs this program instead of `node bin/zhengwen.mjs` (the args are then its whole argument list). */
  command?: string;
  nodeArgs?: string[];
  env?: NodeJS.ProcessEnv;
  /** Called with the child once it is started (to close its stdout early, say). */
  onSpawn?: (child: ReturnType<typeof spawn>) => void;
  timeoutMs?: number;
}

/** Runs `zhengwen ARGS` with INPUT on standard input (empty when not given). */
function zw(args: readonly string[], input: string | Uint8Array | Readable = '', o: RunOptions = {}): Promise<Run> {
  return slot(() => new Promise<Run>((resolve, reject) => {
    const command = o.command ?? process.execPath;
    const argv = o.command ? [...args] : [...(o.nodeArgs ?? []), BIN, ...args];
    const child = spawn(command, argv, { cwd: o.cwd ?? REPO, env: o.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout!.on('data', (c: Buffer) => out.push(c));
    child.stdout!.on('error', () => {});
    child.stderr!.on('data', (c: Buffer) => err.push(c));
    // The command may exit before reading all of its input (a usage error): that is fine.
    child.stdin!.on('error', () => {});
    if (input instanceof Readable) input.pipe(child.stdin!);
    else child.stdin!.end(input);
    const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 60_000);
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const stderr = Buffer.concat(err);
      resolve({ code, signal, stdout: Buffer.concat(out), stderr, err: stderr.toString('utf8') });
    });
    o.onSpawn?.(child);
  }));
}

/** Exit 0 and nothing on standard error. */
function assertOk(r: Run, what: string): void {
  assert.equal(r.err, '', `${what}: unexpected standard error`);
  assert.equal(r.code, 0, `${what}: exit code`);
}

/** Byte-for-byte equality, reporting the first difference readably. */
function assertBytes(actual: Uint8Array, expected: Uint8Array | string, what: string): void {
  const want = typeof expected === 'string' ? Buffer.from(expected, 'utf8') : Buffer.from(expected);
  const got = Buffer.from(actual);
  if (got.equals(want)) return;
  let i = 0;
  while (i < got.length && i < want.length && got[i] === want[i]) i++;
  const show = (b: Buffer): string => JSON.stringify(b.subarray(Math.max(0, i - 40), i + 40).toString('utf8'));
  assert.fail(`${what}: bytes differ at offset ${i} (got ${got.length} bytes, want ${want.length})\n  got:  ${show(got)}\n  want: ${show(want)}`);
}

/** A failure the way the command should fail: one line "zhengwen: ..." on stderr, nothing on stdout, no stack. */
function assertCleanError(r: Run, code: number, message: RegExp, what: string): void {
  assert.equal(r.stdout.length, 0, `${what}: standard output must be empty, got ${JSON.stringify(r.stdout.toString().slice(0, 200))}`);
  assert.match(r.err, /^zhengwen: [^\n]+\n$/, `${what}: want exactly one line starting with "zhengwen:", got ${JSON.stringify(r.err)}`);
  assert.doesNotMatch(r.err, /\bat .+:\d+:\d+|internal error|Error:/, `${what}: looks like a stack trace or internal error`);
  assert.match(r.err, message, what);
  assert.equal(r.code, code, `${what}: exit code (stderr: ${r.err.trim()})`);
}

// ---------------------------------------------------------------------------
// Inputs

const read = (path: string): Buffer => readFileSync(path);
const write = (name: string, data: string | Uint8Array): string => {
  const path = join(TMP, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, data);
  return path;
};

function listTxt(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? listTxt(join(dir, d.name)) : d.name.endsWith('.txt') ? [join(dir, d.name)] : []).sort();
}
const SAMPLE_FILES = listTxt(SAMPLES);
const SIMPLIFIED_SAMPLES = SAMPLE_FILES.filter((f) => /simplified/.test(relative(SAMPLES, f)));
const sampleText = (name: string): string => readFileSync(join(SAMPLES, name), 'utf8');

/** Mirror-damaged versions of the project's own clean Simplified articles. */
interface Damaged { name: string; original: string; damaged: string }
const DAMAGED: Damaged[] = [
  { name: 'marks', original: sampleText('news/simplified-03.txt'), options: { seed: 1 } },
  { name: 'toneless-doubled', original: sampleText('news/simplified-07.txt'), options: { seed: 2, style: 'toneless-doubled' as const } },
  { name: 'numbers-fullwidth', original: sampleText('news/simplified-05.txt'), options: { seed: 3, style: 'numbers' as const, fullWidth: true, spaceRate: 0.3 } },
  { name: 'dense', original: sampleText('news/simplified-10.txt'), options: { seed: 4, tableShare: 1, commaRate: 0.5 } },
].map(({ name, original, options }) => ({ name, original, damaged: damage(original, options) }));
for (const d of DAMAGED) {
  assert.notEqual(d.damaged, d.original);
  assert.match(d.damaged, /[(（][a-zü\u00e0-\u01dc]+[1-5]? ?[)）]/u, `${d.name}: the generator put pinyin in`);
}
/** Damaged text that must survive untouched wherever the command may not change text. */
const RAW = damage('经济区发展与质量调查报告', { seed: 9, tableShare: 1, commaRate: 0 });
assert.match(RAW, /\(/, 'RAW has annotations');

const ENGLISH = read(join(TESTDATA, 'english.txt'));

/** Byte variants of a text: without its final newline, with CRLF, with a BOM. */
function variants(text: string): Record<string, string> {
  const noFinal = text.replace(/\n$/, '');
  return {
    'no-final-newline': noFinal,
    crlf: text.replace(/\n/g, '\r\n'),
    'crlf-no-final-newline': noFinal.replace(/\n/g, '\r\n'),
    'bom-lf': '\uFEFF' + text,
    'bom-crlf-no-final-newline': '\uFEFF' + noFinal.replace(/\n/g, '\r\n'),
  };
}

/**
 * Runs `fix ARGS FILE...` once on all files; when nothing may change, the output
 * is their concatenation. On a mismatch, runs each file alone to name the culprits.
 */
async function assertUnchanged(args: readonly string[], files: readonly string[], what: string): Promise<void> {
  const r = await zw(['fix', ...args, ...files]);
  assertOk(r, what);
  const want = Buffer.concat(files.map(read));
  if (r.stdout.equals(want)) return;
  const bad: string[] = [];
  await Promise.all(files.map(async (f) => {
    const one = await zw(['fix', ...args, f]);
    if (!one.stdout.equals(read(f))) {
      let i = 0;
      const a = one.stdout;
      const b = read(f);
      while (i < a.length && a[i] === b[i]) i++;
      bad.push(`${relative(REPO, f)} (first difference at byte ${i}: ${JSON.stringify(a.subarray(Math.max(0, i - 20), i + 30).toString())} vs ${JSON.stringify(b.subarray(Math.max(0, i - 20), i + 30).toString())})`);
    }
  }));
  assert.fail(`${what}: fix ${args.join(' ')} changed text that needed no change:\n  ${bad.join('\n  ')}`);
}

/** Starts a run once, the first time a test asks for it; tests that share a run check different things. */
function shared(start: () => Promise<Run>): () => Promise<Run> {
  let run: Promise<Run> | undefined;
  return () => (run ??= start());
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Every suite runs its tests concurrently (the slot limit above keeps the machine from drowning).
describe('zhengwen CLI', { concurrency: true }, () => {

describe('fix: the real damaged page', { concurrency: true }, () => {
  const keepRun = shared(() => zw(['fix', '--to=keep', '--explain', '--stats'], read(sharedPath(GARBLED))));
  const autoRun = shared(() => zw(['fix', '--explain', '--stats', sharedPath(GARBLED)]));
  /** Standard error of a --explain --stats run: the explain lines, then the JSON summary. */
  const split = (r: Run): { explain: string[]; report: { stats: Record<string, number>; verdicts: string[] } } => {
    assert.match(r.err, /\n\{[^\n]*\}\n$/, 'the summary is the last line of stderr');
    const lines = r.err.trimEnd().split('\n');
    return { report: JSON.parse(lines.pop()!) as { stats: Record<string, number>; verdicts: string[] }, explain: lines };
  };

  test('--to cn restores the Simplified original byte for byte (stdin to stdout)', { skip: noShared }, async () => {
    const r = await zw(['fix', '--to', 'cn'], read(sharedPath(GARBLED)));
    assertOk(r, 'fix --to cn');
    assertBytes(r.stdout, read(sharedPath(HANS)), 'fix --to cn vs zh-Hans');
  });

  test('--to keep repairs and keeps the Traditional script, byte for byte', { skip: noShared }, async () => {
    const r = await keepRun();
    assert.equal(r.code, 0, r.err);
    assertBytes(r.stdout, read(sharedPath(HANT)), 'fix --to keep vs zh-Hant');
  });

  test('auto (the default) restores the machine-converted mirror page to Simplified, from a file argument', { skip: noShared }, async () => {
    const r = await autoRun();
    assert.equal(r.code, 0, r.err);
    assertBytes(r.stdout, read(sharedPath(HANS)), 'fix (auto) vs zh-Hans');
  });

  test('--stats prints a JSON summary on stderr whose counts match the fixture', { skip: noShared }, async () => {
    const garbled = readShared(GARBLED);
    const hant = readShared(HANT);
    const hans = readShared(HANS);
    // Independent counts: annotations right after a Han character; the rest of the removed length is commas;
    // conversion changes exactly the characters where the two clean versions differ.
    const annotations = [...garbled.matchAll(/(?<=\p{Script=Han})\([a-zü\u00e0-\u01dc]+ ?\)/gu)];
    const commas = garbled.length - hant.length - annotations.reduce((n, m) => n + m[0].length, 0);
    const [t, s] = [[...hant], [...hans]];
    assert.equal(t.length, s.length);
    const differing = t.filter((c, i) => c !== s[i]).length;
    assert.equal(annotations.length, 129, 'NOTES §1: the fixture has 129 annotations');
    assert.ok(commas > 50, `commas: ${commas}`);
    for (const [r, converted] of [[await autoRun(), differing], [await keepRun(), 0]] as const) {
      const { report } = split(r);
      assert.deepEqual(report.stats, { pinyin: 129, punctuation: commas, mojibake: 0, converted });
      assert.equal(report.verdicts.length, 1);
      assert.match(report.verdicts[0]!, /129 pinyin insertions/);
    }
  });

  test('--explain prints every edit with its reason on stderr, at offsets that replay exactly', { skip: noShared }, async () => {
    const garbled = readShared(GARBLED);
    const { explain: lines } = split(await keepRun());
    assert.ok(lines.includes('-:3: pinyin: pinyin annotation (wǎng) after 網'), 'the first annotation, 網(wǎng), is explained');
    assert.ok(lines.some((l) => /^-:\d+: punctuation: stray comma before [,，、。;；]$/.test(l)), 'a stray comma is explained');
    // Replay: the explained removals, applied to the input, give the output.
    const removals: [number, number][] = [];
    for (const line of lines) {
      const m = /^-:(\d+): (pinyin|punctuation): (.*)$/.exec(line);
      assert.ok(m, `unexpected explain line under --to keep: ${line}`);
      const offset = Number(m[1]);
      if (m[2] === 'pinyin') {
        const why = /^pinyin annotation ((?:\([^)]+\))+) after (.)$/u.exec(m[3]!);
        assert.ok(why, line);
        assert.equal(garbled[offset - 1], why[2], `${line}: the character before the annotation`);
        const count = why[1]!.split(')(').length;
        const at = new RegExp(`^(?:[(（][^)）]*[)）]){${count}}`).exec(garbled.slice(offset));
        assert.ok(at, `${line}: no annotation at that offset: ${garbled.slice(offset, offset + 12)}`);
        assert.equal(at[0].replace(/ /g, ''), why[1], line);
        removals.push([offset, at[0].length]);
      } else {
        const before = /^stray comma before (.)$/u.exec(m[3]!)![1]!;
        assert.match(garbled[offset]!, /[,，]/, `${line}: a comma at that offset`);
        assert.equal(garbled[offset + 1], before, line);
        removals.push([offset, 1]);
      }
    }
    assert.equal(removals.filter(([, n]) => n > 1).length, 129);
    let rebuilt = '';
    let pos = 0;
    for (const [offset, length] of removals.sort((a, b) => a[0] - b[0])) { rebuilt += garbled.slice(pos, offset); pos = offset + length; }
    rebuilt += garbled.slice(pos);
    assert.equal(rebuilt, readShared(HANT));
  });

  test('--explain names conversions too, and the file they come from', { skip: noShared }, async () => {
    const { explain: lines } = split(await autoRun());
    const prefix = sharedPath(GARBLED) + ':';
    assert.ok(lines.every((l) => l.startsWith(prefix)), 'every line names the file');
    assert.ok(lines.some((l) => l.endsWith(': pinyin: pinyin annotation (wǎng) after 網')));
    assert.ok(lines.some((l) => /: convert: .*→/.test(l)), 'conversions are explained');
    assert.ok(lines.some((l) => /: punctuation: stray comma before /.test(l)));
  });
});

describe('fix: text that needs no change comes back byte-identical', { concurrency: true }, () => {
  /** Each sample as it is, and without final newline, with CRLF, with a BOM. */
  const withVariants = (files: readonly string[]): string[] => files.flatMap((f) => [
    f,
    ...Object.entries(variants(readFileSync(f, 'utf8'))).map(([kind, text]) => write(`variants/${kind}/${relative(SAMPLES, f)}`, text)),
  ]);

  test('every sample (news from the mainland, Taiwan, Hong Kong; learner pages; academic text), with its byte variants, under --to keep and auto', async () => {
    assert.ok(SAMPLE_FILES.length >= 20, `samples found: ${SAMPLE_FILES.length}`);
    const files = withVariants(SAMPLE_FILES);
    await Promise.all([assertUnchanged(['--to', 'keep'], files, 'samples'), assertUnchanged([], files, 'samples')]);
  });

  test('the Simplified samples, with their byte variants, under --to cn', async () => {
    assert.ok(SIMPLIFIED_SAMPLES.length >= 15, `Simplified samples found: ${SIMPLIFIED_SAMPLES.length}`);
    await assertUnchanged(['--to', 'cn'], withVariants(SIMPLIFIED_SAMPLES), 'Simplified samples');
  });

  test('English-only text, an empty file, a lone BOM, lone newlines: unchanged under every --to value', async () => {
    const files = [join(TESTDATA, 'english.txt')];
    for (const [kind, text] of Object.entries(variants(ENGLISH.toString('utf8')))) files.push(write(`english/${kind}.txt`, text));
    ['', '\uFEFF', '\n', '\r\n', '\uFEFF\r\n', '\n\n'].forEach((text, i) => files.push(write(`lone/${i}.txt`, text)));
    await Promise.all(TARGETS.map((to) => assertUnchanged(['--to', to], files, `English (--to ${to})`)));
  });

  test('empty standard input gives empty output, in every mode', async () => {
    await Promise.all([['fix'], ['fix', '--html', '--to', 'tw'], ['fix', '--jsonl', '--to', 'cn']].map(async (args) => {
      const r = await zw(args, '');
      assertOk(r, args.join(' '));
      assert.equal(r.stdout.length, 0, `${args.join(' ')}: output of empty input`);
    }));
  });
});

describe('fix: damaged text', { concurrency: true }, () => {
  test('auto restores each generated mirror page to its Simplified original; several files are fixed each on its own, in order', async () => {
    const files = DAMAGED.map((d) => write(`multi/${d.name}.txt`, d.damaged));
    const r = await zw(['fix', ...files]);
    assertOk(r, 'fix FILES');
    if (r.stdout.equals(Buffer.from(DAMAGED.map((d) => d.original).join('')))) return;
    // Say which one went wrong.
    for (const d of DAMAGED) assertBytes((await zw(['fix'], d.damaged)).stdout, d.original, `${d.name}: fix (auto)`);
    assert.fail('each file is right alone but not together');
  });

  test('--to keep removes the damage and leaves the mirror\'s own Traditional conversion', async () => {
    const files = DAMAGED.slice(0, 2).map((d) => write(`keep/${d.name}.txt`, d.damaged));
    const r = await zw(['fix', '--to', 'keep', ...files]);
    assertOk(r, 'fix --to keep');
    assertBytes(r.stdout, DAMAGED.slice(0, 2).map((d) => mirrorConvert(d.original)).join(''), 'fix --to keep');
  });

  test('repair keeps a BOM and CRLF line ends, and a missing final newline stays missing', async () => {
    const d = DAMAGED[0]!;
    const crlf = (s: string): string => '\uFEFF' + s.replace(/\n$/, '').replace(/\n/g, '\r\n');
    const r = await zw(['fix'], crlf(d.damaged));
    assertOk(r, 'BOM + CRLF');
    assertBytes(r.stdout, crlf(d.original), 'BOM + CRLF damaged page');
  });

  test('--no-repair converts only: annotations and commas stay', async () => {
    const d = DAMAGED[0]!;
    const [keep, cn] = await Promise.all([zw(['fix', '--no-repair', '--to', 'keep'], d.damaged), zw(['fix', '--no-repair', '--to', 'cn'], d.damaged)]);
    assertOk(keep, '--no-repair --to keep');
    assertBytes(keep.stdout, d.damaged, '--no-repair --to keep changes nothing');
    assertOk(cn, '--no-repair --to cn');
    const out = cn.stdout.toString('utf8');
    const count = (s: string): number => (s.match(/\([a-zü\u00e0-\u01dc]+\)/gu) ?? []).length;
    assert.ok(count(d.damaged) > 0);
    assert.equal(count(out), count(d.damaged), 'every annotation is still there');
    assert.equal((out.match(/[,，](?=[、。，,；;])/g) ?? []).length, (d.damaged.match(/[,，](?=[、。，,；;])/g) ?? []).length, 'every stray comma is still there');
    assert.notEqual(out, d.damaged, 'but the script was converted');
  });

  test('--demo restores the built-in demo article', async () => {
    const r = await zw(['fix', '--demo', '--stats']);
    assert.equal(r.code, 0);
    assertBytes(r.stdout, DEMO_ARTICLE, 'fix --demo');
    const report = JSON.parse(r.err) as { stats: { pinyin: number; punctuation: number } };
    assert.ok(report.stats.pinyin > 0 && report.stats.punctuation > 0, r.err);
  });

  test('a 600 KB mirror page is fixed in seconds, not minutes (the engine must not be quadratic)', async () => {
    // A linear engine needs about 2 s here (start-up included); a quadratic one far more than the limit.
    const d = DAMAGED[0]!;
    const copies = Math.ceil(600_000 / Buffer.byteLength(d.damaged));
    let started = 0;
    const r = await zw(['fix', write('big/mirror-600k.txt', d.damaged.repeat(copies))], '', { timeoutMs: 10_000, onSpawn: () => { started = Date.now(); } });
    const seconds = (Date.now() - started) / 1000;
    assert.equal(r.signal, null, `fix of ${copies} copies of a ${Buffer.byteLength(d.damaged)}-byte mirror page was stopped after ${seconds.toFixed(1)} s`);
    assertOk(r, '600 KB mirror page');
    assertBytes(r.stdout, d.original.repeat(copies), '600 KB mirror page');
  });

  test('fix is idempotent: fixing its own output changes nothing, for every --to value', async () => {
    // Where the right first-pass answer is known, it is checked too.
    const inputs: { name: string; text: string; auto?: string; keep?: string }[] = DAMAGED.slice(0, noShared ? 3 : 2)
      .map((d) => ({ name: d.name, text: d.damaged, auto: d.original, keep: mirrorConvert(d.original) }));
    if (!noShared) inputs.push({ name: 'zigong', text: readShared(GARBLED), auto: readShared(HANS), keep: readShared(HANT) });
    await Promise.all(TARGETS.map(async (to) => {
      // First pass: all inputs at once as JSON Lines records (each record is fixed alone, as a file would be).
      const first = await zw(['fix', '--jsonl', '--to', to], inputs.map((i) => JSON.stringify({ text: i.text })).join('\n') + '\n');
      assertOk(first, `first pass --to ${to}`);
      const outputs = first.stdout.toString('utf8').trimEnd().split('\n').map((l) => (JSON.parse(l) as { text: string }).text);
      assert.equal(outputs.length, inputs.length);
      outputs.forEach((o, i) => {
        const known = to === 'auto' || to === 'cn' ? inputs[i]!.auto : to === 'keep' ? inputs[i]!.keep : undefined;
        if (known !== undefined) assert.equal(o, known, `first pass --to ${to} of ${inputs[i]!.name}`);
        assert.doesNotMatch(o, /\((?:w[aā]ng|[a-z]+[1-5]?)\)/u, `first pass --to ${to} left an annotation in ${inputs[i]!.name}`);
        assert.notEqual(o, inputs[i]!.text, `first pass --to ${to} repaired ${inputs[i]!.name}`);
      });
      // Second pass: the plain command on every output at once; nothing may change.
      const files = outputs.map((o, i) => write(`idempotent/${to}/${inputs[i]!.name}.txt`, o));
      await assertUnchanged(['--to', to], files, `second pass, --to ${to}`);
    }));
  });
});

describe('fix --html', { concurrency: true }, () => {
  // Slots 0–15 are readable text (damaged, then repaired); {{raw}} marks places the command must not touch.
  const template = readFileSync(join(TESTDATA, 'page.html.tmpl'), 'utf8');
  const article = sampleText('news/simplified-03.txt').trimEnd().split('\n');
  const slots = [
    article[0]!, '云溪新闻网要闻', article[0]!, '网站导航', '返回首页', '首页', article[1]!, article[2]!, article[3]!,
    '云溪长江大桥效果图', '大桥建成后效果图（资料图）', article[4]!, '搜索新闻', '请输入您的评论', '长江', article[6]!,
  ];
  const damagedSlots = damage(slots.join('\n'), { seed: 11 }).split('\n');
  const traditionalSlots = mirrorConvert(slots.join('\n')).split('\n');
  const fill = (values: readonly string[]): string =>
    template.replace(/\{\{(\d+|raw)\}\}/g, (_, k: string) => (k === 'raw' ? RAW : values[Number(k)]!));
  const page = fill(damagedSlots);
  const skeleton = (html: string): string => {
    let out = '';
    let pos = 0;
    for (const p of htmlPieces(html)) { out += html.slice(pos, p.start) + '\u0000'; pos = p.end; }
    return out + html.slice(pos);
  };
  /** Contents of elements, comments and attributes that must stay untouched, found independently of htmlPieces. */
  const untouched = (html: string): string[] =>
    [...html.matchAll(/<(script|style|textarea|code|pre|kbd|rt|noscript)\b[^>]*>([\s\S]*?)<\/\1>|<!--([\s\S]*?)-->|\s((?:data-[a-z]+|value|href|content)=(?:"[^"]*"|'[^']*'))/gi)]
      .map((m) => m[2] ?? m[3] ?? m[4]!);
  const autoRun = shared(() => zw(['fix', '--html'], page));

  test('the test page really is damaged, in text, attributes and every untouchable place', () => {
    assert.equal(damagedSlots.length, slots.length);
    assert.ok(damagedSlots.filter((s, i) => s !== slots[i]).length >= 12, 'most slots are damaged');
    assert.ok(untouched(page).length >= 15 && untouched(page).every((u) => u.includes(RAW)), 'raw damaged text sits in every untouchable place');
  });

  for (const [label, args, want] of [
    ['auto', [], slots],
    ['--to cn', ['--to', 'cn'], slots],
    ['--to keep', ['--to', 'keep'], traditionalSlots],
  ] as const) {
    test(`${label}: text and title/alt/placeholder/aria-label are repaired; markup, scripts, styles, comments, code and other attributes stay byte-identical`, async () => {
      const r = await (args.length ? zw(['fix', '--html', ...args], page) : autoRun());
      assertOk(r, `fix --html ${label}`);
      const out = r.stdout.toString('utf8');
      assert.equal(skeleton(out), skeleton(page), 'the document without its text pieces is identical');
      assert.deepEqual(untouched(out), untouched(page), 'script/style/textarea/code/pre/kbd/rt/noscript, comments and other attributes are untouched');
      assertBytes(r.stdout, fill(want), `fix --html ${label}`);
    });
  }

  test('--stats and --explain (which build the list of changes) write the same bytes as plain fix --html', async () => {
    const [plain, stats, explain] = await Promise.all([autoRun(), zw(['fix', '--html', '--stats'], page), zw(['fix', '--html', '--explain'], page)]);
    assert.equal(stats.code, 0, 'fix --html --stats: exit code');
    assert.equal(explain.code, 0, 'fix --html --explain: exit code');
    assertBytes(stats.stdout, plain.stdout.toString('utf8'), '--stats');
    assertBytes(explain.stdout, plain.stdout.toString('utf8'), '--explain');
    assert.match(stats.err, /"pinyin":[1-9]/);
    assert.match(explain.err, /: pinyin: pinyin annotation/);
  });

  test('a genuine Taiwan page stays as it is, and the fixed page fixed again is unchanged', async () => {
    const taiwanLines = sampleText('news/taiwan-02.txt').trimEnd().split('\n');
    const taiwan = template.replace(/\{\{(\d+|raw)\}\}/g, (_, k: string) => (k === 'raw' ? RAW : taiwanLines[Number(k) % taiwanLines.length]!));
    const [tw, first] = await Promise.all([zw(['fix', '--html'], taiwan), autoRun()]);
    assertOk(tw, 'Taiwan page');
    assertBytes(tw.stdout, taiwan, 'a genuine Taiwan page stays as it is');
    const again = await zw(['fix', '--html'], first.stdout);
    assertOk(again, 'second pass');
    assertBytes(again.stdout, first.stdout, 'fix --html is idempotent');
  });
});

describe('fix --jsonl', { concurrency: true }, () => {
  const [A, B, C] = DAMAGED as [Damaged, Damaged, Damaged];
  const J = (s: string): string => JSON.stringify(s);
  interface Line { input: string | Buffer; output?: string; eol: '\n' | '\r\n' | ''; bad?: RegExp }
  const lines: Line[] = [
    { input: `{"id":1,"text":${J(A.damaged)}}`, output: `{"id":1,"text":${J(A.original)}}`, eol: '\n' },
    // Only the text token changes: spacing, key order, 2.0, a 20-digit number, escapes, nested "text" keys, -0.0e+00 stay.
    {
      input: ` { "id" : 2.0 ,  "big":12345678901234567890,"text" :  ${J(B.damaged)} , "note":"\\u4f60\\u597d\\ud83d\\ude00 \\"q\\" \\/", "meta":{"text":${J(RAW)},"n":[1,2,{"text":${J(RAW)}}]},"z":-0.0e+00,"f":1.0,"s":"\\ud800\\u2028","t":true }`,
      output: ` { "id" : 2.0 ,  "big":12345678901234567890,"text" :  ${J(B.original)} , "note":"\\u4f60\\u597d\\ud83d\\ude00 \\"q\\" \\/", "meta":{"text":${J(RAW)},"n":[1,2,{"text":${J(RAW)}}]},"z":-0.0e+00,"f":1.0,"s":"\\ud800\\u2028","t":true }`,
      eol: '\r\n',
    },
    { input: `{"id":3,"title":${J(A.damaged)}}`, eol: '\n' }, // no text field
    { input: `{"id":4,"text":null,"body":${J(A.damaged)}}`, eol: '\r\n' }, // text is not a string
    { input: `{"id":5,"text":[${J(A.damaged)}],"n":1.10}`, eol: '\n' },
    { input: `{"id":6,"text":${J(A.damaged)}`, eol: '\n', bad: /not valid JSON/ }, // missing }
    { input: Buffer.concat([Buffer.from('{"id":7,"text":"自貢網(wǎng)'), Buffer.from([0xe7, 0xb6]), Buffer.from('"}')]), eol: '\r\n', bad: /invalid UTF-8 at byte 32 of the line/ },
    { input: '', eol: '\n' }, // blank line
    { input: `[1,"text",${J(A.damaged)}]`, eol: '\n' }, // not an object
    { input: '{"id":10,"text":"plain English (with brackets),, nothing to fix.","x":1.50}', eol: '\n' },
    { input: '{"id":11,"text":"\\u4f60\\u597d\\uff0c\\u4e16\\u754c\\u3002"}', eol: '\n' }, // clean, escaped: bytes kept
    { input: '{"id":12,"text":"trailing comma",}', eol: '\r\n', bad: /not valid JSON/ },
    { input: `{"text":"first duplicate","text":${J(C.damaged)}}`, output: `{"text":"first duplicate","text":${J(C.original)}}`, eol: '\n' },
    { input: `{"id":14,"text":${J(C.damaged)},"tail":"末"}`, output: `{"id":14,"text":${J(C.original)},"tail":"末"}`, eol: '' },
  ];
  const bytes = (s: string | Buffer): Buffer => (typeof s === 'string' ? Buffer.from(s, 'utf8') : s);
  const input = Buffer.concat(lines.flatMap((l) => [bytes(l.input), Buffer.from(l.eol)]));
  const output = Buffer.concat(lines.flatMap((l) => [bytes(l.output ?? l.input), Buffer.from(l.eol)]));
  const mainRun = shared(() => zw(['fix', '--jsonl', '--stats'], input));

  test('repairs the field, copies every other byte, reports malformed lines by number, exits non-zero', async () => {
    assert.equal(Buffer.byteLength('{"id":7,"text":"自貢網(wǎng)'), 32, 'line 7: the bad byte comes right after this prefix');
    const r = await mainRun();
    assertBytes(r.stdout, output, 'fix --jsonl');
    const errLines = r.err.trimEnd().split('\n');
    const stats = JSON.parse(errLines.pop()!) as { records: number; badLines: number; stats: { pinyin: number } };
    const bad = lines.flatMap((l, i) => (l.bad ? [{ n: i + 1, re: l.bad }] : []));
    assert.equal(errLines.length, bad.length, `one message per bad line:\n${r.err}`);
    bad.forEach(({ n, re }, k) => {
      assert.match(errLines[k]!, new RegExp(`^zhengwen: standard input: line ${n}: .*copied unchanged$`), 'names the exact line');
      assert.match(errLines[k]!, re);
    });
    assert.equal(stats.badLines, bad.length);
    assert.equal(stats.records, lines.filter((l) => !l.bad && l.input !== '').length, 'records counts parsed JSON lines');
    assert.ok(stats.stats.pinyin > 0);
    assert.equal(r.code, 1, 'bad lines make the exit code 1');
  });

  test('the output, fixed again, is unchanged (same messages, same exit code)', async () => {
    const first = await mainRun();
    const again = await zw(['fix', '--jsonl'], first.stdout);
    assertBytes(again.stdout, first.stdout, 'second pass');
    assert.equal(again.err, first.err.slice(0, first.err.trimEnd().lastIndexOf('\n') + 1), 'the same messages');
    assert.equal(again.code, 1);
  });

  test('--field chooses the field; other string fields holding damage are copied unchanged; --to applies', async () => {
    const input = [
      `{"title":${J(A.damaged)},"text":${J(B.damaged)}}`,
      `{"text":${J(B.damaged)}}`,
      `{"meta":{"title":${J(B.damaged)}},"title":7}`,
    ].join('\n') + '\n';
    const want = [
      `{"title":${J(mirrorConvert(A.original))},"text":${J(B.damaged)}}`,
      `{"text":${J(B.damaged)}}`,
      `{"meta":{"title":${J(B.damaged)}},"title":7}`,
    ].join('\n') + '\n';
    const r = await zw(['fix', '--jsonl', '--field', 'title', '--to', 'keep'], input);
    assertOk(r, '--field title');
    assertBytes(r.stdout, want, '--field title --to keep');
  });

  test('files: line numbers count per file and messages name the file', async () => {
    const f1 = write('jsonl/one.jsonl', `{"text":${J(A.damaged)}}\n{"x":1}\n`);
    const f2 = write('jsonl/two.jsonl', `{"x":2}\nnot json\n{"text":${J(C.damaged)}}\n`);
    const r = await zw(['fix', '--jsonl', f1, f2]);
    assertBytes(r.stdout, `{"text":${J(A.original)}}\n{"x":1}\n{"x":2}\nnot json\n{"text":${J(C.original)}}\n`, 'two files');
    assert.match(r.err, new RegExp(`^zhengwen: ${escapeRe(f2)}: line 2: not valid JSON .*copied unchanged\n$`));
    assert.equal(r.code, 1);
  });

  test('a 50 MB stream goes through with flat memory', async (t) => {
    const blob = 'x'.repeat(5000);
    const paragraph = sampleText('news/simplified-03.txt').split('\n')[3]!;
    const damagedParagraph = damage(paragraph, { seed: 5, tableShare: 1 });
    assert.notEqual(damagedParagraph, paragraph);
    const recordIn = (n: number): string => `{"id":${n},"blob":"${blob}","text":${J(damagedParagraph)}}\n`;
    const recordOut = (n: number): string => `{"id":${n},"blob":"${blob}","text":${J(paragraph)}}\n`;
    const rssPreload = 'data:text/javascript,' + encodeURIComponent(
      'import { writeFileSync } from "node:fs"; process.on("exit", () => { if (process.env.ZW_RSS_FILE) writeFileSync(process.env.ZW_RSS_FILE, String(process.resourceUsage().maxRSS)); });');
    const measure = async (records: number): Promise<{ run: Run; rssKb: number | undefined; bytes: number }> => {
      const rssFile = join(TMP, `rss-${records}.txt`);
      const source = Readable.from((function* () {
        for (let n = 0; n < records; n += 200) {
          let chunk = '';
          for (let k = n; k < Math.min(records, n + 200); k++) chunk += recordIn(k);
          yield chunk;
        }
      })());
      const run = await zw(['fix', '--jsonl'], source, { nodeArgs: ['--import', rssPreload], env: { ...process.env, ZW_RSS_FILE: rssFile } });
      let bytes = 0;
      for (let k = 0; k < records; k++) bytes += Buffer.byteLength(recordOut(k));
      const rssKb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : undefined;
      return { run, rssKb, bytes };
    };
    const small = await measure(200);
    const big = await measure(10_000);
    assert.ok(big.bytes > 50e6, 'the stream is over 50 MB');
    for (const m of [small, big]) {
      assertOk(m.run, 'JSONL stream');
      assert.equal(m.run.stdout.length, m.bytes, 'output size');
    }
    const out = big.run.stdout;
    assertBytes(out.subarray(0, Buffer.byteLength(recordOut(0))), recordOut(0), 'first record');
    assertBytes(out.subarray(out.length - Buffer.byteLength(recordOut(9999))), recordOut(9999), 'last record');
    if (!(small.rssKb! > 0 && big.rssKb! > 0)) {
      t.skip('could not measure the maximum resident set size (process.resourceUsage in a preload wrote nothing)');
      return;
    }
    const growthMb = (big.rssKb! - small.rssKb!) / 1024;
    t.diagnostic(`maxRSS: ${Math.round(small.rssKb! / 1024)} MB for 1 MB of input, ${Math.round(big.rssKb! / 1024)} MB for 50 MB (+${Math.round(growthMb)} MB)`);
    // Holding the input would cost at least its 50 MB as bytes plus 50 MB as a string.
    assert.ok(growthMb < 80, `memory grew by ${Math.round(growthMb)} MB for 49 MB more input`);
  });
});

describe('detect and pinyin', { concurrency: true }, () => {
  test('detect prints the verdict of the real damaged page as JSON', { skip: noShared }, async () => {
    const garbled = readShared(GARBLED);
    const r = await zw(['detect', sharedPath(GARBLED)]);
    assertOk(r, 'detect');
    assert.match(r.stdout.toString(), /^\{\n {2}"script"[\s\S]*\}\n$/, 'pretty JSON with a final newline');
    const a = JSON.parse(r.stdout.toString()) as Record<string, unknown> & { pinyin: { found: number; mirror: boolean }; punctuation: { found: number; damage: boolean } };
    assert.equal(a.script, 'traditional');
    assert.equal(a.mirror, true);
    assert.equal(a.pinyin.found, 129);
    assert.equal(a.pinyin.mirror, true);
    assert.equal(a.punctuation.damage, true);
    assert.equal(a.han, (garbled.match(/\p{Script=Han}/gu) ?? []).length, 'han counts Han characters');
    assert.ok(typeof a.traditionalOnly === 'number' && typeof a.simplifiedOnly === 'number' && a.traditionalOnly > a.simplifiedOnly);
    assert.match(a.verdict as string, /^machine-converted mirror page: 129 pinyin insertions, \d+ stray commas/);
    assert.equal('findings' in a, false, 'internal findings are not printed');
  });

  test('detect on clean and learner text finds no mirror, and reads standard input', async () => {
    const cases: [string, string | Buffer, string, RegExp][] = [
      ['Taiwan news (stdin)', read(join(SAMPLES, 'news/taiwan-01.txt')), 'traditional', /^Traditional Chinese text; no mirror damage found$/],
      ['Simplified news', join(SAMPLES, 'news/simplified-01.txt'), 'simplified', /^Simplified Chinese text; no mirror damage found$/],
      ['Traditional learner lesson', join(SAMPLES, 'learner/traditional-lesson.txt'), 'traditional', /no mirror damage found$/],
      ['English', join(TESTDATA, 'english.txt'), 'none', /^no Chinese text; no mirror damage found$/],
      ['generated mirror page (stdin)', Buffer.from(DAMAGED[0]!.damaged), 'traditional', /^machine-converted mirror page: \d+ pinyin insertions/],
    ];
    await Promise.all(cases.map(async ([name, source, script, verdict]) => {
      const r = typeof source === 'string' ? await zw(['detect', source]) : await zw(['detect'], source);
      assertOk(r, name);
      const a = JSON.parse(r.stdout.toString()) as { script: string; mirror: boolean; verdict: string };
      assert.equal(a.script, script, name);
      assert.equal(a.mirror, /^machine/.test(a.verdict), name);
      assert.match(a.verdict, verdict, name);
    }));
  });

  test('pinyin TEXT prints word pinyin with tone marks, or digits with --tone num', async () => {
    const cases: [string[], RegExp][] = [
      [['pinyin', '调整'], /^tiáo ?zhěng\n$/],
      [['pinyin', '--tone', 'num', '银行'], /^yin2 ?hang2\n$/],
      [['pinyin', '--tone=none', '银行'], /^yin ?hang\n$/],
    ];
    await Promise.all(cases.map(async ([args, want]) => {
      const r = await zw(args);
      assertOk(r, args.join(' '));
      assert.match(r.stdout.toString(), want, args.join(' '));
    }));
  });

  test('pinyin reads standard input line by line', async () => {
    const [mark, num] = await Promise.all([zw(['pinyin'], '调整\n银行\n重庆\n'), zw(['pinyin', '--tone', 'num'], '调整\n银行\n还是')]);
    assertOk(mark, 'pinyin < stdin');
    assertOk(num, 'pinyin --tone num < stdin');
    const m = mark.stdout.toString().split('\n');
    assert.equal(m.length, 4, JSON.stringify(m));
    assert.match(m[0]!, /^tiáo ?zhěng$/);
    assert.match(m[1]!, /^yín ?háng$/);
    assert.match(m[2]!, /^Chóngqìng$/, 'a proper noun is capitalised, as the dictionary writes it');
    const n = num.stdout.toString().split('\n');
    assert.deepEqual(n.length, 4, JSON.stringify(n));
    assert.match(n[0]!, /^tiao2 ?zheng3$/);
    assert.match(n[1]!, /^yin2 ?hang2$/);
    assert.match(n[2]!, /^hai2 ?shi5$/, 'the dictionary reads 还是 with a neutral tone');
  });
});

describe('bad input and bad usage', { concurrency: true }, () => {
  const good = (): string => write('errors/good.txt', DAMAGED[0]!.damaged);
  const badUtf8 = (): { path: string; offset: number } => {
    const prefix = Buffer.from('第一行\r\n網(wǎng)絡區(qū)，😀 ');
    return { path: write('errors/bad-utf8.txt', Buffer.concat([prefix, Buffer.from([0xe4, 0xb8, 0x41]), Buffer.from('後面')])), offset: prefix.length };
  };
  const missing = join(TMP, 'errors', 'no-such-file.txt');
  const directory = (): string => { mkdirSync(join(TMP, 'errors', 'a-directory'), { recursive: true }); return join(TMP, 'errors', 'a-directory'); };

  test('usage errors: exit 2, one line, nothing on stdout', async () => {
    const cases: [string[], RegExp][] = [
      [['fix', '--bogus'], /^zhengwen: unknown option --bogus\n$/],
      [['frobnicate'], /^zhengwen: unknown command "frobnicate"/],
      [['fix', '--to', 'xx'], /--to must be one of auto, keep, cn, tw, twp, hk \(got "xx"\)/],
      [['fix', '--to'], /option --to needs a value/],
      [['fix', '--html', '--jsonl'], /cannot be combined/],
      [['fix', '--field', 'text'], /--field only applies with --jsonl/],
      [['detect', 'a', 'b'], /at most one file/],
      [['pinyin', '--tone', 'bold', '银行'], /--tone must be one of mark, num, none/],
    ];
    await Promise.all(cases.map(async ([args, message]) => assertCleanError(await zw(args, DAMAGED[0]!.damaged), 2, message, args.join(' '))));
  });

  test('a missing file, a directory: exit 1, one line naming the file, nothing on stdout', async () => {
    const dir = directory();
    const cases: [string[], RegExp][] = [
      [['fix', missing], new RegExp(`^zhengwen: ${escapeRe(missing)}: no such file\n$`)],
      [['detect', missing], /no such file/],
      [['fix', '--jsonl', missing], new RegExp(`^zhengwen: ${escapeRe(missing)}: no such file\n$`)],
      [['fix', dir], new RegExp(`^zhengwen: ${escapeRe(dir)}: is a directory\n$`)],
      [['fix', '--html', dir], /is a directory/],
      [['fix', '--jsonl', dir], new RegExp(`^zhengwen: ${escapeRe(dir)}: is a directory\n$`)],
    ];
    await Promise.all(cases.map(async ([args, message]) => assertCleanError(await zw(args), 1, message, args.join(' '))));
  });

  test('invalid UTF-8: exit 1, the message names the right byte offset (file and stdin, BOM counted)', async () => {
    const { path, offset } = badUtf8();
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), read(path)]);
    const sentence = '完整的一句话。';
    const truncated = Buffer.concat([Buffer.from(sentence), Buffer.from([0xe8, 0xaf])]);
    const [file, html, bom, end, pinyin] = await Promise.all([
      zw(['fix', path]),
      zw(['fix', '--html', path]),
      zw(['fix', '--to', 'cn'], withBom),
      zw(['detect'], truncated),
      zw(['pinyin'], truncated),
    ]);
    assertCleanError(file!, 1, new RegExp(`^zhengwen: ${escapeRe(path)}: invalid UTF-8 at byte ${offset}\n$`), 'fix FILE');
    assertCleanError(html!, 1, new RegExp(`: invalid UTF-8 at byte ${offset}\n$`), 'fix --html FILE');
    assertCleanError(bom!, 1, new RegExp(`^zhengwen: standard input: invalid UTF-8 at byte ${offset + 3}\n$`), 'stdin with BOM');
    assertCleanError(end!, 1, new RegExp(`invalid UTF-8 at byte ${Buffer.byteLength(sentence)}\n$`), 'detect, truncated at the end');
    assertCleanError(pinyin!, 1, new RegExp(`invalid UTF-8 at byte ${Buffer.byteLength(sentence)}\n$`), 'pinyin, truncated at the end');
  });

  test('when the second of two files is bad, nothing at all is written for the first', async () => {
    const first = good();
    const { path: bad } = badUtf8();
    const dir = directory();
    const jsonl = write('errors/good.jsonl', `{"text":${JSON.stringify(DAMAGED[0]!.damaged)}}\n`);
    const cases: [string[], RegExp][] = [
      [['fix', first, missing], /no such file/],
      [['fix', first, bad], /invalid UTF-8 at byte/],
      [['fix', '--html', first, dir], /is a directory/],
      [['fix', '--jsonl', jsonl, missing], /no such file/],
      [['fix', '--jsonl', jsonl, dir], /is a directory/],
    ];
    await Promise.all(cases.map(async ([args, message]) => assertCleanError(await zw(args), 1, message, args.join(' '))));
  });

  test('a closed output pipe (zhengwen fix big | head -c 10) ends quietly, without a stack trace', async () => {
    // Clean text, so the engine has little to do (the speed test covers large damaged pages).
    const bigText = write('big/big.txt', sampleText('news/simplified-01.txt').repeat(300));
    const bigJsonl = write('big/big.jsonl', `{"text":${JSON.stringify(DAMAGED[0]!.damaged)}}\n`.repeat(3000));
    const closeEarly = (child: ReturnType<typeof spawn>): void => {
      let seen = 0;
      child.stdout!.on('data', (c: Buffer) => { seen += c.length; if (seen >= 10) child.stdout!.destroy(); });
    };
    const runs = await Promise.all([
      zw(['fix', bigText], '', { onSpawn: closeEarly }),
      zw(['fix', '--to', 'keep', '--html', bigText], '', { onSpawn: closeEarly }),
      zw(['fix', '--jsonl', bigJsonl], '', { onSpawn: closeEarly }),
    ]);
    for (const [i, r] of runs.entries()) {
      assert.equal(r.signal, null, `run ${i}: killed by ${r.signal}`);
      assert.equal(r.err, '', `run ${i}: stderr should be empty`);
      assert.equal(r.code, 0, `run ${i}: a reader that stops early is not an error`);
      assert.ok(r.stdout.length >= 10, `run ${i}: some output was read`);
    }
  });

  test('the same through a real shell pipeline', { skip: existsSync('/bin/bash') ? false : 'no /bin/bash to run a pipeline with pipefail' }, async () => {
    const bigText = write('big/pipeline.txt', sampleText('news/simplified-02.txt').repeat(300));
    const r = await zw(['-c', 'set -o pipefail; "$0" "$1" fix "$2" | head -c 10', process.execPath, BIN, bigText], '', { command: '/bin/bash' });
    assert.equal(r.err, '');
    assert.equal(r.stdout.length, 10);
    assert.equal(r.code, 0);
  });
});

describe('the command itself', { concurrency: true }, () => {
  test('--help and help print the usage and exit 0; no command at all exits 2', async () => {
    const [a, b, none] = await Promise.all([zw(['--help']), zw(['help']), zw([])]);
    for (const r of [a, b]) {
      assertOk(r, 'help');
      assert.equal(r.stdout.toString(), USAGE);
    }
    assert.equal(none.code, 2);
    assert.ok((none.stdout.toString() + none.err).includes('Usage:'), 'shows the usage');
  });

  test('the bin runs directly through its shebang', { skip: process.platform === 'win32' ? 'no shebangs on Windows' : false }, async () => {
    const r = await zw(['pinyin', '银行'], '', { command: BIN });
    assertOk(r, 'bin/zhengwen.mjs pinyin 银行');
    assert.match(r.stdout.toString(), /^yín ?háng\n$/);
  });

  test('npx zhengwen works from the repository', async (t) => {
    let r: Run;
    try {
      r = await zw(['--no-install', 'zhengwen', '--help'], '', { command: process.platform === 'win32' ? 'npx.cmd' : 'npx', cwd: REPO, timeoutMs: 40_000 });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') { t.skip('npx is not on PATH'); return; }
      throw e;
    }
    assert.equal(r.code, 0, r.err);
    assert.equal(r.stdout.toString(), USAGE);
  });

  test('README: npm install -g ./bin gives a zhengwen command that runs this checkout (into a scratch prefix)', { skip: process.platform === 'win32' ? 'the prefix layout differs on Windows' : false }, async (t) => {
    const prefix = mkdtempSync(join(tmpdir(), 'zhengwen-global-'));
    try {
      let r: Run;
      try {
        r = await zw(['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', './bin'], '', { command: 'npm', cwd: REPO, timeoutMs: 60_000 });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') { t.skip('npm is not on PATH'); return; }
        throw e;
      }
      assert.equal(r.code, 0, r.err);
      const installed = await zw(['pinyin', '银行'], '', { command: join(prefix, 'bin', 'zhengwen'), cwd: tmpdir() });
      assertOk(installed, 'the installed zhengwen pinyin 银行');
      assert.match(installed.stdout.toString(), /^yín ?háng\n$/);
    } finally {
      rmSync(prefix, { recursive: true, force: true });
    }
  });
});

});
