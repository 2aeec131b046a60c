import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fix } from '../src/core/fix.ts';
import { domSnapshot, launchWithExtension, openProcessed, startServer, type ExtensionBrowser, type TestServer } from './harness.ts';
import { damagedParagraphs, escapeHtml, newsPage, sampleLines } from './pages.ts';

let server: TestServer;
let ext: ExtensionBrowser;
const article = damagedParagraphs('news/simplified-01.txt', 7);
const more = damagedParagraphs('news/simplified-02.txt', 7);

/** What the engine makes of the whole article as one text (the reference for the page). */
async function expectedLines(damaged: string[]): Promise<string[]> {
  return (await fix(damaged.join('\n'))).text.split('\n');
}

const pages: Record<string, () => string> = {
  '/article.html': () => newsPage('自貢網(wǎng)訊', article.damaged.map(escapeHtml)),
  // Damage split across nodes: the annotation in its own element, the character in a link, an annotation cut in two.
  '/split.html': () => newsPage('分割', [
    ...article.damaged.map(escapeHtml),
    '<span id="s1">自貢網<b>(wǎng)</b>訊</span>',
    '<span id="s2"><a href="#">經</a>(jīng)濟發<i>(fā)</i>展</span>',
    '<span id="s3">區<span>(q</span><span>ū)</span>委書記</span>',
  ]),
  '/late.html': () => newsPage('後來', article.damaged.map(escapeHtml), `<script>
    const late = ${JSON.stringify(more.damaged)};
    setTimeout(() => { for (const t of late) { const p = document.createElement('p'); p.className = 'late'; p.textContent = t; document.getElementById('article').append(p); } }, 1000);
  </script>`),
  // A page that puts its own (damaged) text back every 100 ms.
  '/rewriting.html': () => newsPage('重寫', article.damaged.map(escapeHtml), `<p id="ticker"></p><script>
    const text = ${JSON.stringify(article.damaged[0])};
    window.__pageWrites = 0;
    const ticker = document.getElementById('ticker');
    ticker.textContent = text;
    setInterval(() => { ticker.firstChild.data = text; window.__pageWrites++; }, 100);
    window.__seen = 0;
    new MutationObserver((rs) => { window.__seen += rs.length; }).observe(ticker, { characterData: true, subtree: true, childList: true });
  </script>`),
  '/editable.html': () => newsPage('編輯', article.damaged.map(escapeHtml), `
    <textarea id="ta">${escapeHtml(article.damaged[1]!)}</textarea>
    <input id="in" value="${escapeHtml(article.damaged[2]!.slice(0, 60))}">
    <div id="ce" contenteditable="true">${escapeHtml(article.damaged[3]!)}</div>
    <pre id="pre">${escapeHtml(article.damaged[4]!)}</pre><code id="code">網(wǎng)</code>
    <ruby id="ruby">漢<rp>(</rp><rt>hàn</rt><rp>)</rp></ruby>`),
  '/attributes.html': () => newsPage('網(wǎng)絡(luò)新聞', [
    ...article.damaged.map(escapeHtml),
    `<img id="img" alt="經(jīng)濟發(fā)展" src="data:,"><a id="link" title="區(qū)委書記" aria-label="政協(xié)">x</a>`,
  ]),
  '/taiwan.html': () => newsPage('中央社', sampleLines('news/taiwan-01.txt').map(escapeHtml)),
  '/hongkong.html': () => newsPage('港聞', sampleLines('news/hongkong-01.txt').map(escapeHtml)),
  '/learner.html': () => newsPage('课文', sampleLines('learner/simplified-vocabulary.txt').map(escapeHtml)),
  '/lesson.html': () => newsPage('課文', sampleLines('learner/traditional-lesson.txt').map(escapeHtml)),
  '/simplified.html': () => newsPage('新闻', sampleLines('news/simplified-03.txt').map(escapeHtml)),
  '/academic.html': () => newsPage('论文', sampleLines('clean/academic-simplified.txt').map(escapeHtml)),
};

before(async () => {
  server = await startServer(pages);
  ext = await launchWithExtension();
});

after(async () => {
  await ext?.close();
  await server?.close();
});

const paragraphs = (page: import('playwright-core').Page, selector = '#article > p') =>
  page.evaluate((sel) => [...document.querySelectorAll(sel)].map((p) => p.textContent ?? ''), selector);

/** Loads a page where the extension does not run (about:blank), for the reference DOM. */
async function reference(path: string): Promise<string[]> {
  const page = await ext.context.newPage();
  await page.setContent(pages[path]!());
  const snap = await domSnapshot(page);
  await page.close();
  return snap;
}

