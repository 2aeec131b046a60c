/**
 * Streams a large generated JSON Lines corpus (default 2 GB) through
 * `zhengwen fix --jsonl` without touching the disk, with malformed lines at
 * known places, and checks: every line comes out, malformed lines are copied
 * unchanged and reported with their exact numbers, and memory stays flat.
 * Too slow for every CI run (CI streams 50 MB in src/cli/cli.test.ts):
 *   node --import tsx scripts/jsonl-stress.ts [--size 2g|500m|...]
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { damage } from '../src/damage/mirror-damage.ts';

const arg = process.argv.indexOf('--size');
const sizeText = arg === -1 ? '2g' : process.argv[arg + 1]!;
const size = Number.parseFloat(sizeText) * ({ k: 1e3, m: 1e6, g: 1e9 } as Record<string, number>)[sizeText.slice(-1).toLowerCase()]!;
const BIN = fileURLToPath(new URL('../bin/zhengwen.mjs', import.meta.url));
const sample = readFileSync(new URL('../samples/news/simplified-01.txt', import.meta.url), 'utf8').split('\n')[1]!;
const records = [1, 2, 3, 4, 5].map((seed) => JSON.stringify({ id: 0, text: damage(sample, { seed }), lang: 'zh', score: 1.0 }).replace('"id":0', '"id":ID'));
const BAD_EVERY = 100_003; // a prime, so bad lines fall on irregular numbers

const child = spawn(process.execPath, [BIN, 'fix', '--jsonl', '--to', 'keep'], { stdio: ['pipe', 'pipe', 'pipe'] });
let peakKb = 0;
const poll = setInterval(() => {
  try {
    // The CLI runs as a child of node (through bin/zhengwen.mjs): read its high-water mark.
    const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
    if (m) peakKb = Math.max(peakKb, Number(m[1]));
  } catch { /* finished */ }
}, 200);

let outLines = 0;
let outBytes = 0;
child.stdout.on('data', (b: Buffer) => { outBytes += b.length; for (const c of b) if (c === 10) outLines++; });
let stderr = '';
child.stderr.on('data', (b: Buffer) => { stderr += b.toString(); });

const expectedBad: number[] = [];
let written = 0;
let line = 0;
const started = Date.now();
async function feed(): Promise<void> {
  while (written < size) {
    const chunk: string[] = [];
    for (let k = 0; k < 2000; k++) {
      line++;
      if (line % BAD_EVERY === 0) { expectedBad.push(line); chunk.push('{"id": ' + line + ', "text": "unterminated'); }
      else chunk.push(records[line % 5]!.replace('ID', String(line)));
    }
    const s = chunk.join('\n') + '\n';
    written += Buffer.byteLength(s);
    if (!child.stdin.write(s)) await new Promise((r) => child.stdin.once('drain', r));
  }
  child.stdin.end();
}
await feed();
const code: number = await new Promise((r) => child.on('close', r));
clearInterval(poll);
const reported = [...stderr.matchAll(/line (\d+): not valid JSON/g)].map((m) => Number(m[1]));
const seconds = (Date.now() - started) / 1000;
console.log(`input ${(written / 1e6).toFixed(0)} MB, ${line} lines in ${seconds.toFixed(0)} s (${(written / 1e6 / seconds).toFixed(1)} MB/s)`);
console.log(`output ${(outBytes / 1e6).toFixed(0)} MB, ${outLines} lines; exit code ${code}; peak memory ${(peakKb / 1024).toFixed(0)} MB`);
const ok = outLines === line && code === 1 && JSON.stringify(reported) === JSON.stringify(expectedBad);
console.log(ok ? `OK: every line out, ${expectedBad.length} malformed lines reported at their exact numbers` : `FAILED: reported ${reported.slice(0, 5)}…, expected ${expectedBad.slice(0, 5)}…`);
process.exit(ok ? 0 : 1);
