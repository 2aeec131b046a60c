import { analyze, type AnalysisWithFindings } from './analyze.ts';
import { applyEdits, sortEdits, type Edit } from './edits.ts';
import { annotationEdits } from './repair/pinyin-annotations.ts';
import { strayCommaEdits } from './repair/stray-punctuation.ts';

export interface RepairResult {
  text: string;
  /** Edits on the input, sorted. */
  edits: Edit[];
  analysis: AnalysisWithFindings;
}

export interface RepairOptions {
  /**
   * Page-level verdict to use instead of judging this text alone: the content
   * script judges the whole page once and repairs it block by block.
   */
  mirror?: { pinyin: boolean; punctuation: boolean };
}

/** Removes mirror damage (inline pinyin, stray commas) and lists every removal. */
export function repair(text: string, options: RepairOptions = {}): RepairResult {
  const analysis = analyze(text);
  const pinyinIsDamage = options.mirror?.pinyin ?? analysis.pinyin.mirror;
  const commasAreDamage = options.mirror?.punctuation ?? analysis.punctuation.damage;
  const edits: Edit[] = [];
  if (pinyinIsDamage) edits.push(...annotationEdits(text, analysis.findings.annotations));
  if (commasAreDamage) edits.push(...strayCommaEdits(text, analysis.findings.commas));
  const sorted = sortEdits(edits);
  return { text: sorted.length ? applyEdits(text, sorted) : text, edits: sorted, analysis };
}
