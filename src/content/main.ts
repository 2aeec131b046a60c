/**
 * The content script proper, loaded by the bootstrap only on pages with
 * Chinese text. Wires the page fixer, ruby, glossary underlines and hover
 * popovers to settings and messages.
 */
import browser from 'webextension-polyfill';
import { loadGlossary } from '../core/glossary/load.ts';
import { isToContentMessage, type PageState, type ReportMessage } from '../shared/messages.ts';
import { DEFAULT_SETTINGS, effectiveChoice, parseSettings, type Settings } from '../shared/settings.ts';
import { collectBlocks } from './blocks.ts';
import { clearUnderlines, underlineTerms } from './glossary-highlights.ts';
import { HoverLookup } from './hover.ts';
import { PageFixer } from './page-fixer.ts';
import { RubyLayer } from './ruby.ts';

let settings: Settings = { ...DEFAULT_SETTINGS };
let reportTimer: ReturnType<typeof setTimeout> | undefined;
// Nothing is written to the page to say we are done (a marker would tell page scripts the
// extension is there): tests and the demo ask through get-state, which reports `ready`.

const fixer = new PageFixer(document, () => {
  clearTimeout(reportTimer);
  reportTimer = setTimeout(report, 100);
});
const ruby = new RubyLayer(document);
const hover = new HoverLookup(document, settings, async () => (settings.popovers ? loadGlossary() : undefined));
const write = (f: () => void): void => fixer.withoutObserving(f);

fixer.layers = {
  async afterBlocks(blocks) {
    if (settings.pinyin === 'ruby') {
      await ruby.apply(blocks, { tone: settings.toneStyle, toneColors: settings.toneColors }, write);
    }
    if (settings.popovers) {
      const glossary = await loadGlossary();
      // Ruby replaced text nodes: read the blocks again from their elements.
      const current = ruby.active ? [...new Set(blocks.map((b) => b.element))].flatMap((e) => (e.isConnected ? collectBlocks(e) : [])) : blocks;
      await underlineTerms(document, current, glossary);
    }
  },
  beforeRestore() {
    ruby.remove(write);
    clearUnderlines();
  },
};

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

const DISPLAY_KEYS: (keyof Settings)[] = ['popovers', 'pinyin', 'toneStyle', 'toneColors'];

async function applySettings(stored?: unknown): Promise<void> {
  const previous = settings;
  settings = parseSettings(stored ?? (await browser.storage.sync.get(null)));
  const choice = effectiveChoice(settings, location.hostname);
  const reran = await fixer.configure(choice, settings.repair);
  if (!reran && DISPLAY_KEYS.some((k) => previous[k] !== settings[k])) await fixer.refreshLayers();
  hover.configure(settings, choice !== 'off');
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
    case 'lookup-selection': return hover.lookupSelection();
  }
});

// The bootstrap read storage a moment ago (see SETTINGS_HANDOFF in bootstrap.ts): use that once.
const handoff = (globalThis as Record<string, unknown>).__zhengwenStoredSettings;
delete (globalThis as Record<string, unknown>).__zhengwenStoredSettings;
await applySettings(handoff);
fixer.ready = true;