test('a damaged article is repaired and restored to Simplified, paragraph by paragraph', async () => {
  const page = await openProcessed(ext, `${server.origin}/article.html`);
  assert.deepEqual(await paragraphs(page), await expectedLines(article.damaged));
  assert.deepEqual(await paragraphs(page), article.clean.map((l) => l)); // the generator's source text
  assert.equal(await page.title(), '自贡网讯');
  await page.close();
});

test('damage split across nodes is repaired', async () => {
  const page = await openProcessed(ext, `${server.origin}/split.html`);
  const text = (id: string) => page.evaluate((i) => document.getElementById(i)!.textContent, id);
  assert.equal(await text('s1'), '自贡网讯');
  assert.equal(await text('s2'), '经济发展');
  assert.equal(await text('s3'), '区委书记');
  // Markup is kept: the link still holds the character.
  assert.equal(await page.evaluate(() => document.querySelector('#s2 a')!.textContent), '经');
  await page.close();
});

test('paragraphs added 1 s after load are repaired', async () => {
  const page = await openProcessed(ext, `${server.origin}/late.html`);
  await page.waitForFunction((n) => document.querySelectorAll('p.late').length === n, more.damaged.length);
  await page.waitForFunction(() => ![...document.querySelectorAll('p.late')].some((p) => /\([a-zāáǎàēéěèīíǐìōóǒòūúǔù]+\)/.test(p.textContent ?? '')), undefined, { timeout: 5000 });
  assert.deepEqual(await paragraphs(page, 'p.late'), more.clean);
  await page.close();
});

test('a page that rewrites its own text every 100 ms does not start a loop: our writes stay bounded', async () => {
  const page = await openProcessed(ext, `${server.origin}/rewriting.html`);
  await page.waitForTimeout(3000);
  const { pageWrites, seen } = await page.evaluate(() => ({ pageWrites: (window as any).__pageWrites as number, seen: (window as any).__seen as number }));
  // Every page write is one record; ours add at most one per page write until the budget (5) runs out.
  assert.ok(pageWrites >= 20, `page wrote ${pageWrites} times`);
  assert.ok(seen - pageWrites <= 8, `extension wrote ${seen - pageWrites} times for ${pageWrites} page writes`);
  // The page keeps working: its timer still runs.
  const later = await page.evaluate(() => (window as any).__pageWrites as number);
  await page.waitForTimeout(300);
  assert.ok((await page.evaluate(() => (window as any).__pageWrites as number)) > later);
  await page.close();
});

test('inputs, textareas, contenteditable, pre, code and ruby annotations are never modified', async () => {
  const page = await openProcessed(ext, `${server.origin}/editable.html`);
  assert.equal(await page.inputValue('#ta'), article.damaged[1]);
  assert.equal(await page.inputValue('#in'), article.damaged[2]!.slice(0, 60));
  assert.equal(await page.evaluate(() => document.getElementById('ce')!.textContent), article.damaged[3]);
  assert.equal(await page.evaluate(() => document.getElementById('pre')!.textContent), article.damaged[4]);
  assert.equal(await page.evaluate(() => document.getElementById('code')!.textContent), '網(wǎng)');
  assert.equal(await page.evaluate(() => document.querySelector('#ruby rt')!.textContent), 'hàn');
  // The article around them is repaired.
  assert.deepEqual(await paragraphs(page), article.clean);
  // Typing into the editable region after load is left alone too.
  await page.click('#ce');
  await page.keyboard.type('網(wǎng)絡(luò)');
  await page.waitForTimeout(300);
  assert.ok((await page.evaluate(() => document.getElementById('ce')!.textContent))!.includes('網(wǎng)絡(luò)'));
  await page.close();
});

test('the document title and the title, alt, aria-label attributes are repaired', async () => {
  const page = await openProcessed(ext, `${server.origin}/attributes.html`);
  assert.equal(await page.title(), '网络新闻');
  assert.equal(await page.getAttribute('#img', 'alt'), '经济发展');
  assert.equal(await page.getAttribute('#link', 'title'), '区委书记');
  assert.equal(await page.getAttribute('#link', 'aria-label'), '政协');
  await page.close();
});

for (const path of ['/taiwan.html', '/hongkong.html', '/learner.html', '/lesson.html', '/simplified.html', '/academic.html']) {
  test(`genuine page ${path} is unchanged with default settings`, async () => {
    const page = await openProcessed(ext, `${server.origin}${path}`);
    assert.deepEqual(await domSnapshot(page), await reference(path));
    await page.close();
  });
}

test('a conversion that runs across elements leaves each element its own characters', async () => {
  server.routes['/links.html'] = () => newsPage('連結', [...article.damaged.map(escapeHtml), '<span id="nav"><a>新聞</a><a>財經</a><b>網</b>(wǎng)</span>']);
  const page = await openProcessed(ext, `${server.origin}/links.html`);
  assert.deepEqual(await page.$$eval('#nav > *', (els) => els.map((e) => e.textContent)), ['新闻', '财经', '网']);
  await page.close();
});
