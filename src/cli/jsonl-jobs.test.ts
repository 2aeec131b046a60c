/**
 * `zhengwen fix --jsonl --jobs N`, run as real processes: the output, the
 * messages, --stats, --explain and the exit code are byte for byte those of
 * --jobs 1, on a generated corpus with malformed lines and huge records.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { damage } from '../damage/mirror-damage.ts';

const BIN = fileURLToPath(new URL('../../bin/zhengwen.mjs', import.meta.url));
const NEWS = fileURLToPath(new URL('../../samples/news/', import.meta.url));
const TMP = mkdtempSync(join(tmpdir(), 'zhengwen-jobs-test-'));
after(() => rmSync(TMP, { recursive: true, force: true }));

interface Run { code: number | null; stdout: Buffer; err: string }

/** Runs `zhengwen ARGS` with INPUT on standard input. */
function zw(args: readonly string[], input: Uint8Array | string = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.stdin.on('error', () => {}); // a usage error exits before reading
    child.stdin.end(input);
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out), err: Buffer.concat(err).toString('utf8') }));
  });
}

/** Every paragraph of the sample news articles, damaged as a mirror would (several seeds: different "sites"). */
function damagedParagraphs(): { clean: string; damaged: string }[] {
  const out: { clean: string; damaged: string }[] = [];
  let seed = 1;
  for (const file of readdirSync(NEWS).filter((f) => f.startsWith('simplified-')).sort()) {
    for (const clean of readFileSync(join(NEWS, file), 'utf8').split('\n').filter((l) => l.trim())) {
      out.push({ clean, damaged: damage(clean, { seed: seed++, tableShare: 1 }) });
    }
  }
  return out;
}

const J = JSON.stringify;
const PARAGRAPHS = damagedParagraphs();
assert.ok(PARAGRAPHS.length >= 20, 'enough sample paragraphs');

/**
 * A corpus of about 2 MB (many 64 KB batches): records in every shape the
 * single-threaded stream handles, malformed lines among them, two records far
 * bigger than a batch, CRLF line ends, and a last line without its newline.
 */
function corpus(): { bytes: Buffer; badLines: number[]; lines: number } {
  const parts: Buffer[] = [];
  const badLines: number[] = [];
  let n = 0;
  const push = (line: string | Buffer, eol = '\n', bad = false): void => {
    n++;
    if (bad) badLines.push(n);
    parts.push(typeof line === 'string' ? Buffer.from(line) : line, Buffer.from(eol));
  };
  const huge = PARAGRAPHS.map((p) => p.damaged).join('').repeat(6);
  for (let i = 0; i < 3000; i++) {
    const p = PARAGRAPHS[i % PARAGRAPHS.length]!;
    push(`{"id":${i},"text":${J(p.damaged)}}`, i % 7 === 3 ? '\r\n' : '\n');
    if (i % 97 === 5) push(`{"id":${i},"text":${J(p.damaged)}`, '\n', true); // missing }
    if (i % 211 === 8) push(Buffer.concat([Buffer.from(`{"id":${i},"text":"網(wǎng)`), Buffer.from([0xe7, 0xb6]), Buffer.from('"}')]), '\n', true);
    if (i % 50 === 9) push('');
    if (i % 150 === 10) push(`{"id":${i},"title":${J(p.damaged)}}`);
    if (i % 300 === 11) push(`[${i},${J(p.damaged)}]`);
    if (i === 1000 || i === 2500) push(`{"id":"huge-${i}","text":${J(huge)}}`);
  }
  push(`{"id":"last","text":${J(PARAGRAPHS[0]!.damaged)}}`, ''); // no final newline
  return { bytes: Buffer.concat(parts), badLines, lines: n };
}

