/**
 * The content script proper, loaded by the bootstrap only on pages with
 * Chinese text. Wires the page fixer to settings and messages.
 */
import browser from 'webextension-polyfill';
import { isToContentMessage, type PageState, type ReportMessage } from '../shared/messages.ts';
import { effectiveChoice, parseSettings } from '../shared/settings.ts';
import { PageFixer } from './page-fixer.ts';

let reportTimer: ReturnType<typeof setTimeout> | undefined;

const fixer = new PageFixer(document, () => {
  clearTimeout(reportTimer);
  reportTimer = setTimeout(report, 100);
});

function report(): void {
  const s = fixer.state();
  const message: ReportMessage = {
    type: 'report',
    repairs: s.showingOriginal ? 0 : s.counts.pinyin + s.counts.punctuation + s.counts.mojibake,
    converted: s.showingOriginal ? 0 : s.counts.converted,
  };
  // The background may be asleep or reloading; a lost badge update is harmless.
  browser.runtime.sendMessage(message).catch(() => undefined);
}

async function applySettings(): Promise<void> {
  const settings = parseSettings(await browser.storage.sync.get(null));
  await fixer.configure(effectiveChoice(settings, location.hostname), settings.repair);
}

browser.storage.onChanged.addListener((_changes, area) => {
  if (area === 'sync') void applySettings();
});

browser.runtime.onMessage.addListener((message: unknown): Promise<PageState | void> | undefined => {
  if (!isToContentMessage(message)) return undefined;
  switch (message.type) {
    case 'get-state': return Promise.resolve(fixer.state());
    case 'set-original': return fixer.setOriginal(message.original).then(() => undefined);
    case 'toggle-original': return fixer.toggleOriginal().then(() => undefined);
    case 'reveal-change': fixer.reveal(message.id); return Promise.resolve();
  }
});

await applySettings();
// Tests and tools wait for this attribute: the first pass is done.
document.documentElement.setAttribute('data-zhengwen', 'ready');
