/**
 * The toolbar popup: the verdict for the current page, "Show original", the
 * per-site choice, the settings and the list of changes. Settings are written
 * as changes from the defaults only.
 */
import browser from 'webextension-polyfill';
import type { ChangeSummary, GetStateMessage, GetTabStateMessage, PageState, RevealChangeMessage, SetOriginalMessage } from '../shared/messages.ts';
import {
  diffFromDefaults, EXPLANATION_LANGUAGES, parseSettings, PINYIN_DISPLAYS, SCRIPT_CHOICES, SITE_CHOICES, TONE_STYLES,
  type Settings, type SiteChoice,
} from '../shared/settings.ts';

/** Settings edited by a plain checkbox, and by a select with its allowed values. */
const CHECKBOXES = ['enabled', 'repair', 'popovers', 'toneColors'] as const;
const SELECTS = { script: SCRIPT_CHOICES, explanationLanguage: EXPLANATION_LANGUAGES, pinyin: PINYIN_DISPLAYS, toneStyle: TONE_STYLES } as const;

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

/** A UI string in the browser's language, English when missing. */
function t(key: string, fallback: string, substitutions?: string[]): string {
  return browser.i18n.getMessage(key, substitutions) || fallback;
}

/** The script choices, in order, with their UI string keys: one list for the settings and the per-site select. */
const SCRIPT_LABELS: Record<Settings['script'], [string, string]> = {
  auto: ['scriptAuto', 'Auto'],
  keep: ['scriptKeep', 'Keep script'],
  cn: ['scriptCn', 'Simplified'],
  tw: ['scriptTw', 'Traditional (Taiwan)'],
  twp: ['scriptTwp', 'Traditional (Taiwan vocabulary)'],
  hk: ['scriptHk', 'Traditional (Hong Kong)'],
};

/** Appends the script choices to a select (the settings one says more about Auto). */
function addScriptOptions(select: HTMLSelectElement, autoLabel: [string, string]): void {
  for (const value of SCRIPT_CHOICES) {
    const option = document.createElement('option');
    option.value = value;
    const [key, fallback] = value === 'auto' ? autoLabel : SCRIPT_LABELS[value];
    option.dataset.i18n = key;
    option.textContent = fallback;
    select.append(option);
  }
}

function localize(): void {
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    el.textContent = t(el.dataset.i18n!, el.textContent ?? '');
  }
  document.documentElement.lang = browser.i18n.getUILanguage();
}

