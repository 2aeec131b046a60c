/**
 * Finds Chinese mojibake and proposes exact, explained repairs.
 *
 * The method follows the one ftfy made standard: a stretch of text is changed
 * only when (1) it looks broken (a badness test on the damaged characters),
 * (2) the repair round-trips exactly (re-encoding the repair gives back the
 * damaged bytes), and (3) the repair is overwhelmingly common Chinese
 * characters and punctuation. Bytes that are gone (a `?` or U+FFFD standing
 * for a character) are never guessed: they are reported in `lostSpans`.
 *
 * Damage repaired:
 *  - GBK or Big5 bytes shown as Latin-1 / Windows-1252 (`×¢ÖØÍøÂç` → 注重网络,
 *    `¡@¡@°ê»Ú³f¹ô` → 　　國際貨幣);
 *  - UTF-8 bytes shown as Latin-1 / Windows-1252 (`ä¸­æ–‡` → 中文);
 *  - UTF-8 bytes shown as GBK (`銆傗€滄垜` → 。“我);
 *  - Big5 bytes shown as GBK;
 *  - a GBK byte stream decoded one byte off (`??茖W` → ?科學), including runs
 *    where a mirror's pinyin annotation survived and pins the missing byte
 *    (`當?shù)氐…` → 當地…).
 *
 * "Common" is measured with the two national standards' own frequency
 * tiers: GB2312 level 1 (3,755 characters) and, for Traditional forms, Big5
 * level 1 (5,401); see tables.ts. Weak evidence (one short stretch) is
 * accepted only next to strong evidence of the same kind.
 *
 * Fast path: text with no non-ASCII character returns at once; otherwise one
 * pass over the text with a 64K flag table finds the few places worth a look.
 *
 * Pure TypeScript: no DOM, no Node API; the byte tables are data (tables.ts).
 */
import type { Edit } from '../edits.ts';
import { readingsOf } from '../readings.ts';
import { parseSyllable, PINYIN_LETTERS, syllableMatches, type Syllable } from '../syllable.ts';
import { PINYIN_HINTS } from './pinyin-hints.ts';
import {
  big5,
  classOf,
  COMMON,
  CP1252_80_9F,
  gbk,
  gbkCharacters,
  isCp1252Special,
  KANA,
  latinByte,
  ODD,
  PUNCT,
  RARE_HAN,
  scriptOf,
  SHARED,
  SIMPLIFIED_ONLY,
  TRADITIONAL_ONLY,
} from './tables.ts';

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
interface Candidate {
  start: number;
  end: number;
  replacement: string;
  reason: string;
  /** Higher wins when candidates overlap. */
  score: number;
  lost: LostSpan[];
}

const NON_ASCII = /[^\x00-\x7f]/;

// Prescan flags, one byte per BMP code unit.
const F_LATIN = 1; // may stand for a byte shown as Latin-1/Windows-1252
const F_MARK = 2; // '?' or U+FFFD: a byte or character may be lost here
const F_GARBAGE = 4; // a rare or odd character GBK can encode: maybe misdecoded bytes

let flagTable: Uint8Array | undefined;

function flags(): Uint8Array {
  if (flagTable) return flagTable;
  const cls = classOf();
  const f = new Uint8Array(0x10000);
  for (let c = 0x80; c < 0x100; c++) f[c]! |= F_LATIN;
  // The Windows-1252 characters beyond Latin-1 are few: look up those, not all 65,000 code units.
  for (let b = 0; b < CP1252_80_9F.length; b++) {
    const c = CP1252_80_9F.charCodeAt(b);
    if (isCp1252Special(c)) f[c]! |= F_LATIN;
  }
  // What GBK can encode is what its table lists: 24,000 codes to read, not 65,000 lookups.
  const chars = gbkCharacters();
  for (let i = 0; i < chars.length; i++) {
    const c = chars.charCodeAt(i);
    const k = cls[c]!;
    if (c >= 0x100 && c !== 0xfffd && (k === RARE_HAN || k === KANA || k === ODD)) f[c]! |= F_GARBAGE;
  }
  f[0x20ac]! |= F_GARBAGE; // € is GBK's single byte 0x80
  f[0x3f]! |= F_MARK;
  f[0xfffd]! |= F_MARK;
  return (flagTable = f);
}

/** Finds mojibake in a text. Offsets are UTF-16 code units of `text`. */
export function findMojibake(text: string): MojibakeResult {
  // Every kind of mojibake handled here shows at least one non-ASCII character.
  if (!NON_ASCII.test(text)) return { edits: [], lostSpans: [] };
  const f = flags();
  const candidates: Candidate[] = [];
  const latin: LatinCandidate[] = [];
  const big5Found: Graded[] = [];
  const utf8Found: Graded[] = [];
  const marks: number[] = [];
  let latinDone = 0;
  let runDone = 0;
  const n = text.length;
  const share = hiraganaShare(text);
  japanese = share >= 0.1;
  surelyJapanese = share >= 0.25;
  for (let i = 0; i < n; i++) {
    const bits = f[text.charCodeAt(i)]!;
    if (bits === 0) continue;
    if (bits & F_MARK) marks.push(i);
    if (bits & F_LATIN && i >= latinDone) latinDone = scanLatinZone(text, i, latin);
    if (bits & F_GARBAGE && i >= runDone) runDone = scanGbkRun(text, i, runDone, utf8Found, big5Found);
    // A U+FFFD or ? right after GBK characters: maybe UTF-8 bytes cut off there.
    else if (bits & F_MARK && i > runDone && text.charCodeAt(i - 1) >= 0x80 && (f[text.charCodeAt(i - 1)]! & F_MARK) === 0)
      runDone = Math.max(runDone, scanGbkRun(text, i - 1, runDone, utf8Found, big5Found));
  }
  if (latin.length) candidates.push(...resolveLatin(text, latin));
  if (big5Found.length) candidates.push(...resolveNearby(big5Found));
  if (utf8Found.length) candidates.push(...resolveNearby(utf8Found));
  // A run of ? ? ? (or ����) is lost bytes, not a shifted stream: looking for a
  // realignment at every one of them took cubic time. Only isolated marks and the
  // edges of short runs are worth it.
  for (const p of marks) if (!insideMarkRun(text, p)) oneByteOff(text, p, candidates);
  return select(text, candidates, marks);
}

/** True for a mark with marks (or spaces between marks) on both sides: the middle of a run of lost characters. */
function insideMarkRun(text: string, p: number): boolean {
  const isMark = (i: number): boolean => text.charCodeAt(i) === 0x3f || text.charCodeAt(i) === 0xfffd;
  let before = p - 1;
  if (text.charCodeAt(before) === 0x20) before--;
  let after = p + 1;
  if (text.charCodeAt(after) === 0x20) after++;
  return isMark(before) && isMark(after);
}

/** Set per call: the text reads as Japanese (a tenth of its wide characters are hiragana) — or surely so (a quarter). */
let japanese = false;
let surelyJapanese = false;

