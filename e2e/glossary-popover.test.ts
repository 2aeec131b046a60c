import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { readShared, skipUnlessShared } from '../src/testing/shared.ts';
import { domSnapshot, launchWithExtension, openProcessed, ROOT, startServer, type ExtensionBrowser, type TestServer } from './harness.ts';
import { escapeHtml, newsPage } from './pages.ts';
import { hover, pointOver, popoverVisible } from './popover-helpers.ts';

const GARBLED = 'fixtures/zigong-garbled.txt';
const skip = skipUnlessShared(GARBLED);
const ARTIFACTS = join(ROOT, 'test-results');

let server: TestServer;
let ext: ExtensionBrowser;

const fixtureParagraphs = (): string[] => readShared(GARBLED).replace(/\n$/, '').split('\n').map(escapeHtml);
const HOSTILE = `<style>
  * { all: unset !important; }
  div { display: none !important; }
  html, body { font-size: 72px !important; }
  zhengwen-popover, [role="tooltip"] { display: none !important; opacity: 0 !important; }
</style>`;

before(async () => {
  if (skip) return;
  server = await startServer({
    '/fixture.html': () => newsPage('新聞', fixtureParagraphs()),
    // The term sits at the top: with `all: unset` on <html> the page itself no longer scrolls.
    '/hostile.html': () => newsPage('新聞', ['自貢市政協主席參加考察。', ...fixtureParagraphs()], HOSTILE),
    '/english.html': () => newsPage('News', ['The Chengdu-Chongqing economic circle is a regional strategy.', '成渝地区双城经济圈'], '', 'en'),
  });
  ext = await launchWithExtension();
  await mkdir(ARTIFACTS, { recursive: true });
});

after(async () => {
  await ext?.close();
  await server?.close();
});

test('hovering 成渝地区双城经济圈 shows its entry: English name, pinyin, explanation', { skip }, async () => {
  const page = await openProcessed(ext, `${server.origin}/fixture.html`);
  const text = await hover(page, '成渝地区双城经济圈', 4);
  assert.match(text, /Chengdu-Chongqing Economic Circle/);
  assert.match(text, /Chéngyú dìqū shuāngchéng jīngjìquān/);
  assert.match(text, /成渝地區雙城經濟圈/); // the Traditional form
  assert.ok(text.length > 120, 'an explanation is shown');
  await page.close();
});

test('hovering 政协 shows the CPPCC entry; hovering 调整 shows tiáozhěng; a non-Chinese word shows nothing', { skip }, async () => {
  const page = await openProcessed(ext, `${server.origin}/fixture.html`);
  assert.match(await hover(page, '政协', 1), /CPPCC/);
  assert.match(await hover(page, "调整", 0), /调整調整\s*tiáozhěng\s*to adjust/);
  await page.keyboard.press('Escape');
  assert.equal(await popoverVisible(page), false, 'Esc closes the popover');
  await page.close();

  const english = await openProcessed(ext, `${server.origin}/english.html`);
  const { x, y } = await pointOver(english, 'Chengdu', 2);
  await english.mouse.move(x, y);
  await english.waitForTimeout(400);
  assert.equal(await popoverVisible(english), false);
  await english.close();
});

test('the popover never takes focus or blocks clicks, and moving away closes it', { skip }, async () => {
  const page = await openProcessed(ext, `${server.origin}/fixture.html`);
  await page.evaluate(() => { (window as any).__clicks = 0; document.addEventListener('click', () => (window as any).__clicks++); });
  const focused = await page.evaluate(() => document.activeElement?.tagName);
  await hover(page, '成渝地区双城经济圈', 2);
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), focused);
  const box = await page.evaluate(() => {
    const r = (document.querySelector('zhengwen-popover') as HTMLElement).shadowRoot!.querySelector('.box')!.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  await page.mouse.click(box.x, box.y);
  assert.equal(await page.evaluate(() => (window as any).__clicks), 1, 'the click reached the page under the popover');
  await page.mouse.move(2, 2);
  await page.waitForFunction(() => (document.querySelector('zhengwen-popover') as HTMLElement).style.display === 'none');
  await page.close();
});

test('a hostile page stylesheet does not break the popover (screenshot kept)', { skip }, async () => {
  const page = await openProcessed(ext, `${server.origin}/hostile.html`);
  const text = await hover(page, '政协', 0);
  assert.match(text, /CPPCC/);
  const rect = await page.evaluate(() => {
    const box = (document.querySelector('zhengwen-popover') as HTMLElement).shadowRoot!.querySelector('.box')!;
    const r = box.getBoundingClientRect();
    return { w: r.width, h: r.height, left: r.left, top: r.top, right: r.right, bottom: r.bottom, font: getComputedStyle(box).fontSize, vw: innerWidth, vh: innerHeight };
  });
  assert.ok(rect.w >= 160 && rect.w <= 362 && rect.h > 40, `popover box is ${rect.w}×${rect.h}`);
  assert.equal(rect.font, '14px');
  assert.ok(rect.left >= 0 && rect.top >= 0 && rect.right <= rect.vw && rect.bottom <= rect.vh, `inside the viewport: ${JSON.stringify(rect)}`);
  await page.screenshot({ path: join(ARTIFACTS, 'popover-hostile-page.png') });
  await page.close();
});

test('ruby mode puts word-level pinyin over the fixture text; turning it off restores the DOM exactly', { skip }, async () => {
  const page = await openProcessed(ext, `${server.origin}/fixture.html`);
  const before = await domSnapshot(page);
  await ext.worker.evaluate(() => chrome.storage.sync.set({ pinyin: 'ruby', settingsVersion: 2 }));
  // Ruby is written in slices: wait for (nearly) all of the fixture's ~710 words, not the first 200.
  await page.waitForFunction(() => document.querySelectorAll('ruby[data-zhengwen-ruby]').length > 600);
  // Each ruby is one word: its base characters and their syllables.
  const sample = await page.evaluate(() => [...document.querySelectorAll('ruby[data-zhengwen-ruby]')].slice(0, 400).map((r) => [
    [...r.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join(''),
    [...r.querySelectorAll('rt')].map((rt) => rt.textContent).join(''),
  ]));
  const byWord = new Map(sample as [string, string][]);
  assert.equal(byWord.get('重庆'), 'Chóngqìng'); // the dictionary's reading, a proper noun capitalised
  // 调整 may be read inside a longer dictionary word (结构调整): its syllables are tiáozhěng there too.
  const withTiaozheng = [...byWord].filter(([w]) => w.includes('调整'));
  assert.ok(withTiaozheng.length > 0 && withTiaozheng.every(([, p]) => p.includes('tiáozhěng')), JSON.stringify(withTiaozheng));
  await page.screenshot({ path: join(ARTIFACTS, 'ruby-mode.png') });
  await ext.worker.evaluate(() => chrome.storage.sync.remove('pinyin'));
  await page.waitForFunction(() => document.querySelectorAll('ruby[data-zhengwen-ruby]').length === 0);
  assert.deepEqual(await domSnapshot(page), before);
  await page.close();
});
