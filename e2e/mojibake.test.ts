import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { domSnapshot, launchWithExtension, openPopup, openProcessed, startServer, tabIdOf, type ExtensionBrowser, type TestServer } from './harness.ts';
import { escapeHtml, newsPage } from './pages.ts';
import decodeTables from '../data/mojibake/decode-tables.json';
import { decodeAllPairs, NO_CHAR } from '../scripts/decode-pairs.ts';

// Our own sentence, its GBK bytes shown as Latin-1 (注重网络建设 → ×¢ÖØÍøÂç½¨Éè), and a lost character.
const DAMAGED = '本报讯 市委强调要×¢ÖØÍøÂç½¨Éè，推进数字政府。[摘?要]';
const REPAIRED = '本报讯 市委强调要注重网络建设，推进数字政府。[摘?要]';

let server: TestServer;
let ext: ExtensionBrowser;

before(async () => {
  server = await startServer({ '/mojibake.html': () => newsPage('新闻', ['今天天气很好，市民出行方便。', `<span id="m">${escapeHtml(DAMAGED)}</span>`]) });
  ext = await launchWithExtension();
});

after(async () => {
  await ext?.close();
  await server?.close();
});

test('a mojibake paragraph is repaired; "What changed" lists it; "Show original" restores it; the lost character is marked', async () => {
  const page = await openProcessed(ext, `${server.origin}/mojibake.html`);
  assert.equal(await page.textContent('#m'), REPAIRED);
  const marked = await page.evaluate(() => {
    const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('zhengwen-lost');
    return h ? [...h].map((r) => r.toString()) : [];
  });
  assert.deepEqual(marked, ['?'], 'the lost character is highlighted, not replaced');
  const tabId = await tabIdOf(ext, page);
  const popup = await openPopup(ext, tabId);
  // The sample shows before → after; the engine's reason is its tooltip.
  const reasons = await popup.$$eval('#change-list button', (bs) => bs.map((b) => b.getAttribute('title')));
  assert.ok(reasons.some((r) => /GBK bytes read as Latin-1, \d+ characters restored/.test(r ?? '')), reasons.join('\n'));
  assert.match((await popup.textContent('#verdict')) ?? '', /Marked 1 character lost in the damage/);
  await popup.check('#show-original');
  await page.bringToFront();
  assert.equal(await page.textContent('#m'), DAMAGED);
  const reference = await ext.context.newPage();
  await reference.setContent(newsPage('新闻', ['今天天气很好，市民出行方便。', `<span id="m">${escapeHtml(DAMAGED)}</span>`]));
  assert.deepEqual(await domSnapshot(page), await domSnapshot(reference));
  await reference.close();
  await popup.close();
  await page.close();
});

test("the engine's GBK and Big5 tables (data/mojibake/decode-tables.json) are what this browser's TextDecoder gives", async () => {
  const page = await ext.context.newPage();
  // decodeAllPairs is self-contained: it runs in the page from its source text.
  const inBrowser = await page.evaluate(([source, none]) => {
    const decode = new Function(`return (${source})`)() as (label: string, none: string) => string;
    return { gbk: decode('gbk', none), big5: decode('big5', none) };
  }, [decodeAllPairs.toString(), NO_CHAR] as const);
  for (const label of ['gbk', 'big5'] as const) {
    const data = decodeTables[label];
    const differ: string[] = [];
    for (let i = 0; i < data.length; i++) {
      if (data[i] !== inBrowser[label][i]) differ.push(`${(0x81 + Math.floor(i / 191)).toString(16)}${(0x40 + (i % 191)).toString(16)}`);
    }
    assert.equal(inBrowser[label].length, data.length, label);
    assert.deepEqual(differ.slice(0, 20), [], `${label}: ${differ.length} codes differ; run scripts/mojibake-tables.ts`);
  }
  await page.close();
});
