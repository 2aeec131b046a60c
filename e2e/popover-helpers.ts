/** Pointing at text on a page and reading the hover popover, for the popover tests. */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

/** Screen point over the first character of the first occurrence of `text` (scrolled into view). */
export async function pointOver(page: Page, text: string, charIndex = 0): Promise<{ x: number; y: number }> {
  const p = await page.evaluate(([t, i]) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      const at = n.data.indexOf(t as string);
      if (at === -1) continue;
      (n.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      const r = document.createRange();
      r.setStart(n, at + (i as number));
      r.setEnd(n, at + (i as number) + 1);
      const rect = r.getClientRects()[0]!;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    return undefined;
  }, [text, charIndex] as const);
  assert.ok(p, `"${text}" is on the page`);
  return p;
}

export async function hover(page: Page, text: string, charIndex = 0): Promise<string> {
  // Away first, so the popover of the word before is gone and cannot be read by mistake.
  await page.mouse.move(1, 1);
  await page.waitForFunction(() => {
    const host = document.querySelector('zhengwen-popover') as HTMLElement | null;
    return !host || host.style.display === 'none';
  }, undefined, { timeout: 5000 });
  return hoverPoint(page, await pointOver(page, text, charIndex));
}

/** Moves the pointer onto a point (as a reader's hand arrives), waits for the popover and returns its text. */
export async function hoverPoint(page: Page, { x, y }: { x: number; y: number }): Promise<string> {
  await page.mouse.move(x - 3, y);
  await page.mouse.move(x, y);
  await page.waitForFunction(() => {
    const host = document.querySelector('zhengwen-popover') as HTMLElement | null;
    return !!host && host.style.display !== 'none' && (host.shadowRoot?.textContent ?? '') !== '';
  }, undefined, { timeout: 5000 });
  return page.evaluate(() => document.querySelector('zhengwen-popover')!.shadowRoot!.querySelector('.box')!.textContent ?? '');
}

export const popoverVisible = (page: Page) => page.evaluate(() => {
  const host = document.querySelector('zhengwen-popover') as HTMLElement | null;
  return !!host && host.style.display !== 'none';
});


/** The characters the lookup highlight covers, or '' when none. */
export const highlightedText = (page: Page) => page.evaluate(() => {
  const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('zhengwen-lookup');
  return h ? [...h].map((r) => r.toString()).join('|') : '';
});

/** Waits until the popover's text starts with a word (after a key moved it). */
export async function waitForPopoverWord(page: Page, word: string): Promise<string> {
  await page.waitForFunction((w) => {
    const box = document.querySelector('zhengwen-popover')?.shadowRoot?.querySelector('.box');
    return !!box && (box.textContent ?? '').startsWith(w);
  }, word, { timeout: 5000 });
  return page.evaluate(() => document.querySelector('zhengwen-popover')!.shadowRoot!.querySelector('.box')!.textContent ?? '');
}
