/**
 * Figures 3 and 5: the typical mirror article. How long the extension takes
 * to repair and convert it, and how much JS heap it keeps afterwards, for the
 * default target (auto → Simplified) and for Traditional (Taiwan).
 */
import type { Page } from 'playwright-core';
import { arrayBufferBytes, extensionRequests, heapAfterGc, open, readProbe, type Browser } from './browser.ts';
import { kb, ms, signed, type Figure } from './report.ts';
import { median } from './stats.ts';

/** After the first pass is reported done, let late frames and the badge report (100 ms) finish. */
const SETTLE_MS = 300;

interface Sample {
  /** Content script start → last text write, and → first write (page clock); NaN without the extension. */
  total: number;
  toFirst: number;
  /** DOMContentLoaded end → content script start (document_idle). */
  injection: number;
  /** Content script start → the bootstrap's request for the engine. */
  toEngine: number;
  writes: number;
  /** Navigation start → load event end. */
  load: number;
  heap: number;
  /** ArrayBuffer backing stores (not in `heap`). */
  buffers: number;
  requests: string[];
}

async function sample(b: Browser, url: string, check?: (page: Page) => Promise<void>): Promise<Sample> {
  const from = b.ext.requests.length;
  const { page, cdp, wall, pageClock } = await open(b, url, true);
  await page.waitForTimeout(SETTLE_MS);
  const p = await readProbe(page);
  const start = await pageClock(wall.injected);
  const engine = await pageClock(wall.engineRequested);
  await check?.(page);
  const heap = await heapAfterGc(cdp);
  const buffers = await arrayBufferBytes(cdp);
  await page.close();
  return {
    total: (p.writes.last ?? NaN) - start,
    toFirst: (p.writes.first ?? NaN) - start,
    injection: start - p.dcl,
    toEngine: engine - start,
    writes: p.writes.count,
    load: p.load,
    heap,
    buffers,
    requests: extensionRequests(b, from),
  };
}

export interface ArticleRuns {
  with: Sample[];
  without: Sample[];
  /** Paragraphs equal to the clean source after the extension's pass (first run with it). */
  correct?: { equal: number; of: number };
}

/** Alternating runs of the page with and without the extension; `clean` checks the repaired text once. */
export async function measureArticle(withExt: Browser, without: Browser, url: string, runs: number, clean?: string[]): Promise<ArticleRuns> {
  const r: ArticleRuns = { with: [], without: [] };
  const check = clean && (async (page: Page): Promise<void> => {
    const texts = await page.$$eval('#article p', (ps) => ps.map((p) => p.textContent ?? ''));
    const expected = clean.slice(1); // clean[0] is the headline
    r.correct = { equal: texts.filter((t, i) => t === expected[i]).length, of: expected.length };
  });
  for (let i = 0; i < runs; i++) {
    r.with.push(await sample(withExt, url, i === 0 ? check : undefined));
    r.without.push(await sample(without, url));
  }
  return r;
}

const med = (s: Sample[], k: keyof Omit<Sample, 'requests'>): number => median(s.map((x) => x[k]));

/** Figure 3: time to repair and convert (default settings), and the same with target Traditional for information. */
export function timeFigures(auto: ArticleRuns, tw: ArticleRuns): Figure[] {
  const row = (id: string, name: string, r: ArticleRuns, target: string, met: boolean | null): Figure => {
    const total = med(r.with, 'total');
    const load = med(r.without, 'load');
    const first = med(r.with, 'toFirst');
    return {
      id, name, ours: ms(total), baseline: `${ms(load)} page load`, ratio: total / load, target, met,
      method: `Content script start (its isolated world created: CDP Runtime.executionContextCreated, mapped to the page clock; ${ms(med(r.with, 'injection'))} after DOMContentLoaded) → last text write by the extension (in-page MutationObserver from an init script). Split: start → engine requested ${ms(med(r.with, 'toEngine'))} → first write ${ms(first - med(r.with, 'toEngine'))} → last write ${ms(total - first)}; ${med(r.with, 'writes')} writes. Baseline: navigation → load end without the extension. Medians of ${r.with.length} runs.` +
        (r.correct ? ` After the pass, ${r.correct.equal} of ${r.correct.of} paragraphs equal the clean source text.` : ''),
      data: { total: r.with.map((s) => s.total), toFirst: r.with.map((s) => s.toFirst), injection: r.with.map((s) => s.injection), toEngine: r.with.map((s) => s.toEngine), loadWithout: r.without.map((s) => s.load), correct: r.correct },
    };
  };
  return [
    row('3', 'Typical article: repaired + converted', auto, '≤ 150 ms', med(auto.with, 'total') <= 150),
    row('3b', 'Typical article, target Traditional (TW)', tw, '—', null),
  ];
}

/** Figure 5: JS heap added on the typical article. */
export function memoryFigures(auto: ArticleRuns, tw: ArticleRuns): Figure[] {
  const row = (id: string, name: string, r: ArticleRuns): Figure => {
    const added = med(r.with, 'heap') - med(r.without, 'heap');
    return {
      id, name, ours: signed(kb(added), added), baseline: kb(med(r.without, 'heap')), ratio: med(r.with, 'heap') / med(r.without, 'heap'),
      target: '< 8 MB', met: added < 8 * 1024 * 1024,
      method: `JSHeapUsedSize after two HeapProfiler.collectGarbage once the page is processed, with minus without; medians of ${r.with.length} alternating runs. Ratio: with / without.`,
      data: { with: r.with.map((s) => s.heap), without: r.without.map((s) => s.heap) },
    };
  };
  // The OpenCC tables are typed arrays, outside JSHeapUsedSize: shown beside it so the figure hides nothing.
  const buffers = (id: string, name: string, r: ArticleRuns): Figure => {
    const added = med(r.with, 'buffers') - med(r.without, 'buffers');
    const total = added + med(r.with, 'heap') - med(r.without, 'heap');
    return {
      id, name, ours: `${signed(kb(added), added)} (heap + buffers ${signed(kb(total), total)})`, baseline: kb(med(r.without, 'buffers')), ratio: null,
      target: '—', met: null,
      method: `Runtime.getHeapUsage backingStorageSize (ArrayBuffer memory, which JSHeapUsedSize leaves out) after the same collections, with minus without; medians of ${r.with.length} alternating runs.`,
      data: { with: r.with.map((s) => s.buffers), without: r.without.map((s) => s.buffers) },
    };
  };
  return [
    row('5a', 'Typical article: heap added (auto → Simplified)', auto), row('5b', 'Typical article: heap added (Traditional TW)', tw),
    buffers('5c', 'Typical article: ArrayBuffers added (auto → Simplified)', auto), buffers('5d', 'Typical article: ArrayBuffers added (Traditional TW)', tw),
  ];
}

/** The engine files the typical article loaded (for figure 7's baseline). */
export const engineUrls = (r: ArticleRuns): string[] => [...new Set(r.with.flatMap((s) => s.requests))];
