/**
 * Language tags: text converted to another script carries the matching `lang`
 * (so fonts and screen-reader voices follow), on the root element of a Chinese
 * page or on the smallest element holding it elsewhere; Show original puts
 * every `lang` back exactly, and removes the ones that were absent.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { fix } from '../src/core/fix.ts';
import { domSnapshot, launchWithExtension, openProcessed, startServer, tabIdOf, type ExtensionBrowser, type TestServer } from './harness.ts';
import { escapeHtml, sampleLines } from './pages.ts';

const traditional = sampleLines('news/hongkong-01.txt').slice(0, 4);
const EN_QUOTE = '香港立法會今日開會';

/** A Traditional page; `lang` on <html> or none, and an English box quoting a Traditional line. */
function page(lang: string | null): string {
  return `<!doctype html><html${lang === null ? '' : ` lang="${lang}"`}><head><meta charset="utf-8"><title>${escapeHtml(traditional[0]!.slice(0, 12))}</title></head>
<body><article id="article">${traditional.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}</article>
<div id="en-box" lang="en"><p>The council said:</p><p id="en-quote">${EN_QUOTE}</p></div></body></html>`;
}

let server: TestServer;
let ext: ExtensionBrowser;
const html = { '/hant.html': page('zh-Hant'), '/none.html': page(null) };

before(async () => {
  server = await startServer(html);
  ext = await launchWithExtension();
});

after(async () => {
  await ext.worker.evaluate(() => chrome.storage.sync.clear()).catch(() => undefined);
  await ext?.close();
  await server?.close();
});

/** The `lang` each paragraph gets from the nearest element that has one (null: none), and the root's own. */
const langs = (p: Page) => p.evaluate(() => ({
  root: document.documentElement.getAttribute('lang'),
  article: [...document.querySelectorAll('#article p')].map((x) => x.closest('[lang]')?.getAttribute('lang') ?? null),
  quote: document.getElementById('en-quote')!.getAttribute('lang'),
  quoteInherits: document.getElementById('en-quote')!.closest('[lang]')!.getAttribute('lang'),
  box: document.getElementById('en-box')!.getAttribute('lang'),
  texts: [...document.querySelectorAll('#article p')].map((x) => x.textContent),
}));

async function showOriginal(page: Page, original: boolean): Promise<void> {
  const tabId = await tabIdOf(ext, page);
  await ext.worker.evaluate(({ id, original }) => chrome.tabs.sendMessage(id, { type: 'set-original', original }, { frameId: 0 }), { id: tabId, original });
}

/** The same HTML where the extension does not run. */
async function reference(source: string): Promise<string[]> {
  const p = await ext.context.newPage();
  await p.setContent(source);
  const snap = await domSnapshot(p);
  await p.close();
  return snap;
}

for (const [path, rootLang] of [['/hant.html', 'zh-Hant'], ['/none.html', null]] as const) {
  test(`a Traditional page (${rootLang ? `lang="${rootLang}"` : 'no lang'}) converted to Simplified says zh-Hans where the text is; Show original puts ${rootLang ?? 'the absent lang'} back`, async () => {
    await ext.worker.evaluate(() => chrome.storage.sync.set({ script: 'cn' }));
    const p = await openProcessed(ext, `${server.origin}${path}`);
    const simplified = await Promise.all(traditional.map(async (x) => (await fix(x, { to: 'cn' })).text));
    const now = await langs(p);
    assert.deepEqual(now.texts, simplified, 'the article is converted');
    assert.notDeepEqual(simplified, traditional);
    assert.equal(now.root, 'zh-Hans', 'a Chinese page: the root element says so');
    assert.deepEqual(now.article, simplified.map(() => 'zh-Hans'));
    // Inside an English box only the converted paragraph is tagged, the box keeps its English.
    assert.equal(now.quote, 'zh-Hans');
    assert.equal(now.box, 'en');

    await showOriginal(p, true);
    await p.waitForFunction((first) => document.querySelector('#article p')!.textContent === first, traditional[0]);
    const back = await langs(p);
    assert.equal(back.root, rootLang);
    assert.equal(back.quote, null, 'a lang that was absent is absent again');
    assert.equal(back.quoteInherits, 'en');
    assert.deepEqual(await domSnapshot(p), await reference(html[path]), 'Show original gives back the exact DOM');

    await showOriginal(p, false);
    await p.waitForFunction(() => document.documentElement.getAttribute('lang') === 'zh-Hans');
    await p.close();
  });
}

test('converting to Traditional (Taiwan) tags zh-TW; keeping the script tags nothing', async () => {
  await ext.worker.evaluate(() => chrome.storage.sync.set({ script: 'tw' }));
  const p = await openProcessed(ext, `${server.origin}/none.html`);
  const tw = await Promise.all(traditional.map(async (x) => (await fix(x, { to: 'tw' })).text));
  const now = await langs(p);
  assert.deepEqual(now.texts, tw);
  // Hong Kong text converted to Taiwan forms changes where the variants differ (this sample has some).
  assert.ok(tw.some((x, i) => x !== traditional[i]), 'the sample must change when converted to Taiwan forms');
  assert.equal(now.root, 'zh-TW');
  await p.close();

  await ext.worker.evaluate(() => chrome.storage.sync.set({ script: 'keep' }));
  const k = await openProcessed(ext, `${server.origin}/none.html`);
  const kept = await langs(k);
  assert.equal(kept.root, null);
  assert.equal(kept.quote, null);
  await k.close();
});
