/**
 * Figures 2 and 7: what the extension costs a page without Chinese, where
 * only the bootstrap (content.js) may run and the engine must never load.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { DIST } from '../e2e/harness.ts';
import { extensionRequests, heapAfterGc, metrics, open, type Browser, type MINIMAL_SCRIPTS } from './browser.ts';
import { kb, ms, signed, type Figure } from './report.ts';
import { median } from './stats.ts';

/** The bootstrap has run by then: it waits for document_idle, reads storage once, then installs its observer. */
const SETTLE_MS = 500;

interface Sample { scriptMs: number; heap: number; requests: string[] }

async function sample(b: Browser, url: string): Promise<Sample> {
  const from = b.ext.requests.length;
  const { page, cdp } = await open(b, url, false);
  await page.waitForTimeout(SETTLE_MS);
  // Read before any page.evaluate: ScriptDuration counts all JS the renderer ran for the page, in every world.
  const scriptMs = (await metrics(cdp)).ScriptDuration! * 1000;
  const heap = await heapAfterGc(cdp);
  const requests = extensionRequests(b, from);
  await page.close();
  return { scriptMs, heap, requests };
}

/** Size on disk of the extension files behind chrome-extension:// URLs. */
export function bytesOf(urls: string[]): number {
  return [...new Set(urls)].reduce((n, u) => n + statSync(join(DIST, new URL(u).pathname)).size, 0);
}

/** The files Chromium injects into every page, as the manifest lists them. */
const INJECTED = ['content.js', 'content.css'];

export async function benchEnglish(
  withExt: Browser, without: Browser, minimal: Record<keyof typeof MINIMAL_SCRIPTS, Browser>, url: string, runs: number, engineUrls: string[],
): Promise<Figure[]> {
  const w: Sample[] = [];
  const wo: Sample[] = [];
  const min: Sample[] = [];
  const minPage: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    w.push(await sample(withExt, url));
    wo.push(await sample(without, url));
    min.push(await sample(minimal.settings, url));
    minPage.push(await sample(minimal.page, url));
  }
  const scriptOf = (s: Sample[]): number => median(s.map((x) => x.scriptMs));
  const heapOf = (s: Sample[]): number => median(s.map((x) => x.heap));
  const script = { with: scriptOf(w), without: scriptOf(wo), minimal: scriptOf(min), page: scriptOf(minPage) };
  const heap = { with: heapOf(w), without: heapOf(wo), minimal: heapOf(min), page: heapOf(minPage) };
  const floor = `Floors in the same run: a minimal extension whose content script only reads chrome.storage.sync adds ${ms(script.minimal - script.without)} and ${kb(heap.minimal - heap.without)} `
    + `(any content script that honours settings); one whose content script only reads document.body adds ${ms(script.page - script.without)} and ${kb(heap.page - heap.without)} `
    + '(any content script that looks at the page: Chromium builds the DOM bindings of its world on first access).';
  const addedMs = script.with - script.without;
  const addedHeap = heap.with - heap.without;
  /** The "document only" floor: a content script that only reads document.body. */
  const pageFloor = heap.page - heap.without;
  const requested = [...new Set(w.flatMap((s) => s.requests))];
  const engineLoaded = requested.some((u) => u.includes('/engine/'));
  const injected = INJECTED.reduce((n, f) => n + statSync(join(DIST, f)).size, 0);
  const parsed = injected + bytesOf(requested);
  const onChinese = injected + bytesOf(engineUrls);
  return [
    {
      id: '2a', name: 'English page: content-script time', ours: signed(ms(addedMs), addedMs), baseline: ms(script.without), ratio: null,
      target: '< 1 ms', met: addedMs < 1,
      method: `CDP Performance.getMetrics ScriptDuration (all JS the renderer ran for the page, every world) ${SETTLE_MS} ms after load, with the extension minus without; medians of ${runs} alternating runs. Includes compiling content.js and setting up its world's extension API. ${floor}`,
      data: { with: w.map((s) => s.scriptMs), without: wo.map((s) => s.scriptMs), minimal: min.map((s) => s.scriptMs), minimalPage: minPage.map((s) => s.scriptMs) },
    },
    {
      // Issue 15: what any content script that reads the page pays (the floor, measured in this run) + 50 KB.
      id: '2b', name: 'English page: JS heap added', ours: signed(kb(addedHeap), addedHeap), baseline: `${kb(heap.without)}; floor +${kb(pageFloor)}`, ratio: heap.with / heap.without,
      target: `≤ floor + 50 KB (+${kb(pageFloor + 50 * 1024)})`, met: addedHeap <= pageFloor + 50 * 1024,
      method: `JSHeapUsedSize after two HeapProfiler.collectGarbage, with minus without (the content script's isolated world lives in the page's isolate); medians of ${runs} alternating runs. Ratio: with / without. ${floor}`,
      data: { with: w.map((s) => s.heap), without: wo.map((s) => s.heap), minimal: min.map((s) => s.heap), minimalPage: minPage.map((s) => s.heap) },
    },
    {
      id: '2c', name: 'English page: engine loaded', ours: engineLoaded ? 'yes' : 'never', baseline: '—', ratio: null,
      target: 'never', met: !engineLoaded,
      method: `chrome-extension:// requests seen by context.on('request') during the ${runs} runs with the extension: ${requested.length ? requested.map((u) => new URL(u).pathname).join(', ') : 'none'}.`,
      data: { requested },
    },
    {
      id: '7', name: 'Bytes injected into a page without Chinese', ours: kb(parsed), baseline: kb(onChinese), ratio: parsed / onChinese,
      target: '< 10 KB', met: parsed < 10 * 1024,
      method: `Sizes in dist/chrome of what Chromium injects (${INJECTED.join(' + ')}) plus every extension file the English page requested. Baseline: the same on the typical article, where the engine loads.`,
      data: { injected, requested: bytesOf(requested), onChinese },
    },
  ];
}
