/**
 * The badge and the popup count every frame of a tab: the page, a same-origin
 * and a cross-origin frame, and about:srcdoc, about:blank and script-written
 * frames (which get the content script through match_origin_as_fallback).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchWithExtension, openPopup, openProcessed, startServer, tabIdOf, type ExtensionBrowser, type TestServer } from './harness.ts';
import { clause, frameDoc, framesPage } from './hostile/pages.ts';

let server: TestServer;
let ext: ExtensionBrowser;

before(async () => {
  server = await startServer();
  server.routes['/frames.html'] = () => framesPage(server.origin, server.otherOrigin);
  for (const n of [60, 70]) server.routes[`/frame-${n}.html`] = () => frameDoc(n);
  ext = await launchWithExtension();
});

after(async () => {
  await ext?.close();
  await server?.close();
});

interface FrameCounts { frameId: number; repairs: number; converted: number }

/** Each frame's own counts, asked of each frame directly (the frames are those that reported to the background). */
async function perFrame(tabId: number): Promise<FrameCounts[]> {
  return ext.worker.evaluate(async (id) => {
    const saved = (await chrome.storage.session.get('frameReports')).frameReports as Record<string, Record<string, number>> | undefined;
    const out: { frameId: number; repairs: number; converted: number }[] = [];
    for (const frame of Object.keys(saved?.[id] ?? {})) {
      const s = await chrome.tabs.sendMessage(id, { type: 'get-state' }, { frameId: Number(frame) });
      out.push({ frameId: Number(frame), repairs: s.counts.pinyin + s.counts.punctuation + s.counts.mojibake, converted: s.counts.converted });
    }
    return out;
  }, tabId);
}

test('the badge and the popup add up every frame of the tab', async (t) => {
  const page = await openProcessed(ext, `${server.origin}/frames.html`);
  const tabId = await tabIdOf(ext, page);
  // Every frame's first pass, then its report to the background (debounced by 100 ms).
  await page.frameLocator('#written').locator('#w0').filter({ hasText: clause(83).clean }).waitFor({ timeout: 10_000 });
  let frames: FrameCounts[] = [];
  for (let i = 0; i < 50 && frames.length < 6; i++) {
    await page.waitForTimeout(100);
    frames = await perFrame(tabId);
  }
  t.diagnostic(`frames: ${JSON.stringify(frames)}`);
  assert.equal(frames.length, 6, 'the page and its five frames each reported');
  assert.ok(frames.every((f) => f.repairs > 0), 'every frame repaired something');
  const repairs = frames.reduce((n, f) => n + f.repairs, 0);
  const converted = frames.reduce((n, f) => n + f.converted, 0);
  const top = frames.find((f) => f.frameId === 0)!;
  assert.ok(repairs > top.repairs);

  let badge = '';
  for (let i = 0; i < 20 && badge !== String(repairs); i++) {
    badge = await ext.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    if (badge !== String(repairs)) await page.waitForTimeout(100);
  }
  assert.equal(badge, String(repairs), 'the badge counts every frame');

  const popup = await openPopup(ext, tabId);
  const verdict = (await popup.textContent('#verdict')) ?? '';
  t.diagnostic(`popup: ${verdict}`);
  assert.match(verdict, /Counted over 6 frames\./);
  assert.match(verdict, new RegExp(`Restored ${converted.toLocaleString('en')} characters to Simplified`));
  const listed = await popup.$$eval('#change-list > li > .kind', (els) => els.map((e) => e.textContent ?? ''));
  const sum = listed.filter((l) => !/^Characters converted/.test(l)).reduce((n, l) => n + Number(l.replace(/.* · /, '').replace(/,/g, '')), 0);
  assert.equal(sum, repairs, `the changes listed (${listed.join(' | ')}) add up to every frame's repairs`);

  // Show original from the popup applies to every frame.
  await popup.check('#show-original');
  await page.frameLocator('#written').locator('#w0').filter({ hasText: clause(83).damaged }).waitFor({ timeout: 10_000 });
  await page.frameLocator('#srcdoc').locator('#f0').filter({ hasText: clause(80).damaged }).waitFor({ timeout: 10_000 });
  assert.equal(await page.textContent('#p0'), clause(50).damaged);
  await popup.close();
  await page.close();
});
