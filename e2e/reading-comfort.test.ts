/**
 * Reading comfort (issue 18) in real Chromium: ruby a reader can read, the
 * popup at full size, popovers only when wanted and gone when the text under
 * them changes.
 */
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { launchWithExtension, openPopup, openProcessed, ROOT, startServer, tabIdOf, type ExtensionBrowser, type TestServer } from './harness.ts';
import { damagedParagraphs, escapeHtml, newsPage, sampleLines } from './pages.ts';

let server: TestServer;
let ext: ExtensionBrowser;
const ARTIFACTS = join(ROOT, 'test-results');
const NEWS = ['4月29日，重庆市荣昌区党政代表团到自贡市考察，双方就推进成渝地区双城经济圈建设、深化产业协作进行了深入交流。', ...sampleLines('news/simplified-01.txt').slice(1, 4)];
const SIZE_18 = '<style>#article p { font-size: 18px !important; line-height: 2.2 !important; }</style>';
const DARK = '<style>body, article { background: #121212 !important; color: #e0e0e0 !important; }</style>';
const article = damagedParagraphs('news/simplified-05.txt', 11);

before(async () => {
  server = await startServer({
    '/news.html': () => newsPage('新闻', NEWS.map(escapeHtml), SIZE_18),
    '/dark.html': () => newsPage('新闻', NEWS.map(escapeHtml), SIZE_18 + DARK),
    '/damaged.html': () => newsPage('新聞', article.damaged.map(escapeHtml)),
  });
  ext = await launchWithExtension();
  await mkdir(ARTIFACTS, { recursive: true });
});

after(async () => {
  await ext?.close();
  await server?.close();
});

const setSettings = (values: Record<string, unknown>) => ext.worker.evaluate(async (v) => {
  await chrome.storage.sync.clear();
  await chrome.storage.sync.set({ settingsVersion: 2, ...v });
}, values);

