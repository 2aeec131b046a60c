/**
 * The long fuzz run, started by hand: the property tests of
 * src/core/property.test.ts with many more generated cases, progress on
 * stderr, and the seed printed first so a failure can be reproduced.
 *
 *   node --import tsx scripts/fuzz-long.ts --cases 200000 --seed 12345
 *
 * Options:
 *   --cases N       generated cases in all, spread over the properties as in the CI run (default 200,000)
 *   --seed N        run seed, decimal or 0x hex (default: from the clock)
 *   --big M         size of the two largest inputs, in million code units (default 10)
 *   --only PATTERN  run only the tests whose name matches (node --test-name-pattern)
 *
 * A failure prints its run seed, case seed and the smallest failing input
 * found; `ZHENGWEN_FUZZ_SEED=<seed> ZHENGWEN_FUZZ_CASES=<N>` with the same
 * N gives the same inputs again.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseSeed } from '../src/testing/fuzz.ts';

function usage(message?: string): never {
  if (message) console.error(`fuzz-long: ${message}`);
  console.error('usage: node --import tsx scripts/fuzz-long.ts [--cases N] [--seed N] [--big M] [--only PATTERN]');
  process.exit(2);
}

const args = process.argv.slice(2);
let cases = 200_000;
let seed = Date.now() % 0x100000000;
let big = 10;
let only: string | undefined;
for (let i = 0; i < args.length; i++) {
  const flag = args[i]!;
  const value = args[i + 1];
  if (flag === '--help' || flag === '-h') usage();
  if (value === undefined) usage(`${flag} needs a value`);
  i++;
  switch (flag) {
    case '--cases':
      cases = Number(value);
      if (!Number.isInteger(cases) || cases < 1) usage(`--cases must be a positive integer, not ${value}`);
      break;
    case '--seed':
      try { seed = parseSeed(value); } catch (e) { usage((e as Error).message); }
      break;
    case '--big':
      big = Number(value);
      if (!(big >= 0)) usage(`--big must be a number ≥ 0, not ${value}`);
      break;
    case '--only':
      only = value;
      break;
    default:
      usage(`unknown option ${flag}`);
  }
}

const root = fileURLToPath(new URL('..', import.meta.url));
console.error(`fuzz-long: seed ${seed}, ${cases.toLocaleString('en-US')} cases, big inputs up to ${big} million code units`);
console.error(`fuzz-long: reproduce with: node --import tsx scripts/fuzz-long.ts --cases ${cases} --seed ${seed} --big ${big}${only ? ` --only '${only}'` : ''}`);
const started = performance.now();
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', ...(only ? [`--test-name-pattern=${only}`] : []), 'src/core/property.test.ts'],
  {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      ZHENGWEN_FUZZ_SEED: String(seed),
      ZHENGWEN_FUZZ_CASES: String(cases),
      ZHENGWEN_FUZZ_BIG: String(big),
      ZHENGWEN_FUZZ_PROGRESS: '1',
    },
  },
);
const minutes = ((performance.now() - started) / 60_000).toFixed(1);
console.error(`fuzz-long: seed ${seed}: ${result.status === 0 ? 'all properties held' : 'FAILED'} after ${minutes} min`);
process.exit(result.status ?? 1);
