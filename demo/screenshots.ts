/**
 * npm run screenshots: the README's pictures of the popup, a popover and
 * ruby, taken in headless Chromium with the built extension on the demo's
 * pages (docs/popup.png, docs/popover.png, docs/ruby.png).
 */
import { join } from 'node:path';
import { launchWithExtension, openPopup, openProcessed, startServer, tabIdOf } from '../e2e/harness.ts';
import { damagedParagraphs, escapeHtml, newsPage, ROOT, sampleLines } from './site.ts';

const DOCS = join(ROOT, 'docs');
const NEWS = ['4月29日，重庆市荣昌区党政代表团到自贡市考察，双方就推进成渝地区双城经济圈建设、深化产业协作进行了深入交流。', ...sampleLines('news/simplified-01.txt').slice(1, 3)];
const article = damagedParagraphs('news/simplified-05.txt', 11);
const server = await startServer({
  '/news.html': () => newsPage('成渝两地深化合作', NEWS.map(escapeHtml), '<style>#article p { font-size: 18px; line-height: 2.2; }</style>'),
  '/damaged.html': () => newsPage('新聞', article.damaged.map(escapeHtml)),
});
const ext = await launchWithExtension();
const settings = (v: Record<string, unknown>) => ext.worker.evaluate(async (s) => {
  await chrome.storage.sync.clear();
  await chrome.storage.sync.set({ settingsVersion: 2, ...s });
}, v);
try {
  // The popup over a mirror page, with "What changed" open.
  await settings({});
  const damaged = await openProcessed(ext, `${server.origin}/damaged.html`);
  const popup = await openPopup(ext, await tabIdOf(ext, damaged));
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.click('#changes > summary');
  await popup.screenshot({ path: join(DOCS, 'popup.png'), fullPage: true });

  // A popover over a glossary term.
  const news = await openProcessed(ext, `${server.origin}/news.html`);
  const at = await news.evaluate(() => {
    const p = document.querySelector('#article p')!;
    const node = p.firstChild as Text;
    const i = node.data.indexOf('双城经济圈');
    const r = document.createRange();
    r.setStart(node, i + 2);
    r.setEnd(node, i + 3);
    const b = r.getBoundingClientRect();
    return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
  });
  await news.mouse.move(at.x - 3, at.y);
  await news.mouse.move(at.x, at.y);
  await news.waitForFunction(() => (document.querySelector('zhengwen-popover') as HTMLElement | null)?.style.display === 'block');
  await news.screenshot({ path: join(DOCS, 'popover.png'), clip: { x: 180, y: 60, width: 1020, height: 420 } });

  // Ruby with tone colours.
  await settings({ pinyin: 'ruby', toneColors: true });
  await news.mouse.move(5, 5);
  await news.waitForFunction(() => document.querySelectorAll('#article p ruby').length > 50);
  await news.screenshot({ path: join(DOCS, 'ruby.png'), clip: { x: 180, y: 60, width: 840, height: 360 } });
  await settings({});
  console.log('wrote docs/popup.png, docs/popover.png, docs/ruby.png');
} finally {
  await ext.close();
  await server.close();
}
