/**
 * One OpenCC dictionary group compiled into a few flat arrays: the keys sorted
 * by UTF-16 code unit, so all keys that share a prefix sit next to each other
 * and a longest-prefix match is a walk of binary searches, one per character.
 *
 * opencc-js builds a Map per trie node instead; for the Simplified→Traditional
 * phrase list that is ~27 MB of heap and 0.3–0.7 s per tab. These arrays hold
 * the same data in ~2 MB and load without any building (see table-codec.ts).
 */
export interface DictTable {
  /** The code unit `starts[0]` stands for. */
  base: number;
  /** Entries whose key begins with code unit c: starts[c - base] up to starts[c - base + 1]. */
  starts: Uint32Array;
  /** Every key, concatenated in sorted order. */
  keys: Uint16Array;
  /** Where entry k's key ends in `keys` (it starts where entry k - 1's ends). */
  keyEnds: Uint32Array;
  /** Every replacement, concatenated in the same order, as UTF-16 code units (copied into output, never sliced into strings). */
  values: Uint16Array;
  valueEnds: Uint32Array;
  /**
   * For each entry, the first dictionary of the group that defines its key:
   * matching with `origins < m` reads the table as the group's first m
   * dictionaries alone (OpenCC segments by STPhrases without STCharacters).
   */
  origins: Uint8Array;
}

/**
 * Compiles dictionaries in opencc-js's serialized form ("key value|key value")
 * into one table. As in opencc-js, the first dictionary of a group wins when
 * two define the same key, and within one dictionary the last line wins.
 */
export function compileTable(dicts: readonly string[]): DictTable {
  if (dicts.length > 255) throw new RangeError('OpenCC table: more than 255 dictionaries in one group');
  const entries = new Map<string, string>();
  const origin = new Map<string, number>();
  for (let d = dicts.length - 1; d >= 0; d--) {
    const dict = dicts[d]!;
    if (dict === '') continue;
    for (const line of dict.split('|')) {
      const [key, value] = line.split(' ');
      if (value === undefined) throw new TypeError(`OpenCC dictionary line without a replacement: ${JSON.stringify(line.slice(0, 40))}`);
      // An empty key can never match (opencc-js needs at least one character too).
      if (!key) continue;
      entries.set(key, value);
      origin.set(key, d);
    }
  }
  // Default sort compares UTF-16 code units, the order the matcher walks in.
  const sorted = [...entries.keys()].sort();
  let keyUnits = 0;
  for (const k of sorted) keyUnits += k.length;
  const keys = new Uint16Array(keyUnits);
  const keyEnds = new Uint32Array(sorted.length);
  const valueEnds = new Uint32Array(sorted.length);
  const origins = new Uint8Array(sorted.length);
  let valueUnits = 0;
  for (const v of entries.values()) valueUnits += v.length;
  const values = new Uint16Array(valueUnits);
  let kp = 0;
  let vp = 0;
  sorted.forEach((k, i) => {
    for (let j = 0; j < k.length; j++) keys[kp++] = k.charCodeAt(j);
    keyEnds[i] = kp;
    const v = entries.get(k)!;
    for (let j = 0; j < v.length; j++) values[vp++] = v.charCodeAt(j);
    valueEnds[i] = vp;
    origins[i] = origin.get(k)!;
  });
  const base = sorted.length ? sorted[0]!.charCodeAt(0) : 0;
  const last = sorted.length ? sorted[sorted.length - 1]!.charCodeAt(0) : -1;
  const starts = new Uint32Array(last - base + 2);
  // starts[c - base] = first entry whose first unit is ≥ c.
  let e = 0;
  for (let c = base; c <= last + 1; c++) {
    while (e < sorted.length && sorted[e]!.charCodeAt(0) < c) e++;
    starts[c - base] = e;
  }
  return { base, starts, keys, keyEnds, values, valueEnds, origins };
}

/** Number of entries in a table. */
export function tableSize(t: DictTable): number {
  return t.keyEnds.length;
}

/**
 * The longest key of `t` that the code units `s` have at `i`, not reaching
 * past `end`: returns the entry, or -1, and leaves the match's end in
 * `matchEnd.value`. Only keys of the group's first `dicts` dictionaries count
 * (all by default). Matching code unit by code unit equals opencc-js's code
 * point walk: keys are whole code points, and `i` is always at a code point
 * boundary.
 */
export function longestMatchIn(t: DictTable, s: Uint16Array, i: number, end: number, dicts = 255): number {
  const c0 = s[i]! - t.base;
  if (c0 < 0 || c0 >= t.starts.length - 1) return -1;
  let lo = t.starts[c0]!;
  let hi = t.starts[c0 + 1]!;
  const { keys, keyEnds } = t;
  let best = -1;
  let depth = 1;
  while (lo < hi) {
    // Keys sharing s[i, i + depth) are in [lo, hi); the one of exactly that length sorts first.
    if (keyEnds[lo]! - keyStart(keyEnds, lo) === depth) {
      if (t.origins[lo]! < dicts) {
        best = lo;
        matchEnd.value = i + depth;
      }
      lo++;
    }
    if (lo >= hi || i + depth >= end) break;
    const c = s[i + depth]!;
    // Every key left is longer than depth: narrow to those whose unit at depth is c.
    let a = lo;
    let b = hi;
    while (a < b) {
      const m = (a + b) >>> 1;
      if (keys[keyStart(keyEnds, m) + depth]! < c) a = m + 1;
      else b = m;
    }
    lo = a;
    b = hi;
    while (a < b) {
      const m = (a + b) >>> 1;
      if (keys[keyStart(keyEnds, m) + depth]! <= c) a = m + 1;
      else b = m;
    }
    hi = a;
    depth++;
  }
  return best;
}

/** longestMatchIn on a string, from `i` to its end (tests and one-off lookups). */
export function longestMatch(t: DictTable, s: string, i: number, dicts = 255): number {
  return i < s.length ? longestMatchIn(t, unitsOf(s), i, s.length, dicts) : -1;
}

/** A string's UTF-16 code units. */
export function unitsOf(s: string): Uint16Array {
  const u = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) u[i] = s.charCodeAt(i);
  return u;
}

/** Where the last successful longestMatch ended (a shared slot: no object per match). */
export const matchEnd = { value: 0 };

/** The replacement of entry k. */
export function valueOf(t: DictTable, k: number): string {
  return String.fromCharCode(...t.values.subarray(keyStart(t.valueEnds, k), t.valueEnds[k]!));
}

/** Where entry k starts in a concatenation whose entry ends are `ends`. */
export function keyStart(ends: Uint32Array, k: number): number {
  return k === 0 ? 0 : ends[k - 1]!;
}
