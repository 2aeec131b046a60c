import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchWithExtension, openProcessed, startServer, type ExtensionBrowser, type TestServer } from './harness.ts';
import { newsPage } from './pages.ts';

// 政协委员 is an institutional term; 意见 and 审议 are everyday words with a political sense (everyday: true).
const SENTENCE = '政协委员对草案提出意见，会议进行审议。';

let server: TestServer;
let ext: ExtensionBrowser;

before(async () => {
  server = await startServer({ '/everyday.html': () => newsPage('新闻', [`<span id="s">${SENTENCE}</span>`]) });
  ext = await launchWithExtension();
});

after(async () => {
  await ext?.close();
  await server?.close();
});

test('everyday words (意见, 审议) are not underlined, institutional terms are, and hovering an everyday word still shows its entry', async () => {
  const page = await openProcessed(ext, `${server.origin}/everyday.html`);
  await page.waitForFunction(() => {
    const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('zhengwen-term');
    return !!h && h.size > 0;
  }, undefined, { timeout: 5000 });
  const underlined = await page.evaluate(() => {
    const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('zhengwen-term');
    return h ? [...h].map((r) => r.toString()) : [];
  });
  assert.ok(underlined.includes('政协委员'), `underlined: ${underlined.join(' ')}`);
  assert.ok(!underlined.includes('意见') && !underlined.includes('审议'), `underlined: ${underlined.join(' ')}`);

  const point = await page.evaluate(() => {
    const node = document.getElementById('s')!.firstChild as Text;
    const at = node.data.indexOf('意见');
    const r = document.createRange();
    r.setStart(node, at);
    r.setEnd(node, at + 1);
    const rect = r.getClientRects()[0]!;
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  });
  await page.mouse.move(point.x - 3, point.y);
  await page.mouse.move(point.x, point.y);
  await page.waitForFunction(() => {
    const host = document.querySelector('zhengwen-popover') as HTMLElement | null;
    return !!host && host.style.display !== 'none' && (host.shadowRoot?.textContent ?? '') !== '';
  }, undefined, { timeout: 5000 });
  const text = await page.evaluate(() => document.querySelector('zhengwen-popover')!.shadowRoot!.querySelector('.box')!.textContent ?? '');
  assert.match(text, /guideline/);
  assert.match(text, /yìjiàn/);
  await page.close();
});