/**
 * Share of hiragana among a text's wide characters (0 with fewer than three):
 * a third or more of Japanese prose is hiragana, while UTF-8 read as GBK
 * yields one now and then (GBK's row A4 holds them), and Big5 read as GBK
 * more often (Big5's busiest row is A4), but far from a quarter.
 */
function hiraganaShare(text: string): number {
  let hiragana = 0;
  let wide = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x2e80) continue;
    wide++;
    if (c >= 0x3041 && c <= 0x309f) hiragana++;
  }
  return hiragana >= 3 ? hiragana / wide : 0;
}

function hasHiragana(text: string, s: number, e: number): boolean {
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
    if (c >= 0x3041 && c <= 0x309f) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------
// Shared judgments

/** Counts of the classes of decoded characters. */
interface Judged {
  han: number;
  rare: number;
  /** Code points in the output. */
  count: number;
}

/** True when a decoded code point is acceptable output (common, or rare Han to be counted). */
function acceptable(cp: number): boolean {
  const k = classOf()[cp]!;
  return k === COMMON || k === SHARED || k === PUNCT || k === RARE_HAN;
}

/** True for characters that are odd in running Chinese text (rare, kana, symbols, private use). */
function oddInText(k: number): boolean {
  return k === RARE_HAN || k === SHARED || k === KANA || k === ODD;
}

/** Few enough rare characters: none in short runs, one in eight in long ones. */
function rareAllowed(j: Judged): boolean {
  return j.rare <= Math.floor(j.count / 8);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function isHanCode(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

// ---------------------------------------------------------------------------
// 1–2. GBK, Big5 or UTF-8 bytes shown as Latin-1 / Windows-1252

interface LatinCandidate {
  start: number;
  end: number;
  replacement: string;
  codec: 'GBK' | 'Big5' | 'UTF-8';
  /** Accepted on its own (clearly broken); weak ones need a strong neighbour. */
  strong: boolean;
  /** Han characters and no more rare ones than allowed: may form a cluster with other weak ones. */
  plain: boolean;
  count: number;
  cp1252: boolean;
  /** Where the zone of Latin-1 characters it came from starts: candidates overlap only within a zone. */
  zone: number;
}

/** High byte (0x80–0xFE) a character stands for, or −1. */
function highByte(code: number): number {
  const b = latinByte(code);
  return b >= 0x80 && b <= 0xfe ? b : -1;
}

/** Byte usable as a trail: a high byte or printable ASCII 0x40–0x7E. */
function trailByte(code: number): number {
  if (code >= 0x40 && code <= 0x7e) return code;
  return highByte(code);
}

interface Pair {
  at: number;
  lead: number;
  trail: number;
}

function parsePairs(text: string, s: number): { pairs: Pair[]; end: number } {
  const pairs: Pair[] = [];
  let j = s;
  while (j + 1 < text.length) {
    const lead = highByte(text.charCodeAt(j));
    if (lead < 0x81) break;
    const trail = trailByte(text.charCodeAt(j + 1));
    if (trail < 0) break;
    pairs.push({ at: j, lead, trail });
    j += 2;
  }
  return { pairs, end: j };
}

/**
 * Parses the zone of Latin-1 characters starting at i into byte pairs, judges
 * them as GBK and as Big5, and records candidates. Returns where the zone ends.
 */
function scanLatinZone(text: string, i: number, all: LatinCandidate[]): number {
  const out: LatinCandidate[] = [];
  const end = scanZone(text, i, out);
  for (const c of out) c.zone = i;
  all.push(...out);
  return end;
}

function scanZone(text: string, i: number, out: LatinCandidate[]): number {
  // Quick exit: one accented character glued into a Latin word (“roughly,
  // Zürich) can only make a pair with an ASCII letter: nothing to repair.
  if (isAsciiLetter(text.charCodeAt(i + 1)) && isAsciiLetter(text.charCodeAt(i + 2))) {
    return i + 1;
  }
  const first = parsePairs(text, i);
  let end = Math.max(first.end, i + 1, utf8AsLatin(text, i, out));
  const found = judgeLatinPairs(text, first.pairs);
  // A stray character before the damage would shift every pair: try one later too.
  if (highByte(text.charCodeAt(i + 1)) >= 0x81 && !found.some((c) => c.start === i)) {
    const second = parsePairs(text, i + 1);
    const alt = judgeLatinPairs(text, second.pairs);
    const restored = (cs: LatinCandidate[]) => cs.reduce((s, c) => s + c.count, 0);
    if (restored(alt) > restored(found)) {
      out.push(...alt);
      return Math.max(end, second.end);
    }
  }
  out.push(...found);
  return end;
}

/**
 * UTF-8 bytes shown as Latin-1 / Windows-1252 (`ä¸­æ–‡` for 中文): valid
 * three-byte sequences that decode to Chinese. Records candidates; returns
 * where the bytes end.
 */
function utf8AsLatin(text: string, i: number, out: LatinCandidate[]): number {
  let j = i;
  let start = -1;
  let decoded = '';
  let seqs = 0;
  let cp1252 = false;
  while (j + 2 < text.length) {
    const b0 = latinByte(text.charCodeAt(j));
    if (b0 < 0xe2 || b0 > 0xef) break;
    const b1 = latinByte(text.charCodeAt(j + 1));
    const b2 = latinByte(text.charCodeAt(j + 2));
    if (b1 < 0x80 || b1 > 0xbf || b2 < 0x80 || b2 > 0xbf) break;
    const cp = ((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
    if (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff) || !acceptable(cp)) break;
    if (start < 0) start = j;
    for (let k = j; k < j + 3; k++) if (isCp1252Special(text.charCodeAt(k))) cp1252 = true;
    decoded += String.fromCharCode(cp);
    seqs++;
    j += 3;
  }
  if (start >= 0 && decoded) {
    const jd = judge(decoded);
    const plain = jd.han > 0 && rareAllowed(jd);
    out.push({
      start,
      end: j,
      replacement: decoded,
      codec: 'UTF-8',
      // Two valid sequences in a row do not occur in real European text.
      strong: plain && seqs >= 2,
      plain,
      count: jd.count,
      cp1252,
      zone: -1,
    });
  }
  return j;
}

function judgeLatinPairs(text: string, pairs: Pair[]): LatinCandidate[] {
  if (pairs.length === 0) return [];
  const out: LatinCandidate[] = [];
  for (const codec of [gbk(), big5()]) {
    // Decode each pair; keep those that round-trip to acceptable characters.
    const cps = pairs.map((p) => {
      const cp = codec.decodePair(p.lead, p.trail);
      if (!cp || codec.encodeChar(cp) !== ((p.lead << 8) | p.trail) || !acceptable(cp)) return 0;
      return cp;
    });
    for (const [a, b] of subRuns(cps, false)) {
      const start = pairs[a]!.at;
      const end = pairs[b - 1]!.at + 2;
      const replacement = String.fromCharCode(...cps.slice(a, b));
      const j = judge(replacement);
      const weird = latinWeirdness(text, start, end);
      // Letters right outside the pairs: ASCII ones, or accented ones the pairs left over.
      const letterNear = isLetterAt(text, start - 1) || isLetterAt(text, end);
      // Inside a word: an accented word, not damage — unless all it gives is
      // CJK punctuation, which can only join strong neighbours (`¡¡AI`).
      if (letterNear && j.count < 2 && j.han > 0) continue;
      // Two or more characters with anything odd, or one with a lot of it
      // (`µÄ` alone is weak: it joins only with neighbours, as in 2020Äê4ÔÂ).
      // Glued to a Latin word it needs more (`GDPÔö³¤`). Punctuation alone
      // (`¡£` for 。) and stretches with rare characters (a name) are weak.
      const plain = j.han > 0 && rareAllowed(j);
      const strong =
        plain &&
        (letterNear ? weird >= 2 : j.count >= 2 ? weird >= 1 : weird >= 2 && hasLatinLetter(text, start, end));
      if (!strong && letterNear && j.han > 0) continue;
      let cp1252 = false;
      for (let k = start; k < end; k++) if (isCp1252Special(text.charCodeAt(k))) cp1252 = true;
      out.push({ start, end, replacement, codec: codec.name as 'GBK' | 'Big5', strong, plain, count: j.count, cp1252, zone: -1 });
    }
  }
  return out;
}

function hasLatinLetter(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const c = latinClass(text.charCodeAt(k));
    if (c === L_UPPER || c === L_LOWER || c === L_CONTROL) return true;
  }
  return false;
}

/**
 * Splits decoded code points (0 = bad) into runs of good ones; unless told
 * not to, a run with too many rare characters is split again around them.
 */
function subRuns(cps: number[], splitRare = true): [number, number][] {
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
    const j = judge(String.fromCharCode(...cps.slice(a, b)));
    if (!splitRare || rareAllowed(j)) runs.push([a, b]);
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

function judge(s: string): Judged {
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

// Classes of the characters Latin-1/Windows-1252 mojibake is made of.
const L_CONTROL = 1;
const L_QUOTE = 2; // punctuation that sits next to letters in real text
const L_SYMBOL = 3;
const L_UPPER = 4;
const L_LOWER = 5;
const QUOTES = new Set([...'‘’‚“”„«»‹›–—…•·¡¿\u00a0\u00ad'].map((c) => c.charCodeAt(0)));
const UPPER_EXTRA = new Set([0x160, 0x152, 0x17d, 0x178]); // Š Œ Ž Ÿ
const LOWER_EXTRA = new Set([0x161, 0x153, 0x17e]); // š œ ž

let latinClasses: Uint8Array | undefined;

function latinClass(c: number): number {
  if (c >= 0x2200) return 0;
  if (!latinClasses) {
    latinClasses = new Uint8Array(0x2200);
    for (let k = 0x80; k < 0x2200; k++) {
      let v = 0;
      if (k <= 0x9f) v = L_CONTROL;
      else if (QUOTES.has(k)) v = L_QUOTE;
      else if ((k >= 0xc0 && k <= 0xde && k !== 0xd7) || UPPER_EXTRA.has(k)) v = L_UPPER;
      else if ((k >= 0xdf && k <= 0xff && k !== 0xf7) || LOWER_EXTRA.has(k)) v = L_LOWER;
      else if (latinByte(k) >= 0x80) v = L_SYMBOL;
      latinClasses[k] = v;
    }
  }
  return latinClasses[c]!;
}

/**
 * How implausible a stretch is as real European text: control characters;
 * letters glued to symbols (`¹ú`, `Ð¹`); an accented capital glued to an
 * accented small letter or the reverse (`Äê`, `øÂ`); symbols glued together
 * (`×¢`); three or more accented letters in a row (`ÖÐÎÄ`). Real words put
 * accented letters between plain ones (café, Zürich, Ærøskøbing).
 */
function latinWeirdness(text: string, start: number, end: number): number {
  let weird = 0;
  let streak = 0;
  let prev = 0;
  for (let k = start; k < end; k++) {
    const cur = latinClass(text.charCodeAt(k));
    if (cur === L_CONTROL) weird += 2;
    if (cur === L_UPPER || cur === L_LOWER) {
      streak++;
      if (streak >= 3) weird++;
    } else streak = 0;
    if (prev && cur && prev !== L_QUOTE && cur !== L_QUOTE && prev !== L_CONTROL && cur !== L_CONTROL) {
      if (prev === L_SYMBOL || cur === L_SYMBOL) weird++;
      else if (prev !== cur) weird++; // upper–lower or lower–upper
    }
    prev = cur;
  }
  return weird;
}

/**
 * Chooses GBK or Big5 where both read a stretch, and lets weak stretches
 * (`ÔÂ` alone could be a name in capitals) in only next to strong ones.
 */
function resolveLatin(text: string, all: LatinCandidate[]): Candidate[] {
  // Candidates grouped by zone (they are pushed zone by zone, in text order).
  const zones: LatinCandidate[][] = [];
  for (const c of all) {
    const z = zones[zones.length - 1];
    if (z && z[0]!.zone === c.zone) z.push(c);
    else zones.push([c]);
  }
  // Which codec the text's clear cases use.
  const weight = { GBK: 0, Big5: 0, 'UTF-8': 0 };
  for (const z of zones) {
    for (const c of z) {
      if (!c.strong) continue;
      const rival = z.some((o) => o !== c && o.codec !== c.codec && o.start < c.end && c.start < o.end && o.count >= c.count);
      if (!rival) weight[c.codec] += c.count;
    }
  }
  let preferred: LatinCandidate['codec'] = weight.Big5 > weight.GBK ? 'Big5' : 'GBK';
  if (weight.Big5 === weight.GBK) preferred = traditionalContext(text) ? 'Big5' : 'GBK';
  // Per zone keep a strong candidate over a weak one, then the one covering
  // most, then the one restoring most, the preferred codec on ties.
  const kept: LatinCandidate[] = [];
  for (const z of zones) {
    const sorted = [...z].sort(
      (a, b) =>
        Number(b.strong) - Number(a.strong) ||
        b.end - b.start - (a.end - a.start) ||
        b.count - a.count ||
        Number(b.codec === preferred) - Number(a.codec === preferred),
    );
    const mine: LatinCandidate[] = [];
    for (const c of sorted) if (!mine.some((o) => o.start < c.end && c.start < o.end)) mine.push(c);
    kept.push(...mine.sort((a, b) => a.start - b.start));
  }
  // Weak stretches join when a strong one of the same codec is close, with no letters between.
  const accepted = kept.map((c) => c.strong);
  const joins = (i: number, j: number) => {
    const o = kept[j];
    if (!o || !accepted[j] || o.codec !== kept[i]!.codec) return false;
    return near(text, j < i ? o : kept[i]!, j < i ? kept[i]! : o);
  };
  let changed = true;
  while (changed) {
    changed = false;
    for (let i = 0; i < kept.length; i++) if (!accepted[i] && joins(i, i - 1)) accepted[i] = changed = true;
    for (let i = kept.length - 1; i >= 0; i--) if (!accepted[i] && joins(i, i + 1)) accepted[i] = changed = true;
  }
  // A cluster of weak stretches (2020Äê4ÔÂ29ÈÕ) stands on its own when it has
  // three or more characters and something odd in it.
  for (let i = 0; i < kept.length; ) {
    let k = i;
    while (k + 1 < kept.length && near(text, kept[k]!, kept[k + 1]!) && kept[k + 1]!.codec === kept[i]!.codec) k++;
    const members = kept.slice(i, k + 1);
    const count = members.reduce((n, c) => n + c.count, 0);
    const weird = members.reduce((n, c) => n + latinWeirdness(text, c.start, c.end), 0);
    const plain = members.every((c) => c.plain) && members.some((c) => c.codec !== 'UTF-8');
    if (plain && members.length > 1 && count >= 3 && weird >= 1) for (let t = i; t <= k; t++) accepted[t] = true;
    i = k + 1;
  }
  const out: Candidate[] = [];
  kept.forEach((c, i) => {
    if (!accepted[i]) return;
    const shown = c.cp1252 ? 'Windows-1252' : 'Latin-1';
    out.push({
      start: c.start,
      end: c.end,
      replacement: c.replacement,
      reason: `${c.codec} bytes read as ${shown}, ${plural(c.count, 'character')} restored`,
      score: 10 * c.count + (c.strong ? 5 : 0),
      lost: [],
    });
  });
  return out;
}

/** Two stretches close together with no letters between (digits, spaces and punctuation only). */
function near(text: string, a: { end: number }, b: { start: number }): boolean {
  return b.start - a.end <= 8 && !/[A-Za-z]/.test(text.slice(a.end, b.start));
}

/** An ASCII letter or an accented Latin letter. */
function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (isAsciiLetter(c)) return true;
  const k = latinClass(c);
  return k === L_UPPER || k === L_LOWER;
}

/** True when the undamaged Han text around is more Traditional than Simplified. */
function traditionalContext(text: string): boolean {
  const g = gbk();
  const b = big5();
  let trad = 0;
  let simp = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isHanCode(c)) continue;
    const inBig5 = b.encodeChar(c) !== 0;
    const code = g.encodeChar(c);
    const inGb2312 = code >= 0xb0a1 && (code & 0xff) >= 0xa1;
    if (inBig5 && !inGb2312) trad++;
    else if (inGb2312 && !inBig5) simp++;
  }
  return trad > simp;
}

// ---------------------------------------------------------------------------
// 3–4. UTF-8 or Big5 bytes shown as GBK

/** A character GBK encodes in two bytes, or € (its single byte 0x80). */
function encodable(c: number): boolean {
  return c === 0x20ac || (c >= 0x80 && gbk().encodeChar(c) !== 0);
}

/**
 * Looks at the run of GBK-encodable characters around position i (which holds
 * a rare or odd character) for UTF-8 or Big5 bytes read as GBK. Returns the
 * run's end.
 */
function scanGbkRun(text: string, i: number, floor: number, utf8Found: Graded[], big5Found: Graded[]): number {
  let s = i;
  while (s > floor && encodable(text.charCodeAt(s - 1))) s--;
  let e = i;
  while (e < text.length && encodable(text.charCodeAt(e))) e++;
  // Both kinds of garbage are mostly rare and odd characters: a run of real
  // text with one rare character in it (a name) is not worth reading again.
  const cls = classOf();
  let bad = 0;
  let odd = 0;
  for (let k = s; k < e; k++) {
    const kc = cls[text.charCodeAt(k)]!;
    if (oddInText(kc) || text.charCodeAt(k) === 0x20ac) bad++;
    if (kc === ODD || kc === KANA) odd++;
  }
  const mark = text.charCodeAt(e) === 0x3f || text.charCodeAt(e) === 0xfffd;
  // On a Japanese page, kana are the language, not garbage: GBK encodes them, so
  // 計画を発表した would otherwise re-read as UTF-8 bytes.
  const kanaAreText = japanese && hasHiragana(text, s, e);
  if (!kanaAreText && (bad >= 2 || 4 * bad >= e - s || mark)) utf8AsGbk(text, s, e, utf8Found);
  if (odd > 0 && !(surelyJapanese && hasHiragana(text, s, e))) big5AsGbk(text, s, e, big5Found);
  return e;
}

function utf8AsGbk(text: string, s: number, e: number, found: Graded[]): void {
  const g = gbk();
  const cls = classOf();
  // The run's bytes, and where each character's bytes start.
  const bytes: number[] = [];
  const charAt: number[] = []; // byte offset → text index of the character starting there, or −1
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
    charAt[bytes.length] = k;
    if (c === 0x20ac) bytes.push(0x80);
    else {
      const code = g.encodeChar(c);
      bytes.push(code >> 8, code & 0xff);
      charAt[bytes.length - 1] = -1;
    }
  }
  charAt[bytes.length] = e;
  const after = text.charCodeAt(e);
  const lostAfter = after === 0x3f || after === 0xfffd;
  let k = 0; // byte offset, always at a character start
  while (k < bytes.length) {
    let pos = k;
    let decoded = '';
    let seqs = 0;
    let best: { pos: number; decoded: string; seqs: number } | undefined;
    let partial = false;
    for (;;) {
      if (pos >= bytes.length) break;
      const b0 = bytes[pos]!;
      let cp = -1;
      let len = 0;
      if (b0 >= 0x20 && b0 < 0x7f) {
        cp = b0;
        len = 1;
      } else if (b0 >= 0xe2 && b0 <= 0xef) {
        if (pos + 3 > bytes.length) {
          // Cut off at the run's end: fine only if the rest is continuation bytes.
          partial = bytes.slice(pos + 1).every((x) => x >= 0x80 && x <= 0xbf);
          break;
        }
        const b1 = bytes[pos + 1]!;
        const b2 = bytes[pos + 2]!;
        if (b1 < 0x80 || b1 > 0xbf || b2 < 0x80 || b2 > 0xbf) break;
        cp = ((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
        if (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff) || !acceptable(cp)) break;
        len = 3;
        seqs++;
      } else if (b0 === 0xc2 && bytes[pos + 1] === 0xb7) {
        cp = 0xb7; // middle dot in names
        len = 2;
        seqs++;
      } else break;
      decoded += String.fromCharCode(cp);
      pos += len;
      const at = charAt[pos];
      if (at !== undefined && at >= 0) best = { pos, decoded, seqs };
    }
    let end = best;
    let lost: LostSpan[] = [];
    if (partial) {
      // The run ends inside a character whose last bytes are gone.
      if (lostAfter) {
        end = { pos: bytes.length, decoded, seqs: seqs + 1 };
        lost = [{ offset: e, length: 1 }];
      } else if (e === text.length) {
        end = { pos: bytes.length, decoded, seqs: seqs + 1 };
        lost = [{ offset: e, length: 0 }];
      }
    }
    if (end && end.seqs >= 1) {
      const start = charAt[k]!;
      const stop = charAt[end.pos]! >= 0 ? charAt[end.pos]! : e;
      const j = judge(end.decoded);
      let bad = 0;
      for (let t = start; t < stop; t++) {
        const c = text.charCodeAt(t);
        if (c === 0x20ac || oddInText(cls[c]!)) bad++;
      }
      const inputs = stop - start;
      const cjk = j.count - countAscii(end.decoded);
      // Garbage made of UTF-8 bytes is mostly rare characters; the longer the
      // valid UTF-8, the fewer are needed (a common one turns up by chance).
      const jumbled = bad >= 1 && (bad * 2 >= inputs || (end.seqs >= 4 && bad * 4 >= inputs));
      if ((cjk > 0 || lost.length) && (jumbled || bad > 0 || lost.length)) {
        // Two characters or more of valid UTF-8 are strong evidence; one, or
        // only the first bytes of a lost one (`鏈` before U+FFFD), or a
        // stretch with rare characters (a name), is weak.
        const strong = jumbled && rareAllowed(j) && end.seqs >= 2 && cjk >= 2 && (j.han >= 1 || cjk >= 3);
        const note = lost.length ? `; ${plural(1, 'character')} cut off and lost` : '';
        found.push({
          strong,
          candidate: {
            start,
            end: stop,
            replacement: end.decoded,
            reason:
              j.count > 0
                ? `UTF-8 bytes read as GBK, ${plural(j.count, 'character')} restored${note}`
                : 'UTF-8 bytes read as GBK: the first bytes of a character cut off and lost',
            score: 10 * j.count + 8,
            lost,
          },
        });
        k = end.pos;
        continue;
      }
    }
    // Next character start.
    k++;
    while (k < bytes.length && charAt[k] === -1) k++;
  }
}

function countAscii(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) < 0x80) n++;
  return n;
}

