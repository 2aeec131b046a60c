import { analyze, findingsOf, verdictOf, type AnalysisWithFindings } from './analyze.ts';
import { applyEdits, composeEdits, sortEdits, type Edit } from './edits.ts';
import { findMojibake, type LostSpan, type MojibakeResult } from './mojibake/find-mojibake.ts';
import { annotationEdits, findFixedToneAnnotations, type AnnotationList } from './repair/pinyin-annotations.ts';
import { strayCommaEdits, type StrayComma } from './repair/stray-punctuation.ts';

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
  return repairFound(text, findMojibake(text), options);
}

/** repair() once the text's mojibake is found. */
function repairFound(text: string, mojibake: MojibakeResult, options: RepairOptions): RepairResult {
  const restored = mojibake.edits.length ? applyEdits(text, mojibake.edits) : text;
  const { analysis, annotations, commas } = plan(restored, options);
  // concat, not push(...): a spread of 130,000 edits overflows the call stack.
  let edits: Edit[] = [];
  for (const list of annotations) edits = edits.concat(annotationEdits(restored, list));
  if (commas.length) edits = edits.concat(strayCommaEdits(restored, commas));
  const sorted = sortEdits(edits);
  const out = sorted.length ? applyEdits(restored, sorted) : restored;
  const all = mojibake.edits.length ? composeEdits(text, mojibake.edits, sorted, restored) : sorted;
  noteMojibake(analysis, mojibake.edits.length, mojibake.lostSpans.length);
  return { text: out, edits: all, analysis, lost: mojibake.lostSpans };
}

/**
 * repair() for a caller that needs only the repaired text: the same text,
 * analysis and lost spans, without an Edit object per removal (on a mirror
 * page one every ten characters: building, sorting and applying them was a
 * third of repair's time).
 */
export function repairText(text: string, options: RepairOptions = {}): Omit<RepairResult, 'edits'> {
  const mojibake = findMojibake(text);
  // Restored mojibake is rare: its edits must be composed, which repair() does.
  if (mojibake.edits.length) {
    const r = repairFound(text, mojibake, options);
    return { text: r.text, analysis: r.analysis, lost: r.lost };
  }
  const { analysis, annotations, commas } = plan(text, options);
  noteMojibake(analysis, 0, mojibake.lostSpans.length);
  return { text: withoutSpans(text, annotations, commas), analysis, lost: mojibake.lostSpans };
}

/** What repair removes from a text (mojibake already restored): the annotation lists (each sorted) and the stray commas. */
function plan(restored: string, options: RepairOptions): { analysis: AnalysisWithFindings; annotations: AnnotationList[]; commas: StrayComma[] } {
  const analysis = options.mirror && options.findingsOnly ? findingsOf(restored) : analyze(restored);
  const pinyinIsDamage = options.mirror?.pinyin ?? analysis.pinyin.mirror;
  const commasAreDamage = options.mirror?.punctuation ?? analysis.punctuation.damage;
  const annotations: AnnotationList[] = [];
  if (pinyinIsDamage) {
    annotations.push(analysis.findings.annotations);
    // On a mirror page only: its table's fixed wrong tones (成績(jī)), consistent on the page.
    const fixedTone = analysis.findings.rejected.length ? findFixedToneAnnotations(restored, analysis.findings.annotations, analysis.findings.rejected) : undefined;
    if (fixedTone?.length) {
      annotations.push(fixedTone);
      analysis.pinyin.fixedTone = fixedTone.length;
      if (!options.findingsOnly) analysis.verdict = verdictOf(analysis);
    }
  }
  return { analysis, annotations, commas: commasAreDamage ? analysis.findings.commas : [] };
}

/** The text without the given annotations and commas (sorted lists of spans that do not overlap). */
function withoutSpans(text: string, annotations: readonly AnnotationList[], commas: readonly StrayComma[]): string {
  // The spans of every list, merged by offset (each list is sorted): one pass for the usual single list.
  const lists = annotations.filter((l) => l.length > 0);
  const at = lists.map(() => 0);
  let comma = 0;
  const parts: string[] = [];
  let pos = 0;
  for (;;) {
    let best = -1;
    let offset = commas[comma]?.offset ?? Infinity;
    for (let l = 0; l < lists.length; l++) {
      const k = at[l]!;
      if (k < lists[l]!.length && lists[l]!.offsets[k]! < offset) {
        best = l;
        offset = lists[l]!.offsets[k]!;
      }
    }
    let length: number;
    if (best >= 0) length = lists[best]!.lengths[at[best]!++]!;
    else if (comma < commas.length) {
      comma++;
      length = 1; // a stray comma is one character
    } else break;
    if (offset < pos) throw new Error(`overlapping edits at ${offset}`);
    parts.push(text.slice(pos, offset));
    pos = offset + length;
  }
  if (pos === 0) return text;
  parts.push(text.slice(pos));
  return parts.join('');
}

/** Adds restored and lost mojibake to the analysis and its verdict. */
function noteMojibake(analysis: AnalysisWithFindings, repaired: number, lost: number): void {
  analysis.mojibake = { repaired, lost };
  if (repaired || lost) analysis.verdict = withMojibake(analysis.verdict, repaired, lost);
}

function withMojibake(verdict: string, repaired: number, lost: number): string {
  const parts: string[] = [];
  if (repaired) parts.push(`${repaired} garbled run${repaired === 1 ? '' : 's'} restored`);
  if (lost) parts.push(`${lost} lost character${lost === 1 ? '' : 's'} marked`);
  return `${verdict}; ${parts.join(', ')}`;
}
