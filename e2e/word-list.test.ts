/**
 * The word list in real Chromium with the built extension: words saved through
 * src/shared/word-list.ts (the module the popover calls, bundled and run in
 * the extension's own page, so with the real storage.local), listed by the
 * word-list page, exported to TSV and CSV that parse back to the same fields,
 * imported without duplicates, deleted with undo, and a full storage that
 * gives the message and loses nothing.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import * as esbuild from 'esbuild';
import type { Page } from 'playwright-core';
import { parseWords, type SavedWord } from '../src/shared/word-list-data.ts';
import { launchWithExtension, openPopup, ROOT, type ExtensionBrowser } from './harness.ts';

let ext: ExtensionBrowser;
let moduleCode: string;
let messages: Record<string, { message: string }>;

before(async () => {
  // The storage module as the content script will run it, exposed to the test as `zwWordList`.
  const built = await esbuild.build({
    entryPoints: [join(ROOT, 'src/shared/word-list.ts')], bundle: true, write: false, format: 'iife',
    globalName: 'zwWordList', platform: 'browser', target: 'es2022', charset: 'utf8',
  });
  moduleCode = built.outputFiles[0]!.text + ';globalThis.zwWordList = zwWordList;';
  messages = JSON.parse(await readFile(join(ROOT, 'dist/chrome/_locales/en/messages.json'), 'utf8'));
  ext = await launchWithExtension();
});

after(async () => {
  await ext?.close();
});

const words: Omit<SavedWord, 'savedAt'>[] = [
  { simplified: '银行', traditional: '銀行', pinyin: 'yínháng', definition: 'bank', sentence: '他在中国银行工作。', url: 'https://news.example.com/a' },
  { simplified: '调整', traditional: '調整', pinyin: 'tiáozhěng', definition: 'to adjust; adjustment', sentence: '政策"调整"\t之后,\n市场平稳。', url: 'https://news.example.com/b?x=1&y=2' },
  { simplified: '医院', traditional: '醫院', pinyin: 'yīyuàn', definition: 'hospital; CL:家[jia1],所[suo3]', sentence: '<b>不是标签</b>：医院 & 诊所', url: 'javascript:alert(1)' },
];

async function openWordList(): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/word-list.html`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.evaluate(moduleCode);
  return page;
}

type Result = { ok: boolean; reason?: string; created?: boolean };
const save = (page: Page, w: Omit<SavedWord, 'savedAt'>) =>
  page.evaluate((word) => (globalThis as unknown as { zwWordList: { saveWord(w: unknown): Promise<Result> } }).zwWordList.saveWord(word), w);
const stored = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { zwWordList: { listWords(): Promise<SavedWord[]> } }).zwWordList.listWords());
const rows = (page: Page) => page.$$eval('#word-rows tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(1, 5).map((td) => td.textContent ?? '')));
const status = (page: Page) => page.textContent('#status');

async function download(page: Page, button: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  return readFile((await file.path())!, 'utf8');
}

async function clearWords(page: Page): Promise<void> {
  await page.evaluate(() => chrome.storage.local.clear());
  await page.waitForFunction(() => document.querySelectorAll('#word-rows tr').length === 0);
}

test('words saved through the module appear on the page, once each, and search filters them', async () => {
  const page = await openWordList();
  await clearWords(page);
  assert.equal(await page.isVisible('#empty'), true);
  for (const w of words) {
    const r = await save(page, w);
    assert.equal(r.ok, true);
    assert.equal(r.created, true);
  }
  // Saving again updates the sentence and address, never adds a row.
  const again = await save(page, { ...words[0]!, pinyin: 'yín háng', sentence: '银行又开门了。', url: 'https://other.example.com/' });
  assert.equal(again.ok, true);
  assert.equal(again.created, false);
  await page.waitForFunction(() => document.querySelector('#word-rows tr .sentence')?.textContent?.startsWith('银行又开门了。'));
  const list = await rows(page);
  assert.equal(list.length, 3);
  // Newest first; both scripts; page text shown as text (the <b> is not markup); only web addresses become links.
  assert.deepEqual(list[0], ['银行銀行', 'yínháng', 'bank', '银行又开门了。other.example.com']);
  assert.deepEqual(list.find((r) => r[0]!.startsWith('医院')), ['医院醫院', 'yīyuàn', 'hospital; CL:家[jia1],所[suo3]', '<b>不是标签</b>：医院 & 诊所']);
  assert.equal(await page.$$eval('#word-rows b', (b) => b.length), 0);
  assert.equal(await page.$$eval('#word-rows a[href^="javascript"]', (a) => a.length), 0);
  await page.fill('#search', 'yinhang');
  assert.deepEqual((await rows(page)).map((r) => r[1]), ['yínháng']);
  await page.fill('#search', '醫院');
  assert.deepEqual((await rows(page)).map((r) => r[1]), ['yīyuàn']);
  await page.fill('#search', '');
  assert.equal((await rows(page)).length, 3);
  await page.close();
});

test('TSV and CSV exports parse back to the same fields; TSV is one note per line for Anki', async () => {
  const page = await openWordList();
  const saved = await stored(page);
  assert.equal(saved.length, 3);
  const tsv = await download(page, '#export-tsv');
  const lines = tsv.trimEnd().split('\n');
  assert.deepEqual(lines.slice(0, 3), ['#separator:tab', '#html:true', '#columns:simplified\ttraditional\tpinyin\tdefinition\tsentence\turl\tsavedAt']);
  assert.equal(lines.length, 3 + saved.length);
  for (const line of lines.slice(3)) assert.equal(line.split('\t').length, 7, line);
  assert.deepEqual(parseWords(tsv).words, saved);
  const csv = await download(page, '#export-csv');
  assert.deepEqual(parseWords(csv).words, saved);
  await page.close();
});

test('delete removes a word and Undo puts it back exactly', async () => {
  const page = await openWordList();
  const before = await stored(page);
  await page.click('#word-rows tr[data-simplified="调整"] button.delete');
  await page.waitForFunction(() => document.querySelectorAll('#word-rows tr').length === 2);
  assert.equal(await status(page), messages.wordListDeleted!.message.replace('$COUNT$', '1'));
  assert.deepEqual((await stored(page)).map((w) => w.simplified).sort(), ['医院', '银行']);
  await page.click('#undo');
  await page.waitForFunction(() => document.querySelectorAll('#word-rows tr').length === 3);
  assert.deepEqual(await stored(page), before);
  // Selecting several and deleting them, then undo.
  await page.check('#select-all');
  await page.click('#delete-selected');
  await page.waitForFunction(() => document.querySelectorAll('#word-rows tr').length === 0);
  await page.click('#undo');
  await page.waitForFunction(() => document.querySelectorAll('#word-rows tr').length === 3);
  assert.deepEqual(await stored(page), before);
  await page.close();
});

test('import merges the extension\'s own export and other files without duplicates', async () => {
  const page = await openWordList();
  const before = await stored(page);
  const own = await download(page, '#export-tsv');
  // Our own file again: nothing new.
  await page.setInputFiles('#import', { name: 'words.tsv', mimeType: 'text/tab-separated-values', buffer: Buffer.from(own) });
  await page.waitForFunction(() => document.querySelector('#status')?.textContent?.includes('3'));
  assert.equal(await status(page), 'Imported: 0 new, 0 completed, 3 already in the list.');
  assert.deepEqual(await stored(page), before);
  // A CSV with one saved word, one new word twice (pinyin spaced differently), and a row without a word.
  const csv = 'pinyin,simplified,definition\r\nyínháng,银行,other meaning\r\nfāzhǎn,发展,to develop\r\nfā zhǎn,发展,\r\n,,\r\n';
  await page.setInputFiles('#import', { name: 'other.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.waitForFunction(() => document.querySelectorAll('#word-rows tr').length === 4);
  assert.equal(await status(page), 'Imported: 1 new, 0 completed, 2 already in the list. Lines without a word, skipped: 1.');
  const after = await stored(page);
  assert.equal(after.length, 4);
  assert.equal(after.find((w) => w.simplified === '银行')!.definition, 'bank', 'an import never overwrites a saved word');
  // Not UTF-8: a clear message, nothing changed.
  await page.setInputFiles('#import', { name: 'gbk.txt', mimeType: 'text/plain', buffer: Buffer.from([0xd2, 0xf8, 0xd0, 0xd0, 0x09, 0x79]) });
  await page.waitForFunction((m) => document.querySelector('#status')?.textContent === m, messages.wordListNotUtf8!.message);
  assert.deepEqual(await stored(page), after);
  await page.close();
});

test('a full storage gives the message and loses nothing; after freeing space, saving works again', async () => {
  const page = await openWordList();
  const before = await stored(page);
  // Fill storage.local to a few hundred bytes under Chrome's quota.
  const left = await page.evaluate(async () => {
    const used = await chrome.storage.local.getBytesInUse(null);
    await chrome.storage.local.set({ filler: 'x'.repeat(chrome.storage.local.QUOTA_BYTES - used - 'filler'.length - 2 - 300) });
    return chrome.storage.local.QUOTA_BYTES - (await chrome.storage.local.getBytesInUse(null));
  });
  assert.ok(left >= 0 && left <= 300, String(left));
  const long = { simplified: '可持续发展', traditional: '可持續發展', pinyin: 'kěchíxù fāzhǎn', definition: 'sustainable development', sentence: '我们要坚持可持续发展。'.repeat(20), url: 'https://news.example.com/c' };
  const r = await save(page, long);
  assert.equal(r.ok, false);
  assert.equal(r.reason, 'full');
  // An import of many words is refused whole, with the message on the page.
  const many = ['simplified,pinyin,definition', ...Array.from({ length: 50 }, (_, i) => `词${i},cí${i},word ${i}`)].join('\r\n');
  await page.setInputFiles('#import', { name: 'many.csv', mimeType: 'text/csv', buffer: Buffer.from(many) });
  await page.waitForFunction((m) => document.querySelector('#status')?.textContent === m, messages.wordListFull!.message);
  assert.equal(await page.evaluate(() => document.querySelector('#status-bar')!.classList.contains('error')), true);
  assert.deepEqual(await stored(page), before);
  assert.equal((await rows(page)).length, before.length);
  await page.evaluate(() => chrome.storage.local.remove('filler'));
  assert.equal((await save(page, long)).ok, true);
  assert.equal((await stored(page)).length, before.length + 1);
  await page.close();
});

test('the popup links to the word list', async () => {
  const popup = await openPopup(ext, 0);
  const link = await popup.$eval('#word-list-link', (a) => ({ href: (a as HTMLAnchorElement).href, text: a.textContent }));
  assert.equal(link.href, `chrome-extension://${ext.extensionId}/word-list.html`);
  assert.equal(link.text, messages.wordListTitle!.message);
  await popup.close();
});
