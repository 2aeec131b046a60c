import type { AnalysisWithFindings } from './analyze.ts';
import { convert, convertText, type Target } from './convert.ts';
import { composeEdits, type Edit, type EditKind } from './edits.ts';
import { repair, repairText, type RepairOptions } from './repair.ts';

/** `auto` repairs and restores machine-converted mirror text to Simplified; other text keeps its script. */
export type FixTarget = Target | 'auto';
export const FIX_TARGETS: readonly FixTarget[] = ['auto', 'keep', 'cn', 'tw', 'twp', 'hk'];

export interface FixOptions extends RepairOptions {
  to?: FixTarget;
  /** Remove mirror damage (default true). */
  repair?: boolean;
  /** Page-level mirror verdict for `auto` (the content script judges the page once). */
  pageIsMirror?: boolean;
}

export interface FixResult {
  text: string;
  /** Every change, as edits on the input, sorted and non-overlapping. */
  edits: Edit[];
  analysis: AnalysisWithFindings;
  /** The script target actually applied. */
  target: Target;
  /** Edits per kind, and converted characters. */
  stats: FixStats;
  /** Characters lost to mojibake (on the input): marked in the page, counted by the CLI, never guessed. */
  lost: { offset: number; length: number }[];
}

export interface FixStats {
  pinyin: number;
  punctuation: number;
  mojibake: number;
  /** Characters changed by script conversion. */
  converted: number;
}

/** Resolves `auto` for a text: mirrors go to Simplified, anything else keeps its script. */
export function resolveTarget(to: FixTarget, mirror: boolean): Target {
  if (to !== 'auto') return to;
  return mirror ? 'cn' : 'keep';
}

/** Repairs mirror damage, then converts the script; all changes come back as edits on the input. */
export async function fix(text: string, options: FixOptions = {}): Promise<FixResult> {
  const repaired = options.repair === false ? undefined : repair(text, options);
  const analysis = repaired?.analysis ?? repair(text, { mirror: { pinyin: false, punctuation: false } }).analysis;
  const middle = repaired?.text ?? text;
  const target = resolveTarget(options.to ?? 'auto', options.pageIsMirror ?? analysis.mirror);
  // Repair analyses the text after restoring mojibake and removes no Han character after
  // that, so its counts are the repaired text's too (without repair, middle is the raw input).
  const converted = await convert(middle, target, repaired?.analysis);
  const edits = converted.edits.length ? composeEdits(text, repaired?.edits ?? [], converted.edits, middle) : repaired?.edits ?? [];
  return { text: converted.text, edits, analysis, target, stats: statsOf(edits), lost: repaired?.lost ?? [] };
}

/** What fixText returns: fix()'s result without the edit list and its counts. */
export type FixedText = Omit<FixResult, 'edits' | 'stats'>;

/**
 * fix() for a caller that needs only the fixed text (the command line without
 * --explain or --stats): the same text, analysis, target and lost spans, but
 * the conversion lists no edits and nothing is composed, which was most of
 * fix()'s time and garbage on long texts.
 */
export async function fixText(text: string, options: FixOptions = {}): Promise<FixedText> {
  const repaired = options.repair === false ? undefined : repairText(text, options);
  const analysis = repaired?.analysis ?? repairText(text, { mirror: { pinyin: false, punctuation: false } }).analysis;
  const middle = repaired?.text ?? text;
  const target = resolveTarget(options.to ?? 'auto', options.pageIsMirror ?? analysis.mirror);
  return { text: await convertText(middle, target, repaired?.analysis), analysis, target, lost: repaired?.lost ?? [] };
}

/** Counts edits per kind; conversion counts changed characters. */
export function statsOf(edits: readonly Edit[]): FixStats {
  const stats: FixStats = { pinyin: 0, punctuation: 0, mojibake: 0, converted: 0 };
  for (const e of edits) {
    const kind: EditKind = e.kind;
    if (kind === 'convert') stats.converted += changedCharacters(e);
    else stats[kind]++;
  }
  return stats;
}

/** Characters a conversion edit changes (a same-length edit may carry unchanged ones between them). */
export function changedCharacters(e: Edit): number {
  const a = e.original;
  const b = e.replacement;
  let n = 0;
  if (a.length === b.length) {
    // Compare code points; a surrogate pair counts once.
    for (let i = 0; i < a.length; i++) {
      const c = b.charCodeAt(i);
      const isLow = c >= 0xdc00 && c <= 0xdfff;
      if (isLow) continue;
      const high = c >= 0xd800 && c <= 0xdbff;
      if (a.charCodeAt(i) !== c || (high && a.charCodeAt(i + 1) !== b.charCodeAt(i + 1))) n++;
    }
    return n;
  }
  for (const _ of b) n++;
  return n;
}