/** Every measurement the acceptance asks for, over the ruby in #article. */
async function measureRuby(page: Page) {
  // tsx names the helper functions below with __name(); the page has no such function.
  await page.evaluate('globalThis.__name ??= (f) => f');
  return page.evaluate(() => {
    const lum = (rgb: number[]) => {
      const [r, g, b] = rgb.map((c) => { const s = c / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const rgbOf = (v: string) => (/rgba?\(([^)]+)\)/.exec(v)?.[1] ?? '').split(',').map((x) => Number.parseFloat(x));
    const background = (el: Element): number[] => {
      for (let e: Element | null = el; e; e = e.parentElement) {
        const c = rgbOf(getComputedStyle(e).backgroundColor);
        if ((c[3] ?? 1) > 0.5) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const article = document.getElementById('article')!;
    const rts = [...article.querySelectorAll('p ruby > rt')];
    const rtSizes = rts.map((rt) => Number.parseFloat(getComputedStyle(rt).fontSize));
    // Gaps between neighbouring characters on a line: left edge to left edge, less one em.
    const evenShares: number[] = [];
    const rtGaps: number[] = [];
    for (const p of article.querySelectorAll('p')) {
      const em = Number.parseFloat(getComputedStyle(p).fontSize);
      const chars: { left: number; top: number }[] = [];
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        if (n.parentElement!.closest('rt')) continue;
        for (let i = 0; i < n.data.length; i++) {
          if (!/\p{Script=Han}/u.test(n.data[i]!)) { chars.push({ left: NaN, top: NaN }); continue; }
          const r = document.createRange();
          r.setStart(n, i);
          r.setEnd(n, i + 1);
          const b = r.getBoundingClientRect();
          chars.push({ left: b.left, top: Math.round(b.top) });
        }
      }
      const lines = new Map<number, number[]>();
      for (let i = 1; i < chars.length; i++) {
        const a = chars[i - 1]!;
        const c = chars[i]!;
        if (Number.isNaN(a.left) || Number.isNaN(c.left) || a.top !== c.top) continue;
        if (!lines.has(a.top)) lines.set(a.top, []);
        lines.get(a.top)!.push((c.left - a.left - em) / em);
      }
      for (const gaps of lines.values()) {
        // The largest share of the line's pairs whose gaps lie within 0.3 em of each other.
        const s = [...gaps].sort((x, y) => x - y);
        let best = 0;
        for (let i = 0, j = 0; i < s.length; i++) {
          while (j < s.length && s[j]! - s[i]! <= 0.3 + 1e-9) j++;
          best = Math.max(best, j - i);
        }
        if (s.length >= 5) evenShares.push(best / s.length);
      }
      // Gaps between the pinyin texts of neighbouring words on a line.
      const boxes = [...p.querySelectorAll('ruby > rt')].map((rt) => { const r = document.createRange(); r.selectNodeContents(rt); return r.getBoundingClientRect(); });
      for (let i = 1; i < boxes.length; i++) if (Math.round(boxes[i]!.top) === Math.round(boxes[i - 1]!.top)) rtGaps.push(boxes[i]!.left - boxes[i - 1]!.right);
    }
    const contrasts = [...article.querySelectorAll('p ruby > rt span')].map((span) => {
      const fg = lum(rgbOf(getComputedStyle(span).color));
      const bg = lum(background(span));
      return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    });
    return {
      rtSizes, evenShares, rtGaps, contrasts,
      pinyin: rts.map((rt) => rt.textContent ?? ''),
      navRuby: document.querySelectorAll('header ruby, footer ruby').length,
      textSize: Number.parseFloat(getComputedStyle(article.querySelector('p')!).fontSize),
    };
  });
}

test('ruby over a news paragraph at 18 px: pinyin ≥ 11 px, even spacing, a gap between words, AA tone colours, capitalised names, no ruby in the navigation', async () => {
  await setSettings({ pinyin: 'ruby', toneColors: true });
  for (const path of ['/news.html', '/dark.html']) {
    const page = await openProcessed(ext, `${server.origin}${path}`);
    await page.waitForFunction(() => document.querySelectorAll('#article p ruby').length > 50);
    const m = await measureRuby(page);
    await page.screenshot({ path: join(ARTIFACTS, `ruby${path.replace(/\W/g, '-')}.png`) });
    assert.equal(m.textSize, 18);
    assert.ok(m.rtSizes.length > 50);
    assert.ok(Math.min(...m.rtSizes) >= 11, `smallest pinyin ${Math.min(...m.rtSizes)} px`);
    assert.ok(m.evenShares.length >= 4, 'several full lines measured');
    const share = m.evenShares.reduce((a, b) => a + b, 0) / m.evenShares.length;
    assert.ok(share >= 0.8, `pairs within a 0.3 em spread: ${(share * 100).toFixed(0)} % (per line: ${m.evenShares.map((x) => x.toFixed(2)).join(' ')})`);
    assert.ok(Math.min(...m.rtGaps) >= 2, `narrowest gap between neighbouring words' pinyin: ${Math.min(...m.rtGaps).toFixed(1)} px`);
    assert.ok(m.contrasts.length > 50);
    assert.ok(Math.min(...m.contrasts) >= 4.5, `lowest tone-colour contrast on ${path}: ${Math.min(...m.contrasts).toFixed(2)}`);
    // Tone marks stay with the colours: colour is never the only cue.
    assert.ok(m.pinyin.some((p) => /[āáǎàēéěèīíǐìōóǒòūúǔù]/.test(p)));
    assert.ok(m.pinyin.includes('Chóngqìng') || m.pinyin.includes('Chóngqìng Shì'), m.pinyin.slice(0, 12).join(' '));
    assert.ok(m.pinyin.some((p) => /^Róngchāng( Qū)?$/.test(p)), 'a name before 区 is capitalised, the suffix written apart');
    assert.equal(m.navRuby, 0, 'the header navigation and the footer get no ruby');
    await page.close();
  }
});

test('the popup text renders at 14 px (not the 75 % of Chromium’s extension stylesheet) and no menu choice is cut off', async () => {
  await setSettings({});
  const page = await openProcessed(ext, `${server.origin}/damaged.html`);
  const popup = await openPopup(ext, await tabIdOf(ext, page));
  const sizes = await popup.evaluate(() => ['body', '#verdict p', 'label span', 'select', 'summary'].map((s) => [s, Number.parseFloat(getComputedStyle(document.querySelector(s)!).fontSize)] as const));
  for (const [selector, size] of sizes) assert.ok(size >= 13, `${selector}: ${size} px`);
  const cut = await popup.evaluate(() => {
    const canvas = document.createElement('canvas').getContext('2d')!;
    const out: string[] = [];
    for (const select of document.querySelectorAll('select')) {
      const cs = getComputedStyle(select);
      canvas.font = `${cs.fontSize} ${cs.fontFamily}`;
      // The closed menu shows the chosen option's text beside its arrow (about 24 px).
      for (const o of select.options) if (canvas.measureText(o.text).width + 24 > select.clientWidth) out.push(`${select.id}: ${o.text}`);
    }
    return out;
  });
  assert.deepEqual(cut, []);
  await popup.screenshot({ path: join(ARTIFACTS, 'popup.png'), fullPage: true });
  await popup.close();
  await page.close();
});

test('"What changed" groups the changes in plain words with samples; a click selects exactly the changed characters', async () => {
  await setSettings({});
  const page = await openProcessed(ext, `${server.origin}/damaged.html`);
  const popup = await openPopup(ext, await tabIdOf(ext, page));
  const verdict = await popup.$$eval('#verdict p', (ps) => ps.map((p) => p.textContent));
  assert.equal(verdict[0], 'This page was machine-converted by a mirror site.');
  assert.match(verdict[1] ?? '', /^Removed [\d,]+ inserted pinyin and [\d,]+ stray commas?\.$/);
  assert.match(verdict[2] ?? '', /^Restored [\d,]+ characters to Simplified\.$/);
  const groups = await popup.$$eval('#change-list > li > .kind', (els) => els.map((e) => e.textContent ?? ''));
  assert.ok(groups.some((g) => /^Inserted pinyin removed · \d+$/.test(g)), groups.join(' | '));
  const pinyinGroup = `#change-list > li:nth-child(${groups.findIndex((g) => g.startsWith('Inserted pinyin')) + 1})`;
  const sample = await popup.$eval(`${pinyinGroup} button`, (b) => b.textContent ?? '');
  assert.match(sample, /\(\p{Script=Latin}+\)/u, 'the sample shows the removed annotation');
  assert.match(sample, /→/);
  await popup.click('#changes > summary');
  await popup.click(`${pinyinGroup} button`);
  // Polling by interval: requestAnimationFrame does not run in a tab behind the popup.
  const selected = await page.waitForFunction(() => document.getSelection()?.toString() || undefined, undefined, { polling: 100, timeout: 10_000 }).then((h) => h.jsonValue());
  // A removed annotation selects the character it followed: one character, not the paragraph.
  assert.equal([...(selected as string)].length, 1, `selected "${selected}"`);
  assert.match(selected as string, /^\p{Script=Han}$/u);
  await popup.close();
  await page.close();
});

/** Point over a character of the first paragraph (by index). */
async function pointOver(page: Page, index: number): Promise<{ x: number; y: number }> {
  return page.evaluate((i) => {
    const node = [...document.querySelector('#article p')!.childNodes].find((n) => n.nodeType === Node.TEXT_NODE) as Text;
    const r = document.createRange();
    r.setStart(node, i);
    r.setEnd(node, i + 1);
    const b = r.getBoundingClientRect();
    return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
  }, index);
}

const popoverVisible = (page: Page) => page.evaluate(() => {
  const host = document.querySelector('zhengwen-popover') as HTMLElement | null;
  return !!host && host.style.display !== 'none';
});
const waitForPopover = (page: Page, shown: boolean) => page.waitForFunction((want) => {
  const host = document.querySelector('zhengwen-popover') as HTMLElement | null;
  return (!!host && host.style.display !== 'none') === want;
}, shown, { timeout: 5000 });

test('the modifier trigger opens a popover only while Shift is held', async () => {
  await setSettings({ popoverTrigger: 'modifier' });
  const page = await openProcessed(ext, `${server.origin}/news.html`);
  const p = await pointOver(page, 8);
  await page.mouse.move(p.x - 3, p.y);
  await page.mouse.move(p.x, p.y);
  // Longer than the rest delay: with the rest trigger the popover would be open by now.
  await page.waitForTimeout(800);
  assert.equal(await popoverVisible(page), false, 'no popover without the key');
  // Pressing Shift while the pointer rests opens it.
  await page.keyboard.down('Shift');
  await waitForPopover(page, true);
  await page.keyboard.up('Shift');
  await page.keyboard.press('Escape');
  await waitForPopover(page, false);
  // Moving with Shift held opens it too.
  const q = await pointOver(page, 14);
  await page.keyboard.down('Shift');
  await page.mouse.move(q.x, q.y);
  await waitForPopover(page, true);
  await page.keyboard.up('Shift');
  await page.close();
});

test('Show original and ruby on/off close an open popover; the pause command stops hover popovers on the page', async () => {
  await setSettings({});
  const page = await openProcessed(ext, `${server.origin}/damaged.html`);
  const tabId = await tabIdOf(ext, page);
  const hoverAt = async (i: number) => {
    const p = await pointOver(page, i);
    await page.mouse.move(p.x - 3, p.y);
    await page.mouse.move(p.x, p.y);
  };
  await hoverAt(6);
  await waitForPopover(page, true);
  await ext.worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'set-original', original: true }, { frameId: 0 }), tabId);
  await waitForPopover(page, false);
  await ext.worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'set-original', original: false }, { frameId: 0 }), tabId);
  await page.waitForFunction((first) => document.querySelector('#article > p')!.textContent === first, article.clean[0]);

  await hoverAt(10);
  await waitForPopover(page, true);
  await ext.worker.evaluate(() => chrome.storage.sync.set({ pinyin: 'ruby' }));
  await waitForPopover(page, false);
  await ext.worker.evaluate(() => chrome.storage.sync.remove('pinyin'));
  await page.waitForFunction(() => document.querySelectorAll('ruby').length === 0);

  await ext.worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'toggle-popovers' }), tabId);
  await hoverAt(12);
  await page.waitForTimeout(800);
  assert.equal(await popoverVisible(page), false, 'paused: no popover');
  await ext.worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'toggle-popovers' }), tabId);
  await hoverAt(16);
  await waitForPopover(page, true);
  await page.close();
});
