import type { Edit } from '../edits.ts';
import { AnnotationList, type AnnotationCandidate } from './annotation-list.ts';
import { countHan } from '../han.ts';
import { readingsOf } from '../readings.ts';
import { isHanChar, isTraditionalOnly } from '../script.ts';
import { parseSyllable, PINYIN_LETTERS, syllableMatches } from '../syllable.ts';

export { AnnotationList, type AnnotationCandidate } from './annotation-list.ts';

/** Code units that may appear inside a written syllable (letters, ü/v, tone marks). */
const LETTER = new Uint8Array(0x10000);
for (const c of PINYIN_LETTERS.replace('a-zA-Z', 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ')) LETTER[c.charCodeAt(0)] = 1;
const OPEN = 0x28; // (
const OPEN_WIDE = 0xff08; // （
const CLOSE = 0x29;
const CLOSE_WIDE = 0xff09;
const SPACE = 0x20;

/**
 * A cache keyed by character then syllable, so a lookup builds no key string
 * (a mirror repeats its table of a few hundred annotations thousands of
 * times). Cleared when it holds more than 10,000 characters.
 */
function cachedBySyllable<V>(cache: Map<string, Map<string, V>>, char: string, written: string, make: (char: string, written: string) => V): V {
  let byWritten = cache.get(char);
  if (byWritten?.has(written)) return byWritten.get(written)!;
  const value = make(char, written);
  if (!byWritten) {
    if (cache.size > 10_000) cache.clear();
    cache.set(char, (byWritten = new Map()));
  }
  byWritten.set(written, value);
  return value;
}

/**
 * A written syllable that is a reading of a character: whether it is toned,
 * and the one-syllable list every candidate of this character and syllable
 * shares (a mirror page has ~100,000 candidates: one list each, kept until
 * repair ends, was a large part of its garbage collection).
 */
interface ReadingVerdict { toned: boolean; one: readonly string[] }

/** A written syllable and whether it is a reading of the character it is cached under. */
interface CachedVerdict { written: string; verdict: ReadingVerdict | null }

/**
 * Verdicts by character, then by a hash of the syllable's code units: the
 * cached path reads the syllable in place, without slicing a string out of
 * the text and hashing it (one per bracket on a mirror page). A hash that
 * collides is checked against the written syllable and judged uncached.
 */
const verdicts = new Map<string, Map<number, CachedVerdict>>();

/** Whether the syllable the last bracketAt read is a reading of a character. */
function readingVerdict(char: string, text: string): ReadingVerdict | null {
  let byHash = verdicts.get(char);
  const cached = byHash?.get(bracketHash);
  const length = bracketWrittenEnd - bracketStart;
  if (cached && cached.written.length === length && text.startsWith(cached.written, bracketStart)) return cached.verdict;
  const written = text.slice(bracketStart, bracketWrittenEnd);
  const verdict = judgeReading(char, written);
  if (cached) return verdict;
  if (!byHash) {
    if (verdicts.size > 10_000) verdicts.clear();
    verdicts.set(char, (byHash = new Map()));
  }
  byHash.set(bracketHash, { written, verdict });
  return verdict;
}

function judgeReading(char: string, written: string): ReadingVerdict | null {
  // Mirrors write readings in lower case; (Na) after 鈉 is a chemical symbol.
  if (written !== written.toLowerCase()) return null;
  const parsed = parseSyllable(written);
  return parsed && readingsOf(char).some((r) => syllableMatches(parsed, r)) ? { toned: parsed.tone !== 0, one: Object.freeze([written]) } : null;
}

/** One string per BMP character seen before a bracket, shared by its candidates (text[i] makes a new one each time). */
const charStrings = new Map<number, string>();

/** The character ending at `at` (a surrogate pair whole), or undefined at the start. */
function charBefore(text: string, at: number): string | undefined {
  const before = text.charCodeAt(at - 1);
  if (at <= 0) return undefined;
  if (isLowSurrogateCode(before)) return text.slice(at - 2, at);
  let s = charStrings.get(before);
  if (s === undefined) {
    if (charStrings.size > 10_000) charStrings.clear();
    charStrings.set(before, (s = String.fromCharCode(before)));
  }
  return s;
}

/**
 * Where the syllable bracketAt read last starts and ends in the text, and a
 * hash of its code units (returned through here, not in an object per bracket).
 */
let bracketStart = 0;
let bracketWrittenEnd = 0;
let bracketHash = 0;

/** Reads one bracketed syllable at pos: its end offset (the syllable in bracketStart…bracketWrittenEnd), or -1. */
function bracketAt(text: string, pos: number): number {
  const open = text.charCodeAt(pos);
  if (open !== OPEN && open !== OPEN_WIDE) return -1;
  let i = pos + 1;
  if (text.charCodeAt(i) === SPACE) i++;
  const start = i;
  let hash = 0;
  for (; i < text.length && i - start < 7; i++) {
    const c = text.charCodeAt(i);
    if (!LETTER[c]) break;
    hash = (Math.imul(hash, 31) + c) | 0;
  }
  if (i === start) return -1;
  const digit = text.charCodeAt(i);
  let end = i;
  if (digit >= 0x30 && digit <= 0x35) {
    end++;
    hash = (Math.imul(hash, 31) + digit) | 0;
  }
  const writtenEnd = end;
  if (text.charCodeAt(end) === SPACE) end++;
  const close = text.charCodeAt(end);
  if (close !== CLOSE && close !== CLOSE_WIDE) return -1;
  bracketStart = start;
  bracketWrittenEnd = writtenEnd;
  bracketHash = hash;
  return end + 1;
}

/**
 * Finds bracketed syllables that are a dictionary reading of the character
 * right before them. Whether they are damage is decided page-wide by
 * judgeAnnotations, not here. A hand-written scan: a regex with captures over
 * a 1 MB page allocated more than the rest of the engine together. `rejected`,
 * when given, receives the offsets of syllable-shaped brackets after a Han
 * character that are no reading of it (findFixedToneAnnotations reads them).
 */
export function findAnnotationCandidates(text: string, rejected?: number[]): AnnotationList {
  const found = new AnnotationList();
  let ascii = text.indexOf('(');
  let wide = text.indexOf('（');
  while (ascii !== -1 || wide !== -1) {
    const at = ascii === -1 ? wide : wide === -1 ? ascii : Math.min(ascii, wide);
    let next = at + 1;
    const char = charBefore(text, at);
    if (char !== undefined && isHanChar(char)) {
      let one: readonly string[] | undefined;
      let several: string[] | undefined;
      let pos = at;
      let toned = false;
      // Take the longest run of brackets that all hold a valid reading.
      for (let end = bracketAt(text, pos); end !== -1; end = bracketAt(text, pos)) {
        const v = readingVerdict(char, text);
        if (!v) break;
        if (v.toned) toned = true;
        // One bracket (nearly all): the shared list; more: a list of its own.
        if (!one) one = v.one;
        else (several ??= [one[0]!]).push(v.one[0]!);
        pos = end;
      }
      const syllables = several ?? one;
      if (syllables) {
        found.push(at, pos - at, char, syllables, toned);
        next = pos;
      } else if (rejected && bracketAt(text, at) !== -1) {
        // A syllable-shaped bracket that is no reading of the character: maybe a mirror's fixed wrong tone.
        rejected.push(at);
      }
    }
    if (ascii !== -1 && ascii < next) ascii = text.indexOf('(', next);
    if (wide !== -1 && wide < next) wide = text.indexOf('（', next);
  }
  return found;
}

/**
 * On a page already judged a mirror: annotations whose syllable is a reading
 * of the character but for its tone (績(jī): 績 reads jì). Several mirror
 * tables carry such a fixed wrong tone; one is accepted when it is the page's
 * consistent annotation of that character: every bracket after it holds the
 * same toned syllable, and no valid reading of it is annotated elsewhere.
 * `accepted` are the page's valid candidates, `rejected` the offsets of the
 * other syllable-shaped brackets after a Han character (findAnnotationCandidates).
 */
export function findFixedToneAnnotations(text: string, accepted: AnnotationList, rejected: readonly number[]): AnnotationList {
  // Which of the rejected brackets' characters carry a valid annotation somewhere: flags by code
  // unit, not a Set of every accepted character (hundreds of thousands on a mirror page).
  const wanted = new Uint8Array(0x10000);
  for (const at of rejected) wanted[text.charCodeAt(at - 1)] = 1;
  const annotated = new Set<string>();
  for (const char of accepted.chars) if (wanted[char.charCodeAt(char.length - 1)]) annotated.add(char);
  const byChar = new Map<string, AnnotationCandidate[]>();
  // Characters followed somewhere by another syllable as well: not one fixed annotation.
  const mixed = new Set<string>();
  for (const at of rejected) {
    const before = text.charCodeAt(at - 1);
    const char = isLowSurrogateCode(before) ? text.slice(at - 2, at) : text[at - 1];
    if (char === undefined || annotated.has(char)) continue;
    const end = bracketAt(text, at);
    if (end === -1) continue;
    const written = text.slice(bracketStart, bracketWrittenEnd);
    let list = byChar.get(char);
    if (list && list[0]!.syllables[0] !== written) mixed.add(char);
    if (!offByTone(char, written)) { mixed.add(char); continue; }
    if (!list) byChar.set(char, (list = []));
    list.push({ offset: at, length: end - at, char, syllables: [written], toned: true, toneOff: true });
  }
  const found: AnnotationCandidate[] = [];
  for (const [char, list] of byChar) if (!mixed.has(char)) for (const c of list) found.push(c);
  return AnnotationList.of(found.sort((x, y) => x.offset - y.offset));
}

/** A toned, lower-case syllable whose letters are a reading of the character but whose tone is not. */
function offByTone(char: string, written: string): boolean {
  if (written !== written.toLowerCase()) return false;
  const parsed = parseSyllable(written);
  if (!parsed || parsed.tone === 0) return false;
  const readings = readingsOf(char);
  return readings.some((r) => r.base === parsed.base) && !readings.some((r) => syllableMatches(parsed, r));
}

function isLowSurrogateCode(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** What judgeAnnotations counts over a text's candidates. */
interface AnnotationCounts {
  /** Occurrences in the text of the annotated characters. */
  occurrences: number;
  tradOnly: number;
  toneless: number;
  doubled: number;
  /** Annotated characters, and those of them always annotated with the same (first) syllable. */
  types: number;
  consistent: number;
  /** Candidates whose character already appears earlier in the text (annotated or not). */
  later: number;
}

/**
 * Per BMP code unit, the first syllable list seen on its character (reused,
 * cleared after each use). Candidates of one character and syllable share
 * their list, so the usual comparison is one identity check: a Map of Sets by
 * character was most of judging a mirror page's 230,000 candidates.
 */
let firstSyllables: (readonly string[] | undefined)[] | undefined;
/** Per BMP code unit, what is known of an annotated character (reused, cleared after each use). */
let typeMarks: Uint8Array | undefined;
const ANNOTATED = 1;
const TRADITIONAL_ONLY = 2;
const MIXED = 4;

function countAnnotations(text: string, candidates: AnnotationList): AnnotationCounts {
  const first = (firstSyllables ??= new Array<readonly string[] | undefined>(0x10000).fill(undefined));
  const marks = (typeMarks ??= new Uint8Array(0x10000));
  const { chars, syllables, offsets } = candidates;
  // Characters outside the BMP (rare in news text): by string.
  const astralFirst = new Map<string, readonly string[]>();
  const astralMixed = new Set<string>();
  let tradOnly = 0;
  let toneless = 0;
  let doubled = 0;
  let types = 0;
  let mixed = 0;
  let later = 0;
  for (let k = 0; k < candidates.length; k++) {
    if (!candidates.toned(k)) toneless++;
    const written = syllables[k]!;
    if (written.length > 1) doubled++;
    const ch = chars[k]!;
    let known: boolean;
    if (ch.length === 1) {
      const code = ch.charCodeAt(0);
      let m = marks[code]!;
      known = m !== 0;
      if (!known) {
        m = ANNOTATED | (isTraditionalOnly(ch) ? TRADITIONAL_ONLY : 0);
        first[code] = written;
      } else if (!(m & MIXED) && first[code] !== written && first[code]![0] !== written[0]) {
        m |= MIXED;
        mixed++;
      }
      marks[code] = m;
      if (m & TRADITIONAL_ONLY) tradOnly++;
    } else {
      const seen = astralFirst.get(ch);
      known = seen !== undefined;
      if (!known) astralFirst.set(ch, written);
      else if (seen![0] !== written[0] && !astralMixed.has(ch)) {
        astralMixed.add(ch);
        mixed++;
      }
      if (isTraditionalOnly(ch)) tradOnly++;
    }
    // Annotated before: at a later occurrence. A character's first annotation is at a later
    // occurrence when an unannotated one comes earlier (one indexOf per annotated character).
    if (known) later++;
    else {
      types++;
      if (text.indexOf(ch) < offsets[k]! - ch.length) later++;
    }
  }
  let occurrences = 0;
  for (let i = 0; i < text.length; i++) if (marks[text.charCodeAt(i)]) occurrences++;
  if (astralFirst.size) for (const ch of text) if (astralFirst.has(ch)) occurrences++;
  // The tables are shared between calls (the content script judges thousands of blocks): clear what we set.
  for (const ch of chars) {
    if (ch.length !== 1) continue;
    const code = ch.charCodeAt(0);
    first[code] = undefined;
    marks[code] = 0;
  }
  return { occurrences, tradOnly, toneless, doubled, types, consistent: types - mixed, later };
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
  /** Share of candidates at a later occurrence of their character (a lesson glosses the first one). */
  laterShare: number;
  /** Annotations with the mirror's fixed wrong tone (成績(jī)), counted by repair on a mirror page. */
  fixedTone: number;
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
  candidates: AnnotationList,
  script: string,
  hanCount = countHan(text),
): AnnotationEvidence {
  const n = candidates.length;
  const none: AnnotationEvidence = {
    found: 0, traditionalOnlyShare: 0, coverage: 0, density: 0, tonelessShare: 0, doubled: 0, consistency: 0, laterShare: 0, fixedTone: 0,
    mirror: false, why: 'no bracketed pinyin after a Han character',
  };
  if (n === 0) return none;
  const { occurrences, tradOnly, toneless, doubled, types, consistent, later } = countAnnotations(text, candidates);
  const e: AnnotationEvidence = {
    found: n,
    traditionalOnlyShare: tradOnly / n,
    coverage: occurrences > 0 ? n / occurrences : 0,
    density: hanCount > 0 ? n / hanCount : 0,
    tonelessShare: toneless / n,
    doubled,
    consistency: consistent / types,
    laterShare: later / n,
    fixedTone: 0,
    mirror: false,
    why: '',
  };
  e.why = decide(e, script, n);
  return e;
}

/** Percent, for reasons: 0.574 → "57 %". */
function pct(share: number): string {
  return `${Math.round(share * 100)} %`;
}

/**
 * The rules, in order; sets e.mirror and returns the reason, which names the
 * figures it rests on so a reader can check the verdict against the page.
 */
function decide(e: AnnotationEvidence, script: string, n: number): string {
  const count = `${n} annotation${n === 1 ? '' : 's'}`;
  const onTrad = `${pct(e.traditionalOnlyShare)} on Traditional-only characters`;
  const covered = `at ${pct(e.coverage)} of their characters' occurrences`;
  if (script !== 'traditional' && script !== 'mixed') {
    return `the text is not in Traditional script; mirrors annotate converted Traditional text (${count}, ${onTrad})`;
  }
  if (e.density > 0.6) return `${pct(e.density)} of the characters are annotated, as in a lesson (${count})`;
  if (e.consistency < 0.9) {
    return `the same character carries different readings (${pct(e.consistency)} of the annotated characters keep one), as in a lesson (a mirror uses one fixed reading)`;
  }
  const tradOnly = e.traditionalOnlyShare >= 0.9;
  const toned = e.tonelessShare <= 0.2;
  if (tradOnly && toned && (n < 5 || e.coverage >= 0.6)) {
    e.mirror = true;
    return `${count}, ${onTrad}, ${covered}, one fixed reading per character: a mirror's annotations`;
  }
  // Some mirrors annotate a random share of the occurrences (coverage 0.3–0.6). A lesson that annotates only
  // Traditional-only characters glosses each where it first appears; a mirror's also sit at later occurrences.
  const laterShare = e.laterShare;
  if (tradOnly && toned && n >= 8 && e.coverage >= 0.3 && laterShare >= 0.1) {
    e.mirror = true;
    return `${count}, ${onTrad}, one fixed reading per character, ${covered}, ${pct(laterShare)} at a later occurrence of their character (a lesson glosses a character where it first appears): a mirror annotating part of the occurrences`;
  }
  if (e.tonelessShare >= 0.8 && (e.doubled > 0 || (n >= 5 && e.coverage >= 0.8))) {
    e.mirror = true;
    return `${count}, ${pct(e.tonelessShare)} toneless, ${covered}${e.doubled ? `, ${e.doubled} doubled` : ''}: a toneless mirror style`;
  }
  if (!tradOnly) return `only ${onTrad} (a mirror annotates nearly only those), as in a lesson (${count})`;
  if (!toned) return `${count}, ${pct(e.tonelessShare)} without tones and ${pct(1 - e.tonelessShare)} with: neither a mirror's toned nor its toneless style`;
  if (laterShare < 0.1) return `${count}, ${onTrad}, ${pct(1 - laterShare)} at the first occurrence of their character, as a lesson introduces characters`;
  return `${count}, ${onTrad}, but only ${covered}: too few to tell a mirror from a lesson`;
}

/** Reasons of single-syllable annotations, one string per distinct annotation. */
const reasons = new Map<string, Map<string, string>>();

function reasonFor(list: AnnotationList, k: number): string {
  const char = list.chars[k]!;
  const syllables = list.syllables[k]!;
  if (list.toneOff(k)) return `pinyin annotation (${syllables[0]}) after ${char}: this mirror's fixed annotation of ${char}, a reading but for its tone`;
  if (syllables.length !== 1) return `pinyin annotation ${syllables.map((s) => `(${s})`).join('')} after ${char}`;
  return cachedBySyllable(reasons, char, syllables[0]!, describeOne);
}

function describeOne(char: string, written: string): string {
  return `pinyin annotation (${written}) after ${char}`;
}

/** Edits that remove the given annotation candidates. */
export function annotationEdits(text: string, candidates: AnnotationList): Edit[] {
  const edits: Edit[] = new Array(candidates.length);
  const { offsets, lengths } = candidates;
  for (let k = 0; k < candidates.length; k++) {
    const offset = offsets[k]!;
    const length = lengths[k]!;
    edits[k] = { offset, length, original: text.slice(offset, offset + length), replacement: '', kind: 'pinyin', reason: reasonFor(candidates, k) };
  }
  return edits;
}
