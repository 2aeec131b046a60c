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
 * This file is that gate. Each damage path is a module of its own:
 * shown-as-latin.ts (1–2), read-as-gbk.ts (3–4), one-byte-off.ts (5); they
 * share judgments.ts, and lost-characters.ts chooses among their candidates
 * and reports lost characters.
 *
 * Pure TypeScript: no DOM, no Node API; the byte tables are data (tables.ts).
 */
import type { Candidate, MojibakeResult } from './judgments.ts';
import { select } from './lost-characters.ts';
import { oneByteOff } from './one-byte-off.ts';
import { resolveNearby, scanGbkRun, type Graded, type Japanese } from './read-as-gbk.ts';
import { resolveLatin, scanLatinZone, type LatinCandidate } from './shown-as-latin.ts';
import { classOf, CP1252_80_9F, gbkCharacters, isCp1252Special, KANA, ODD, RARE_HAN } from './tables.ts';

export type { LostSpan, MojibakeResult } from './judgments.ts';

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
  // Counted only if a run of GBK characters holds hiragana: a pass over the whole text that
  // Chinese text never needs (~3 ns a character).
  let share: number | undefined;
  const japanese: Japanese = {
    get likely() { return (share ??= hiraganaShare(text)) >= 0.1; },
    get surely() { return (share ??= hiraganaShare(text)) >= 0.25; },
  };
  for (let i = 0; i < n; i++) {
    const bits = f[text.charCodeAt(i)]!;
    if (bits === 0) continue;
    if (bits & F_MARK) marks.push(i);
    if (bits & F_LATIN && i >= latinDone) latinDone = scanLatinZone(text, i, latin);
    if (bits & F_GARBAGE && i >= runDone) runDone = scanGbkRun(text, i, runDone, utf8Found, big5Found, japanese);
    // A U+FFFD or ? right after GBK characters: maybe UTF-8 bytes cut off there.
    else if (bits & F_MARK && i > runDone && text.charCodeAt(i - 1) >= 0x80 && (f[text.charCodeAt(i - 1)]! & F_MARK) === 0)
      runDone = Math.max(runDone, scanGbkRun(text, i - 1, runDone, utf8Found, big5Found, japanese));
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