describe('fix --jsonl --jobs', { concurrency: 1 }, () => {
  const { bytes, badLines, lines } = corpus();
  let single: Run | undefined;
  const one = async (): Promise<Run> => (single ??= await zw(['fix', '--jsonl', '--jobs', '1', '--stats', '--explain'], bytes));

  test('--jobs 1 (the reference) repairs the corpus and reports every malformed line in order', async () => {
    assert.ok(bytes.length > 1.5e6, `the corpus is ${bytes.length} bytes`);
    const r = await one();
    assert.equal(r.code, 1, 'malformed lines make the exit code 1');
    const messages = r.err.split('\n').filter((l) => l.startsWith('zhengwen: '));
    assert.deepEqual(messages.map((m) => Number(/line (\d+):/.exec(m)?.[1])), badLines, 'one message per bad line, in order');
    const outLines = r.stdout.toString('utf8').split('\n');
    assert.equal(outLines.length, lines, 'one output line per input line');
    assert.equal(JSON.parse(outLines[0]!).text, PARAGRAPHS[0]!.clean, 'the first record is repaired');
    const stats = JSON.parse(r.err.trimEnd().split('\n').pop()!) as { records: number; badLines: number };
    assert.equal(stats.badLines, badLines.length);
  });

  for (const jobs of ['2', '3', 'auto', '0']) {
    test(`--jobs ${jobs}: output, messages, --stats, --explain and exit code identical to --jobs 1`, async () => {
      const [r, ref] = [await zw(['fix', '--jsonl', '--jobs', jobs, '--stats', '--explain'], bytes), await one()];
      assert.equal(r.code, ref.code, 'exit code');
      assert.ok(r.stdout.equals(ref.stdout), 'standard output byte for byte');
      assert.equal(r.err, ref.err, 'standard error (bad-line messages, explanations, stats) in the same order');
    });
  }

  test('--jobs 2 keeps input order: ids and explained line numbers ascend', async () => {
    const r = await zw(['fix', '--jsonl', '--jobs', '2', '--explain'], bytes);
    // Lines with invalid UTF-8 (decoded here as U+FFFD) are malformed input copied through.
    const ids = r.stdout.toString('utf8').split('\n').filter((l) => !l.includes('\uFFFD')).flatMap((l) => {
      try {
        const record = JSON.parse(l) as { id?: unknown; text?: unknown };
        return typeof record.id === 'number' && typeof record.text === 'string' ? [record.id] : [];
      } catch {
        return []; // the malformed lines, copied unchanged
      }
    });
    assert.equal(ids.length, 3000);
    assert.deepEqual(ids, [...ids].sort((a, b) => a - b), 'records in input order');
    const explained = r.err.split('\n').flatMap((l) => {
      const m = /^standard input: line (\d+):/.exec(l);
      return m ? [Number(m[1])] : [];
    });
    assert.ok(explained.length > 3000);
    assert.deepEqual(explained, [...explained].sort((a, b) => a - b), 'explanations in input order');
  });

  test('several files: line numbers count per file, messages name the file; clean input exits 0', async () => {
    const f1 = join(TMP, 'one.jsonl');
    const f2 = join(TMP, 'two.jsonl');
    const f3 = join(TMP, 'clean.jsonl');
    writeFileSync(f1, bytes);
    writeFileSync(f2, `{"x":2}\nnot json\n{"text":${J(PARAGRAPHS[1]!.damaged)}}\n`);
    writeFileSync(f3, PARAGRAPHS.map((p) => `{"text":${J(p.damaged)}}\n`).join('').repeat(20));
    const [two, ref] = [await zw(['fix', '--jsonl', '--jobs', '2', f1, f2]), await zw(['fix', '--jsonl', f1, f2])];
    assert.equal(two.code, 1);
    assert.ok(two.stdout.equals(ref.stdout), 'same output');
    assert.equal(two.err, ref.err, 'same messages');
    assert.match(two.err, new RegExp(`zhengwen: ${f2.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: line 2: not valid JSON .*copied unchanged\n$`));
    const clean = await zw(['fix', '--jsonl', '--jobs', '2', f3]);
    assert.equal(clean.code, 0, clean.err);
    assert.equal(clean.err, '');
    assert.equal(clean.stdout.toString('utf8'), PARAGRAPHS.map((p) => `{"text":${J(p.clean)}}\n`).join('').repeat(20));
  });

  test('empty input, and a single line without newline', async () => {
    const empty = await zw(['fix', '--jsonl', '--jobs', '2'], '');
    assert.equal(empty.code, 0);
    assert.equal(empty.stdout.length, 0);
    const lone = await zw(['fix', '--jsonl', '--jobs', '2'], `{"text":${J(PARAGRAPHS[2]!.damaged)}}`);
    assert.equal(lone.stdout.toString('utf8'), `{"text":${J(PARAGRAPHS[2]!.clean)}}`);
  });

  test('memory stays flat: 50 MB through --jobs 2 costs far less than holding it', async (t) => {
    const blob = 'x'.repeat(5000);
    const p = PARAGRAPHS[3]!;
    const recordIn = (n: number): string => `{"id":${n},"blob":"${blob}","text":${J(p.damaged)}}\n`;
    const recordOut = (n: number): string => `{"id":${n},"blob":"${blob}","text":${J(p.clean)}}\n`;
    const preload = 'data:text/javascript,' + encodeURIComponent(
      'import { writeFileSync } from "node:fs"; process.on("exit", () => { if (process.env.ZW_RSS_FILE) writeFileSync(process.env.ZW_RSS_FILE, String(process.resourceUsage().maxRSS)); });');
    const measure = async (records: number): Promise<{ rssKb: number; bytes: number }> => {
      const file = join(TMP, `flat-${records}.jsonl`);
      const rssFile = join(TMP, `rss-${records}.txt`);
      const chunks: string[] = [];
      for (let n = 0; n < records; n++) chunks.push(recordIn(n));
      writeFileSync(file, chunks.join(''));
      // Only the size and both ends of the output are kept: the test itself must not hold 50 MB.
      const r = await new Promise<{ code: number | null; bytes: number; first: string; last: string }>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', preload, BIN, 'fix', '--jsonl', '--jobs', '2', file], {
          stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ZW_RSS_FILE: rssFile },
        });
        let bytes = 0;
        let first = Buffer.alloc(0);
        let last = Buffer.alloc(0);
        child.stdout.on('data', (c: Buffer) => {
          if (first.length < 20_000) first = Buffer.concat([first, c]).subarray(0, 20_000);
          last = Buffer.concat([last, c]).subarray(-20_000);
          bytes += c.length;
        });
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, bytes, first: first.toString('utf8'), last: last.toString('utf8') }));
      });
      assert.equal(r.code, 0);
      assert.ok(r.first.startsWith(recordOut(0)), 'the first record, repaired');
      assert.ok(r.last.endsWith(recordOut(records - 1)), 'the last record, repaired');
      let want = 0;
      for (let n = 0; n < records; n++) want += Buffer.byteLength(recordOut(n));
      assert.equal(r.bytes, want, 'output size');
      return { rssKb: Number(readFileSync(rssFile, 'utf8')), bytes: want };
    };
    const small = await measure(200);
    const big = await measure(10_000);
    assert.ok(big.bytes > 50e6);
    const growthMb = (big.rssKb - small.rssKb) / 1024;
    t.diagnostic(`maxRSS with --jobs 2: ${Math.round(small.rssKb / 1024)} MB for 1 MB of input, ${Math.round(big.rssKb / 1024)} MB for 50 MB (+${Math.round(growthMb)} MB)`);
    // Holding the input would cost at least its 50 MB as bytes plus 50 MB as a string.
    assert.ok(growthMb < 80, `memory grew by ${Math.round(growthMb)} MB for 49 MB more input`);
  });

  test('a bad --jobs value, or --jobs without --jsonl, is a usage error (exit 2, nothing written)', async () => {
    for (const bad of ['-1', 'x', '1.5', '', '2x', '99999', ' 2']) {
      const r = await zw(['fix', '--jsonl', '--jobs', bad], `{"text":"中國"}\n`);
      assert.equal(r.code, 2, `--jobs "${bad}"`);
      assert.equal(r.stdout.length, 0);
      assert.equal(r.err, `zhengwen: --jobs must be a number of threads, 0 or auto (got "${bad}")\n`);
    }
    const noValue = await zw(['fix', '--jsonl', '--jobs']);
    assert.equal(noValue.code, 2);
    assert.equal(noValue.err, 'zhengwen: option --jobs needs a value\n');
    const plain = await zw(['fix', '--jobs', '2'], '中國');
    assert.equal(plain.code, 2);
    assert.equal(plain.err, 'zhengwen: --jobs only applies with --jsonl\n');
    assert.equal(plain.stdout.length, 0);
  });
});
