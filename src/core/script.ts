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

const HAN_FLAG = 1;
const TRAD_FLAG = 2;
const SIMP_FLAG = 4;

/** OpenCC's character tables, read into forms every lookup can use without parsing strings again. */
interface Tables {
  /**
   * One byte per BMP code unit (Han, Traditional-only, Simplified-only):
   * counting a 1 MB page is then a loop over char codes with no string or
   * regex work per character.
   */
  flags: Uint8Array;
  /** Per BMP code unit: 1 + where its Simplified forms start in TSCharacters (0: no entry). */
  formsAt: Int32Array;
  /** Per BMP code unit: 1 when it is Simplified-only (isSimplifiedOnly), even if also Traditional-only. */
  simplifiedOnly: Uint8Array;
  /** The same for characters of more than one code unit (astral): few, kept as strings. */
  otherForms: Map<string, string[]>;
  otherSimplifiedOnly: Set<string>;
}

let built: Tables | undefined;
const formsCache = new Map<string, string[]>();

/**
 * Reads TSCharacters ("trad simp simp|…") and STCharacters ("simp trad…|…")
 * by char codes: splitting 7,000 entries into strings, maps and sets cost
 * ~10–40 ms on every page with Chinese text. Where an entry repeats, the last
 * one gives the forms, as a map built from the list would.
 */
function tables(): Tables {
  if (built) return built;
  const flags = new Uint8Array(0x10000);
  const formsAt = new Int32Array(0x10000);
  const simplifiedOnly = new Uint8Array(0x10000);
  const otherForms = new Map<string, string[]>();
  const otherSimplifiedOnly = new Set<string>();
  const targets = new Uint8Array(0x10000); // BMP code units some Traditional character simplifies to
  const otherTargets = new Set<string>();
  for (const [from, to] of BMP_HAN) flags.fill(HAN_FLAG, from, to + 1);
  const ts = tsCharacters;
  for (let start = 0; start < ts.length; ) {
    let end = ts.indexOf('|', start);
    if (end === -1) end = ts.length;
    const space = ts.indexOf(' ', start);
    // An entry needs a character and at least one form ("trad simp").
    if (space > start && space < end) {
      const single = space - start === 1;
      const trad = ts.charCodeAt(start);
      let keeps = false; // the character is one of its own Simplified forms
      for (let t = space + 1; t <= end; ) {
        let next = ts.indexOf(' ', t);
        if (next === -1 || next > end) next = end;
        if (next - t === 1) {
          targets[ts.charCodeAt(t)] = 1;
          if (single && ts.charCodeAt(t) === trad) keeps = true;
        } else {
          otherTargets.add(ts.slice(t, next));
        }
        t = next + 1;
      }
      if (single) {
        formsAt[trad] = space + 2;
        flags[trad] = keeps ? flags[trad]! & ~TRAD_FLAG : flags[trad]! | TRAD_FLAG;
      } else {
        otherForms.set(ts.slice(start, space), ts.slice(space + 1, end).split(' '));
      }
    }
    start = end + 1;
  }
  // Simplified-only: a character OpenCC's Simplified→Traditional table always
  // changes (网→網); 表 or 出, which it may keep, are shared.
  const st = stCharacters;
  const simplifiedOnlyCodes: number[] = [];
  for (let start = 0; start < st.length; ) {
    let end = st.indexOf('|', start);
    if (end === -1) end = st.length;
    const space = st.indexOf(' ', start);
    if (space > start && space < end) {
      const simp = st.slice(start, space);
      const single = simp.length === 1;
      const code = simp.charCodeAt(0);
      if (single ? targets[code] === 1 : otherTargets.has(simp)) {
        if (!SHARED_IN_PRACTICE.has(simp) && !(' ' + st.slice(space + 1, end) + ' ').includes(' ' + simp + ' ')) {
          if (single) {
            simplifiedOnly[code] = 1;
            simplifiedOnlyCodes.push(code);
          } else {
            otherSimplifiedOnly.add(simp);
          }
        }
      }
    }
    start = end + 1;
  }
  for (const c of simplifiedOnlyCodes) if (!(flags[c]! & TRAD_FLAG)) flags[c]! |= SIMP_FLAG;
  return (built = { flags, formsAt, simplifiedOnly, otherForms, otherSimplifiedOnly });
}

function flags(): Uint8Array {
  return tables().flags;
}

/** True when the character is Traditional and written differently in Simplified (網, 經). */
export function isTraditionalOnly(ch: string): boolean {
  if (ch.length === 1) return (flags()[ch.charCodeAt(0)]! & TRAD_FLAG) !== 0;
  const simps = tables().otherForms.get(ch);
  return simps !== undefined && !simps.includes(ch);
}

/** True for one Han character (a BMP or astral code point). */
export function isHanChar(ch: string): boolean {
  if (ch.length === 1) return (flags()[ch.charCodeAt(0)]! & HAN_FLAG) !== 0;
  return /^\p{Script=Han}$/u.test(ch);
}

/** True when the character is a Simplified form of a different Traditional one (网, 经). */
export function isSimplifiedOnly(ch: string): boolean {
  const t = tables();
  return ch.length === 1 ? t.simplifiedOnly[ch.charCodeAt(0)] === 1 : t.otherSimplifiedOnly.has(ch);
}

/** The Simplified forms OpenCC's character table gives (the character itself if none). */
export function simplifiedFormsOf(ch: string): string[] {
  const t = tables();
  if (ch.length !== 1) return t.otherForms.get(ch) ?? [ch];
  const at = t.formsAt[ch.charCodeAt(0)]! - 1;
  if (at < 0) return [ch];
  let forms = formsCache.get(ch);
  if (!forms) {
    const end = tsCharacters.indexOf('|', at);
    formsCache.set(ch, (forms = tsCharacters.slice(at, end === -1 ? tsCharacters.length : end).split(' ')));
  }
  return forms;
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
  const { otherForms: ts, otherSimplifiedOnly: so } = tables();
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

/** The script that counts of Han, Traditional-only and Simplified-only characters show (as detectScript judges it). */
export function classify(han: number, trad: number, simp: number): Script {
  if (han === 0) return 'none';
  if (trad + simp === 0) return 'either';
  // A converted page keeps a few leftovers of the other script (并, 余): tolerate them.
  const share = trad / (trad + simp);
  if (share >= 0.85) return 'traditional';
  if (share <= 0.15) return 'simplified';
  return 'mixed';
}
