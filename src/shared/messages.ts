/**
 * Every message between the content script, the background and the popup,
 * one type each. Pages cannot send these: runtime messages only come from
 * our own extension's contexts.
 */
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
   * Up to a few examples: the reason, an id to select it on the page, and a
   * short sample of the text around it before and after the change.
   */
  examples: { id: number; reason: string; before?: string; after?: string }[];
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

/** Background → content script: the keyboard command pauses or resumes hover popovers on this page. */
export interface TogglePopoversMessage { type: 'toggle-popovers' }

export type ToContentMessage = GetStateMessage | SetOriginalMessage | ToggleOriginalMessage | RevealChangeMessage | LookupSelectionMessage | TogglePopoversMessage;
export type ToBackgroundMessage = ReportMessage;

/** Narrows an unknown runtime message to one we send to content scripts. */
export function isToContentMessage(m: unknown): m is ToContentMessage {
  const type = (m as { type?: unknown } | null)?.type;
  return type === 'get-state' || type === 'set-original' || type === 'toggle-original' || type === 'reveal-change' || type === 'lookup-selection'
    || type === 'toggle-popovers';
}

/** Narrows an unknown runtime message to one the background handles. */
export function isToBackgroundMessage(m: unknown): m is ToBackgroundMessage {
  const r = m as Partial<ReportMessage> | null;
  return r?.type === 'report' && typeof r.repairs === 'number' && typeof r.converted === 'number';
}
