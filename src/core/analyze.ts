import { formatCount } from './format-count.ts';
import { countLeftovers } from './leftovers.ts';
import {
  findAnnotationCandidates, judgeAnnotations,
  AnnotationList, type AnnotationEvidence,
} from './repair/pinyin-annotations.ts';
import { findStrayCommas, strayCommasAreDamage, type StrayComma } from './repair/stray-punctuation.ts';
import { classify, detectScript, type Script, type ScriptCounts } from './script.ts';

/** What a text is and what damage it shows: the engine's verdict. */
export interface Analysis {
  script: Script;
  /** Han characters. */
  han: number;
  traditionalOnly: number;
  simplifiedOnly: number;
  pinyin: AnnotationEvidence;
  punctuation: { found: number; damage: boolean };
  /** Simplified leftovers of an imperfect conversion (并, 先后) in Traditional text. */
  leftovers: number;
  /** Mojibake runs restored and lost characters marked (filled in by repair, which runs the mojibake pass first). */
  mojibake: { repaired: number; lost: number };
  /** True for a machine-converted mirror page: Auto restores it to Simplified. */
  mirror: boolean;
  /** One line for a person. */
  verdict: string;
}

/** Found damage, kept so repair does not search twice. */
export interface AnalysisWithFindings extends Analysis {
  /** `rejected`: syllable-shaped brackets after a Han character that are no reading of it (offsets). */
  findings: { annotations: AnnotationList; commas: StrayComma[]; rejected: number[] };
}

/** Reads a text and says which script it is in and what mirror damage it shows. */
export function analyze(text: string): AnalysisWithFindings {
  const counts = detectScript(text);
  const rejected: number[] = [];
  const annotations = findAnnotationCandidates(text, rejected);
  const commas = counts.han > 0 ? findStrayCommas(text) : [];
  const leftovers = counts.script === 'traditional' || counts.script === 'mixed' ? countLeftovers(text) : 0;
  return conclude(text, counts, annotations, commas, leftovers, rejected);
}

/**
 * What repair needs of a text whose page was judged already (the content
 * script judges the page once, then repairs it block by block): the script
 * counts and the findings, without judging this text alone. Its verdict and
 * evidence say only that; the findings are exactly analyze()'s. On the
 * 1M-character benchmark page this was ~40 % of analyze's time per block.
 */
export function findingsOf(text: string): AnalysisWithFindings {
  const counts = detectScript(text);
  const rejected: number[] = [];
  const annotations = findAnnotationCandidates(text, rejected);
  const commas = counts.han > 0 ? findStrayCommas(text) : [];
  return {
    ...counts,
    pinyin: { ...NOT_JUDGED, found: annotations.length },
    punctuation: { found: commas.length, damage: false },
    leftovers: 0,
    mojibake: { repaired: 0, lost: 0 },
    mirror: false,
    verdict: 'judged with its page',
    findings: { annotations, commas, rejected },
  };
}

const NOT_JUDGED: AnnotationEvidence = {
  found: 0, traditionalOnlyShare: 0, coverage: 0, density: 0, tonelessShare: 0, doubled: 0, consistency: 0, laterShare: 0, fixedTone: 0,
  mirror: false, why: 'judged with its page',
};

/**
 * analyze(), a piece at a time, for a caller that must not hold the thread
 * for long (the content script judges up to 200,000 characters of a page):
 * `pause` is awaited between pieces. Pieces end at line ends, and nothing
 * analyze counts or finds spans a line end (a bracket, a comma and what
 * follows it, a leftover pair, a surrogate pair), so the result is the same
 * as analyze(text).
 */
export async function analyzeInPieces(text: string, pause: () => Promise<void>, pieceChars = 20_000): Promise<AnalysisWithFindings> {
  let han = 0;
  let trad = 0;
  let simp = 0;
  let leftovers = 0;
  const annotations = new AnnotationList();
  let commas: StrayComma[] = [];
  const rejected: number[] = [];
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start + pieceChars);
    end = end === -1 ? text.length : end + 1;
    const piece = text.slice(start, end);
    const counts = detectScript(piece);
    han += counts.han;
    trad += counts.traditionalOnly;
    simp += counts.simplifiedOnly;
    const pieceRejected: number[] = [];
    annotations.append(findAnnotationCandidates(piece, pieceRejected), start);
    for (const at of pieceRejected) rejected.push(at + start);
    // concat, not push(...): a spread of many findings can overflow the call stack.
    commas = commas.concat(start === 0 ? findStrayCommas(piece) : findStrayCommas(piece).map((c) => ({ ...c, offset: c.offset + start })));
    leftovers += countLeftovers(piece);
    start = end;
    if (start < text.length) await pause();
  }
  const script = classify(han, trad, simp);
  const counts: ScriptCounts = { script, han, traditionalOnly: trad, simplifiedOnly: simp };
  return conclude(text, counts, annotations, han > 0 ? commas : [], script === 'traditional' || script === 'mixed' ? leftovers : 0, rejected);
}

/** The verdict from what was found in the text. */
function conclude(text: string, counts: ScriptCounts, annotations: AnnotationList, commas: StrayComma[], leftovers: number, rejected: number[]): AnalysisWithFindings {
  // Script is judged on the text without the annotations' own letters (they hold no Han anyway).
  const pinyin = judgeAnnotations(text, annotations, counts.script, counts.han);
  const converted = counts.script === 'traditional' && leftovers >= 2;
  const commaDamage = strayCommasAreDamage(commas.length, pinyin.mirror || converted);
  const mirror = pinyin.mirror || converted || (commaDamage && counts.script !== 'simplified');
  // The counts by name, not spread: a spread here was most of analyze's time on short texts (JSON Lines records).
  const analysis: AnalysisWithFindings = {
    script: counts.script,
    han: counts.han,
    traditionalOnly: counts.traditionalOnly,
    simplifiedOnly: counts.simplifiedOnly,
    pinyin,
    punctuation: { found: commas.length, damage: commaDamage },
    leftovers,
    mojibake: { repaired: 0, lost: 0 },
    mirror,
    verdict: '',
    findings: { annotations, commas, rejected },
  };
  analysis.verdict = verdictOf(analysis);
  return analysis;
}

const SCRIPT_NAMES: Record<Script, string> = {
  simplified: 'Simplified Chinese text',
  traditional: 'Traditional Chinese text',
  mixed: 'Chinese text in mixed scripts',
  either: 'Chinese text (characters shared by both scripts)',
  none: 'no Chinese text',
};

/** The one-line verdict for a person, from the figures of an analysis. */
export function verdictOf(a: Analysis): string {
  const parts: string[] = [];
  if (a.pinyin.mirror) {
    const fixedTone = a.pinyin.fixedTone ? ` (and ${formatCount(a.pinyin.fixedTone)} with the mirror's fixed wrong tone)` : '';
    parts.push(plural(a.pinyin.found, 'pinyin insertion') + fixedTone);
  }
  if (a.punctuation.damage) parts.push(plural(a.punctuation.found, 'stray comma'));
  if (a.mirror && a.leftovers > 0) parts.push(plural(a.leftovers, 'Simplified leftover'));
  if (a.mirror) return `machine-converted mirror page: ${parts.join(', ')}`;
  return `${SCRIPT_NAMES[a.script]}; no mirror damage found`;
}

/** "1 stray comma", "72 stray commas", "1,409 characters". */
export function plural(n: number, noun: string): string {
  return `${formatCount(n)} ${noun}${n === 1 ? '' : 's'}`;
}