/** A repair judged alone: strong ones stand on their own, weak ones only near accepted ones of their kind. */
interface Graded {
  candidate: Candidate;
  strong: boolean;
}

/** Accepts the strong stretches and the weak ones within 30 characters of an accepted one (chains too). */
function resolveNearby(found: Graded[]): Candidate[] {
  const sorted = [...found].sort((a, b) => a.candidate.start - b.candidate.start);
  const accepted = sorted.map((f) => f.strong);
  let changed = true;
  while (changed) {
    changed = false;
    // Forward: distance to the last accepted one before; backward: to the next after.
    let lastEnd = -Infinity;
    for (let i = 0; i < sorted.length; i++) {
      const c = sorted[i]!.candidate;
      if (!accepted[i] && c.start - lastEnd <= 30) accepted[i] = changed = true;
      if (accepted[i]) lastEnd = Math.max(lastEnd, c.end);
    }
    let nextStart = Infinity;
    for (let i = sorted.length - 1; i >= 0; i--) {
      const c = sorted[i]!.candidate;
      if (!accepted[i] && nextStart - c.end <= 30) accepted[i] = changed = true;
      if (accepted[i]) nextStart = Math.min(nextStart, c.start);
    }
  }
  return sorted.filter((_, i) => accepted[i]).map((f) => f.candidate);
}

