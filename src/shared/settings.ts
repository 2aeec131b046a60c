/**
 * Settings: one typed shape with defaults. Storage keeps only what the user
 * changed (so a new install never syncs defaults over choices made on another
 * machine), plus a version for migrations. Anything stored that we do not
 * understand falls back to the default, key by key; nothing here throws.
 */

/** The script a page is shown in. `auto` restores machine-converted mirrors to Simplified and leaves genuine pages alone. */
export type ScriptChoice = 'auto' | 'keep' | 'cn' | 'tw' | 'twp' | 'hk';
export const SCRIPT_CHOICES: readonly ScriptChoice[] = ['auto', 'keep', 'cn', 'tw', 'twp', 'hk'];

/** Per-site override: off on this site, or a script for it. */
export type SiteChoice = 'off' | ScriptChoice;
export const SITE_CHOICES: readonly SiteChoice[] = ['off', ...SCRIPT_CHOICES];

/** Which language glossary explanations are shown in. */
export type ExplanationLanguage = 'en' | 'zh' | 'both';
export const EXPLANATION_LANGUAGES: readonly ExplanationLanguage[] = ['en', 'zh', 'both'];

/** Where pinyin is shown: nowhere, in the hover popover, or above the characters (ruby). */
export type PinyinDisplay = 'off' | 'popover' | 'ruby';
export const PINYIN_DISPLAYS: readonly PinyinDisplay[] = ['off', 'popover', 'ruby'];

/** Tone marks (zhōng) or numbers (zhong1). */
export type ToneStyle = 'mark' | 'num';
export const TONE_STYLES: readonly ToneStyle[] = ['mark', 'num'];

/** When a hover popover opens: after the pointer rests on a word, only while the modifier key (Shift) is held, or never. */
export type PopoverTrigger = 'rest' | 'modifier' | 'off';
export const POPOVER_TRIGGERS: readonly PopoverTrigger[] = ['rest', 'modifier', 'off'];

/** Pinyin size in ruby mode, in percent of the text size (never below 11 px: content.css). */
export type RubySize = 50 | 60 | 70 | 80;
export const RUBY_SIZES: readonly RubySize[] = [50, 60, 70, 80];

/** Ruby pinyin above the characters or below them. */
export type RubyPosition = 'over' | 'under';
export const RUBY_POSITIONS: readonly RubyPosition[] = ['over', 'under'];

/** Ruby over the article's text only (no menus, headers, sidebars), or over all Chinese text. */
export type RubyScope = 'article' | 'all';
export const RUBY_SCOPES: readonly RubyScope[] = ['article', 'all'];

export interface Settings {
  /** Master switch. */
  enabled: boolean;
  /** Remove mirror damage (inline pinyin, stray commas). */
  repair: boolean;
  script: ScriptChoice;
  /** Host name → override. */
  sites: Record<string, SiteChoice>;
  /** Glossary underlines and hover popovers. */
  popovers: boolean;
  explanationLanguage: ExplanationLanguage;
  pinyin: PinyinDisplay;
  toneStyle: ToneStyle;
  /** Colour pinyin syllables by tone. */
  toneColors: boolean;
  popoverTrigger: PopoverTrigger;
  rubySize: RubySize;
  rubyPosition: RubyPosition;
  rubyScope: RubyScope;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enabled: true,
  repair: true,
  script: 'auto',
  sites: Object.freeze({}) as Record<string, SiteChoice>,
  popovers: true,
  explanationLanguage: 'en',
  pinyin: 'popover',
  toneStyle: 'mark',
  toneColors: false,
  popoverTrigger: 'rest',
  rubySize: 60,
  rubyPosition: 'over',
  rubyScope: 'article',
});

/** Version of the stored shape; bump it and add a migration when the shape changes. */
export const SETTINGS_VERSION = 2;
const VERSION_KEY = 'settingsVersion';
/** Host names are short; a huge sites map is a corrupt one. */
const MAX_SITES = 5000;

type Stored = Record<string, unknown>;

/**
 * Migrations from each older version, applied in order to the raw stored
 * record. Version 1 (never released outside development) called the script
 * setting `target` and stored the site list as an array of "host=choice".
 */
const MIGRATIONS: Record<number, (s: Stored) => Stored> = {
  1: (s) => {
    const { target, siteList, ...rest } = s;
    const out: Stored = { ...rest };
    if (target !== undefined) out.script = target;
    if (Array.isArray(siteList)) {
      const sites: Record<string, unknown> = {};
      for (const item of siteList) {
        if (typeof item !== 'string') continue;
        const [host, choice] = item.split('=');
        if (host && choice) sites[host] = choice;
      }
      out.sites = sites;
    }
    return out;
  },
};

