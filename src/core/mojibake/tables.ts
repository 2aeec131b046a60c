/**
 * Byte tables for the legacy encodings mojibake comes from, as browsers
 * decode them (the WHATWG Encoding Standard): read from
 * data/mojibake/decode-tables.json, which scripts/mojibake-tables.ts wrote from
 * Chromium's TextDecoder. Not decoded here on every page: that took ~30 ms of
 * each page load, and Node's decoders (ICU) differ from the browsers' on 101
 * GBK and ~6,000 Big5 codes, so the command line read text differently.
 *
 * (Windows-1252 is written out too: see CP1252_80_9F.)
 *
 * A double-byte code is stored as `lead << 8 | trail`. Only the double-byte
 * area is covered (lead 0x81–0xFE, trail 0x40–0x7E and 0x80–0xFE), which is
 * all that GBK and Big5 use for Chinese text.
 */
import decodeTables from '../../../data/mojibake/decode-tables.json';
import { prebuiltClasses } from './class-source.ts';

export const LEAD_MIN = 0x81;
export const LEAD_MAX = 0xfe;
const TRAIL_MIN = 0x40;
const TRAIL_COUNT = 0xfe - TRAIL_MIN + 1; // 191 (0x7F is never a valid trail)
/** "No character" in the data file's tables. */
const NONE = 0xfffd;

export interface Codec {
  /** Encoding name as shown to readers ('GBK', 'Big5'). */
  name: string;
  /** Decodes one double-byte code; 0 when the pair is not a single character. */
  decodePair(lead: number, trail: number): number;
  /** Encodes one BMP code unit; 0 when it has no double-byte code. */
  encodeChar(code: number): number;
}

function isTrail(b: number): boolean {
  return b >= TRAIL_MIN && b <= 0xfe && b !== 0x7f;
}

/** The raw tables behind a Codec, read directly by the table builders below (no call per pair). */
interface CodecTables {
  /** Character per double-byte code, at (lead − LEAD_MIN) × TRAIL_COUNT + (trail − TRAIL_MIN); NONE for none. */
  decode: string;
  /** Preferred double-byte code per BMP code unit; 0 for none. */
  encode: Uint16Array;
}

/**
 * The encode table from a decode table: each code unit gets its first code
 * in the first of `regions` (lead ranges) that has one. Each region is read
 * backwards, so the first code is simply the last one written, and later
 * regions overwrite earlier ones: one plain store per pair, no comparisons
 * (this runs on the first repair of many pages).
 */
function buildTables(decode: string, regions: readonly (readonly [number, number])[]): CodecTables {
  if (decode.length !== (LEAD_MAX - LEAD_MIN + 1) * TRAIL_COUNT) throw new Error('data/mojibake/decode-tables.json: unexpected table size');
  const encode = new Uint16Array(0x10000);
  for (const [first, last] of regions) {
    for (let lead = last; lead >= first; lead--) {
      const row = (lead - LEAD_MIN) * TRAIL_COUNT - TRAIL_MIN;
      for (let trail = 0xfe; trail >= TRAIL_MIN; trail--) {
        const c = decode.charCodeAt(row + trail);
        if (c !== NONE) encode[c] = (lead << 8) | trail;
      }
    }
  }
  return { decode, encode };
}

function codecOf(name: string, { decode, encode }: CodecTables): Codec {
  return {
    name,
    decodePair(lead, trail) {
      if (lead < LEAD_MIN || lead > LEAD_MAX || !isTrail(trail)) return 0;
      const c = decode.charCodeAt((lead - LEAD_MIN) * TRAIL_COUNT + (trail - TRAIL_MIN));
      return c === NONE ? 0 : c;
    },
    encodeChar(code) {
      return code < 0x10000 ? encode[code]! : 0;
    },
  };
}

let gbkTables: CodecTables | undefined;
let big5Tables: CodecTables | undefined;
let gbkCodec: Codec | undefined;
let big5Codec: Codec | undefined;

function gbkRaw(): CodecTables {
  return (gbkTables ??= buildTables(decodeTables.gbk, [[LEAD_MIN, LEAD_MAX]]));
}

/**
 * Characters whose Big5 encoder takes the last of their standard codes, not
 * the first (WHATWG Encoding Standard, "index Big5 pointer"): 十 is A4 51, as
 * every Big5 encoder writes it, not the duplicate A2 CC in the symbols rows.
 */
const BIG5_LAST_CODE = [0x2550, 0x255e, 0x2561, 0x256a, 0x5341, 0x5345];

