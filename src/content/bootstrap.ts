/**
 * The only script injected into every page, so it stays tiny and, on pages
 * without Chinese, does almost nothing: it looks for Han text and only then
 * touches the extension API (even reading `chrome` costs a millisecond, the
 * API bindings are built on first access) and loads the engine, a module
 * listed in web_accessible_resources. It uses the API directly rather than
 * webextension-polyfill, which alone would triple its size.
 */
import { effectiveChoice, parseSettings, SETTINGS_KEYS } from '../shared/settings.ts';
import { ext } from './extension-api.ts';
import { pageHost } from './page-host.ts';
import { devMark } from './dev-marks.ts';


// BMP Han blocks (CJK unified, extension A, compatibility): no \p{} property lookups on big pages.
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
/** Characters of a page's text read before deciding it has no Chinese (the rest is watched). */
const SCAN_LIMIT = 1 << 20;

let loaded = false;
let listening = false;
let watcher: MutationObserver | undefined;

/** True when the page's text has a Han character: text nodes in order, stopping at the first hit. */
function pageHasHan(): boolean {
  if (HAN.test(document.title)) return true;
  const body = document.body;
  if (!body) return false;
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  let read = 0;
  for (let n = walker.nextNode(); n && read < SCAN_LIMIT; n = walker.nextNode()) {
    const data = (n as Text).data;
    if (HAN.test(data)) return true;
    read += data.length;
  }
  return false;
}

/** The engine module (engine/content-main.js, src/content/main.ts): importing it only defines things. */
type Engine = { start(stored: Record<string, unknown>): Promise<void>; listen(): void };

async function maybeLoad(): Promise<void> {
  devMark('bootstrap');
  if (loaded || !pageHasHan()) return;
  devMark('han-found');
  if (!listening) {
    listening = true;
    ext().storage.onChanged.addListener((changes, area) => {
      // Switching the extension or this site on loads the engine without a reload.
      if (area === 'sync' && !loaded && Object.keys(changes).some((k) => SETTINGS_KEYS.includes(k))) void maybeLoad();
    });
  }
  // The engine is fetched and compiled while storage answers (it starts only if the site is on):
  // the two waits overlap instead of adding up.
  const engine = import(ext().runtime.getURL('engine/content-main.js')) as Promise<Engine>;
  engine.catch(() => undefined); // a failed load is reported where it is awaited, not as unhandled here
  const stored = await ext().storage.sync.get(null);
  devMark('settings-read');
  if (loaded) return;
  if (effectiveChoice(parseSettings(stored), pageHost()) === 'off') {
    // Switched off here: the page is left alone, but "Copy as" still answers (the user asks for it).
    (await engine).listen();
    return;
  }
  loaded = true;
  watcher?.disconnect();
  const e = await engine;
  devMark('engine-loaded');
  await e.start(stored);
}

/** Pages that get their Chinese text later (single-page apps) are checked again, at most every half second. */
function watchForHan(): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  watcher = new MutationObserver(() => {
    if (timer !== undefined) return;
    timer = setTimeout(() => { timer = undefined; void maybeLoad(); }, 500);
  });
  // The document itself: document.open() in a script-written frame replaces the root element.
  watcher.observe(document, { childList: true, subtree: true, characterData: true });
}

void maybeLoad().then(() => { if (!loaded) watchForHan(); });
