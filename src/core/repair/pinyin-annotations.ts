import type { Edit } from '../edits.ts';
import { countHan } from '../han.ts';
import { readingsOf } from '../readings.ts';
import { isTraditionalOnly } from '../script.ts';
import { parseSyllable, PINYIN_LETTERS, syllableMatches } from '../syllable.ts';

/** One bracketed pinyin run right after a Han character: 網(wǎng), 的(de)(de), 會(huì ). */
export interface AnnotationCandidate {
  /** Offset of the first opening bracket. */
  offset: number;
  /** Length of the whole run of brackets. */
  length: number;
  /** The annotated character. */
  char: string;
  /** The syllables as written, one per bracket. */
  syllables: string[];
  /** True when the syllables carry tones (marks or numbers). */
  toned: boolean;
}

const ONE = `[(（] ?([${PINYIN_LETTERS}]{1,6}[0-5]?) ?[)）]`;
const RUN = new RegExp(`(\\p{Script=Han})((?:${ONE})+)`, 'gu');
const ONE_AT = new RegExp(ONE, 'uy');

/**
 * Finds bracketed syllables that are a dictionary reading of the character
 * right before them. Whether they are damage is decided page-wide by
 * judgeAnnotations, not here.
 */
export function findAnnotationCandidates(text: string): AnnotationCandidate[] {
  const found: AnnotationCandidate[] = [];
  // Quick exit: no bracket, no annotation.
  if (!/[(（]/.test(text)) return found;
  for (const m of text.matchAll(RUN)) {
    const char = m[1]!;
    const start = m.index! + char.length;
    const readings = readingsOf(char);
    if (readings.length === 0) continue;
    const syllables: string[] = [];
    let pos = start;
    let toned = false;
    // Take the longest prefix of brackets that all hold a valid reading.
    while (pos < start + m[2]!.length) {
      ONE_AT.lastIndex = pos;
      const one = ONE_AT.exec(text);
      if (!one) break;
      // Mirrors write readings in lower case; (Na) after 鈉 is a chemical symbol.
      if (one[1] !== one[1]!.toLowerCase()) break;
      const parsed = parseSyllable(one[1]!);
      if (!parsed || !readings.some((r) => syllableMatches(parsed, r))) break;
      if (parsed.tone !== 0) toned = true;
      syllables.push(one[1]!);
      pos += one[0].length;
    }
    if (syllables.length > 0) found.push({ offset: start, length: pos - start, char, syllables, toned });
  }
  return found;
}

/** The page-wide figures the decision rests on. */
export interface AnnotationEvidence {
  /** Candidates found (valid readings after a Han character). */
  found: number;
  /** Share of candidates on characters whose Traditional form differs from the Simplified one. */
  traditionalOnlyShare: number;
  /** Share of the annotated characters' occurrences that carry an annotation. */
  coverage: number;
  /** Candidates per Han character. */
  density: number;
  /** Share of candidates written without tones. */
  tonelessShare: number;
  /** Candidates with the same syllable twice: 的(de)(de). */
  doubled: number;
  /** Share of annotated characters that always carry the same syllable (a mirror's fixed table: 1). */
  consistency: number;
  /** True when the pattern is a mirror's, so every candidate is removed. */
  mirror: boolean;
  /** Why, in a sentence. */
  why: string;
}

/**
 * Decides, from the whole text, whether bracketed pinyin is a mirror's damage
 * or genuine (a learner page, a lesson, a name gloss). Mirrors annotate
 * Traditional-only characters from a fixed table at nearly every occurrence,
 * and only a small share of all characters; lessons annotate many characters,
 * including ones both scripts share, or whole words.
 */
export function judgeAnnotations(
  text: string,
  candidates: readonly AnnotationCandidate[],
  script: string,
  hanCount = countHan(text),
): AnnotationEvidence {
  const n = candidates.length;
  const none: AnnotationEvidence = {
    found: 0, traditionalOnlyShare: 0, coverage: 0, density: 0, tonelessShare: 0, doubled: 0, consistency: 0,
    mirror: false, why: 'no bracketed pinyin after a Han character',
  };
  if (n === 0) return none;
  const types = new Set(candidates.map((c) => c.char));
  let occurrences = 0;
  for (const ch of text) if (types.has(ch)) occurrences++;
  let tradOnly = 0;
  let toneless = 0;
  let doubled = 0;
  const readingsByChar = new Map<string, Set<string>>();
  for (const c of candidates) {
    if (isTraditionalOnly(c.char)) tradOnly++;
    if (!c.toned) toneless++;
    if (c.syllables.length > 1) doubled++;
    let set = readingsByChar.get(c.char);
    if (!set) readingsByChar.set(c.char, (set = new Set()));
    set.add(c.syllables[0]!.normalize('NFC').toLowerCase());
  }
  let consistent = 0;
  for (const set of readingsByChar.values()) if (set.size === 1) consistent++;
  const e: AnnotationEvidence = {
    found: n,
    traditionalOnlyShare: tradOnly / n,
    coverage: occurrences > 0 ? n / occurrences : 0,
    density: hanCount > 0 ? n / hanCount : 0,
    tonelessShare: toneless / n,
    doubled,
    consistency: consistent / readingsByChar.size,
    mirror: false,
    why: '',
  };
  if (script !== 'traditional' && script !== 'mixed') {
    e.why = 'the text is not in Traditional script; mirrors annotate converted Traditional text';
  } else if (e.density > 0.6) {
    e.why = 'most characters are annotated, as in a lesson';
  } else if (e.consistency < 0.9) {
    e.why = 'the same character carries different readings, as in a lesson (a mirror uses one fixed reading)';
  } else if (e.traditionalOnlyShare >= 0.9 && e.tonelessShare <= 0.2 && (n < 5 || e.coverage >= 0.6)) {
    e.mirror = true;
    e.why = 'annotations only on Traditional-only characters, at nearly every occurrence';
  } else if (e.tonelessShare >= 0.8 && (doubled > 0 || (n >= 5 && e.coverage >= 0.8))) {
    e.mirror = true;
    e.why = 'toneless annotations at nearly every occurrence (a mirror style)';
  } else {
    e.why = 'annotations on characters both scripts share, as in a lesson';
  }
  return e;
}

/** Edits that remove the given annotation candidates. */
export function annotationEdits(text: string, candidates: readonly AnnotationCandidate[]): Edit[] {
  return candidates.map((c) => {
    const original = text.slice(c.offset, c.offset + c.length);
    const shown = c.syllables.map((s) => `(${s})`).join('');
    return {
      offset: c.offset,
      length: c.length,
      original,
      replacement: '',
      kind: 'pinyin',
      reason: `pinyin annotation ${shown} after ${c.char}`,
    };
  });
}
