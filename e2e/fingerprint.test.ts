/**
 * What a page can learn about the extension. The engine and its tables are
 * web-accessible with use_dynamic_url: the content script reaches them through
 * a per-session URL (runtime.getURL returns it), and a page probing the
 * extension's fixed id finds nothing. What remains visible is listed in
 * README (Reliability and privacy).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchWithExtension, startServer, waitUntilProcessed, type ExtensionBrowser, type TestServer } from './harness.ts';
import { damagedParagraphs, escapeHtml, newsPage } from './pages.ts';

const article = damagedParagraphs('news/simplified-07.txt', 9);
let server: TestServer;
let ext: ExtensionBrowser;

before(async () => {
  server = await startServer({ '/article.html': () => newsPage('新聞', article.damaged.map(escapeHtml)) });
  ext = await launchWithExtension();
});

after(async () => {
  await ext?.close();
  await server?.close();
});

test('the engine loads through its dynamic URL; the fixed extension id answers nothing to the page', async (t) => {
  const page = await ext.context.newPage();
  const cdp = await ext.context.newCDPSession(page);
  const worlds: { id: number; name: string }[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => worlds.push({ id: e.context.id, name: e.context.name }));
  await cdp.send('Runtime.enable');
  await page.goto(`${server.origin}/article.html`);
  await waitUntilProcessed(ext, page);
  // The content script's world: ask it what runtime.getURL gives.
  const world = worlds.find((w) => w.name.startsWith('Zhengwen'));
  assert.ok(world, 'the content script runs in the page');
  const r = await cdp.send('Runtime.evaluate', { expression: "chrome.runtime.getURL('engine/content-main.js')", contextId: world.id, returnByValue: true });
  const url = new URL(r.result.value as string);
  t.diagnostic(`runtime.getURL in the content script: ${url.protocol}//${url.host}/… (extension id ${ext.extensionId})`);
  assert.notEqual(url.host, ext.extensionId, 'getURL gives the dynamic URL, not the fixed id');
  assert.equal(await page.evaluate(() => document.querySelector('#article > p')!.textContent), article.clean[0], 'the engine loaded and repaired the page');

  const probes = await page.evaluate(async (id) => {
    const out: Record<string, string> = {};
    for (const path of ['engine/content-main.js', 'opencc/TWPhrases.bin', 'manifest.json']) {
      out[path] = await fetch(`chrome-extension://${id}/${path}`).then((x) => `HTTP ${x.status}`, (e) => `refused (${(e as Error).name})`);
    }
    out.resources = performance.getEntriesByType('resource').filter((e) => e.name.startsWith('chrome-extension:')).map((e) => e.name).join(' ') || '(none)';
    return out;
  }, ext.extensionId);
  t.diagnostic(`what the page sees: ${JSON.stringify(probes)}`);
  for (const path of ['engine/content-main.js', 'opencc/TWPhrases.bin', 'manifest.json']) assert.match(probes[path]!, /^refused/, path);
  await page.close();
});
