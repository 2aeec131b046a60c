/**
 * Command-line figures, as whole processes (start-up, reading, writing
 * included): the built `zhengwen fix` against plain opencc-js as a process on
 * the same mirror text, `npx zhengwen` against `npx esbuild --version`, and
 * `fix --jsonl --jobs 2` against `--jobs 1`. Runs are interleaved (A B C, A B C,
 * …) so that machine drift hits them all alike; medians.
 */
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../e2e/harness.ts';
import { damagedText } from './pages.ts';
import { ms, type Figure } from './report.ts';
import { median } from './stats.ts';

const BUILT = join(ROOT, 'dist/cli/zhengwen.mjs');
const OPENCC = join(ROOT, 'bench/opencc-tw-cn.mjs');
const JSONL_COPIES = 5;

interface Command { command: string; args: string[]; input: string; cwd?: string }

/**
 * A preload for node processes that writes their CPU time (user + system, all
 * threads, in ms) to the file ZW_CPU_FILE names: on a shared machine the wall
 * time of --jobs depends on the load, the CPU it costs does not.
 */
const CPU_PRELOAD = 'data:text/javascript,' + encodeURIComponent(
  'import { writeFileSync } from "node:fs"; process.on("exit", () => { const u = process.resourceUsage(); if (process.env.ZW_CPU_FILE) writeFileSync(process.env.ZW_CPU_FILE, String((u.userCPUTime + u.systemCPUTime) / 1000)); });');
let cpuFile = '';

/** Runs a process with a file as standard input; resolves with the wall time, the bytes it wrote and (node processes) its CPU time. */
function timed(c: Command): Promise<{ ms: number; bytes: number; cpuMs: number }> {
  return new Promise((resolve, reject) => {
    const fd = openSync(c.input, 'r');
    const node = c.command === process.execPath;
    if (node) writeFileSync(cpuFile, '');
    const args = node ? ['--import', CPU_PRELOAD, ...c.args] : c.args;
    const t0 = performance.now();
    const child = spawn(c.command, args, { cwd: c.cwd ?? ROOT, stdio: [fd, 'pipe', 'pipe'], env: { ...process.env, ZW_CPU_FILE: cpuFile } });
    closeSync(fd);
    let bytes = 0;
    let err = '';
    child.stdout!.on('data', (b: Buffer) => { bytes += b.length; });
    child.stderr!.on('data', (b: Buffer) => { err += b.toString(); });
    child.on('error', reject);
    child.on('close', (code) => {
      const t = performance.now() - t0;
      // fix exits 0; nothing here has malformed input.
      if (code !== 0) reject(new Error(`${c.command} ${c.args.join(' ')} exited ${code}: ${err.slice(0, 500)}`));
      else resolve({ ms: t, bytes, cpuMs: node ? Number(readFileSync(cpuFile, 'utf8')) : NaN });
    });
  });
}

/** Median wall time of each command, runs interleaved, after one warm-up round (disk cache, npx cache); CPU medians in `cpu`. */
async function race<K extends string>(commands: Record<K, Command>, runs: number, cpu: Partial<Record<string, number>> = {}): Promise<Record<K, number>> {
  const keys = Object.keys(commands) as K[];
  const samples = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  const cpuSamples = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  for (let r = -1; r < runs; r++) {
    for (const k of keys) {
      const { ms: t, cpuMs } = await timed(commands[k]);
      if (r >= 0) { samples[k].push(t); cpuSamples[k].push(cpuMs); }
    }
  }
  for (const k of keys) cpu[k] = median(cpuSamples[k]);
  return Object.fromEntries(keys.map((k) => [k, median(samples[k])])) as Record<K, number>;
}

export interface CliFigures {
  chars: number;
  records: number;
  runs: number;
  jobsRuns: number;
  ms: { fixCn: number; fixKeep: number; fixStats: number; opencc: number; npxFix: number; npxEsbuild: number; binFix: number; npxSelf: number; jobs1: number; jobs2: number };
  /** Median CPU time (user + system, all threads) of the node processes. */
  cpuMs: Partial<Record<string, number>>;
}

/**
 * A project set up as this checkout is, with a command that does nothing: no
 * dependencies, its bin in a workspace package (bin/), so npm links it into
 * node_modules/.bin and npx runs it directly, as it runs a dependency's bin
 * (esbuild's). This measures that floor: npx plus starting node on an empty file.
 */
