/**
 * OpenCC's character tables (TSCharacters, STCharacters) read into the forms
 * script.ts looks characters up in: one byte of flags per BMP code unit, so
 * counting a 1 MB page is a loop over char codes with no string or regex work
 * per character. Reading the dictionaries costs ~10–20 ms on a page; the
 * extension gets the result precompiled by build.mjs (encodeScriptTables),
 * the command line and tests read the dictionaries (script-source.ts).
 */

export const HAN_FLAG = 1;
/** Traditional and written differently in Simplified (網, 經). */
export const TRAD_FLAG = 2;
/** Simplified-only, and not Traditional-only. */
export const SIMP_FLAG = 4;

export interface ScriptTables {
  /** HAN_FLAG, TRAD_FLAG and SIMP_FLAG per BMP code unit. */
  flags: Uint8Array;
  /** Per BMP code unit: 1 when it is Simplified-only (isSimplifiedOnly), even if also Traditional-only. */
  simplifiedOnly: Uint8Array;
  /** The same for characters of more than one code unit (astral): few, kept as strings. */
  otherForms: Map<string, string[]>;
  otherSimplifiedOnly: Set<string>;
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

/**
 * Simplified forms that are also ordinary Traditional characters in their own
 * right (台灣, 范 and 余 as surnames, 鄰里, 干擾, 公布, Hong Kong's 户 and 着): OpenCC maps them to
 * another form, but a Taiwan page uses them, so they are no evidence of script.
 */
const SHARED_IN_PRACTICE = new Set([...'台范余于里干松布周制冲准卜谷丑千升斗只征划游郁户着']);

function hanFlags(): Uint8Array {
  const flags = new Uint8Array(0x10000);
  for (const [from, to] of BMP_HAN) flags.fill(HAN_FLAG, from, to + 1);
  return flags;
}

/**
 * Reads TSCharacters ("trad simp simp|…") and STCharacters ("simp trad…|…")
 * by char codes: splitting 7,000 entries into strings, maps and sets cost
 * ~10–40 ms. Where an entry repeats, the last one gives the forms, as a map
 * built from the list would.
 */
export function buildScriptTables(ts: string, st: string): ScriptTables {
  const flags = hanFlags();
  const simplifiedOnly = new Uint8Array(0x10000);
  const otherForms = new Map<string, string[]>();
  const otherSimplifiedOnly = new Set<string>();
  const targets = new Uint8Array(0x10000); // BMP code units some Traditional character simplifies to
  const otherTargets = new Set<string>();
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
        flags[trad] = keeps ? flags[trad]! & ~TRAD_FLAG : flags[trad]! | TRAD_FLAG;
      } else {
        otherForms.set(ts.slice(start, space), ts.slice(space + 1, end).split(' '));
      }
    }
    start = end + 1;
  }
  // Simplified-only: a character OpenCC's Simplified→Traditional table always
  // changes (网→網); 表 or 出, which it may keep, are shared.
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
  return { flags, simplifiedOnly, otherForms, otherSimplifiedOnly };
}

/**
 * The tables as one string, for the extension's bundle: for each of
 * TRAD_FLAG, SIMP_FLAG and Simplified-only, the BMP code units
 * that have it (as characters); then the astral entries. Sections are
 * separated by U+0001, astral entries by U+0002 (neither is in OpenCC's data).
 */
export function encodeScriptTables(t: ScriptTables): string {
  const lists: string[][] = [[], [], []];
  for (let c = 0; c < 0x10000; c++) {
    const f = t.flags[c]!;
    if (f & TRAD_FLAG) lists[0]!.push(String.fromCharCode(c));
    if (f & SIMP_FLAG) lists[1]!.push(String.fromCharCode(c));
    if (t.simplifiedOnly[c]) lists[2]!.push(String.fromCharCode(c));
  }
  const forms = [...t.otherForms].map(([ch, simps]) => [ch, ...simps].join(' '));
  if (/[\u0001\u0002]/.test(forms.join('') + [...t.otherSimplifiedOnly].join(''))) throw new Error('script tables: separator inside the data');
  return [...lists.map((l) => l.join('')), forms.join('\u0002'), [...t.otherSimplifiedOnly].join('\u0002')].join('\u0001');
}

/** The tables from encodeScriptTables' string: a few thousand characters set, no parsing of OpenCC's data. */
export function decodeScriptTables(data: string): ScriptTables {
  const [trad, simp, simpOnly, forms, otherSimp] = data.split('\u0001') as [string, string, string, string, string];
  const flags = hanFlags();
  const simplifiedOnly = new Uint8Array(0x10000);
  for (const [list, flag] of [[trad, TRAD_FLAG], [simp, SIMP_FLAG]] as const) {
    for (let i = 0; i < list.length; i++) flags[list.charCodeAt(i)]! |= flag;
  }
  for (let i = 0; i < simpOnly.length; i++) simplifiedOnly[simpOnly.charCodeAt(i)] = 1;
  const otherForms = new Map<string, string[]>();
  for (const entry of forms ? forms.split('\u0002') : []) {
    const [ch, ...simps] = entry.split(' ');
    otherForms.set(ch!, simps);
  }
  return { flags, simplifiedOnly, otherForms, otherSimplifiedOnly: new Set(otherSimp ? otherSimp.split('\u0002') : []) };
}
