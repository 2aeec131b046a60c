/**
 * Where the time goes on one benchmark page: loads it a few times with a
 * development build of the extension (`ZHENGWEN_DEV=1 node build.mjs`) and
 * prints, per run, the extension's performance marks (src/content/dev-marks.ts),
 * its file requests, text writes, long tasks and frames, all in ms after the
 * content script's world was created (the start of figures 3 and 4a).
 * `node --import tsx bench/profile-page.ts typical 5` (or long, 2). Not part of npm run bench.
 */
import { launch, open, readProbe, warmUp } from './browser.ts';
import { buildPages } from './pages.ts';
import { startServer } from '../e2e/harness.ts';

const name = (process.argv[2] ?? 'typical') as 'typical' | 'long';
const runs = Number(process.argv[3] ?? 5);
const pages = buildPages();
const server = await startServer(Object.fromEntries(Object.values(pages).map((p) => [p.path, p.html])));
const b = await launch(true);
try {
  await warmUp(b, server.origin + pages.typical.path);
  for (let i = 0; i < runs; i++) {
    const requests: { url: string; start: number; end: number }[] = [];
    const onDone = (r: import('playwright-core').Request): void => {
      if (!r.url().startsWith('chrome-extension://')) return;
      const t = r.timing();
      requests.push({ url: new URL(r.url()).pathname, start: t.startTime, end: t.startTime + t.responseEnd });
    };
    b.ext.context.on('requestfinished', onDone);
    const { page, wall, pageClock } = await open(b, server.origin + pages[name].path, true);
    await page.waitForTimeout(300);
    b.ext.context.off('requestfinished', onDone);
    const p = await readProbe(page);
    const start = await pageClock(wall.injected);
    const origin = await page.evaluate(() => performance.timeOrigin);
    const marks = await page.evaluate(() => performance.getEntriesByType('mark').filter((m) => m.name.startsWith('zhengwen:')).map((m) => [m.name.slice(9), m.startTime] as const));
    const rows: [number, string][] = [];
    for (const [m, t] of marks) rows.push([t - start, m]);
    for (const r of requests) rows.push([r.start - origin - start, `fetch ${r.url} (${(r.end - r.start).toFixed(0)} ms)`]);
    for (const t of p.longtasks) rows.push([t.start - start, `  longtask ${t.duration.toFixed(0)} ms`]);
    for (const f of p.loaf) rows.push([f.start - start, `  frame ${f.duration.toFixed(0)} ms (blocking ${f.blocking.toFixed(0)}; tasks before rendering ${((f.renderStart ?? f.start) - f.start).toFixed(0)} ms, animation-frame callbacks ${((f.styleAndLayoutStart ?? f.start) - (f.renderStart ?? f.start)).toFixed(0)} ms)`]);
    rows.push([p.writes.first! - start, 'first text write'], [p.writes.last! - start, `last text write (${p.writes.count})`]);
    rows.sort((x, y) => x[0] - y[0]);
    console.log(`\nrun ${i + 1}: start = world created, ${(start - p.dcl).toFixed(0)} ms after DOMContentLoaded`);
    for (const [t, what] of rows) if (t > -5) console.log(`${t.toFixed(1).padStart(8)}  ${what}`);
    await page.close();
  }
} finally {
  await b.ext.close();
  await server.close();
}
