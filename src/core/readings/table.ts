/**
 * The readings table: pinyin-pro's readings of every character it can read,
 * as one string "readings:characters|…", the readings of a group
 * space-separated in pinyin-pro's order (`líng:〇伶凌…|bǎng páng pāng:膀`).
 * One string literal costs next to nothing to load; the ~300 KB of
 * pinyin-pro's dictionary objects cost a compile and a build on every page.
 */

/** Encodes readings per code point; characters read only as themselves are left out. */
export function encodeReadingsTable(entries: Iterable<readonly [string, readonly string[]]>): string {
  const groups = new Map<string, string>();
  for (const [ch, readings] of entries) {
    if (readings.length === 1 && readings[0] === ch) continue;
    if (readings.length === 0 || /[ :|]/.test(readings.join(''))) throw new Error(`readings of ${ch} cannot be encoded: ${JSON.stringify(readings)}`);
    const key = readings.join(' ');
    groups.set(key, (groups.get(key) ?? '') + ch);
  }
  // A lookup searches the string for the character: it must not occur in any key (nor be a separator).
  const inKeys = new Set([...[...groups.keys()].join(' ')].concat(':', '|'));
  for (const chars of groups.values()) for (const ch of chars) if (inKeys.has(ch)) throw new Error(`${ch} also occurs in readings`);
  return [...groups].map(([key, chars]) => `${key}:${chars}`).join('|');
}

/** Lookups answered by searching the string, before it is indexed once: a page usually needs a few dozen. */
const SEARCHES_BEFORE_INDEX = 256;

/**
 * A lookup over an encoded table: the readings of one code point, or the
 * code point itself when the table has none (as pinyin-pro answers).
 */
export function readingsLookup(data: string, searchesBeforeIndex = SEARCHES_BEFORE_INDEX): (ch: string) => readonly string[] {
  const byGroup = new Map<number, readonly string[]>();
  let index: ((ch: string) => number) | undefined;
  let searches = 0;
  const readings = (group: number): readonly string[] => {
    let r = byGroup.get(group);
    if (!r) byGroup.set(group, (r = data.slice(group, data.indexOf(':', group)).split(' ')));
    return r;
  };
  return (ch) => {
    const c = ch.charCodeAt(0);
    // A lone surrogate would match half of a pair; pinyin-pro gives it back, like any unread character.
    if (ch.length === 0 || ch.length > 2 || (ch.length === 1 && c >= 0xd800 && c <= 0xdfff)) return [ch];
    if (!index && ++searches > searchesBeforeIndex) index = indexOf(data);
    let group: number;
    if (index) {
      group = index(ch);
    } else {
      const at = data.indexOf(ch);
      group = at === -1 ? -1 : data.lastIndexOf('|', at) + 1;
      // Characters never occur in readings: a hit up to the group's colon is a letter of a reading.
      if (group !== -1 && at <= data.indexOf(':', group)) group = -1;
    }
    return group === -1 ? [ch] : readings(group);
  };
}

/** Every character's group (the offset where its readings start), for pages that look up many. */
function indexOf(data: string): (ch: string) => number {
  // Offset + 1 per BMP code unit (a typed array is cheaper than 21,000 map entries), a map for the few astral ones.
  const bmp = new Uint32Array(0x10000);
  const astral = new Map<string, number>();
  for (let start = 0; start < data.length; ) {
    let end = data.indexOf('|', start);
    if (end === -1) end = data.length;
    for (let i = data.indexOf(':', start) + 1; i < end; i++) {
      const c = data.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff) {
        astral.set(data.slice(i, i + 2), start);
        i++;
      } else {
        bmp[c] = start + 1;
      }
    }
    start = end + 1;
  }
  return (ch) => (ch.length === 1 ? bmp[ch.charCodeAt(0)]! - 1 : astral.get(ch) ?? -1);
}
