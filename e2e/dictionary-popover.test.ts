import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchWithExtension, openProcessed, startServer, type ExtensionBrowser, type TestServer } from './harness.ts';
import { parseWords, wordsToTsv, type SavedWord } from '../src/shared/word-list-data.ts';
import { damagedParagraphs, newsPage } from './pages.ts';
import { highlightedText, hover, popoverVisible, waitForPopoverWord } from './popover-helpers.ts';

let server: TestServer;
let ext: ExtensionBrowser;

const SIMPLIFIED = [
  '重庆银行调整了客户服务，医院的发展也很快。',
  '国家林草局副局长曹清尧说，人工智能产业发展迅速。',
  '市政协主席出席会议。',
  '原银保监会的职责划入新机构。',
];
const TAIWAN = ['立法院今天三讀通過預算案，行政院長出席。'];
const mirror = damagedParagraphs('news/simplified-01.txt', 7);

before(async () => {
  server = await startServer({
    '/simplified.html': () => newsPage('新闻', SIMPLIFIED),
    '/taiwan.html': () => newsPage('新聞', TAIWAN.map((p) => p.replace('讀', '讀')), '', 'zh-TW'),
    '/mirror.html': () => newsPage('新聞', mirror.damaged),
  });
  ext = await launchWithExtension();
});

after(async () => {
  await ext?.close();
  await server?.close();
});

test('ordinary words on a Simplified page show their English, both scripts and pinyin', async () => {
  const page = await openProcessed(ext, `${server.origin}/simplified.html`);
  const bank = await hover(page, '银行', 1);
  assert.match(bank, /银行銀行/);
  assert.match(bank, /yínháng/);
  assert.match(bank, /bank/);
  assert.equal(await highlightedText(page), '银行', 'the looked-up characters are highlighted');
  assert.match(await hover(page, '医院', 0), /hospital/);
  assert.match(await hover(page, '客户', 1), /client|customer/);
  // Longer words are not cut short, and proper nouns are capitalised.
  const ai = await hover(page, '人工智能', 2);
  assert.match(ai, /^人工智能/);
  assert.match(ai, /artificial intelligence/);
  assert.match(await hover(page, '重庆', 0), /Chóngqìng/);
  await page.keyboard.press('Escape');
  assert.equal(await popoverVisible(page), false);
  assert.equal(await highlightedText(page), '', 'the highlight goes with the popover');
  await page.close();
});

test('a personal name shows as a name; a glossary term shows the glossary entry and the dictionary', async () => {
  const page = await openProcessed(ext, `${server.origin}/simplified.html`);
  const name = await hover(page, '曹清尧', 1);
  assert.match(name, /^曹清尧/);
  assert.match(name, /Personal name/);
  assert.match(name, /Cáo/);
  assert.match(name, /Qīngyáo/);
  const term = await hover(page, '政协', 0);
  assert.match(term, /CPPCC|Chinese People.s Political Consultative Conference/);
  assert.match(term, /Glossary/);
  // A former body says so, with what replaced it.
  const former = await hover(page, '银保监会', 1);
  assert.match(former, /Former name, until 2023-05; now 国家金融监督管理总局/);
  await page.close();
});

test('立法院 on a Taiwan page is the Legislative Yuan, wherever the pointer is on it', async () => {
  const page = await openProcessed(ext, `${server.origin}/taiwan.html`);
  for (const i of [0, 1, 2]) {
    const text = await hover(page, '立法院', i);
    assert.match(text, /^立法院/, `character ${i}`);
    assert.match(text, /Legislative Yuan/);
    await page.mouse.move(2, 2);
    await page.waitForFunction(() => (document.querySelector('zhengwen-popover') as HTMLElement).style.display === 'none');
  }
  // Ordinary words on the Taiwan page too, in the page's script first.
  const budget = await hover(page, '預算', 0);
  assert.match(budget, /^預算预算/);
  assert.match(budget, /budget/);
  await page.close();
});

test('words on a repaired mirror page show their English', async () => {
  const page = await openProcessed(ext, `${server.origin}/mirror.html`);
  // The page was restored to Simplified: pick a word from the clean text that is now on the page.
  const word = ['经济', '发展', '建设', '工作', '政府', '企业'].find((w) => mirror.clean.some((p) => p.includes(w)))!;
  assert.ok(word, 'the sample has a common word');
  const text = await hover(page, word, 0);
  assert.ok(text.includes(word), text);
  assert.match(text, /[a-z]{3,}/, 'an English definition');
  await page.close();
});

test('keys step through words, copy the entry, and do nothing while typing', async () => {
  await ext.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  const page = await openProcessed(ext, `${server.origin}/simplified.html`);
  await hover(page, '银行', 0);
  await page.keyboard.press('n');
  await waitForPopoverWord(page, '调整');
  await page.keyboard.press('n');
  await waitForPopoverWord(page, '了');
  await page.keyboard.press('b');
  await waitForPopoverWord(page, '调整');
  assert.equal(await highlightedText(page), '调整');
  await page.keyboard.press('c');
  assert.match(await waitForPopoverWord(page, '调整'), /Copied/);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /^调整 調整/);
  assert.match(copied, /tiáo zhěng\tto adjust/);
  // In a text field the same keys are the reader's.
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.id = 'field';
    document.body.prepend(input);
  });
  await hover(page, '银行', 0);
  await page.focus('#field');
  await page.keyboard.type('nb');
  assert.equal(await page.inputValue('#field'), 'nb');
  await waitForPopoverWord(page, '银行');
  await page.close();
});

test('s saves the word with its sentence; the word list shows it and its TSV export parses back to the same fields', async () => {
  const page = await openProcessed(ext, `${server.origin}/simplified.html`);
  await hover(page, '银行', 0);
  await page.keyboard.press('s');
  assert.match(await waitForPopoverWord(page, '银行'), /Saved to your word list/);
  await page.close();
  const list = await ext.context.newPage();
  await list.goto(`chrome-extension://${ext.extensionId}/word-list.html`);
  await list.waitForSelector('body[data-ready="true"]');
  await list.waitForFunction(() => document.querySelector('#word-rows')?.textContent?.includes('银行'));
  const stored = await list.evaluate(async () => {
    const all = await chrome.storage.local.get(null);
    return Object.entries(all).filter(([k]) => k.startsWith('wordlist:')).flatMap(([, v]) => v as unknown[]);
  }) as SavedWord[];
  const bank = stored.find((w) => w.simplified === '银行');
  assert.ok(bank, JSON.stringify(stored));
  assert.equal(bank.traditional, '銀行');
  assert.equal(bank.pinyin, 'yínháng');
  assert.match(bank.definition, /bank/);
  assert.equal(bank.sentence, '重庆银行调整了客户服务，医院的发展也很快。');
  assert.equal(bank.url, `${server.origin}/simplified.html`);
  const parsed = parseWords(wordsToTsv([bank]));
  assert.deepEqual(parsed.words.map((w) => ({ ...w, savedAt: bank.savedAt })), [bank]);
  await list.close();
});

test('the dictionary is fetched by the background only: pages never request it', async () => {
  const seen = ext.requests.filter((u) => u.includes('cedict'));
  assert.ok(seen.every((u) => u.startsWith(`chrome-extension://${ext.extensionId}/`)), seen.join(' '));
  const offsite = ext.requests.filter((u) => !u.startsWith(server.origin) && !u.startsWith('chrome-extension://') && !u.startsWith('data:'));
  assert.deepEqual(offsite, [], 'no network request leaves the machine');
});
