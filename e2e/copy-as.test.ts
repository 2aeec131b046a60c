/**
 * "Copy as" from the context menu: Playwright cannot click a browser menu, so
 * the test calls the menu's click handler in the service worker with the
 * arguments the browser would pass (onMenuClick, the function onClicked runs),
 * then reads the clipboard in the page. The page, its selection and its text
 * fields stay exactly as they were.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { fix } from '../src/core/fix.ts';
import type { CopyResult } from '../src/shared/messages.ts';
import { domSnapshot, launchWithExtension, openProcessed, startServer, tabIdOf, type ExtensionBrowser, type TestServer } from './harness.ts';
import { damagedParagraphs, escapeHtml, newsPage } from './pages.ts';

const article = damagedParagraphs('news/simplified-03.txt', 5);
/** Damaged text in a text field: never repaired on the page, but copied repaired on request. */
const FIELD_TEXT = article.damaged[1]!;

let server: TestServer;
let ext: ExtensionBrowser;

before(async () => {
  server = await startServer({
    '/article.html': () => newsPage('新聞', article.damaged.map(escapeHtml),
      `<textarea id="ta" cols="80" rows="4">${escapeHtml(FIELD_TEXT)}</textarea><input id="in" size="80" value="${escapeHtml(FIELD_TEXT)}">`),
  });
  ext = await launchWithExtension();
  // Only reading is granted to the page (for the test to look at the clipboard); writing is the extension's own doing.
  await ext.context.grantPermissions(['clipboard-read'], { origin: server.origin });
});

after(async () => {
  await ext?.close();
  await server?.close();
});

/** Clicks a "Copy as" entry the way the browser would: onClicked's handler, with the click's info and tab. */
async function clickMenu(page: Page, menuItemId: string, selectionText: string): Promise<CopyResult | undefined> {
  const tabId = await tabIdOf(ext, page);
  return ext.worker.evaluate(({ id, menuItemId, selectionText }) => {
    const z = (globalThis as unknown as { zhengwen: { onMenuClick(info: object, tab: object): Promise<CopyResult | undefined> } }).zhengwen;
    return z.onMenuClick({ menuItemId, selectionText, frameId: 0, editable: false }, { id });
  }, { id: tabId, menuItemId, selectionText });
}

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

/** Selects the whole text of the n-th article paragraph. */
const selectParagraph = (page: Page, n: number) => page.evaluate((i) => {
  const p = document.querySelectorAll('#article > p')[i]!;
  const range = document.createRange();
  range.selectNodeContents(p);
  getSelection()!.removeAllRanges();
  getSelection()!.addRange(range);
  return getSelection()!.toString();
}, n);

test('Copy as Simplified / Traditional (Taiwan) / repaired: the selection, converted, is on the clipboard; the page is unchanged', async (t) => {
  const page = await openProcessed(ext, `${server.origin}/article.html`);
  const selected = await selectParagraph(page, 0);
  assert.equal(selected, article.clean[0], 'the page shows the repaired paragraph');
  const before = await domSnapshot(page);
  const cases: [string, string][] = [
    ['copy-simplified', (await fix(selected, { to: 'cn' })).text],
    ['copy-taiwan', (await fix(selected, { to: 'tw' })).text],
    ['copy-repaired', article.clean[0]!],
  ];
  for (const [id, want] of cases) {
    const r = await clickMenu(page, id, selected);
    t.diagnostic(`${id}: copied ${r?.copied} via ${r?.via}${r?.error ? ` (${r.error})` : ''}`);
    assert.equal(r?.copied, true, `${id} did not copy: ${r?.error}`);
    assert.equal(r?.text, want);
    assert.equal(await clipboard(page), want, `${id}: the clipboard`);
  }
  assert.notEqual(cases[1]![1], cases[0]![1], 'Taiwan and Simplified differ for this text');
  assert.deepEqual(await domSnapshot(page), before, 'the page did not change');
  assert.equal(await page.evaluate(() => getSelection()!.toString()), selected, 'the selection is kept');
  await page.close();
});

test('Copy repaired inside a textarea and an input: the selected part, repaired, is copied; the fields are not changed', async (t) => {
  const page = await openProcessed(ext, `${server.origin}/article.html`);
  const page0 = await page.evaluate(() => document.querySelector('#article > p')!.textContent);
  for (const id of ['ta', 'in']) {
    // Select most of the field's text (the page's damaged text: fields are never repaired).
    const part = await page.evaluate((sel) => {
      const f = document.getElementById(sel) as HTMLTextAreaElement | HTMLInputElement;
      f.focus();
      f.setSelectionRange(2, f.value.length - 2);
      return f.value.slice(2, f.value.length - 2);
    }, id);
    const r = await clickMenu(page, 'copy-repaired', part);
    t.diagnostic(`#${id}: copied ${r?.copied} via ${r?.via}${r?.error ? ` (${r.error})` : ''}`);
    const want = (await fix(part, { to: 'auto', mirror: { pinyin: true, punctuation: true }, pageIsMirror: true })).text;
    assert.notEqual(want, part, 'the selected part has damage to repair');
    assert.equal(r?.text, want);
    assert.equal(await clipboard(page), want);
    assert.equal(await page.inputValue(`#${id}`), FIELD_TEXT, `#${id} is unchanged`);
    assert.deepEqual(await page.evaluate((sel) => {
      const f = document.getElementById(sel) as HTMLTextAreaElement;
      return [f.selectionStart, f.selectionEnd];
    }, id), [2, FIELD_TEXT.length - 2], 'its selection is kept');
  }
  assert.equal(await page.evaluate(() => document.querySelector('#article > p')!.textContent), page0);
  await page.close();
});

test('Copy as works where the site is switched off, and changes nothing there', async () => {
  await ext.worker.evaluate((host) => chrome.storage.sync.set({ sites: { [host]: 'off' } }), new URL(server.origin).hostname);
  try {
    const page = await ext.context.newPage();
    await page.goto(`${server.origin}/article.html`);
    await page.waitForLoadState('load');
    const selected = await selectParagraph(page, 0);
    assert.equal(selected, article.damaged[0], 'the site is off: the page shows its damaged text');
    let r: CopyResult | undefined;
    // The content script loads its engine after the page is idle: ask until it answers.
    for (let i = 0; i < 50 && !r; i++) {
      r = await clickMenu(page, 'copy-simplified', selected);
      if (!r) await page.waitForTimeout(100);
    }
    assert.equal(r?.copied, true);
    assert.equal(await clipboard(page), (await fix(selected, { to: 'cn' })).text);
    assert.equal(await page.evaluate(() => document.querySelector('#article > p')!.textContent), article.damaged[0]);
    await page.close();
  } finally {
    await ext.worker.evaluate(() => chrome.storage.sync.remove('sites'));
  }
});

test('a click with nothing selected copies nothing and says so', async () => {
  const page = await openProcessed(ext, `${server.origin}/article.html`);
  await page.evaluate(() => getSelection()!.removeAllRanges());
  const r = await clickMenu(page, 'copy-simplified', '');
  assert.equal(r?.copied, false);
  assert.equal(r?.error, 'nothing is selected');
  await page.close();
});
