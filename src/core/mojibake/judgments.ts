/**
 * What every mojibake path shares: a proposed repair (Candidate) and the
 * judgments of decoded text — common or rare characters, odd ones, runs of
 * good code points. Each path (shown-as-latin.ts, read-as-gbk.ts,
 * one-byte-off.ts) proposes candidates with these; find-mojibake.ts runs the
 * gate and lost-characters.ts chooses among them.
 */
import type { Edit } from '../edits.ts';
import { classOf, COMMON, KANA, ODD, PUNCT, RARE_HAN, SHARED } from './tables.ts';

export interface LostSpan {
  /** Start in the input, in UTF-16 code units. */
  offset: number;
  /**
   * Input code units that stand for the lost text (a `?`, U+FFFD or a run of
   * them). 0 when a character was cut off at the end of a damaged run and
   * nothing in the input stands for it: the loss sits at `offset`.
   */
  length: number;
}

export interface MojibakeResult {
  /** Repairs, sorted and non-overlapping, kind 'mojibake'. */
  edits: Edit[];
  /** Where characters are lost and cannot be recovered; sorted. */
  lostSpans: LostSpan[];
}

/** A proposed repair before overlaps are resolved. */
export interface Candidate {
  start: number;
  end: number;
  replacement: string;
  reason: string;
  /** Higher wins when candidates overlap. */
  score: number;
  lost: LostSpan[];
}


/** Counts of the classes of decoded characters. */
export interface Judged {
  han: number;
  rare: number;
  /** Code points in the output. */
  count: number;
}

/** True when a decoded code point is acceptable output (common, or rare Han to be counted). */
export function acceptable(cp: number): boolean {
  const k = classOf()[cp]!;
  return k === COMMON || k === SHARED || k === PUNCT || k === RARE_HAN;
}

/** True for characters that are odd in running Chinese text (rare, kana, symbols, private use). */
export function oddInText(k: number): boolean {
  return k === RARE_HAN || k === SHARED || k === KANA || k === ODD;
}

/** Few enough rare characters: none in short runs, one in eight in long ones. */
export function rareAllowed(j: Judged): boolean {
  return j.rare <= Math.floor(j.count / 8);
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function isHanCode(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

export function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/**
 * Splits decoded code points (0 = bad) into runs of good ones; unless told
 * not to, a run with too many rare characters is split again around them.
 */
export function subRuns(cps: number[], splitRare = true): [number, number][] {
  const runs: [number, number][] = [];
  const cls = classOf();
  let a = 0;
  while (a < cps.length) {
    if (!cps[a]) {
      a++;
      continue;
    }
    let b = a;
    while (b < cps.length && cps[b]) b++;
    if (!splitRare || rareAllowed(judge(String.fromCharCode(...cps.slice(a, b))))) runs.push([a, b]);
    else {
      let s = a;
      for (let k = a; k <= b; k++) {
        if (k === b || cls[cps[k]!] === RARE_HAN) {
          if (k > s) runs.push([s, k]);
          s = k + 1;
        }
      }
    }
    a = b;
  }
  return runs;
}

export function judge(s: string): Judged {
  const cls = classOf();
  let han = 0;
  let rare = 0;
  let count = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    count++;
    if (isHanCode(c)) han++;
    if (cls[c] === RARE_HAN) rare++;
  }
  return { han, rare, count };
}