function big5AsGbk(text: string, s: number, e: number, found: Graded[]): void {
  const g = gbk();
  const b = big5();
  const cls = classOf();
  const cps: number[] = [];
  for (let k = s; k < e; k++) {
    const code = g.encodeChar(text.charCodeAt(k));
    const cp = code ? b.decodePair(code >> 8, code & 0xff) : 0;
    cps.push(cp && b.encodeChar(cp) === code && acceptable(cp) ? cp : 0);
  }
  for (const [a, z] of subRuns(cps)) {
    const n = z - a;
    const replacement = String.fromCharCode(...cps.slice(a, z));
    const j = judge(replacement);
    let bad = 0;
    let odd = 0;
    let kana = 0;
    let han = 0;
    let letters = 0;
    let scripts = 0;
    for (let k = s + a; k < s + z; k++) {
      const c = text.charCodeAt(k);
      // Accented Latin letters (GBK's pinyin row) and zhuyin (ㄅㄆㄇ, written on
      // Taiwan pages; GBK has a row of them) prove nothing.
      if (c < 0x370 || (c >= 0x3100 && c < 0x3130) || (c >= 0x31a0 && c < 0x31c0)) {
        letters++;
        continue;
      }
      if ((c >= 0x370 && c < 0x530) || (c >= 0x2500 && c < 0x2580)) scripts++;
      const kc = cls[c]!;
      if (kc === COMMON || kc === SHARED || kc === RARE_HAN) han++;
      if (kc === RARE_HAN || kc === SHARED || kc === ODD) bad++;
      if (kc === ODD) odd++;
      else if (kc === KANA) kana++;
    }
    // Big5 read as GBK is a jumble of Han with private-use, Greek, Cyrillic,
    // box-drawing and rare characters. Real Greek, Cyrillic or box-drawing
    // text is all of one kind; kana alone prove nothing (Japanese), and too
    // many mean Japanese.
    if (bad === 0 || 2 * kana > n || letters + scripts === n) continue;
    // One character repeated (炕炕炕… from a run of one private-use character) is no text either.
    if (/(.)\1\1\1/u.test(replacement)) continue;
    const strong = n >= 3 && j.han >= 2 && han >= 1 && odd + kana >= 1 && 5 * (bad + kana) >= 2 * n;
    found.push({
      strong,
      candidate: {
        start: s + a,
        end: s + z,
        replacement,
        reason: `Big5 bytes read as GBK, ${plural(j.count, 'character')} restored`,
        score: 10 * j.count,
        lost: [],
      },
    });
  }
}