// Standard Big5 codes win over HKSCS duplicates.
function big5Raw(): CodecTables {
  if (big5Tables) return big5Tables;
  const t = buildTables(decodeTables.big5, [[LEAD_MIN, 0xa0], [0xa1, LEAD_MAX]]);
  // Six searches in the table string (native); a backward pass over the rows read ~17,000 pairs.
  for (const c of BIG5_LAST_CODE) {
    const i = t.decode.lastIndexOf(String.fromCharCode(c));
    if (i < (0xa1 - LEAD_MIN) * TRAIL_COUNT) continue;
    t.encode[c] = ((LEAD_MIN + Math.floor(i / TRAIL_COUNT)) << 8) | (TRAIL_MIN + (i % TRAIL_COUNT));
  }
  return (big5Tables = t);
}

/** GBK as browsers decode it (the WHATWG gb18030 decoder, double-byte part). */
export function gbk(): Codec {
  return (gbkCodec ??= codecOf('GBK', gbkRaw()));
}

/** Every character GBK encodes in two bytes, in code order (U+FFFD between them where a code has none). */
export function gbkCharacters(): string {
  // The decode table itself: building the encode table (gbkRaw) is for pages that need it.
  return decodeTables.gbk;
}

/** Big5 as browsers decode it; standard Big5 codes win over HKSCS duplicates. */
export function big5(): Codec {
  return (big5Codec ??= codecOf('Big5', big5Raw()));
}

/**
 * Windows-1252 bytes 0x80–0x9F as the WHATWG Encoding Standard maps them
 * (the five undefined bytes stand for themselves, as browsers decode them).
 * Written out rather than read from TextDecoder: Node 20.18.3+ decodes the
 * 'windows-1252' label as ISO-8859-1 (nodejs/node#60888), browsers do not.
 */
export const CP1252_80_9F =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

let cp1252ToByte: Map<number, number> | undefined;

function buildCp1252(): void {
  cp1252ToByte = new Map();
  for (let b = 0; b < 0x20; b++) {
    const c = CP1252_80_9F.charCodeAt(b);
    if (c >= 0x100) cp1252ToByte.set(c, 0x80 + b);
  }
}

/**
 * The byte a character stands for when bytes were shown as Latin-1 or
 * Windows-1252: U+0080–U+00FF stand for themselves, the Windows-1252
 * punctuation (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ) for
 * 0x80–0x9F. −1 for anything else.
 */
export function latinByte(code: number): number {
  if (code >= 0x80 && code <= 0xff) return code;
  // Above ™ (U+2122, the highest of them): every Han character, asked about on every page.
  if (code < 0x100 || code > 0x2122) return -1;
  if (!cp1252ToByte) buildCp1252();
  return cp1252ToByte!.get(code) ?? -1;
}

/** True when the code is one of the Windows-1252 characters outside Latin-1. */
export function isCp1252Special(code: number): boolean {
  return code >= 0x100 && latinByte(code) >= 0;
}

/** Character classes for judging whether text is plausible Chinese. */
export const OTHER = 0;
/** A common Han character: GB2312 level 1 or Big5 level 1. */
export const COMMON = 1;
/** Punctuation and full-width forms common in Chinese text. */
export const PUNCT = 2;
/** Any other Han character GBK or Big5 can encode. */
export const RARE_HAN = 3;
/** Hiragana and katakana. */
export const KANA = 4;
/** Other characters of the legacy double-byte sets: Greek, Cyrillic, box drawing, bopomofo, private use… */
export const ODD = 5;
/**
 * In Big5 level 1 but GB2312 level 2 (璧, 渥): fine in a repair, but counted
 * as odd in suspected garbage, where such characters turn up far more often
 * than in real text.
 */
export const SHARED = 6;

/** Punctuation a Chinese news text commonly uses (besides U+FF01–U+FF5E). */
const CJK_PUNCT =
  '　、。·‧・〃々〇○—―～…‥‘’“”〔〕〈〉《》「」『』〖〗【】' +
  '﹐﹑﹒﹔﹕﹖﹗︰※℃％‰№￥￠￡' +
  'ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫⅰⅱⅲⅳⅴⅵⅶⅷⅸⅹ①②③④⑤⑥⑦⑧⑨⑩⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩';

/**
 * Traditional forms that GB2312 happens to list in level 2 and Big5 in level 1
 * (the Big5-level-1 ∩ GB2312-level-2 characters that OpenCC's TSCharacters
 * maps to a different Simplified form): everyday in Traditional text.
 */
const TRADITIONAL_IN_GB2312_LEVEL2 = '吒夥後徵拚捱摺於菸薹醣麴';

let classes: Uint8Array | undefined;

