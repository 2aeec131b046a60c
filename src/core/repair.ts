import { analyze, findingsOf, verdictOf, type AnalysisWithFindings } from './analyze.ts';
import { applyEdits, composeEdits, sortEdits, type Edit } from './edits.ts';
import { findMojibake, type LostSpan } from './mojibake/find-mojibake.ts';
import { annotationEdits, findFixedToneAnnotations } from './repair/pinyin-annotations.ts';
import { strayCommaEdits } from './repair/stray-punctuation.ts';

export interface RepairResult {
  text: string;
  /** Edits on the input, sorted. */
  edits: Edit[];
  analysis: AnalysisWithFindings;
  /** Where bytes were lost to mojibake and cannot be recovered (on the input; marked, never guessed). */
  lost: LostSpan[];
}

export interface RepairOptions {
  /**
   * Page-level verdict to use instead of judging this text alone: the content
   * script judges the whole page once and repairs it block by block.
   */
  mirror?: { pinyin: boolean; punctuation: boolean };
  /**
   * With `mirror`: do not judge this text alone either (the same edits, less
   * work per block); the result's analysis then holds the counts and findings,
   * not a verdict of its own. The content script's first pass sets it.
   */
  findingsOnly?: boolean;
}

/**
 * Removes mirror damage and lists every change: first mojibake (so the
 * restored characters are read like any other text), then inline pinyin and
 * stray commas.
 */
export function repair(text: string, options: RepairOptions = {}): RepairResult {
  const mojibake = findMojibake(text);
  const restored = mojibake.edits.length ? applyEdits(text, mojibake.edits) : text;
  const analysis = options.mirror && options.findingsOnly ? findingsOf(restored) : analyze(restored);
  const pinyinIsDamage = options.mirror?.pinyin ?? analysis.pinyin.mirror;
  const commasAreDamage = options.mirror?.punctuation ?? analysis.punctuation.damage;
  // concat, not push(...): a spread of 130,000 edits overflows the call stack.
  let edits: Edit[] = [];
  if (pinyinIsDamage) {
    edits = edits.concat(annotationEdits(restored, analysis.findings.annotations));
    // On a mirror page only: its table's fixed wrong tones (成績(jī)), consistent on the page.
    const fixedTone = analysis.findings.rejected.length ? findFixedToneAnnotations(restored, analysis.findings.annotations, analysis.findings.rejected) : [];
    if (fixedTone.length) {
      edits = edits.concat(annotationEdits(restored, fixedTone));
      analysis.pinyin.fixedTone = fixedTone.length;
      if (!options.findingsOnly) analysis.verdict = verdictOf(analysis);
    }
  }
  if (commasAreDamage) edits = edits.concat(strayCommaEdits(restored, analysis.findings.commas));
  const sorted = sortEdits(edits);
  const out = sorted.length ? applyEdits(restored, sorted) : restored;
  const all = mojibake.edits.length ? composeEdits(text, mojibake.edits, sorted, restored) : sorted;
  analysis.mojibake = { repaired: mojibake.edits.length, lost: mojibake.lostSpans.length };
  if (mojibake.edits.length || mojibake.lostSpans.length) analysis.verdict = withMojibake(analysis.verdict, mojibake.edits.length, mojibake.lostSpans.length);
  return { text: out, edits: all, analysis, lost: mojibake.lostSpans };
}

function withMojibake(verdict: string, repaired: number, lost: number): string {
  const parts: string[] = [];
  if (repaired) parts.push(`${repaired} garbled run${repaired === 1 ? '' : 's'} restored`);
  if (lost) parts.push(`${lost} lost character${lost === 1 ? '' : 's'} marked`);
  return `${verdict}; ${parts.join(', ')}`;
}
