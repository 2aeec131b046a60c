/**
 * The content script proper, imported by the bootstrap only on pages with
 * Chinese text, while it reads the settings; it does nothing until the
 * bootstrap calls start (never on a site the user switched off). Wires the
 * page fixer, ruby, glossary underlines and hover popovers to settings and
 * messages.
 */
import { loadGlossary } from '../core/glossary/load.ts';
import type { GlossaryMatcher } from '../core/glossary/matcher.ts';
import { withUserTerms } from '../core/glossary/user-entries.ts';
import { isToContentMessage, type CopyResult, type PageState, type ReportMessage } from '../shared/messages.ts';
import { DEFAULT_SETTINGS, effectiveChoice, parseSettings, type Settings } from '../shared/settings.ts';
import { isUserGlossaryChange, loadUserTerms } from '../shared/user-glossary-store.ts';
import { collectBlocks } from './blocks.ts';
import { copyAs } from './copy-as.ts';
import { ext, onMessage } from './extension-api.ts';
import { clearUnderlines, underlineTerms } from './glossary-highlights.ts';
import { HoverLookup } from './hover.ts';
import { saveFromPopover } from './save-word.ts';
import { PageFixer } from './page-fixer.ts';
import { pageHost } from './page-host.ts';
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
let glossary: Promise<GlossaryMatcher> | undefined;

/** The built-in glossary with the reader's own terms first (they win for the same form); rebuilt when they change. */
function glossaryWithUserTerms(): Promise<GlossaryMatcher> {
  // Unreadable storage means no terms of the reader's, never no glossary.
  glossary ??= Promise.all([loadGlossary(), loadUserTerms(ext().storage.local).catch(() => [])]).then(([builtIn, terms]) => withUserTerms(builtIn, terms));
  return glossary;
}

const hover = new HoverLookup(document, settings, async () => (settings.popovers ? glossaryWithUserTerms() : undefined));
hover.saveWord = saveFromPopover;
const write = (f: () => void): void => fixer.withoutObserving(f);

fixer.layers = {
  async afterBlocks(blocks) {
    if (settings.pinyin === 'ruby') {
      await ruby.apply(blocks, {
        tone: settings.toneStyle, toneColors: settings.toneColors,
        size: settings.rubySize, position: settings.rubyPosition, scope: settings.rubyScope,
      }, write);
    }
    if (settings.popovers) {
      const matcher = await glossaryWithUserTerms();
      // Ruby replaced text nodes: read the blocks again from their elements.
      const current = ruby.active ? [...new Set(blocks.map((b) => b.element))].flatMap((e) => (e.isConnected ? collectBlocks(e) : [])) : blocks;
      await underlineTerms(document, current, matcher);
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
  ext().runtime.sendMessage(message).catch(() => undefined);
}

const DISPLAY_KEYS: (keyof Settings)[] = ['popovers', 'pinyin', 'toneStyle', 'toneColors', 'rubySize', 'rubyPosition', 'rubyScope'];

async function applySettings(stored?: unknown): Promise<void> {
  const previous = settings;
  settings = parseSettings(stored ?? (await ext().storage.sync.get(null)));
  const choice = effectiveChoice(settings, pageHost());
  const reran = await fixer.configure(choice, settings.repair);
  if (!reran && DISPLAY_KEYS.some((k) => previous[k] !== settings[k])) await fixer.refreshLayers();
  hover.configure(settings, choice !== 'off');
}

let started = false;
let listening = false;

/**
 * Answers the extension's messages. "Copy as" works even where the site is
 * switched off (the bootstrap calls this then: the user asked for it); the
 * rest only once the content script runs.
 */
export function listen(): void {
  if (listening) return;
  listening = true;
  onMessage((message): Promise<PageState | CopyResult | void> | undefined => {
    if (!isToContentMessage(message)) return undefined;
    if (message.type === 'copy-as') return copyAs(document, message.selectionText, (text) => fixer.convertForCopy(text, message.as));
    if (!started) return undefined;
    switch (message.type) {
      case 'get-state': return Promise.resolve(fixer.state());
      case 'set-original': return fixer.setOriginal(message.original).then(() => undefined);
      case 'toggle-original': return fixer.toggleOriginal().then(() => undefined);
      case 'reveal-change': fixer.reveal(message.id); return Promise.resolve();
      case 'lookup-selection': return hover.lookupSelection();
      case 'toggle-popovers': hover.togglePaused(); return Promise.resolve();
    }
  });
}

/**
 * Runs the content script with the settings the bootstrap just read from
 * storage. Until then, importing this module has only defined things: no
 * listener, no change to the page.
 */
export async function start(stored: Record<string, unknown>): Promise<void> {
  if (started) return;
  started = true;
  ext().storage.onChanged.addListener((changes, area) => {
    if (area === 'sync') void applySettings();
    // The reader edited their own terms: underline with the new list, no reload needed.
    if (isUserGlossaryChange(changes, area)) {
      glossary = undefined;
      if (settings.popovers) void fixer.refreshLayers();
    }
  });
  listen();

  await applySettings(stored);
  fixer.ready = true;
}
