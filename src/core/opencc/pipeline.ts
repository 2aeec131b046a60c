import { longestMatch, matchEnd, valueOf, type DictTable } from './dict-table.ts';
import { unmatchedLength } from './unmatched-length.ts';

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

/** Converts a text through a pipeline; the output equals opencc-js's Converter for the same configuration. */
export function runPipeline(p: Pipeline, text: string): string {
  let s = text;
  for (const t of p.normalize) s = convertByTable(t, s);
  if (!p.segmentation) {
    for (const t of p.chain) s = convertByTable(t, s);
    return s;
  }
  const out: string[] = [];
  forEachSegment(p.segmentation.table, p.segmentation.dicts, s, (piece) => {
    for (const t of p.chain) piece = convertByTable(t, piece);
    out.push(piece);
  });
  return out.join('');
}

/** Replaces the longest match at each position, left to right; unmatched text is copied. */
export function convertByTable(t: DictTable, s: string): string {
  let out = '';
  let copied = 0;
  for (let i = 0; i < s.length; ) {
    const k = longestMatch(t, s, i);
    if (k < 0) {
      i += unmatchedLength(s, i);
      continue;
    }
    const end = matchEnd.value;
    // V8 concatenates into ropes: cheaper than collecting pieces for short texts, linear for long ones.
    out += s.slice(copied, i) + valueOf(t, k);
    i = copied = end;
  }
  return copied === 0 ? s : out + s.slice(copied);
}

/** Calls `f` with each piece: a matched phrase, or a run of text between phrases. */
export function forEachSegment(t: DictTable, dicts: number, s: string, f: (piece: string) => void): void {
  let runStart = -1;
  for (let i = 0; i < s.length; ) {
    const k = longestMatch(t, s, i, dicts);
    if (k < 0) {
      if (runStart < 0) runStart = i;
      i += unmatchedLength(s, i);
      continue;
    }
    // Read the end before calling f: f converts, which matches again.
    const end = matchEnd.value;
    if (runStart >= 0) { f(s.slice(runStart, i)); runStart = -1; }
    f(s.slice(i, end));
    i = end;
  }
  if (runStart >= 0) f(s.slice(runStart));
}
