import { keyStart, longestMatchIn, matchEnd, type DictTable } from './dict-table.ts';
import { unmatchedUnits } from './unmatched-length.ts';

/**
 * One OpenCC conversion, as opencc-js runs it: normalize (compatibility
 * ideographs), cut the text at the phrases of a segmentation dictionary, then
 * pass each piece through every table of the chain in turn.
 */
export interface Pipeline {
  normalize: DictTable[];
  /** Cuts at the keys of the table's first `dicts` dictionaries. */
  segmentation?: { table: DictTable; dicts: number };
  chain: DictTable[];
}

/**
 * UTF-16 code units being written, in a buffer that grows and is reused:
 * a conversion writes every piece into one of these instead of building a
 * string per piece and per table (those strings were most of the time and
 * garbage of converting a long text).
 */
class Units {
  units = new Uint16Array(4096);
  length = 0;

  /** Makes room for n more units. */
  reserve(n: number): void {
    if (this.length + n <= this.units.length) return;
    const bigger = new Uint16Array(Math.max(this.units.length * 2, this.length + n));
    bigger.set(this.units.subarray(0, this.length));
    this.units = bigger;
  }

  /** Appends src[from, to). */
  append(src: Uint16Array, from: number, to: number): void {
    this.reserve(to - from);
    const u = this.units;
    let n = this.length;
    if (to - from > 32) {
      u.set(src.subarray(from, to), n);
      n += to - from;
    } else {
      for (let k = from; k < to; k++) u[n++] = src[k]!;
    }
    this.length = n;
  }

  /** Copies a string in, replacing what was there. */
  load(s: string): void {
    this.length = 0;
    this.reserve(s.length);
    const u = this.units;
    for (let i = 0; i < s.length; i++) u[i] = s.charCodeAt(i);
    this.length = s.length;
  }

  /** Lets go of a buffer grown for a long text (a page's tab or the command keeps the small one). */
  shrink(): void {
    if (this.units.length > KEEP) this.units = new Uint16Array(4096);
    this.length = 0;
  }

  /** The units written, as a string. */
  toString(): string {
    const u = this.units;
    const n = this.length;
    // fromCharCode keeps lone surrogates (a UTF-16 TextDecoder would replace them); chunks keep the argument count small.
    if (n <= CHUNK) return String.fromCharCode.apply(null, u.subarray(0, n) as unknown as number[]);
    const parts: string[] = [];
    for (let k = 0; k < n; k += CHUNK) parts.push(String.fromCharCode.apply(null, u.subarray(k, Math.min(n, k + CHUNK)) as unknown as number[]));
    return parts.join('');
  }
}

const CHUNK = 8192;
/** Buffers up to this many units stay allocated between conversions (256 KB each). */
const KEEP = 1 << 17;
// Conversions are synchronous and never nested, so these are shared.
const input = new Units();
const output = new Units();
const scratch = [new Units(), new Units()] as const;
const normalized = [new Units(), new Units()] as const;
const buffers = [input, output, ...scratch, ...normalized];

/** Converts a text through a pipeline; the output equals opencc-js's Converter for the same configuration. */
export function runPipeline(p: Pipeline, text: string): string {
  input.load(text);
  let source = input;
  p.normalize.forEach((t, k) => {
    const into = normalized[k & 1]!;
    into.length = 0;
    convertRange(t, source.units, 0, source.length, into);
    source = into;
  });
  output.length = 0;
  const src = source.units;
  const n = source.length;
  if (!p.segmentation) {
    convertPiece(p.chain, src, 0, n);
  } else {
    const { table, dicts } = p.segmentation;
    let runStart = -1;
    for (let i = 0; i < n; ) {
      const k = longestMatchIn(table, src, i, n, dicts);
      if (k < 0) {
        if (runStart < 0) runStart = i;
        i += unmatchedUnits(src, i, n);
        continue;
      }
      // Read the end before converting: conversion matches again.
      const end = matchEnd.value;
      if (runStart >= 0) { convertPiece(p.chain, src, runStart, i); runStart = -1; }
      convertPiece(p.chain, src, i, end);
      i = end;
    }
    if (runStart >= 0) convertPiece(p.chain, src, runStart, n);
  }
  const result = sameAs(output, text) ? text : output.toString();
  for (const u of buffers) u.shrink();
  return result;
}

/** Passes src[from, to) through every table of a chain in turn (each table sees only the piece) and appends the result to `output`. */
function convertPiece(chain: readonly DictTable[], src: Uint16Array, from: number, to: number): void {
  let units = src;
  let a = from;
  let b = to;
  for (let k = 0; k < chain.length; k++) {
    const into = k === chain.length - 1 ? output : scratch[k & 1]!;
    if (into !== output) into.length = 0;
    convertRange(chain[k]!, units, a, b, into);
    units = into.units;
    a = 0;
    b = into.length;
  }
  if (chain.length === 0) output.append(src, from, to);
}

/** Replaces the longest match at each position of src[from, to), left to right, appending to `into`; unmatched text is copied. */
function convertRange(t: DictTable, src: Uint16Array, from: number, to: number, into: Units): void {
  let copied = from;
  for (let i = from; i < to; ) {
    const k = longestMatchIn(t, src, i, to);
    if (k < 0) {
      i += unmatchedUnits(src, i, to);
      continue;
    }
    into.append(src, copied, i);
    into.append(t.values, keyStart(t.valueEnds, k), t.valueEnds[k]!);
    i = copied = matchEnd.value;
  }
  into.append(src, copied, to);
}

/** True when the units written equal s (most lines of a Simplified page convert to themselves). */
function sameAs(u: Units, s: string): boolean {
  if (u.length !== s.length) return false;
  const units = u.units;
  for (let i = 0; i < s.length; i++) if (units[i] !== s.charCodeAt(i)) return false;
  return true;
}

/** Replaces the longest match at each position, left to right; unmatched text is copied. */
export function convertByTable(t: DictTable, s: string): string {
  const units = new Units();
  units.load(s);
  const into = new Units();
  convertRange(t, units.units, 0, s.length, into);
  return sameAs(into, s) ? s : into.toString();
}
