/**
 * Figure 8 (information): a page that keeps appending damaged paragraphs.
 * How long each appended paragraph stays damaged before the extension
 * rewrites it, measured per paragraph on the page's clock.
 */
import { open, readProbe, type Browser } from './browser.ts';
import { STREAM } from './pages.ts';
import { ms, type Figure } from './report.ts';
import { median, percentile } from './stats.ts';

/** How long to wait, once the page stops appending, for the last paragraphs to be repaired. */
const DRAIN_MS = 3000;

interface Sample { latencies: number[]; unrepaired: number; duringStream: number }

async function sample(b: Browser, url: string): Promise<Sample> {
  const { page } = await open(b, url, true);
  await page.waitForFunction(() => (window as unknown as { __streamDone?: number }).__streamDone !== undefined, undefined, { timeout: 30_000 });
  await page.waitForFunction((n) => Object.keys((window as unknown as { __bench: { repaired: object } }).__bench.repaired).length >= n, STREAM.count, { timeout: DRAIN_MS })
    .catch(() => undefined); // reported as unrepaired
  const p = await readProbe(page);
  const { appended, done } = await page.evaluate(() => {
    const w = window as unknown as { __appended: number[]; __streamDone: number };
    return { appended: w.__appended, done: w.__streamDone };
  });
  await page.close();
  const latencies: number[] = [];
  let duringStream = 0;
  appended.forEach((t, i) => {
    const fixed = p.repaired[String(i)];
    if (fixed === undefined) return;
    latencies.push(fixed - t);
    if (fixed < done) duringStream++;
  });
  return { latencies, unrepaired: appended.length - latencies.length, duringStream };
}

export async function benchStream(withExt: Browser, url: string, runs: number): Promise<Figure[]> {
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i++) samples.push(await sample(withExt, url));
  const all = samples.flatMap((s) => s.latencies);
  const unrepaired = samples.reduce((n, s) => n + s.unrepaired, 0);
  const during = samples.reduce((n, s) => n + s.duringStream, 0);
  const total = runs * STREAM.count;
  return [{
    id: '8', name: 'Appending page: append → repaired', ours: `${ms(median(all))} (p95 ${ms(percentile(all, 95))})`,
    baseline: `appends every ${STREAM.everyMs} ms`, ratio: null, target: '—', met: null,
    method: `${STREAM.count} damaged paragraphs appended one every ${STREAM.everyMs} ms after load; per paragraph, append (page script) → first text write in it (MutationObserver). ${runs} runs: ${during} of ${total} paragraphs were repaired while the page was still appending, ${unrepaired} not within ${DRAIN_MS} ms after it stopped; max ${ms(Math.max(...all))}.`,
    data: { latencies: all, unrepaired, duringStream: during },
  }];
}
