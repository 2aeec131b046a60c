import tsCharacters from 'opencc-js/dict/TSCharacters';

/**
 * Character-level knowledge of the two scripts, from OpenCC's own
 * Traditional→Simplified character table (the same data the converter uses).
 */

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
    simplifiedOnly = new Set();
    for (const s of targets) {
      // A target that is itself a Traditional key mapping to itself is shared (e.g. 乾/干).
      const own = toSimplified.get(s);
      if (!own || !own.includes(s)) simplifiedOnly.add(s);
    }
  }
  return { toSimplified, simplifiedOnly };
}

/** True when the character is Traditional and written differently in Simplified (網, 經). */
export function isTraditionalOnly(ch: string): boolean {
  const simps = tables().toSimplified.get(ch);
  return simps !== undefined && !simps.includes(ch);
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

/** Which script a text is written in, by counting script-specific characters. */
export function detectScript(text: string): ScriptCounts {
  const { toSimplified: ts, simplifiedOnly: so } = tables();
  let han = 0;
  let trad = 0;
  let simp = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    // Fast path: everything below U+2E80 is not Han.
    if (cp < 0x2e80 || !/\p{Script=Han}/u.test(ch)) continue;
    han++;
    const simps = ts.get(ch);
    if (simps !== undefined && !simps.includes(ch)) trad++;
    else if (so.has(ch)) simp++;
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
