/**
 * npm start: builds the extension, serves the demo site, and opens Chromium
 * with the extension loaded. Without a display it runs headless instead:
 * visits every demo page, prints what the extension did, and writes
 * before/after screenshots to demo-output/.
 */
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { demoPages, indexPage, ROOT } from './site.ts';

const DIST = join(ROOT, 'dist/chrome');
const OUT = join(ROOT, 'demo-output');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const headed = process.argv.includes('--headed') || (!!process.env.DISPLAY && !process.argv.includes('--headless'));

if (!existsSync(CHROMIUM)) {
  // A fresh machine without Chromium still gets a demo: the command line on the same sample.
  console.log(`Chromium not found at ${CHROMIUM} (install it with: apt-get install -y chromium fonts-noto-cjk).`);
  console.log('Showing the command-line demo instead: a damaged sample article, repaired.\n');
  const { demoText } = await import('../src/cli/demo-text.ts');
  const { fix } = await import('../src/core/fix.ts');
  const damaged = demoText();
  const r = await fix(damaged);
  console.log('--- damaged ---\n' + damaged + '\n--- repaired ---\n' + r.text);
  console.log(r.analysis.verdict);
  process.exit(0);
}

const pages = demoPages();
const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const page = pages[path];
  const html = path === '/' ? indexPage(pages) : page?.html();
  if (html === undefined) { res.writeHead(404).end('not found'); return; }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
});
await new Promise<void>((r) => server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', r));
const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

async function launch(withExtension: boolean): Promise<{ context: BrowserContext; done: () => Promise<void> }> {
  const profile = await mkdtemp(join(tmpdir(), 'zhengwen-demo-'));
  const args = ['--no-first-run', '--disable-sync', '--disable-background-networking', '--disable-component-update'];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  if (withExtension) args.push(`--disable-extensions-except=${DIST}`, `--load-extension=${DIST}`);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: !headed, args, viewport: { width: 1100, height: 800 },
  });
  return { context, done: async () => { await context.close(); await rm(profile, { recursive: true, force: true }); } };
}

if (headed) {
  const { context } = await launch(true);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(origin + '/');
  console.log(`Demo site: ${origin}/ — Chromium is open with Zhengwen loaded. Close the browser (or press Ctrl+C) to stop.`);
  context.on('close', () => { server.closeAllConnections(); server.close(); });
} else {
  await mkdir(OUT, { recursive: true });
  console.log(`No display: running headless. Demo site: ${origin}/\n`);
  const plain = await launch(false);
  const ext = await launch(true);
  const worker = ext.context.serviceWorkers()[0] ?? (await ext.context.waitForEvent('serviceworker'));
  for (const [path, info] of Object.entries(pages)) {
    const name = path.replace(/^\/|\.html$/g, '');
    const before = await plain.context.newPage();
    await before.goto(origin + path);
    await before.screenshot({ path: join(OUT, `${name}-before.png`) });
    await before.close();
    const after = await ext.context.newPage();
    await after.goto(origin + path);
    await after.bringToFront();
    const id = await worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
    for (let i = 0; i < 400; i++) {
      const ready = await worker.evaluate((t: number) => chrome.tabs.sendMessage(t, { type: 'get-state' }, { frameId: 0 }).then((s: { ready?: boolean }) => s?.ready, () => false), id);
      if (ready) break;
      await after.waitForTimeout(50);
    }
    if (path === '/infinite.html') {
      // Scroll to load two more batches and give the extension a moment to repair them.
      for (let i = 0; i < 2; i++) { await after.mouse.wheel(0, 20_000); await after.waitForTimeout(900); }
      await after.evaluate(() => window.scrollTo(0, 0));
    }
    await after.screenshot({ path: join(OUT, `${name}-after.png`) });
    await after.bringToFront();
    const tabId = await worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
    const state = await worker.evaluate((id: number) => chrome.tabs.sendMessage(id, { type: 'get-state' }, { frameId: 0 }), tabId);
    const s = state as { verdict: string; target: string; counts: Record<string, number> };
    const c = s.counts;
    console.log(`${path}  (${info.about})`);
    console.log(`  verdict: ${s.verdict}`);
    console.log(`  changed: ${c.pinyin} pinyin annotations and ${c.punctuation} stray commas removed, ${c.converted} characters converted (script: ${s.target})`);
    console.log(`  screenshots: ${join('demo-output', `${name}-before.png`)}, ${join('demo-output', `${name}-after.png`)}\n`);
    await after.close();
  }
  await plain.done();
  await ext.done();
  server.closeAllConnections();
  server.close();
  console.log(`Screenshots written to ${OUT}`);
}

declare const chrome: any; // eslint-disable-line @typescript-eslint/no-explicit-any
