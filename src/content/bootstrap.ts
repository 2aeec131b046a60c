/**
 * The only script injected into every page, so it stays tiny: it checks for
 * Chinese text and only then loads the engine (a module listed in
 * web_accessible_resources). It uses the extension API directly rather than
 * webextension-polyfill, which alone would triple its size.
 */
import { effectiveChoice, parseSettings, SETTINGS_KEYS } from '../shared/settings.ts';

type StorageArea = { get(keys: null): Promise<Record<string, unknown>> };
type Ext = {
  runtime: { getURL(path: string): string };
  storage: { sync: StorageArea; onChanged: { addListener(f: (changes: Record<string, unknown>, area: string) => void): void } };
};
const ext = ((globalThis as { browser?: Ext }).browser ?? (globalThis as unknown as { chrome: Ext }).chrome);

const HAN = /\p{Script=Han}/u;
let loaded = false;
let watcher: MutationObserver | undefined;

function pageHasHan(): boolean {
  return HAN.test(document.title) || HAN.test(document.body?.textContent ?? '');
}

async function isOnHere(): Promise<boolean> {
  const settings = parseSettings(await ext.storage.sync.get(null));
  return effectiveChoice(settings, location.hostname) !== 'off';
}

async function maybeLoad(): Promise<void> {
  if (loaded || !pageHasHan() || !(await isOnHere())) return;
  loaded = true;
  watcher?.disconnect();
  await import(ext.runtime.getURL('engine/content-main.js'));
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

ext.storage.onChanged.addListener((changes, area) => {
  // Switching the extension or this site on loads the engine without a reload.
  if (area === 'sync' && !loaded && Object.keys(changes).some((k) => SETTINGS_KEYS.includes(k))) void maybeLoad();
});

void maybeLoad().then(() => { if (!loaded) watchForHan(); });
