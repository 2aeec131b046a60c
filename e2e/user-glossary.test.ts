/**
 * The reader's own glossary in real Chromium with the built extension: a term
 * added on the "My terms" page is underlined and pops over on a page that was
 * already open, without reloading it; the reader's term wins over a built-in
 * one; a bad import changes nothing and says which line is wrong.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { launchWithExtension, openProcessed, startServer, type ExtensionBrowser, type TestServer } from './harness.ts';
import { newsPage } from './pages.ts';

let server: TestServer;
let ext: ExtensionBrowser;

before(async () => {
  server = await startServer({
    '/news.html': () => newsPage('新闻', ['今天上午，他在星巴克咖啡店里读报。', '下午他又去了一次星巴克。']),
    '/taiwan.html': () => newsPage('新聞', ['立法院今天三讀通過總預算案，行政院表示尊重。'], '', 'zh-TW'),
  });
  ext = await launchWithExtension();
});

after(async () => {
  await ext?.close();
  await server?.close();
});

/** The texts currently underlined as glossary terms on a page. */
const underlined = (page: Page): Promise<string[]> => page.evaluate(() => {
  const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('zhengwen-term');
  return h ? [...h].map((r) => r.toString()) : [];
});

/** Hovers the first occurrence of `text` and returns the popover's text. */
async function hover(page: Page, text: string): Promise<string> {
  const p = await page.evaluate((t) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      const at = n.data.indexOf(t);
      if (at === -1) continue;
      const r = document.createRange();
      r.setStart(n, at);
      r.setEnd(n, at + 1);
      const rect = r.getClientRects()[0]!;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    return undefined;
  }, text);
  assert.ok(p, `"${text}" is on the page`);
  await page.mouse.move(2, 2);
  await page.mouse.move(p.x - 3, p.y);
  await page.mouse.move(p.x, p.y);
  await page.waitForFunction((t) => {
    const host = document.querySelector('zhengwen-popover') as HTMLElement | null;
    const box = host?.shadowRoot?.querySelector('.box');
    return !!host && host.style.display !== 'none' && (box?.querySelector('.head')?.textContent ?? '').startsWith(t);
  }, text, { timeout: 5000 });
  return page.evaluate(() => document.querySelector('zhengwen-popover')!.shadowRoot!.querySelector('.box')!.textContent ?? '');
}

async function openTermsPage(): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/user-glossary.html`);
  await page.waitForSelector('#count:not(:empty)');
  return page;
}

const stored = (): Promise<unknown> => ext.worker.evaluate(async () => (await chrome.storage.local.get('userGlossary')).userGlossary);

test('the popup links to the My terms page', async () => {
  const popup = await ext.context.newPage();
  await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  assert.equal(await popup.getAttribute('#my-terms', 'href'), 'user-glossary.html');
  await popup.close();
});

test('立法院 on a Taiwan page pops over as the Legislative Yuan', async () => {
  const page = await openProcessed(ext, `${server.origin}/taiwan.html`);
  await page.waitForFunction(() => (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('zhengwen-term')?.size);
  assert.ok((await underlined(page)).includes('立法院'));
  const text = await hover(page, '立法院');
  assert.match(text, /Legislative Yuan/);
  assert.match(text, /Taiwan · 台湾/);
  await page.close();
});

test('a term added on the page is underlined and pops over on an open page without reload', async () => {
  const news = await openProcessed(ext, `${server.origin}/news.html`);
  assert.ok(!(await underlined(news)).includes('星巴克'), 'not a glossary term before');
  await news.evaluate(() => { (window as unknown as { marker: number }).marker = 42; });

  const terms = await openTermsPage();
  await terms.fill('#f-simplified', '星巴克');
  await terms.fill('#f-english', 'Starbucks');
  await terms.fill('#f-note', 'A coffee chain.');
  await terms.click('#save');
  await terms.waitForFunction(() => document.getElementById('status')!.textContent === 'Saved.');
  assert.deepEqual(await terms.$$eval('#term-rows tr', (rows) => rows.map((r) => [...r.querySelectorAll('td')].slice(0, 4).map((td) => td.textContent))),
    [['星巴克', '星巴克', '', 'Starbucks']]);

  await news.bringToFront();
  await news.waitForFunction(() => [...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('zhengwen-term') ?? [])]
    .filter((r) => r.toString() === '星巴克').length === 2, undefined, { timeout: 5000 });
  const text = await hover(news, '星巴克');
  assert.match(text, /Starbucks/);
  assert.match(text, /My terms/);
  assert.equal(text.split('A coffee chain.').length, 2, 'the note is shown once');
  assert.equal(await news.evaluate(() => (window as unknown as { marker: number }).marker), 42, 'the page was not reloaded');

  // Deleting it takes the underline away again, still without reload.
  await terms.bringToFront();
  await terms.click('#term-rows button:has-text("Delete")');
  await terms.waitForFunction(() => document.getElementById('status')!.textContent === 'Deleted.');
  await news.bringToFront();
  await news.waitForFunction(() => ![...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('zhengwen-term') ?? [])]
    .some((r) => r.toString() === '星巴克'), undefined, { timeout: 5000 });
  await news.close();
  await terms.close();
});

test('a bad import changes nothing and says which line is wrong; a good one takes precedence over built-in terms', async () => {
  const terms = await openTermsPage();
  await terms.fill('#f-simplified', '星巴克');
  await terms.fill('#f-english', 'Starbucks');
  await terms.click('#save');
  await terms.waitForFunction(() => document.getElementById('status')!.textContent === 'Saved.');
  const before = await stored();

  await terms.setInputFiles('#import', {
    name: 'bad.csv', mimeType: 'text/csv',
    buffer: Buffer.from('simplified,traditional,pinyin,english,note\n立法院,,,my legislature,\n共同体,,,,\n'),
  });
  await terms.waitForSelector('#problems:not([hidden])');
  assert.equal(await terms.textContent('#status'), 'Nothing was imported: bad.csv has problems.');
  assert.deepEqual(await terms.$$eval('#problems li', (li) => li.map((l) => l.textContent)), ['line 3: english is empty']);
  assert.deepEqual(await stored(), before, 'storage unchanged');
  assert.equal(await terms.$$eval('#term-rows tr', (rows) => rows.length), 1);

  await terms.setInputFiles('#import', {
    name: 'good.json', mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify([{ traditional: '立法院', english: 'my legislature', note: '我的' }])),
  });
  await terms.waitForFunction(() => document.getElementById('status')!.textContent === 'Terms imported: 1.');
  assert.equal(await terms.$$eval('#term-rows tr', (rows) => rows.length), 2);
  assert.equal(await terms.isHidden('#problems'), true);

  const page = await openProcessed(ext, `${server.origin}/taiwan.html`);
  const text = await hover(page, '立法院');
  assert.match(text, /my legislature/);
  // The reader's term replaces the built-in glossary entry (its category is not shown) and comes
  // before the dictionary's senses, which still follow.
  assert.doesNotMatch(text, /Taiwan · 台湾/);
  assert.ok(text.indexOf('my legislature') < text.indexOf('Legislative Yuan, the unicameral'), text);
  await page.close();
  await terms.close();
});
