/**
 * The compiled dictionary as one binary file: read with one fetch (or one
 * file read) and no parsing, in the spirit of the OpenCC tables
 * (opencc/table-codec.ts). Layout, little-endian, every section 4-byte aligned:
 *
 *   header        8 × u32: magic, version, entries, keys, key units, refs, record bytes, source bytes
 *   refs          u32 × refs     entry ids, in source order per key
 *   keyUnits      u16 × units    every headword (both scripts, each once), sorted by UTF-16 code unit
 *   recordLengths u16 × entries  byte length of each record
 *   keyLengths    u8 × keys      length of each key in keyUnits
 *   refCounts     u8 × keys      how many entry ids of refs belong to each key
 *   records       UTF-8          per entry: traditional TAB simplified TAB pinyin TAB senses (US-separated)
 *                                TAB measure words (US-separated, each traditional|simplified[pinyin]);
 *                                simplified is left empty when it equals traditional
 *   source        UTF-8 JSON     DictionarySource
 *
 * Lengths rather than end offsets keep the packed extension small (they
 * compress far better); the reader adds them up once when it opens the file.
 */
import type { DictionarySource } from './types.ts';

const MAGIC = 0x44435a57; // "WZCD" read little-endian
const VERSION = 1;
const HEADER_WORDS = 8;

/** Separates fields of a record. */
export const FIELD = '\t';
/** Separates items inside a field (senses, measure words). */
export const ITEM = '\u001f';

/** The sections of a compiled dictionary, as the reader uses them (end offsets, not lengths). */
export interface DictionarySections {
  /** Where key k ends in keyUnits (it starts where key k-1 ends). */
  keyEnds: Uint32Array;
  /** Where key k's entry ids end in refs. */
  refEnds: Uint32Array;
  refs: Uint32Array;
  /** Where entry e's record ends in records. */
  recordEnds: Uint32Array;
  keyUnits: Uint16Array;
  records: Uint8Array;
  source: DictionarySource;
}

const align4 = (n: number): number => (n + 3) & ~3;

/** The lengths between consecutive end offsets; throws if one does not fit the field. */
function lengths<T extends Uint8Array | Uint16Array>(ends: Uint32Array, make: new (n: number) => T, max: number, what: string): T {
  const out = new make(ends.length);
  let previous = 0;
  ends.forEach((end, i) => {
    const n = end - previous;
    if (n > max) throw new RangeError(`Dictionary: ${what} ${i} is too long (${n})`);
    out[i] = n;
    previous = end;
  });
  return out;
}

/** End offsets from lengths (a running sum). */
function ends(lengths: Uint8Array | Uint16Array): Uint32Array {
  const out = new Uint32Array(lengths.length);
  let sum = 0;
  for (let i = 0; i < lengths.length; i++) out[i] = sum += lengths[i]!;
  return out;
}

/** Serializes the sections into one buffer. */
export function encodeDictionary(s: DictionarySections): Uint8Array {
  const source = new TextEncoder().encode(JSON.stringify(s.source));
  const parts = [
    s.refs, s.keyUnits, lengths(s.recordEnds, Uint16Array, 0xffff, 'record'),
    lengths(s.keyEnds, Uint8Array, 0xff, 'key'), lengths(s.refEnds, Uint8Array, 0xff, 'key reference list'), s.records, source,
  ];
  const bytes = new Uint8Array(HEADER_WORDS * 4 + parts.reduce((a, p) => a + align4(p.byteLength), 0));
  new Uint32Array(bytes.buffer, 0, HEADER_WORDS).set([
    MAGIC, VERSION, s.recordEnds.length, s.keyEnds.length, s.keyUnits.length, s.refs.length, s.records.byteLength, source.byteLength,
  ]);
  let at = HEADER_WORDS * 4;
  for (const part of parts) {
    bytes.set(new Uint8Array(part.buffer, part.byteOffset, part.byteLength), at);
    at += align4(part.byteLength);
  }
  return bytes;
}

/** Reads a buffer written by encodeDictionary; throws a clear error on anything else. */
export function decodeDictionary(buffer: ArrayBuffer): DictionarySections {
  if (buffer.byteLength < HEADER_WORDS * 4) throw new Error('Dictionary: file too short');
  const [magic, version, nEntries, nKeys, nUnits, nRefs, nRecordBytes, nSourceBytes] = Array.from(new Uint32Array(buffer, 0, HEADER_WORDS)) as number[];
  if (magic !== MAGIC || version !== VERSION) throw new Error('Dictionary: not a Zhengwen dictionary of this version');
  const expected = HEADER_WORDS * 4 + 4 * nRefs! + align4(2 * nUnits!) + align4(2 * nEntries!) + 2 * align4(nKeys!) + align4(nRecordBytes!) + align4(nSourceBytes!);
  if (buffer.byteLength !== expected) throw new Error('Dictionary: size does not match its header');
  let at = HEADER_WORDS * 4;
  const take = <T>(make: (offset: number) => T, bytes: number): T => { const v = make(at); at += align4(bytes); return v; };
  const refs = take((o) => new Uint32Array(buffer, o, nRefs), 4 * nRefs!);
  const keyUnits = take((o) => new Uint16Array(buffer, o, nUnits), 2 * nUnits!);
  const recordLengths = take((o) => new Uint16Array(buffer, o, nEntries), 2 * nEntries!);
  const keyLengths = take((o) => new Uint8Array(buffer, o, nKeys), nKeys!);
  const refCounts = take((o) => new Uint8Array(buffer, o, nKeys), nKeys!);
  const records = take((o) => new Uint8Array(buffer, o, nRecordBytes), nRecordBytes!);
  const source = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, at, nSourceBytes))) as DictionarySource;
  return { keyEnds: ends(keyLengths), refEnds: ends(refCounts), refs, recordEnds: ends(recordLengths), keyUnits, records, source };
}
