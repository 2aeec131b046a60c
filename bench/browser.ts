/**
 * Real Chromium for the page figures: one browser with the built extension,
 * one without, both with the same in-page probe, so every page figure is a
 * difference between two runs of the same page.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type CDPSession, type Page, type Request, type Worker } from 'playwright-core';
import { launchWithExtension, waitUntilProcessed, type ExtensionBrowser } from '../e2e/harness.ts';

const PROBE = fileURLToPath(new URL('probe.js', import.meta.url));

/** What the probe (probe.js) collected in the page, on the page's clock (performance.now()). */
export interface Probe {
  /** Text writes after DOMContentLoaded: the pages have no script that writes text, so these are the extension's. */
  writes: { count: number; first: number | null; last: number | null; /** One per observer callback that saw text writes. */ times: number[] };
  /** For the stream page: when each appended paragraph was first rewritten, by its data-i. */
  repaired: Record<string, number>;
  /** Long animation frames; renderStart (rAF callbacks begin) and styleAndLayoutStart on the same clock. */
  loaf: { start: number; duration: number; blocking: number; renderStart?: number; styleAndLayoutStart?: number }[];
  longtasks: { start: number; duration: number }[];
  /** Hover timing: the mousemove, the next frame, the popover shown, and the frame it was painted in. */
  hover: { move: number | null; frame: number | null; shown: number | null; painted: number | null };
  dcl: number;
  load: number;
}

export interface Browser {
  extension: boolean;
  ext: ExtensionBrowser;
}

export async function launch(extension: boolean): Promise<Browser> {
  const ext = await launchWithExtension({ extension });
  // A plain .js file: a function passed from TypeScript would carry the transpiler's helpers (__name) into the page.
  await ext.context.addInitScript({ path: PROBE });
  return { extension, ext };
}

/** Content scripts of the minimal extensions: the floors any content script pays on every page. */
export const MINIMAL_SCRIPTS = {
  /** Honours the user's settings: its isolated world, the extension API bindings, one storage round trip. */
  settings: 'chrome.storage.sync.get(null).then(() => {});\n',
  /** Looks at the page: its isolated world and the DOM bindings Chromium builds in it on first access. */
  page: 'void document.body;\n',
} as const;

/** A browser with a minimal extension whose content script is one of MINIMAL_SCRIPTS. */
export async function launchMinimal(script: keyof typeof MINIMAL_SCRIPTS): Promise<Browser> {
  const dir = await mkdtemp(join(tmpdir(), 'zhengwen-bench-minimal-'));
  await writeFile(join(dir, 'manifest.json'), JSON.stringify({
    manifest_version: 3, name: 'minimal', version: '1', permissions: ['storage'],
    content_scripts: [{ matches: ['<all_urls>'], js: ['content.js'], run_at: 'document_idle' }],
  }));
  await writeFile(join(dir, 'content.js'), MINIMAL_SCRIPTS[script]);
  const profile = await mkdtemp(join(tmpdir(), 'zhengwen-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 1200, height: 900 },
    // As in e2e/harness.ts.
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync', '--disable-background-networking',
      '--disable-component-update', '--disable-default-apps', `--disable-extensions-except=${dir}`, `--load-extension=${dir}`],
  });
  await context.addInitScript({ path: PROBE });
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const close = async (): Promise<void> => {
    await context.close();
    for (const d of [dir, profile]) await rm(d, { recursive: true, force: true });
  };
  return { extension: true, ext: { context, extensionId: '', worker: undefined as unknown as Worker, requests, close } };
}

export interface Opened {
  page: Page;
  cdp: CDPSession;
  /**
   * Wall-clock times (Date.now()) of the content script's start (its isolated world created, as CDP
   * reports it) and of the bootstrap's request for the engine; undefined when they did not happen.
   */
  wall: { injected?: number; engineRequested?: number };
  /** A wall-clock time on the page's clock (performance.now()), through performance.timeOrigin. */
  pageClock(wall: number | undefined): Promise<number>;
}

/**
 * Opens a page (a new tab: a fresh renderer, so the heap holds this page
 * only), waits for its load event, then for the extension's first pass when
 * it is loaded and `waitForEngine` is set.
 */
export async function open(b: Browser, url: string, waitForEngine: boolean): Promise<Opened> {
  const page = await b.ext.context.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const wall: Opened['wall'] = {};
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    const aux = context.auxData as { type?: string } | undefined;
    if (aux?.type === 'isolated' && !context.name.startsWith('__playwright')) wall.injected ??= Date.now();
  });
  await cdp.send('Runtime.enable');
  const onRequest = (r: Request): void => {
    if (r.url().endsWith('/engine/content-main.js')) wall.engineRequested ??= Date.now();
  };
  b.ext.context.on('request', onRequest);
  page.once('close', () => b.ext.context.off('request', onRequest));
  await page.goto(url, { waitUntil: 'load' });
  if (b.extension && waitForEngine) await waitUntilProcessed(b.ext, page, 60_000);
  // Both clocks are the machine's; event delivery adds a few ms.
  const pageClock = async (t: number | undefined): Promise<number> =>
    t === undefined ? NaN : t - (await page.evaluate(() => performance.timeOrigin));
  return { page, cdp, wall, pageClock };
}

/**
 * Loads a page once, unmeasured: the first load after launch also pays for
 * Chromium caching the extension's scripts (compiled code), which a reader's
 * browser has long done.
 */
export async function warmUp(b: Browser, url: string): Promise<void> {
  const { page } = await open(b, url, true);
  await page.close();
}

/** CDP Performance metrics (ScriptDuration in seconds, JSHeapUsedSize in bytes, …). */
export async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

/** JS heap in use after full garbage collection: what the page (and every world in it) retains. */
export async function heapAfterGc(cdp: CDPSession): Promise<number> {
  // Twice: the first collection can free objects whose finalizers release more.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  return (await metrics(cdp)).JSHeapUsedSize!;
}

/**
 * Bytes of ArrayBuffer backing stores (outside the JS heap that
 * JSHeapUsedSize counts): the OpenCC tables live there. Call after heapAfterGc.
 */
export async function arrayBufferBytes(cdp: CDPSession): Promise<number> {
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { backingStorageSize?: number };
  return usage.backingStorageSize ?? NaN;
}

export async function readProbe(page: Page): Promise<Probe> {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const b = (window as unknown as { __bench: Omit<Probe, 'dcl' | 'load'> }).__bench;
    return { ...b, dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd };
  });
}

/** Sets the extension's synced settings from its service worker (the content script follows storage changes). */
export async function setSettings(b: Browser, settings: Record<string, unknown> | null): Promise<void> {
  await b.ext.worker.evaluate(async (s) => {
    await chrome.storage.sync.clear();
    if (s) await chrome.storage.sync.set(s);
  }, settings);
}

/** Extension resources (chrome-extension://) requested since `from` in the browser's request log. */
export function extensionRequests(b: Browser, from: number): string[] {
  return b.ext.requests.slice(from).filter((u) => u.startsWith('chrome-extension://'));
}
