import stCharacters from 'opencc-js/dict/STCharacters';
import tsCharacters from 'opencc-js/dict/TSCharacters';

/**
 * Character-level knowledge of the two scripts, from OpenCC's own character
 * tables (the same data the converters use).
 */

/**
 * Simplified forms that are also ordinary Traditional characters in their own
 * right (台灣, 范 and 余 as surnames, 鄰里, 干擾, 公布, Hong Kong's 户 and 着): OpenCC maps them to
 * another form, but a Taiwan page uses them, so they are no evidence of script.
 */
const SHARED_IN_PRACTICE = new Set([...'台范余于里干松布周制冲准卜谷丑千升斗只征划游郁户着']);

export type Script = 'simplified' | 'traditional' | 'mixed' | 'either' | 'none';

let toSimplified: Map<string, string[]> | undefined;
let simplifiedOnly: Set<string> | undefined;

function tables(): { toSimplified: Map<string, string[]>; simplifiedOnly: Set<string> } {
  if (!toSimplified || !simplifiedOnly) {
    toSimplified = new Map();
    const targets = new Set<string>();
    for (const pair of tsCharacters.split('|')) {
      const [trad, ...simps] = pair.split(' ');
      if (!trad || simps.length === 0) continue;
      toSimplified.set(trad, simps);
      for (const s of simps) targets.add(s);
    }
    // Simplified-only: a character OpenCC's Simplified→Traditional table always
    // changes (网→網); 表 or 出, which it may keep, are shared.
    simplifiedOnly = new Set();
    for (const pair of stCharacters.split('|')) {
      const [simp, ...trads] = pair.split(' ');
      if (simp && trads.length && !trads.includes(simp) && !SHARED_IN_PRACTICE.has(simp) && targets.has(simp)) simplifiedOnly.add(simp);
    }
  }
  return { toSimplified, simplifiedOnly };
}

/** True when the character is Traditional and written differently in Simplified (網, 經). */
export function isTraditionalOnly(ch: string): boolean {
  if (ch.length === 1) return (flags()[ch.charCodeAt(0)]! & TRAD_FLAG) !== 0;
  const simps = tables().toSimplified.get(ch);
  return simps !== undefined && !simps.includes(ch);
}

/** True for one Han character (a BMP or astral code point). */
export function isHanChar(ch: string): boolean {
  if (ch.length === 1) return (flags()[ch.charCodeAt(0)]! & HAN_FLAG) !== 0;
  return /^\p{Script=Han}$/u.test(ch);
}

/** True when the character is a Simplified form of a different Traditional one (网, 经). */
export function isSimplifiedOnly(ch: string): boolean {
  return tables().simplifiedOnly.has(ch);
}

/** The Simplified forms OpenCC's character table gives (the character itself if none). */
export function simplifiedFormsOf(ch: string): string[] {
  return tables().toSimplified.get(ch) ?? [ch];
}

export interface ScriptCounts {
  script: Script;
  /** Han code points. */
  han: number;
  /** Characters only Traditional writes this way. */
  traditionalOnly: number;
  /** Characters only Simplified writes this way. */
  simplifiedOnly: number;
}

const HAN_FLAG = 1;
const TRAD_FLAG = 2;
const SIMP_FLAG = 4;
let bmpFlags: Uint8Array | undefined;

/**
 * One byte per BMP code point (Han, Traditional-only, Simplified-only), built
 * once: counting a 1 MB page is then a loop over char codes with no string or
 * regex work per character.
 */
function flags(): Uint8Array {
  if (bmpFlags) return bmpFlags;
  const { toSimplified: ts, simplifiedOnly: so } = tables();
  const f = new Uint8Array(0x10000);
  for (const [from, to] of BMP_HAN) f.fill(HAN_FLAG, from, to + 1);
  for (const [trad, simps] of ts) {
    if (trad.length === 1 && !simps.includes(trad)) f[trad.charCodeAt(0)]! |= TRAD_FLAG;
  }
  for (const simp of so) {
    if (simp.length === 1 && !(f[simp.charCodeAt(0)]! & TRAD_FLAG)) f[simp.charCodeAt(0)]! |= SIMP_FLAG;
  }
  bmpFlags = f;
  return f;
}

/**
 * The BMP ranges of \p{Script=Han} (Unicode 15: radicals, 々 〇 〡–〩 〸–〻,
 * extension A, unified, compatibility), filled in directly: testing the
 * property on 62,000 code points cost ~50–100 ms at page load. script.test.ts
 * checks the ranges against the regex property.
 */
export const BMP_HAN: readonly [number, number][] = [
  [0x2e80, 0x2e99], [0x2e9b, 0x2ef3], [0x2f00, 0x2fd5], [0x3005, 0x3005], [0x3007, 0x3007], [0x3021, 0x3029],
  [0x3038, 0x303b], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xf900, 0xfa6d], [0xfa70, 0xfad9],
];

/** Which script a text is written in, by counting script-specific characters. */
export function detectScript(text: string): ScriptCounts {
  const f = flags();
  const { toSimplified: ts, simplifiedOnly: so } = tables();
  let han = 0;
  let trad = 0;
  let simp = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x2e80) continue;
    const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      // Astral: CJK extensions B and later are Han; look them up the slow way.
      const ch = String.fromCodePoint(text.codePointAt(i)!);
      i++;
      if (!/\p{Script=Han}/u.test(ch)) continue;
      han++;
      const simps = ts.get(ch);
      if (simps !== undefined && !simps.includes(ch)) trad++;
      else if (so.has(ch)) simp++;
      continue;
    }
    const v = f[c]!;
    if (v === 0) continue;
    han++;
    if (v & TRAD_FLAG) trad++;
    else if (v & SIMP_FLAG) simp++;
  }
  return { script: classify(han, trad, simp), han, traditionalOnly: trad, simplifiedOnly: simp };
}

function classify(han: number, trad: number, simp: number): Script {
  if (han === 0) return 'none';
  if (trad + simp === 0) return 'either';
  // A converted page keeps a few leftovers of the other script (并, 余): tolerate them.
  const share = trad / (trad + simp);
  if (share >= 0.85) return 'traditional';
  if (share <= 0.15) return 'simplified';
  return 'mixed';
}