/** Brings a raw stored record up to the current version. Unknown future versions are read as they are. */
export function migrate(stored: Stored): Stored {
  let version = typeof stored[VERSION_KEY] === 'number' ? (stored[VERSION_KEY] as number) : SETTINGS_VERSION;
  let s = { ...stored };
  while (version < SETTINGS_VERSION) {
    const step = MIGRATIONS[version];
    if (step) s = step(s);
    version++;
  }
  return s;
}

/** Reads whatever storage holds into complete settings: valid values kept, anything else defaulted. */
export function parseSettings(raw: unknown): Settings {
  const stored: Stored = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? migrate(raw as Stored) : {};
  return {
    enabled: typeof stored.enabled === 'boolean' ? stored.enabled : DEFAULT_SETTINGS.enabled,
    repair: typeof stored.repair === 'boolean' ? stored.repair : DEFAULT_SETTINGS.repair,
    script: isOneOf(stored.script, SCRIPT_CHOICES) ? stored.script : DEFAULT_SETTINGS.script,
    sites: parseSites(stored.sites),
    popovers: typeof stored.popovers === 'boolean' ? stored.popovers : DEFAULT_SETTINGS.popovers,
    explanationLanguage: isOneOf(stored.explanationLanguage, EXPLANATION_LANGUAGES) ? stored.explanationLanguage : DEFAULT_SETTINGS.explanationLanguage,
    pinyin: isOneOf(stored.pinyin, PINYIN_DISPLAYS) ? stored.pinyin : DEFAULT_SETTINGS.pinyin,
    toneStyle: isOneOf(stored.toneStyle, TONE_STYLES) ? stored.toneStyle : DEFAULT_SETTINGS.toneStyle,
    toneColors: typeof stored.toneColors === 'boolean' ? stored.toneColors : DEFAULT_SETTINGS.toneColors,
    popoverTrigger: isOneOf(stored.popoverTrigger, POPOVER_TRIGGERS) ? stored.popoverTrigger : DEFAULT_SETTINGS.popoverTrigger,
    rubySize: (RUBY_SIZES as readonly unknown[]).includes(stored.rubySize) ? (stored.rubySize as RubySize) : DEFAULT_SETTINGS.rubySize,
    rubyPosition: isOneOf(stored.rubyPosition, RUBY_POSITIONS) ? stored.rubyPosition : DEFAULT_SETTINGS.rubyPosition,
    rubyScope: isOneOf(stored.rubyScope, RUBY_SCOPES) ? stored.rubyScope : DEFAULT_SETTINGS.rubyScope,
  };
}

function parseSites(raw: unknown): Record<string, SiteChoice> {
  const sites: Record<string, SiteChoice> = {};
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return sites;
  let n = 0;
  for (const [host, choice] of Object.entries(raw as Record<string, unknown>)) {
    if (++n > MAX_SITES) break;
    if (isHostName(host) && isOneOf(choice, SITE_CHOICES)) sites[host] = choice;
  }
  return sites;
}

function isOneOf<T extends string>(v: unknown, allowed: readonly T[]): v is T {
  return typeof v === 'string' && (allowed as readonly string[]).includes(v);
}

/** True for something that looks like a host name (what location.hostname gives). */
export function isHostName(s: string): boolean {
  return s.length > 0 && s.length <= 253 && /^[a-z0-9.\-:\[\]_]+$/i.test(s);
}

/**
 * What to write to storage for a change: only values that differ from the
 * default, and the keys to remove (changed back to the default).
 */
export function diffFromDefaults(next: Settings): { set: Stored; remove: string[] } {
  const set: Stored = { [VERSION_KEY]: SETTINGS_VERSION };
  const remove: string[] = [];
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    const value = next[key];
    const def = DEFAULT_SETTINGS[key];
    if (key === 'sites' ? Object.keys(value as object).length === 0 : value === def) remove.push(key);
    else set[key] = value;
  }
  return { set, remove };
}

/** What actually applies on a host: off, or the script choice. */
export function effectiveChoice(settings: Settings, host: string): SiteChoice {
  if (!settings.enabled) return 'off';
  return settings.sites[host] ?? settings.script;
}

/** The storage keys settings live under (for onChanged listeners). */
export const SETTINGS_KEYS: readonly string[] = [VERSION_KEY, ...Object.keys(DEFAULT_SETTINGS)];