// ---------------------------------------------------------------------------
// 5. A GBK byte stream decoded one byte off

let hintTable: Map<string, Set<string>> | undefined;

/** True when the syllable (toneless) is a reading of a Traditional-only character. */
function hasReading(ch: string, base: string): boolean {
  if (!hintTable) {
    hintTable = new Map();
    for (const group of PINYIN_HINTS.split('|')) {
      const [syl, chars] = group.split(':');
      for (const c of chars ?? '') {
        let set = hintTable.get(c);
        if (!set) hintTable.set(c, (set = new Set()));
        set.add(syl!);
      }
    }
  }
  return hintTable.get(ch)?.has(base) ?? false;
}

const SYLLABLE = `([${PINYIN_LETTERS}]{1,6}[1-5]?)`;
/** A whole annotation: (shù), （shù）, (huì ). */
const ANNOTATION = new RegExp(`[(（] ?${SYLLABLE} ?[)）]`, 'uy');
/** What is left of an annotation whose opening bracket the lost byte swallowed: shù). */
const ANNOTATION_TAIL = new RegExp(`[(（]? ?${SYLLABLE} ?[)）]`, 'uy');

function annotationAt(text: string, at: number, re: RegExp): { length: number; base: string; syllable: Syllable } | undefined {
  re.lastIndex = at;
  const m = re.exec(text);
  if (!m) return undefined;
  const syl = parseSyllable(m[1]!);
  return syl ? { length: m[0].length, base: syl.base, syllable: syl } : undefined;
}

