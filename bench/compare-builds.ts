/**
 * Two builds of the extension side by side, alternating runs in one process,
 * on one benchmark page: the only fair comparison on a noisy 2-core machine.
 * `node --import tsx bench/compare-builds.ts DIR_A DIR_B typical|long RUNS`
 * (DIR_x: an unpacked build, e.g. a copy of dist/chrome). Prints medians of
 * content script start → first and last text write, and the longest task and
 * frame after the engine was requested (as figures 3 and 4 measure them).
 */
import { fileURLToPath } from 'node:url';
import { launchWithExtension } from '../e2e/harness.ts';
import { open, readProbe, warmUp, type Browser } from './browser.ts';
import { buildPages } from './pages.ts';
import { startServer } from '../e2e/harness.ts';
import { median } from './stats.ts';

const [dirA, dirB, name = 'typical', runsArg = '5'] = process.argv.slice(2);
if (!dirA || !dirB) throw new Error('usage: compare-builds.ts DIR_A DIR_B [typical|long] [runs]');
const page = name as 'typical' | 'long';
const PROBE = fileURLToPath(new URL('probe.js', import.meta.url));

async function launchDir(dir: string): Promise<Browser> {
  const ext = await launchWithExtension({ dir });
  await ext.context.addInitScript({ path: PROBE });
  return { extension: true, ext };
}

const pages = buildPages();
const server = await startServer(Object.fromEntries(Object.values(pages).map((p) => [p.path, p.html])));
const url = server.origin + pages[page].path;
const builds = { A: await launchDir(dirA), B: await launchDir(dirB) };
type Row = { first: number; last: number; task: number; frame: number };
const rows: Record<'A' | 'B', Row[]> = { A: [], B: [] };
try {
  for (const b of Object.values(builds)) await warmUp(b, server.origin + pages.typical.path);
  for (let i = 0; i < Number(runsArg); i++) {
    for (const key of (i % 2 ? ['B', 'A'] : ['A', 'B']) as ('A' | 'B')[]) {
      const { page: p, wall, pageClock } = await open(builds[key], url, true);
      await p.waitForTimeout(300);
      const probe = await readProbe(p);
      const start = await pageClock(wall.injected);
      const engine = await pageClock(wall.engineRequested);
      const after = (e: { start: number }): boolean => e.start >= engine;
      rows[key].push({
        first: probe.writes.first! - start, last: probe.writes.last! - start,
        task: Math.max(0, ...probe.longtasks.filter(after).map((e) => e.duration)),
        frame: Math.max(0, ...probe.loaf.filter(after).map((e) => e.duration)),
      });
      await p.close();
    }
  }
} finally {
  for (const b of Object.values(builds)) await b.ext.close();
  await server.close();
}
for (const key of ['A', 'B'] as const) {
  const m = (k: keyof Row): string => median(rows[key].map((r) => r[k])).toFixed(0);
  console.log(`${key} (${key === 'A' ? dirA : dirB}): first write ${m('first')} ms, last write ${m('last')} ms, longest task ${m('task')} ms, longest frame ${m('frame')} ms`
    + `  [last: ${rows[key].map((r) => r.last.toFixed(0)).join(' ')}; task: ${rows[key].map((r) => r.task.toFixed(0)).join(' ')}]`);
}
