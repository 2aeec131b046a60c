/**
 * The only script injected into every page, so it stays tiny and, on pages
 * without Chinese, does almost nothing: it looks for Han text and only then
 * touches the extension API (even reading `chrome` costs a millisecond, the
 * API bindings are built on first access) and loads the engine, a module
 * listed in web_accessible_resources. It uses the API directly rather than
 * webextension-polyfill, which alone would triple its size.
 */
import { effectiveChoice, parseSettings, SETTINGS_KEYS } from '../shared/settings.ts';

type StorageArea = { get(keys: null): Promise<Record<string, unknown>> };
type Ext = {
  runtime: { getURL(path: string): string };
  storage: { sync: StorageArea; onChanged: { addListener(f: (changes: Record<string, unknown>, area: string) => void): void } };
};
const ext = (): Ext => (globalThis as { browser?: Ext }).browser ?? (globalThis as unknown as { chrome: Ext }).chrome;

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

/** Settings as stored, handed to the engine module (same isolated world) so it skips a second storage round trip. */
export const SETTINGS_HANDOFF = '__zhengwenStoredSettings';

async function isOnHere(): Promise<boolean> {
  const stored = await ext().storage.sync.get(null);
  (globalThis as Record<string, unknown>)[SETTINGS_HANDOFF] = stored;
  return effectiveChoice(parseSettings(stored), location.hostname) !== 'off';
}

async function maybeLoad(): Promise<void> {
  if (loaded || !pageHasHan()) return;
  if (!listening) {
    listening = true;
    ext().storage.onChanged.addListener((changes, area) => {
      // Switching the extension or this site on loads the engine without a reload.
      if (area === 'sync' && !loaded && Object.keys(changes).some((k) => SETTINGS_KEYS.includes(k))) void maybeLoad();
    });
  }
  if (!(await isOnHere())) return;
  loaded = true;
  watcher?.disconnect();
  await import(ext().runtime.getURL('engine/content-main.js'));
}

/** Pages that get their Chinese text later (single-page apps) are checked again, at most every half second. */
function watchForHan(): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  watcher = new MutationObserver(() => {
    if (timer !== undefined) return;
    timer = setTimeout(() => { timer = undefined; void maybeLoad(); }, 500);
  });
  watcher.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
}

void maybeLoad().then(() => { if (!loaded) watchForHan(); });