/** The tab this popup is about: ?tab=ID when opened as a page (tests), else the active tab. */
async function targetTab(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function loadSettings(): Promise<Settings> {
  return parseSettings(await browser.storage.sync.get(null));
}

async function saveSettings(next: Settings): Promise<void> {
  const { set, remove } = diffFromDefaults(next);
  await browser.storage.sync.set(set);
  if (remove.length) await browser.storage.sync.remove(remove);
}

/** The tab's state, every frame counted (asked of the background, which knows the frames); the top frame's if it cannot answer. */
async function pageState(tabId: number): Promise<(PageState & { frames?: number }) | undefined> {
  const whole: GetTabStateMessage = { type: 'get-tab-state', tabId };
  const merged = (await browser.runtime.sendMessage(whole).catch(() => undefined)) as (PageState & { frames: number }) | undefined;
  if (merged) return merged;
  const message: GetStateMessage = { type: 'get-state' };
  try {
    return (await browser.tabs.sendMessage(tabId, message, { frameId: 0 })) as PageState | undefined;
  } catch {
    return undefined; // no content script there: a page without Chinese, or a browser page
  }
}

const KIND_NAMES: Record<string, [string, string]> = {
  pinyin: ['kindPinyin', 'Pinyin annotations removed'],
  punctuation: ['kindPunctuation', 'Stray commas removed'],
  mojibake: ['kindMojibake', 'Garbled characters restored'],
  convert: ['kindConvert', 'Characters converted'],
};

function renderChanges(tabId: number, changes: ChangeSummary[]): void {
  const list = $('change-list');
  list.replaceChildren();
  for (const c of changes) {
    const item = document.createElement('li');
    const head = document.createElement('span');
    head.className = 'kind';
    const [key, fallback] = KIND_NAMES[c.kind] ?? [c.kind, c.kind];
    head.textContent = `${t(key, fallback)}: ${c.count.toLocaleString()}`;
    item.append(head);
    const examples = document.createElement('ul');
    for (const e of c.examples) {
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      // Reasons quote page text: textContent only, never markup.
      button.textContent = e.reason;
      button.addEventListener('click', () => {
        const m: RevealChangeMessage = { type: 'reveal-change', id: e.id };
        void browser.tabs.sendMessage(tabId, m, { frameId: e.frameId ?? 0 }).catch(() => undefined);
      });
      li.append(button);
      examples.append(li);
    }
    item.append(examples);
    list.append(item);
  }
  $('changes').hidden = changes.length === 0;
}

function describe(state: (PageState & { frames?: number }) | undefined): string {
  if (!state) return t('noChinese', 'No Chinese text on this page.');
  if (!state.active) return t('offHere', 'Zhengwen is off on this page.');
  if (state.showingOriginal) return t('showingOriginal', 'Showing the original text.');
  const c = state.counts;
  const parts = [state.verdict || t('noDamage', 'No mirror damage found.')];
  if (c.mojibake > 0) parts.push(t('mojibakeCount', `${c.mojibake.toLocaleString()} garbled runs restored`, [c.mojibake.toLocaleString()]));
  if (state.lost > 0) parts.push(t('lostCount', `${state.lost.toLocaleString()} lost characters marked`, [state.lost.toLocaleString()]));
  if (c.converted > 0) parts.push(t('convertedCount', `${c.converted.toLocaleString()} characters converted`, [c.converted.toLocaleString()]));
  if ((state.frames ?? 1) > 1) parts.push(t('framesCount', `counted over ${state.frames} frames`, [String(state.frames)]));
  return parts.join('; ');
}

async function main(): Promise<void> {
  addScriptOptions($<HTMLSelectElement>('site-choice'), SCRIPT_LABELS.auto);
  addScriptOptions($<HTMLSelectElement>('script'), ['scriptAutoLong', 'Auto: restore mirror pages to Simplified']);
  localize();
  const tabId = await targetTab();
  let settings = await loadSettings();
  let state = tabId === undefined ? undefined : await pageState(tabId);
  const host = state?.host ?? '';

  const site = $<HTMLSelectElement>('site-choice');
  const original = $<HTMLInputElement>('show-original');

  const render = (): void => {
    for (const key of CHECKBOXES) $<HTMLInputElement>(key).checked = settings[key];
    for (const key of Object.keys(SELECTS) as (keyof typeof SELECTS)[]) $<HTMLSelectElement>(key).value = settings[key];
    site.disabled = host === '';
    site.value = settings.sites[host] ?? 'default';
    original.disabled = !state?.active;
    original.checked = state?.showingOriginal ?? false;
    $('verdict').textContent = describe(state);
    if (tabId !== undefined && state) renderChanges(tabId, state.changes);
  };

  const refresh = async (): Promise<void> => {
    if (tabId !== undefined) state = await pageState(tabId);
    render();
  };

  const update = async (change: (s: Settings) => Settings): Promise<void> => {
    settings = change(await loadSettings());
    await saveSettings(settings);
    render();
    // The page re-applies on storage change; give it a moment, then show its new state.
    setTimeout(() => void refresh(), 400);
  };

  for (const key of CHECKBOXES) {
    const box = $<HTMLInputElement>(key);
    box.addEventListener('change', () => void update((s) => ({ ...s, [key]: box.checked })));
  }
  for (const [key, allowed] of Object.entries(SELECTS)) {
    const select = $<HTMLSelectElement>(key);
    select.addEventListener('change', () => {
      if ((allowed as readonly string[]).includes(select.value)) void update((s) => ({ ...s, [key]: select.value }));
    });
  }
  site.addEventListener('change', () => {
    const value = site.value;
    void update((s) => {
      const sites = { ...s.sites };
      if ((SITE_CHOICES as readonly string[]).includes(value)) sites[host] = value as SiteChoice;
      else delete sites[host];
      return { ...s, sites };
    });
  });
  original.addEventListener('change', async () => {
    if (tabId === undefined) return;
    const m: SetOriginalMessage = { type: 'set-original', original: original.checked };
    // Every frame of the tab (no frameId): the page and its iframes show their original together.
    await browser.tabs.sendMessage(tabId, m).catch(() => undefined);
    await refresh();
  });

  const commands = await browser.commands.getAll().catch(() => []);
  const shortcut = commands.find((c) => c.name === 'toggle-original')?.shortcut;
  if (shortcut) $('shortcut').textContent = shortcut;
  render();
  document.body.dataset.ready = 'true';
}

void main();
