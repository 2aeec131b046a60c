/**
 * The toolbar popup: the verdict for the current page, "Show original", the
 * per-site choice, the settings and the list of changes. Settings are written
 * as changes from the defaults only.
 */
import browser from 'webextension-polyfill';
import type { ChangeSummary, GetStateMessage, GetTabStateMessage, PageState, RevealChangeMessage, SetOriginalMessage } from '../shared/messages.ts';
import {
  diffFromDefaults, EXPLANATION_LANGUAGES, parseSettings, PINYIN_DISPLAYS, POPOVER_TRIGGERS, RUBY_POSITIONS, RUBY_SCOPES, RUBY_SIZES,
  SCRIPT_CHOICES, SITE_CHOICES, TONE_STYLES, type RubySize, type Settings, type SiteChoice,
} from '../shared/settings.ts';
import { KIND_NAMES, verdictSentences } from './verdict.ts';

/** Settings edited by a plain checkbox, and by a select with its allowed values. */
const CHECKBOXES = ['enabled', 'repair', 'popovers', 'toneColors'] as const;
const SELECTS = {
  script: SCRIPT_CHOICES, explanationLanguage: EXPLANATION_LANGUAGES, pinyin: PINYIN_DISPLAYS, toneStyle: TONE_STYLES,
  popoverTrigger: POPOVER_TRIGGERS, rubyPosition: RUBY_POSITIONS, rubyScope: RUBY_SCOPES,
} as const;

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

/** Appends script choices to a select (the settings one says more about Auto). */
function addScriptOptions(select: HTMLSelectElement, autoLabel: [string, string], except?: Settings['script']): void {
  for (const value of SCRIPT_CHOICES) {
    if (value === except) continue;
    const option = document.createElement('option');
    option.value = value;
    const [key, fallback] = value === 'auto' ? autoLabel : SCRIPT_LABELS[value];
    option.textContent = t(key, fallback);
    select.append(option);
  }
}

/**
 * The one per-site control: "As in my settings (Auto)", "Off on this site",
 * and the other scripts (not the one the general setting already gives).
 */
function fillSiteOptions(select: HTMLSelectElement, general: Settings['script']): void {
  const [key, fallback] = SCRIPT_LABELS[general];
  const name = t(key, fallback);
  const first = document.createElement('option');
  first.value = 'default';
  first.textContent = t('siteDefaultNamed', `As in my settings (${name})`, [name]);
  const off = document.createElement('option');
  off.value = 'off';
  off.textContent = t('siteOff', 'Off on this site');
  select.replaceChildren(first, off);
  addScriptOptions(select, SCRIPT_LABELS.auto, general);
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

/** Samples shown per kind of change. */
const SAMPLES_PER_KIND = 3;

function renderChanges(tabId: number, changes: ChangeSummary[]): void {
  const list = $('change-list');
  list.replaceChildren();
  for (const c of changes) {
    const item = document.createElement('li');
    const head = document.createElement('span');
    head.className = 'kind';
    const [key, fallback] = KIND_NAMES[c.kind] ?? [c.kind, c.kind];
    head.textContent = `${t(key, fallback)} · ${c.count.toLocaleString()}`;
    item.append(head);
    const examples = document.createElement('ul');
    examples.className = 'samples';
    for (const e of c.examples.slice(0, SAMPLES_PER_KIND)) {
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      // Samples quote page text: textContent only, never markup.
      if (e.before !== undefined && e.after !== undefined) {
        const arrow = document.createElement('span');
        arrow.className = 'arrow';
        arrow.textContent = '→';
        button.append(e.before, arrow, e.after);
        button.lang = 'zh';
      } else {
        button.textContent = e.reason;
      }
      // The engine's own reason stays available as the tooltip, for readers who want the detail.
      button.title = `${t('selectOnPage', 'Select it on the page')} (${e.reason})`;
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

/** The verdict as paragraphs, one sentence each (and how many frames were counted, when more than one). */
function renderVerdict(state: (PageState & { frames?: number }) | undefined): void {
  const lang = browser.i18n.getUILanguage();
  const sentences = verdictSentences(state, t, lang);
  if (state?.active && (state.frames ?? 1) > 1) sentences.push(t('framesCount', `Counted over ${state.frames} frames.`, [String(state.frames)]));
  $('verdict').replaceChildren(...sentences.map((sentence) => {
    const p = document.createElement('p');
    p.textContent = sentence;
    return p;
  }));
}

async function main(): Promise<void> {
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
    $<HTMLSelectElement>('rubySize').value = String(settings.rubySize);
    fillSiteOptions(site, settings.script);
    site.disabled = host === '';
    site.value = settings.sites[host] ?? 'default';
    // A site set to the script the general setting now gives is simply "as in my settings".
    if (site.selectedIndex === -1) site.value = 'default';
    original.disabled = !state?.active;
    original.checked = state?.showingOriginal ?? false;
    renderVerdict(state);
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
  const size = $<HTMLSelectElement>('rubySize');
  size.addEventListener('change', () => {
    const value = Number(size.value);
    if ((RUBY_SIZES as readonly number[]).includes(value)) void update((s) => ({ ...s, rubySize: value as RubySize }));
  });
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
  const pause = commands.find((c) => c.name === 'toggle-popovers')?.shortcut;
  if (pause) $('pause-hint').textContent = t('pauseHint', `${pause} pauses or resumes popovers on a page.`, [pause]);
  render();
  document.body.dataset.ready = 'true';
}

void main();
