import type { DictTable } from './dict-table.ts';

/**
 * A compiled table as one binary file, so the extension loads it with one
 * fetch and no parsing: a header of seven 32-bit words, the three 32-bit
 * arrays, keys and values as UTF-16, then one origin byte per entry. Little-endian, as every machine
 * that runs the extension; the magic number catches anything else.
 */
const MAGIC = 0x54445a57; // "WZDT" read little-endian
const VERSION = 2;
const HEADER_WORDS = 7;

/** Serializes a table. */
export function encodeTable(t: DictTable): Uint8Array {
  const values = t.values;
  const words = HEADER_WORDS + t.starts.length + 2 * t.keyEnds.length;
  const units = t.keys.length + values.length;
  const bytes = new Uint8Array(words * 4 + 2 * units + t.origins.length);
  const u32 = new Uint32Array(bytes.buffer, 0, words);
  u32.set([MAGIC, VERSION, t.base, t.starts.length, t.keyEnds.length, t.keys.length, values.length]);
  let w = HEADER_WORDS;
  u32.set(t.starts, w); w += t.starts.length;
  u32.set(t.keyEnds, w); w += t.keyEnds.length;
  u32.set(t.valueEnds, w); w += t.valueEnds.length;
  const u16 = new Uint16Array(bytes.buffer, w * 4, t.keys.length + values.length);
  u16.set(t.keys, 0);
  u16.set(values, t.keys.length);
  bytes.set(t.origins, words * 4 + 2 * units);
  return bytes;
}

/** Reads a table written by encodeTable; throws on anything else. */
export function decodeTable(buffer: ArrayBuffer): DictTable {
  if (buffer.byteLength < HEADER_WORDS * 4) throw new Error('OpenCC table: file too short');
  const [magic, version, base, nStarts, nEntries, nKeys, nValues] = new Uint32Array(buffer, 0, HEADER_WORDS) as unknown as number[];
  if (magic !== MAGIC || version !== VERSION) throw new Error('OpenCC table: not a Zhengwen table of this version');
  const words = HEADER_WORDS + nStarts! + 2 * nEntries!;
  if (buffer.byteLength !== words * 4 + 2 * (nKeys! + nValues!) + nEntries!) throw new Error('OpenCC table: size does not match its header');
  let w = HEADER_WORDS;
  const starts = new Uint32Array(buffer, w * 4, nStarts); w += nStarts!;
  const keyEnds = new Uint32Array(buffer, w * 4, nEntries); w += nEntries!;
  const valueEnds = new Uint32Array(buffer, w * 4, nEntries); w += nEntries!;
  const keys = new Uint16Array(buffer, w * 4, nKeys);
  const values = new Uint16Array(buffer, w * 4 + 2 * nKeys!, nValues);
  const origins = new Uint8Array(buffer, w * 4 + 2 * (nKeys! + nValues!), nEntries);
  return { base: base!, starts, keys, keyEnds, values, valueEnds, origins };
}