function npxFloorProject(dir: string): string {
  const project = join(dir, 'npx-floor');
  mkdirSync(join(project, 'bin'), { recursive: true });
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'zhengwen-npx-floor', version: '1.0.0', private: true, workspaces: ['bin'] }));
  writeFileSync(join(project, 'bin/package.json'), JSON.stringify({ name: 'zhengwen-npx-floor-cli', version: '1.0.0', private: true, bin: { 'zhengwen-npx-floor': 'floor.mjs' } }));
  writeFileSync(join(project, 'bin/floor.mjs'), '#!/usr/bin/env node\n');
  chmodSync(join(project, 'bin/floor.mjs'), 0o755);
  // Only links the workspace: nothing is downloaded.
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--silent'], { cwd: project, stdio: 'ignore' });
  return project;
}

/** Measures the command as processes on `chars` characters of generated mirror text. */
export async function benchCli(chars: number, runs: number): Promise<CliFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'zhengwen-bench-cli-'));
  cpuFile = join(dir, 'cpu.txt');
  const cpu: Partial<Record<string, number>> = {};
  try {
    const paragraphs = damagedText(chars, 5).damaged;
    const text = join(dir, 'mirror.txt');
    const jsonl = join(dir, 'mirror.jsonl');
    const line = join(dir, 'line.txt');
    writeFileSync(text, paragraphs.join('\n') + '\n');
    // --jobs pays a start-up and a warm-up (JIT) per thread, ~0.8 s of CPU: on a few MB that is most
    // of the run. Throughput is measured on a corpus JSONL_COPIES times bigger (every record its own id).
    const records: string[] = [];
    for (let c = 0; c < JSONL_COPIES; c++) paragraphs.forEach((p, i) => records.push(JSON.stringify({ id: c * paragraphs.length + i, text: p })));
    writeFileSync(jsonl, records.join('\n') + '\n');
    records.length = 0;
    writeFileSync(line, paragraphs[0]! + '\n');
    const node = process.execPath;
    const whole = await race({
      fixCn: { command: node, args: [BUILT, 'fix', '--to', 'cn'], input: text },
      fixKeep: { command: node, args: [BUILT, 'fix', '--to', 'keep'], input: text },
      fixStats: { command: node, args: [BUILT, 'fix', '--to', 'cn', '--stats'], input: text },
      opencc: { command: node, args: [OPENCC], input: text },
    }, runs, cpu);
    const npx = await race({
      npxFix: { command: 'npx', args: ['zhengwen', 'fix'], input: line },
      npxEsbuild: { command: 'npx', args: ['esbuild', '--version'], input: line },
      binFix: { command: node, args: [join(ROOT, 'bin/zhengwen.mjs'), 'fix'], input: line },
      npxSelf: { command: 'npx', args: ['zhengwen-npx-floor'], input: line, cwd: npxFloorProject(dir) },
    }, runs);
    const jobs = await race({
      jobs1: { command: node, args: [BUILT, 'fix', '--jsonl', '--jobs', '1'], input: jsonl },
      jobs2: { command: node, args: [BUILT, 'fix', '--jsonl', '--jobs', '2'], input: jsonl },
    }, Math.min(runs, 3), cpu);
    return { chars: paragraphs.reduce((n, p) => n + p.length, 0), records: paragraphs.length * JSONL_COPIES, runs, jobsRuns: Math.min(runs, 3), ms: { ...whole, ...npx, ...jobs }, cpuMs: cpu };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The rows of the table: figure 9. */
export function cliFigures(c: CliFigures): Figure[] {
  const m = c.ms;
  const size = `${c.chars.toLocaleString('en-US')} characters of mirror-damaged text (the damage generator)`;
  const about = `Whole processes, median of ${c.runs} interleaved runs after a warm-up round.`;
  const rate = (t: number, chars = c.chars): string => `${ms(t)} (${Math.round(chars / t).toLocaleString('en-US')} chars/ms)`;
  const jsonlChars = c.chars * JSONL_COPIES;
  const openccBase = rate(m.opencc);
  const perCore = (t: number, cores: number): string => `${Math.round(jsonlChars / t / cores).toLocaleString('en-US')} chars/ms per thread`;
  return [
    {
      id: '9a', name: 'CLI: zhengwen fix --to cn (whole process)', ours: rate(m.fixCn), baseline: openccBase, ratio: m.fixCn / m.opencc,
      target: '≤ 1.3× time (bar 1.5×)', met: m.fixCn <= 1.3 * m.opencc,
      method: `node dist/cli/zhengwen.mjs fix --to cn < file > pipe, against a plain opencc-js process (bench/opencc-tw-cn.mjs: reads standard input, Converter({from:'tw', to:'cn'}), writes standard output) on the same ${size}. ${about}`,
      data: { ms: m.fixCn, baselineMs: m.opencc, cpuMs: c.cpuMs.fixCn, baselineCpuMs: c.cpuMs.opencc },
    },
    {
      id: '9b', name: 'CLI: zhengwen fix --to keep (whole process)', ours: rate(m.fixKeep), baseline: openccBase, ratio: m.fixKeep / m.opencc,
      target: '≤ 1.0× time', met: m.fixKeep <= m.opencc,
      method: 'As 9a, with --to keep (repair only).', data: { ms: m.fixKeep, baselineMs: m.opencc, cpuMs: c.cpuMs.fixKeep },
    },
    {
      id: '9f', name: 'CLI: zhengwen fix --to cn --stats (with the list of changes)', ours: rate(m.fixStats), baseline: openccBase, ratio: m.fixStats / m.opencc,
      target: '—', met: null,
      method: 'As 9a with --stats, which counts the changes and so builds the full edit list (as --explain and the extension do); plain fix builds none.',
      data: { ms: m.fixStats, baselineMs: m.opencc, cpuMs: c.cpuMs.fixStats },
    },
    {
      id: '9c', name: 'CLI: npx zhengwen fix, one line', ours: ms(m.npxFix), baseline: `${ms(m.npxEsbuild)} (npx esbuild --version)`, ratio: m.npxFix / m.npxEsbuild,
      target: '≤ 1.3× time (bar 1.5×)', met: m.npxFix <= 1.3 * m.npxEsbuild,
      method: `npx zhengwen fix in the checkout with one paragraph on standard input (npm links bin/zhengwen.mjs into node_modules/.bin as a workspace package; it runs the built command), against npx esbuild --version (what npx itself costs). ${about}`,
      data: { ms: m.npxFix, baselineMs: m.npxEsbuild },
    },
    {
      id: '9g', name: 'CLI: the npx floor for a linked command', ours: `${ms(m.npxSelf)} (npx, empty project, a linked bin that does nothing)`, baseline: `${ms(m.npxEsbuild)} (npx esbuild --version)`,
      ratio: m.npxSelf / m.npxEsbuild, target: '—', met: null,
      method: 'npx on a project set up as this checkout is (its command a workspace package that npm links into node_modules/.bin), whose command is an empty file: npx plus starting node, which 9c cannot go below. (Declared as the project\'s own bin, as before this round, npx installs the project into its cache after loading its whole dependency tree, libnpmexec: 9c was then ~2.4×.) The rest of 9c is the command itself (9h).',
      data: { ms: m.npxSelf, baselineMs: m.npxEsbuild },
    },
    {
      id: '9h', name: 'CLI: node bin/zhengwen.mjs fix, one line (no npx)', ours: ms(m.binFix), baseline: `${ms(m.npxEsbuild)} (npx esbuild --version)`,
      ratio: m.binFix / m.npxEsbuild, target: '—', met: null,
      method: 'The command itself on 9c\'s line: bin/zhengwen.mjs (staleness check) and the built command, started by node directly.',
      data: { ms: m.binFix, baselineMs: m.npxEsbuild },
    },
    {
      id: '9d', name: 'CLI: fix --jsonl --jobs 2 throughput', ours: `${rate(m.jobs2, jsonlChars)}, ${perCore(m.jobs2, 2)}`, baseline: `${rate(m.jobs1, jsonlChars)} (--jobs 1)`, ratio: m.jobs1 / m.jobs2,
      target: '≥ 1.8× throughput', met: m.jobs1 / m.jobs2 >= 1.8,
      method: `fix --jsonl --jobs 2 against --jobs 1 (ratio: speed-up) on ${c.records.toLocaleString('en-US')} JSON Lines records {"id","text"}, one per paragraph: the same text ${JSONL_COPIES} times, ${jsonlChars.toLocaleString('en-US')} characters. Whole processes, median of ${c.jobsRuns} interleaved runs after a warm-up round.`,
      data: { ms: m.jobs2, baselineMs: m.jobs1, cpuMs: c.cpuMs.jobs2, baselineCpuMs: c.cpuMs.jobs1 },
    },
    {
      id: '9e', name: 'CLI: fix --jsonl --jobs 2, CPU time (all threads)', ours: ms(c.cpuMs.jobs2 ?? NaN), baseline: `${ms(c.cpuMs.jobs1 ?? NaN)} (--jobs 1)`,
      ratio: (c.cpuMs.jobs2 ?? NaN) / (c.cpuMs.jobs1 ?? NaN), target: '—', met: null,
      method: 'The CPU time of 9d\'s runs (user + system, all threads, process.resourceUsage) instead of their wall time: what the second thread costs, whatever the load. On two idle cores the speed-up is at most 2 × 9e\'s baseline / ours.',
      data: { cpuMs: c.cpuMs },
    },
  ];
}