function isHanCode(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

/**
 * The class of every BMP code unit, derived from the tables: "common" means
 * in GB2312 level 1 (B0A1–D7F9, the 3,755 most used Simplified characters),
 * or, for characters outside GB2312 (Traditional forms), in Big5 level 1
 * (A440–C67E, the 5,401 most used Traditional characters).
 */
export function classOf(): Uint8Array {
  // The extension reads the table build.mjs precompiled: deriving it (and the GBK and Big5
  // encode tables it needs) took ~20 ms of every page with Chinese text, on the first repair.
  return (classes ??= prebuiltClasses() ?? buildClasses());
}

/** classOf's table, derived from the GBK and Big5 tables. */
export function buildClasses(): Uint8Array {
  const cls = new Uint8Array(0x10000);
  // The raw tables, not decodePair/encodeChar: one call per pair, 100,000 times, cost milliseconds on every page.
  const g = gbkRaw();
  const b = big5Raw();
  for (let lead = 0xb0; lead <= 0xd7; lead++) {
    const row = (lead - LEAD_MIN) * TRAIL_COUNT - TRAIL_MIN;
    for (let trail = 0xa1; trail <= 0xfe; trail++) {
      const c = g.decode.charCodeAt(row + trail);
      if (isHanCode(c)) cls[c] = COMMON;
    }
  }
  // Big5 level 1 counts for characters GB2312 does not have (Traditional
  // forms); a GB2312 level-2 character Big5 lists as common (璧, 渥) is SHARED.
  for (let lead = 0xa4; lead <= 0xc6; lead++) {
    const row = (lead - LEAD_MIN) * TRAIL_COUNT - TRAIL_MIN;
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (lead === 0xc6 && trail > 0x7e) break;
      const c = b.decode.charCodeAt(row + trail);
      if (isHanCode(c) && cls[c] !== COMMON) cls[c] = inGb2312(g.encode, c) ? SHARED : COMMON;
    }
  }
  for (const ch of TRADITIONAL_IN_GB2312_LEVEL2) cls[ch.charCodeAt(0)] = COMMON;
  for (const ch of CJK_PUNCT) cls[ch.charCodeAt(0)] = PUNCT;
  for (let c = 0xff01; c <= 0xff5e; c++) cls[c] = PUNCT;
  // Every pair of both encodings, lead by lead and trail by trail: the tables' own order.
  for (const { decode } of [g, b]) {
    for (let i = 0; i < decode.length; i++) {
      const c = decode.charCodeAt(i);
      if (c === NONE || cls[c] !== OTHER) continue;
      if (isHanCode(c)) cls[c] = RARE_HAN;
      else if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x31f0 && c <= 0x31ff)) cls[c] = KANA;
      else cls[c] = ODD;
    }
  }
  // Characters GBK and Big5 cannot encode keep OTHER, except the obviously odd.
  for (let c = 0xe000; c <= 0xf8ff; c++) if (cls[c] === OTHER) cls[c] = ODD;
  return cls;
}

/** A class table as runs, each `length × 8 + class` (classes are < 8), for the extension's bundle. */
export function encodeClassRuns(cls: Uint8Array): number[] {
  const runs: number[] = [];
  for (let start = 0; start < cls.length; ) {
    let end = start + 1;
    while (end < cls.length && cls[end] === cls[start]) end++;
    runs.push((end - start) * 8 + cls[start]!);
    start = end;
  }
  return runs;
}

/** The class table back from its runs (encodeClassRuns). */
export function decodeClassRuns(runs: readonly number[]): Uint8Array {
  const cls = new Uint8Array(0x10000);
  let at = 0;
  for (const r of runs) {
    const length = Math.floor(r / 8);
    cls.fill(r % 8, at, at + length);
    at += length;
  }
  if (at !== cls.length) throw new Error(`mojibake class table: ${at} code units, not ${cls.length}`);
  return cls;
}

function inGb2312(gbkEncode: Uint16Array, c: number): boolean {
  const code = gbkEncode[c]!;
  return code >= 0xa1a1 && (code & 0xff) >= 0xa1;
}

/** Simplified-only: GB2312 has it, Big5 does not (国, 网). */
export const SIMPLIFIED_ONLY = 1;
/** Traditional-only: Big5 has it, GB2312 does not (國, 網). */
export const TRADITIONAL_ONLY = 2;

let scripts: Uint8Array | undefined;

/** Which script set each BMP Han character belongs to, by the two national standards. */
export function scriptOf(): Uint8Array {
  if (scripts) return scripts;
  const g = gbkRaw();
  const b = big5Raw();
  const out = new Uint8Array(0x10000);
  for (let c = 0x3400; c < 0xfb00; c++) {
    if (!isHanCode(c)) continue;
    const gb = inGb2312(g.encode, c);
    const b5 = b.encode[c] !== 0;
    if (gb && !b5) out[c] = SIMPLIFIED_ONLY;
    else if (b5 && !gb) out[c] = TRADITIONAL_ONLY;
  }
  return (scripts = out);
}
