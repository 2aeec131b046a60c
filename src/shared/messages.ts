/**
 * Every message between the content script, the background and the popup,
 * one type each. Pages cannot send these: runtime messages only come from
 * our own extension's contexts.
 */
import type { DictionaryEntry } from '../core/dictionary/types.ts';
import type { EditKind } from '../core/edits.ts';

/** Counts of what was changed on a page. */
export interface PageCounts {
  pinyin: number;
  punctuation: number;
  mojibake: number;
  /** Characters converted to another script. */
  converted: number;
}

/** One change, for the popup's "What changed" list. */
export interface ChangeSummary {
  kind: EditKind;
  /** How many changes of this kind. */
  count: number;
  /**
   * Up to a few examples: the reason, an id to select it on the page (in frame
   * `frameId` of the tab; the top one when absent), and a short sample of the
   * text around it before and after the change.
   */
  examples: { id: number; reason: string; frameId?: number; before?: string; after?: string }[];
}

/** What the content script knows about its page. */
export interface PageState {
  host: string;
  /** The first pass over the page is done. */
  ready: boolean;
  /** The engine ran on this page (it has Chinese text and is not switched off). */
  active: boolean;
  showingOriginal: boolean;
  verdict: string;
  /** 'cn', 'keep', ... : the script target applied. */
  target: string;
  counts: PageCounts;
  /** Characters lost to mojibake, marked on the page. */
  lost: number;
  changes: ChangeSummary[];
  /** The page was judged machine-converted by a mirror site. */
  mirror?: boolean;
  /** The page's script as judged ('simplified', 'traditional', 'mixed', 'either', 'none'). */
  script?: string;
}

/** Content script → background: update the toolbar badge for this tab. */
export interface ReportMessage { type: 'report'; repairs: number; converted: number }
/** Popup → content script: what happened on this page? */
export interface GetStateMessage { type: 'get-state' }
/** Popup or background → content script: show the original text, or the repaired one. */
export interface SetOriginalMessage { type: 'set-original'; original: boolean }
/** Background → content script: the keyboard command toggled original/repaired. */
export interface ToggleOriginalMessage { type: 'toggle-original' }
/** Popup → content script: scroll to a change. */
export interface RevealChangeMessage { type: 'reveal-change'; id: number }

/** Background → content script: the keyboard command asks for the popover at the selection or caret. */
export interface LookupSelectionMessage { type: 'lookup-selection' }

/**
 * Content script → background: the dictionary's headwords at every start in
 * text[from..to] (the dictionary lives in the background, so a tab never
 * holds its ~11 MB). Answered with a DictionaryWindow.
 */
export interface DictionaryWindowMessage { type: 'dictionary-window'; text: string; from: number; to: number }
/** The answer to DictionaryWindowMessage: every match, by start offset in the text sent. */
export interface DictionaryWindow { matches: { start: number; length: number; entries: DictionaryEntry[] }[] }
/** Content script → background: the dictionary readings of each word (for pinyin), answered with DictionaryReadings. */
export interface DictionaryReadingsMessage { type: 'dictionary-readings'; words: string[] }
/** The answer to DictionaryReadingsMessage: CC-CEDICT numbered readings of each word, [] when it has none. */
export interface DictionaryReadings { readings: string[][] }

/** What a "Copy as" menu entry copies: the repaired text in its script, or converted to Simplified or Taiwan Traditional. */
export type CopyTarget = 'repaired' | 'cn' | 'tw';
export const COPY_TARGETS: readonly CopyTarget[] = ['repaired', 'cn', 'tw'];

/**
 * Background → content script (the frame where the menu was opened): copy the
 * selection converted. `selectionText` is what the browser saw selected, used
 * when the frame cannot read its selection itself.
 */
export interface CopyAsMessage { type: 'copy-as'; as: CopyTarget; selectionText?: string }
/** The content script's answer to copy-as: what it put on the clipboard, and how (or why not). */
export interface CopyResult { copied: boolean; text: string; via: 'clipboard-api' | 'copy-command' | 'none'; error?: string }

/** Popup → background: the state of a whole tab, every frame's counts added up (a PageState, plus how many frames answered). */
export interface GetTabStateMessage { type: 'get-tab-state'; tabId: number }

/** Background → content script: the keyboard command pauses or resumes hover popovers on this page. */
export interface TogglePopoversMessage { type: 'toggle-popovers' }

export type ToContentMessage = GetStateMessage | SetOriginalMessage | ToggleOriginalMessage | RevealChangeMessage | LookupSelectionMessage | CopyAsMessage | TogglePopoversMessage;
export type ToBackgroundMessage = ReportMessage;
export type DictionaryMessage = DictionaryWindowMessage | DictionaryReadingsMessage;

/** Longest text a dictionary message may carry: a window around the pointer, or a batch of words. */
export const MAX_DICTIONARY_TEXT = 20_000;

/** Narrows an unknown runtime message to a dictionary request. */
export function isDictionaryMessage(m: unknown): m is DictionaryMessage {
  const r = m as { type?: unknown; text?: unknown; from?: unknown; to?: unknown; words?: unknown } | null;
  if (r?.type === 'dictionary-window') {
    return typeof r.text === 'string' && r.text.length <= MAX_DICTIONARY_TEXT && Number.isInteger(r.from) && Number.isInteger(r.to) && (r.to as number) - (r.from as number) <= 64;
  }
  return r?.type === 'dictionary-readings' && Array.isArray(r.words) && r.words.length <= MAX_DICTIONARY_TEXT && r.words.every((w) => typeof w === 'string' && w.length <= 32);
}

/** Narrows an unknown runtime message to one we send to content scripts. */
export function isToContentMessage(m: unknown): m is ToContentMessage {
  const type = (m as { type?: unknown } | null)?.type;
  if (type === 'copy-as') return COPY_TARGETS.includes((m as { as?: unknown }).as as CopyTarget);
  return type === 'get-state' || type === 'set-original' || type === 'toggle-original' || type === 'reveal-change' || type === 'lookup-selection'
    || type === 'toggle-popovers';
}

/** Narrows an unknown runtime message to the popup's question to the background. */
export function isGetTabStateMessage(m: unknown): m is GetTabStateMessage {
  const r = m as Partial<GetTabStateMessage> | null;
  return r?.type === 'get-tab-state' && typeof r.tabId === 'number';
}

/** Narrows an unknown runtime message to one the background handles. */
export function isToBackgroundMessage(m: unknown): m is ToBackgroundMessage {
  const r = m as Partial<ReportMessage> | null;
  return r?.type === 'report' && typeof r.repairs === 'number' && typeof r.converted === 'number';
}
