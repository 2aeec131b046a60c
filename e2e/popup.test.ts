import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fix } from '../src/core/fix.ts';
import { launchWithExtension, openPopup, openProcessed, startServer, tabIdOf, type ExtensionBrowser, type TestServer } from './harness.ts';
import { damagedParagraphs, escapeHtml, newsPage } from './pages.ts';

let server: TestServer;
let ext: ExtensionBrowser;
const article = damagedParagraphs('news/simplified-05.txt', 11);

before(async () => {
  server = await startServer({ '/article.html': () => newsPage('新聞', article.damaged.map(escapeHtml)) });
  ext = await launchWithExtension();
});

after(async () => {
  await ext?.close();
  await server?.close();
});

const paragraphs = (page: import('playwright-core').Page) =>
  page.evaluate(() => [...document.querySelectorAll('#article > p')].map((p) => p.textContent ?? ''));

test('the popup shows the verdict, the badge shows the repair count', async () => {
  const page = await openProcessed(ext, `${server.origin}/article.html`);
  const tabId = await tabIdOf(ext, page);
  const engine = await fix(article.damaged.join('\n'));
  const repairs = engine.stats.pinyin + engine.stats.punctuation;
  await page.waitForTimeout(300); // the report to the background is debounced
  const badge = await ext.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
  // Page-level counts include the title; the article alone is the engine's figure.
  assert.equal(badge, String(repairs));
  const popup = await openPopup(ext, tabId);
  const verdict = await popup.$$eval('#verdict p', (ps) => ps.map((p) => p.textContent ?? ''));
  assert.deepEqual(verdict.map((v) => v.replace(/[\d,]+/g, 'N')), [
    'This page was machine-converted by a mirror site.', 'Removed N inserted pinyin and N stray commas.', 'Restored N characters to Simplified.',
  ]);
  // "What changed" lists the removals with a before → after sample each, built as text; the reason is the tooltip.
  const reasons = await popup.$$eval('#change-list button', (bs) => bs.map((b) => b.getAttribute('title') === null ? '' : `${b.textContent}`));
  assert.ok(reasons.some((r) => /\(\p{Script=Latin}+\).*→/u.test(r)), reasons.join('\n'));
  const kinds = await popup.$$eval('#change-list .kind', (els) => els.map((e) => e.textContent ?? ''));
  assert.ok(kinds.some((k) => /^Stray commas removed · \d+$/.test(k)), kinds.join(' | '));
  assert.ok(reasons.some((r) => /[,，]\p{P}.*→/u.test(r)), reasons.join('\n'));
  await popup.close();
  await page.close();
});

test('settings changed in the popup apply to the open page live; the per-site override works', async () => {
  const page = await openProcessed(ext, `${server.origin}/article.html`);
  const tabId = await tabIdOf(ext, page);
  const popup = await openPopup(ext, tabId);

  await popup.selectOption('#script', 'tw');
  const tw = (await fix(article.damaged.join('\n'), { to: 'tw' })).text.split('\n');
  await page.waitForFunction((first) => document.querySelector('#article > p')!.textContent === first, tw[0]);
  assert.deepEqual(await paragraphs(page), tw);

  await popup.selectOption('#site-choice', 'off');
  await page.waitForFunction((first) => document.querySelector('#article > p')!.textContent === first, article.damaged[0]);
  assert.deepEqual(await paragraphs(page), article.damaged);

  await popup.selectOption('#site-choice', 'cn');
  await page.waitForFunction((first) => document.querySelector('#article > p')!.textContent === first, article.clean[0]);
  assert.deepEqual(await paragraphs(page), article.clean);

  await popup.selectOption('#site-choice', 'default');
  await page.waitForFunction((first) => document.querySelector('#article > p')!.textContent === first, tw[0]);

  await popup.uncheck('#enabled');
  await page.waitForFunction((first) => document.querySelector('#article > p')!.textContent === first, article.damaged[0]);
  await popup.check('#enabled');
  await popup.selectOption('#script', 'auto');
  await page.waitForFunction((first) => document.querySelector('#article > p')!.textContent === first, article.clean[0]);

  // Only what differs from the defaults is stored.
  const stored = await ext.worker.evaluate(() => chrome.storage.sync.get(null));
  assert.deepEqual(stored, { settingsVersion: 2 });
  await popup.close();
  await page.close();
});

test('the toggle-original message (sent by the keyboard command) flips the page both ways', async () => {
  const page = await openProcessed(ext, `${server.origin}/article.html`);
  const tabId = await tabIdOf(ext, page);
  await ext.worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'toggle-original' }), tabId);
  await page.waitForFunction((first) => document.querySelector('#article > p')!.textContent === first, article.damaged[0]);
  await ext.worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'toggle-original' }), tabId);
  await page.waitForFunction((first) => document.querySelector('#article > p')!.textContent === first, article.clean[0]);
  await page.close();
});

test('the popup is labelled, keyboard-usable and readable in dark mode', async () => {
  const page = await openProcessed(ext, `${server.origin}/article.html`);
  const tabId = await tabIdOf(ext, page);
  const popup = await openPopup(ext, tabId);
  const unlabelled = await popup.$$eval('input, select', (els) => els.filter((e) => !e.closest('label')).map((e) => e.id));
  assert.deepEqual(unlabelled, []);
  // Tab reaches the controls in order.
  await popup.keyboard.press('Tab');
  assert.equal(await popup.evaluate(() => document.activeElement?.id), 'show-original');
  await popup.keyboard.press('Space');
  await page.waitForFunction((first) => document.querySelector('#article > p')!.textContent === first, article.damaged[0]);
  await popup.emulateMedia({ colorScheme: 'dark' });
  const bg = await popup.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, 'rgb(29, 27, 32)');
  await popup.close();
  await page.close();
});
