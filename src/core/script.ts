import tsCharacters from 'opencc-js/dict/TSCharacters';
import { scriptTables } from './script-source.ts';
import { HAN_FLAG, SIMP_FLAG, TRAD_FLAG, type ScriptTables } from './script-tables.ts';

/**
 * Character-level knowledge of the two scripts, from OpenCC's own character
 * tables (the same data the converters use): see script-tables.ts.
 */

export type Script = 'simplified' | 'traditional' | 'mixed' | 'either' | 'none';

let built: ScriptTables | undefined;
const formsCache = new Map<string, string[]>();

function tables(): ScriptTables {
  return (built ??= scriptTables());
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
  if (ch.length !== 1) return tables().otherForms.get(ch) ?? [ch];
  let forms = formsCache.get(ch);
  if (!forms) {
    // Looked up in TSCharacters ("trad simp simp|…") when first asked: few characters ever
    // are (annotated ones). Where an entry repeats, the last one gives the forms.
    const ts = tsCharacters;
    const bar = ts.lastIndexOf(`|${ch} `);
    const start = bar !== -1 ? bar + 1 : ts.startsWith(`${ch} `) ? 0 : -1;
    if (start === -1) {
      forms = [ch];
    } else {
      const end = ts.indexOf('|', start);
      forms = ts.slice(start + 2, end === -1 ? ts.length : end).split(' ');
    }
    formsCache.set(ch, forms);
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

export { BMP_HAN } from './script-tables.ts';

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