/** One way a one-byte-off run can end. */
interface RunEnd {
  /** Input index where the edit ends (exclusive). */
  end: number;
  out: string;
  /**
   * 'trail': an ASCII byte realigned the stream; 'swallow': the last pair ate
   * an ASCII byte of the text and realigned it; 'lost': a `?` or U+FFFD at
   * `end` ate a byte; 'cut': the run stops mid-character.
   */
  kind: 'trail' | 'swallow' | 'lost' | 'cut';
  hint: boolean;
  bad: number;
  /** Input characters read as shifted bytes. */
  tokens: number;
  /** For 'trail': the realigning ASCII character sits right before a CJK character. */
  glued?: boolean;
  /** The run ends with the "(" of an annotation that a `?` had swallowed (out ends with it). */
  bracket?: boolean;
}

// ASCII punctuation that may be a full-width form after NFKC.
const FULLWIDTH_OK = /[!-/:-?]/;
// ASCII symbols a trail byte in 0x40–0x7E can come out as.
const SYMBOL_TRAIL = /[@[\\\]^_`{|}~]/;

/**
 * Reads the run after position q as GBK bytes shifted by one, with `carry`
 * the byte before it (−1 when lost). Returns every place it could end.
 */
/** Longest stretch read as one shifted run (a paragraph of damage is far shorter). */
const MAX_SHIFTED_RUN = 400;

function readShifted(text: string, q: number, carry: number, foreign: number): RunEnd[] {
  const g = gbk();
  const cls = classOf();
  const ends: RunEnd[] = [];
  let pending = carry;
  let out = '';
  let bad = 0;
  let hint = false;
  let tokens = 0;
  let j = q;
  // A shifted run is read at most this far: every ASCII character offers a possible end, and
  // on 200,000 question marks the list of ends (each with its text) ran out of memory.
  const limit = Math.min(text.length, q + MAX_SHIFTED_RUN);
  // Adds the character made of the pending byte and `next`; false when it is no good.
  const push = (next: number): boolean => {
    if (pending < 0) {
      pending = -2; // the first character is lost with its lead byte
      return true;
    }
    const cp = g.decodePair(pending, next);
    if (!cp || !acceptable(cp)) return false;
    out += String.fromCharCode(cp);
    return true;
  };
  while (j < limit) {
    const c = text.charCodeAt(j);
    if (c >= 0x80) {
      const code = c === 0xfffd ? 0 : g.encodeChar(c);
      // The browser's form of the `?` below: U+FFFD for the trail byte, the annotation's "(" kept.
      const named = c === 0xfffd && pending >= 0 ? namedByTail(text, j + 1, pending, true) : undefined;
      if (named) {
        ends.push({ end: j + 1, out: out + named, kind: 'trail', hint: true, bad, tokens: tokens + 1 });
        break;
      }
      if (!code) {
        if (c === 0xfffd && pending !== carry) ends.push({ end: j, out, kind: 'lost', hint, bad, tokens });
        else ends.push({ end: j, out, kind: 'cut', hint, bad, tokens });
        break;
      }
      if (!push(code >> 8)) break;
      tokens++;
      if ((code & 0xff) < 0x80) {
        // This pair swallowed an ASCII byte of the real text (`躉` for 市A):
        // its lead completed the last character, and the stream is realigned.
        const k = cls[c]!;
        ends.push({
          end: j + 1,
          out: out + String.fromCharCode(code & 0xff),
          kind: 'swallow',
          hint,
          bad: bad + (oddInText(k) ? 1 : 0),
          tokens,
        });
        break;
      }
      pending = code & 0xff;
      const k = cls[c]!;
      // Odd characters, and characters of the other script than the text around.
      if (oddInText(k) || (foreign && scriptOf()[c] === foreign)) bad++;
      j++;
      // A mirror's annotation of this garbage character (it saw the same shifted text).
      const a = annotationAt(text, j, ANNOTATION);
      if (a && hasReading(String.fromCharCode(c), a.base)) {
        hint = true;
        j += a.length;
      }
      continue;
    }
    if (c === 0x3f && pending >= 0) {
      // `當?shù)貏?chuàng)新`: the `?` is the trail byte of a character and the "(" of
      // the annotation after it, read as one bad pair. The annotation names that
      // character: it ends the run, and its "(" realigns the stream.
      const named = namedByTail(text, j + 1, pending, false);
      if (named) {
        ends.push({ end: j + 1, out: out + named + '(', kind: 'trail', hint: true, bad, tokens: tokens + 1, bracket: true });
        break;
      }
    }
    if (c === 0x3f) {
      // A lost trail byte, or a full-width ？ folded to ASCII.
      if (pending !== carry || carry >= 0) ends.push({ end: j, out, kind: 'lost', hint, bad, tokens });
      if (!push(0xa3)) break;
      pending = 0xbf;
      tokens++;
      j++;
      continue;
    }
    if (c >= 0x40 && c <= 0x7e && pending >= 0) {
      // An ASCII byte that was the trail of the last character: the stream is realigned.
      const before = out;
      if (!push(c)) break;
      const last = out.slice(before.length);
      const a = annotationAt(text, j + 1, ANNOTATION);
      const confirmed = a !== undefined && last !== '' && hasReading(last, a.base);
      // A lone ASCII symbol glued into Chinese text (`盼^六`) is itself a sign of damage.
      const glued = text.charCodeAt(j + 1) >= 0x2e80;
      const symbol = glued && SYMBOL_TRAIL.test(text[j]!);
      ends.push({ end: j + 1, out, kind: 'trail', hint: hint || confirmed, bad: bad + (symbol ? 1 : 0), tokens, glued });
      break;
    }
    if (FULLWIDTH_OK.test(text[j]!)) {
      // Either the run ends here, or this was a full-width form folded to ASCII.
      ends.push({ end: j, out, kind: 'cut', hint, bad, tokens });
      if (!push(0xa3)) break;
      pending = c + 0x80;
      tokens++;
      j++;
      continue;
    }
    ends.push({ end: j, out, kind: 'cut', hint, bad, tokens });
    break;
  }
  if (j >= text.length) ends.push({ end: j, out, kind: 'cut', hint, bad, tokens });
  return ends;
}

/**
 * The one character, lead byte `lead` and any trail byte, that has the
 * reading of the annotation at `at`; undefined when none or several do.
 * `whole`: the annotation keeps its "(" (after U+FFFD); otherwise only its
 * tail (`chuàng)`), whose "(" the `?` swallowed.
 */
function namedByTail(text: string, at: number, lead: number, whole: boolean): string | undefined {
  const open = text.charCodeAt(at);
  if ((open === 0x28 || open === 0xff08) !== whole) return undefined;
  const tail = annotationAt(text, at, whole ? ANNOTATION : ANNOTATION_TAIL);
  if (!tail) return undefined;
  const g = gbk();
  const named: string[] = [];
  // The byte read with "(" as a bad pair was a lead byte in that reading: 0x81 or above.
  for (let b = 0x81; b <= 0xfe; b++) {
    const x = g.decodePair(lead, b);
    if (x && acceptable(x) && hasReading(String.fromCharCode(x), tail.base)) named.push(String.fromCharCode(x));
  }
  if (named.length === 1) return named[0];
  // Several share the letters (實 shí, 屍 shī): the written tone may single one out.
  if (tail.syllable.tone === 0) return undefined;
  const toned = named.filter((ch) => readingsOf(ch).some((r) => syllableMatches(tail.syllable, r)));
  return toned.length === 1 ? toned[0] : undefined;
}

/** Picks the best acceptable end: a realigning byte first, then the longest. */
function bestEnd(text: string, ends: RunEnd[], start: number, needBad: boolean, foreign = 0): RunEnd | undefined {
  const ok = ends.filter((r) => {
    if (r.end <= start) return false;
    const endsInFffd = r.kind === 'lost' && text.charCodeAt(r.end) === 0xfffd;
    // `?X\uFFFD`: one garbage character between two loss marks holds only bytes
    // of the two lost characters; it goes, and both marks stay.
    if (r.out === '') return needBad && endsInFffd && r.tokens === 1 && r.end === start + 1;
    const j = judge(r.kind === 'swallow' ? r.out.slice(0, -1) : r.out);
    // A repair in the other script than the text around is as odd as a rare character.
    if (foreign) for (let i = 0; i < r.out.length; i++) if (scriptOf()[r.out.charCodeAt(i)] === foreign) j.rare++;
    if (j.han === 0 || !rareAllowed(j)) return false;
    if (r.hint) return true;
    if (!needBad) return j.count >= 1;
    // The swallow reading fits any Traditional text (a third of its GBK codes
    // end in an ASCII byte): it needs a longer run.
    if (r.kind === 'swallow') return j.count >= 3 && r.bad >= Math.max(2, Math.ceil(j.count * 0.4));
    // Bytes read one off make a jumble: about half rare characters, kana and
    // symbols. Real text after a question mark is almost all common: demand a
    // share of odd characters (fewer once the run is long: eight common
    // characters in a row do not come out of real text by chance), and more
    // restored characters when no ASCII byte realigned the stream.
    const share = (f: number) => r.bad >= (j.count >= 8 ? 2 : Math.max(1, Math.ceil(j.count * f)));
    // One character, realigned by an ASCII letter stuck into Chinese text
    // (`?磿r開放` for ?時開放), when what stood between was odd.
    if (r.kind === 'trail') return j.count >= 2 ? share(0.25) : r.bad >= 1 && r.glued === true;
    // Ending in U+FFFD, a decoder's own error mark, the run needs less.
    if (endsInFffd) return r.tokens >= 2 && (j.count >= 5 ? r.bad >= 1 : share(0.25));
    return j.count >= 3 && share(0.4);
  });
  const rank = (r: RunEnd) => (r.kind === 'trail' || r.kind === 'swallow' ? 2 : r.kind === 'lost' ? 1 : 0);
  ok.sort((a, b) => rank(b) - rank(a) || b.out.length - a.out.length);
  return ok[0];
}

function oneByteOff(text: string, p: number, out: Candidate[]): void {
  // Quick exit: a shifted run starts with a non-ASCII character, a `?` or
  // punctuation folded from full width; an annotation tail needs a Chinese
  // character before the mark.
  const next = text.charCodeAt(p + 1);
  const prev = text.charCodeAt(p - 1);
  if (!(next >= 0x80 || next === 0x3f || FULLWIDTH_OK.test(text[p + 1] ?? '') || (prev >= 0x80 && next < 0x80))) return;
  const g = gbk();
  // (B) `當?shù)氐…`: a byte and the annotation's "(" were read as one bad pair.
  // The annotation names the character the pair made in the mirror's shifted
  // view, which pins the lost byte; nothing is lost.
  const prevCode = prev >= 0x80 ? g.encodeChar(prev) : 0;
  const tail = prevCode ? annotationAt(text, p + 1, ANNOTATION_TAIL) : undefined;
  if (tail) {
    const q = p + 1 + tail.length;
    const found: { carry: number; end: RunEnd }[] = [];
    for (let b = 0x81; b <= 0xfe; b++) {
      const x = g.decodePair(prevCode & 0xff, b);
      if (!x || !hasReading(String.fromCharCode(x), tail.base)) continue;
      const r = bestEnd(
        text,
        readShifted(text, q, b, 0).map((e) => ({ ...e, hint: true })),
        q,
        false,
      );
      if (r) found.push({ carry: b, end: r });
    }
    // Several characters share the letters (隕 yǔn, 殞 yǔn, 鄖 yún …): the written tone may single one out.
    if (found.length > 1 && tail.syllable.tone !== 0) {
      const toned = found.filter((f) => readingsOf(String.fromCharCode(g.decodePair(prevCode & 0xff, f.carry))).some((r) => syllableMatches(tail.syllable, r)));
      if (toned.length > 0) found.splice(0, found.length, ...toned);
    }
    if (found.length === 1 || (found.length > 1 && found.every((f) => f.end.out === found[0]!.end.out))) {
      const r = found[0]!.end;
      const lost = endLoss(r);
      const named = String.fromCharCode(g.decodePair(prevCode & 0xff, found[0]!.carry));
      out.push({
        start: p,
        end: r.end,
        replacement: r.out,
        reason:
          `GBK text decoded one byte off, ${restored(r)} restored` +
          ` (the pinyin "${text.slice(p + 1, q).replace(/^[(（]/, '').replace(/[)）]$/, '').trim()}" of ${named} placed the missing byte)` +
          lossNote(lost),
        score: 10 * r.out.length + 20,
        lost,
      });
      return;
    }
  }
  // (A) `??茖W`: the `?` ate the lead byte of a character; what follows is
  // read one byte off until an ASCII byte realigns it.
  const foreign = foreignScript(text, p);
  const r = bestEnd(text, readShifted(text, p + 1, -1, foreign), p + 1, true, foreign);
  if (!r) return;
  const lost = [{ offset: p, length: 1 }, ...endLoss(r)];
  out.push({
    start: p + 1,
    end: r.end,
    replacement: r.out,
    reason:
      `GBK text decoded one byte off, ${restored(r)} restored` +
      `; the character before them is lost` +
      lossNote(lost.slice(1)),
    // Anchored on the `?` that ate a byte: stronger evidence than a run read alone.
    score: 10 * r.out.length + 12 + (r.hint ? 10 : 0) + (r.kind === 'trail' || r.kind === 'swallow' ? 5 : 0),
    lost,
  });
}

/**
 * The script that is foreign around position p: Traditional-only characters
 * in Simplified text, or the reverse. 0 when the text around does not say.
 */
function foreignScript(text: string, p: number): number {
  const sc = scriptOf();
  let simp = 0;
  let trad = 0;
  for (let i = Math.max(0, p - 80); i < Math.min(text.length, p + 80); i++) {
    const k = sc[text.charCodeAt(i)]!;
    if (k === SIMPLIFIED_ONLY) simp++;
    else if (k === TRADITIONAL_ONLY) trad++;
  }
  if (trad >= 3 && trad >= 3 * simp) return SIMPLIFIED_ONLY;
  if (simp >= 3 && simp >= 3 * trad) return TRADITIONAL_ONLY;
  return 0;
}

/** "3 characters", or "2 characters and the ( of an annotation" when a `?` had swallowed one. */
function restored(r: RunEnd): string {
  return r.bracket ? `${plural(r.out.length - 1, 'character')} and the "(" of an annotation` : plural(r.out.length, 'character');
}

function endLoss(r: RunEnd): LostSpan[] {
  if (r.kind === 'lost') return [{ offset: r.end, length: 1 }];
  if (r.kind === 'cut') return [{ offset: r.end, length: 0 }];
  return [];
}

function lossNote(lost: LostSpan[]): string {
  return lost.length ? '; the character after them is lost' : '';
}

// ---------------------------------------------------------------------------
// Choosing among candidates, and lost characters

function select(text: string, candidates: Candidate[], marks: number[]): MojibakeResult {
  // Highest score first; a candidate that overlaps a chosen one, or whose lost
  // span falls inside a chosen one, is dropped. `taken` marks chosen input.
  const taken = new Uint8Array(candidates.length ? text.length + 1 : 0);
  const free = (a: number, b: number) => {
    for (let i = a; i < b && i < taken.length; i++) if (taken[i]) return false;
    return true;
  };
  const chosen: Candidate[] = [];
  for (const c of [...candidates].sort((a, b) => b.score - a.score || a.start - b.start)) {
    if (c.end <= c.start || !free(c.start, c.end)) continue;
    if (c.lost.some((l) => l.length > 0 && !free(l.offset, l.offset + l.length))) continue;
    taken.fill(1, c.start, c.end);
    chosen.push(c);
  }
  chosen.sort((a, b) => a.start - b.start);
  const edits: Edit[] = chosen.map((c) => ({
    offset: c.start,
    length: c.end - c.start,
    original: text.slice(c.start, c.end),
    replacement: c.replacement,
    kind: 'mojibake',
    reason: c.reason,
  }));
  const lost: LostSpan[] = [];
  const lostAt = new Uint8Array(chosen.length ? text.length + 1 : 0);
  for (const c of chosen) {
    for (const l of c.lost) {
      lost.push(l);
      lostAt.fill(1, l.offset, l.offset + l.length);
    }
  }
  // A text that writes ？ and ，。 does not use ASCII ? as a question mark
  // (worked out on the first mark that needs it).
  let style: boolean | undefined;
  const fullWidthStyle = () => (style ??= text.includes('？') && /[，。]/.test(text));
  for (let m = 0; m < marks.length; m++) {
    const p = marks[m]!;
    if (taken[p] || lostAt[p]) continue;
    const span = lostMarkAt(text, p, fullWidthStyle);
    if (span && free(span.offset, span.offset + span.length)) lost.push(span);
    // Skip the rest of the run either way: judging every mark of a long run again was quadratic.
    const runEnd = span ? span.offset + span.length : markRunEnd(text, p);
    while (m + 1 < marks.length && marks[m + 1]! < runEnd) m++;
  }
  lost.sort((a, b) => a.offset - b.offset || a.length - b.length);
  return { edits, lostSpans: lost };
}

const QUESTION_BEFORE = new Set([...'吗嗎呢吧么麼啊呀哪谁誰何怎几幾否']);

function isMarkAt(text: string, i: number): boolean {
  return text[i] === '?' || text[i] === '\ufffd';
}

/** A Han character at i, or a space at i with a Han character beside it. */
function hanNear(text: string, i: number): boolean {
  return isHanAt(text, i) || (text[i] === ' ' && (isHanAt(text, i - 1) || isHanAt(text, i + 1)));
}

function isHanAt(text: string, i: number): boolean {
  return isHanCode(text.charCodeAt(i));
}

/**
 * A `?` or U+FFFD standing for a lost character: U+FFFD always; `[摘?要]`
 * (a `?` inside a short bracketed label); runs like `? ? ?` next to Chinese;
 * in text punctuated with full-width marks, a `?` between Han characters
 * that does not end a question.
 */
/** End of the run of marks starting at p (single spaces allowed between them). */
function markRunEnd(text: string, p: number): number {
  let b = p + 1;
  for (;;) {
    if (isMarkAt(text, b)) b++;
    else if (text[b] === ' ' && isMarkAt(text, b + 1)) b += 2;
    else return b;
  }
}

function lostMarkAt(text: string, p: number, fullWidthStyle: () => boolean): LostSpan | undefined {
  // The whole run of marks, single spaces allowed between them.
  let a = p;
  let b = p + 1;
  let count = 1;
  for (;;) {
    if (isMarkAt(text, b)) {
      b++;
      count++;
    } else if (text[b] === ' ' && isMarkAt(text, b + 1)) {
      b += 2;
      count++;
    } else break;
  }
  const span = { offset: a, length: b - a };
  if (text.slice(a, b).includes('\ufffd')) return span;
  const before = text.charCodeAt(a - 1);
  const after = text.charCodeAt(b);
  const hanBefore = isHanCode(before);
  const hanAfter = isHanCode(after);
  const spaced = text.slice(a, b).includes(' ');
  if (spaced && count >= 2) {
    if (hanNear(text, a - 1) || hanNear(text, b)) return span;
    return undefined;
  }
  if (!hanBefore || !hanAfter) return undefined;
  // Inside a short bracketed label: [摘?要], 【作?者】.
  const open = text.slice(Math.max(0, a - 6), a).search(/[[【(（][^\]】)）[【(（]*$/);
  const close = text.slice(b, b + 6).search(/[\]】)）]/);
  if (open >= 0 && close >= 0) return span;
  if (!QUESTION_BEFORE.has(text[a - 1]!) && fullWidthStyle()) return span;
  return undefined;
}
