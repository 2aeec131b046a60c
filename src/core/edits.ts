/**
 * Edits are the engine's common currency: every change the engine makes to a
 * text is an Edit on the *input* string, so a change can be shown, explained,
 * mapped onto DOM text nodes and undone exactly.
 */

/** What kind of damage or conversion an edit stands for. */
export type EditKind = 'pinyin' | 'punctuation' | 'mojibake' | 'convert';

export interface Edit {
  /** Start in the input string, in UTF-16 code units. */
  offset: number;
  /** Number of input code units replaced. */
  length: number;
  /** The input text that was replaced: input.slice(offset, offset + length). */
  original: string;
  /** The text put in its place ('' for a removal). */
  replacement: string;
  kind: EditKind;
  /** A sentence a reader understands: "pinyin annotation (wǎng) after 網". */
  reason: string;
}

/** Sorts edits by offset; edits must not overlap. */
export function sortEdits(edits: readonly Edit[]): Edit[] {
  return [...edits].sort((a, b) => a.offset - b.offset || a.length - b.length);
}

/** Applies non-overlapping edits (any order) to the text they were made on. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = sortEdits(edits);
  const parts: string[] = [];
  let pos = 0;
  for (const e of sorted) {
    if (e.offset < pos) throw new Error(`overlapping edits at ${e.offset}`);
    parts.push(text.slice(pos, e.offset), e.replacement);
    pos = e.offset + e.length;
  }
  parts.push(text.slice(pos));
  return parts.join('');
}

/** Rebuilds the input from the output and the edits that produced it. */
export function undoEdits(output: string, edits: readonly Edit[]): string {
  const sorted = sortEdits(edits);
  const parts: string[] = [];
  let outPos = 0;
  let delta = 0; // output offset minus input offset so far
  for (const e of sorted) {
    const outStart = e.offset + delta;
    parts.push(output.slice(outPos, outStart), e.original);
    outPos = outStart + e.replacement.length;
    delta += e.replacement.length - e.length;
  }
  parts.push(output.slice(outPos));
  return parts.join('');
}

/**
 * Maps an offset in the output back to the input. An offset inside a
 * replacement maps to the start of the replaced input span.
 */
export function outputToInput(edits: readonly Edit[], outOffset: number): number {
  let delta = 0;
  for (const e of sortEdits(edits)) {
    const outStart = e.offset + delta;
    if (outOffset < outStart) break;
    if (outOffset < outStart + e.replacement.length) return e.offset;
    delta += e.replacement.length - e.length;
  }
  return outOffset - delta;
}

/** Maps an offset in the input to the output (a removed span maps to where it was). */
export function inputToOutput(edits: readonly Edit[], inOffset: number): number {
  let delta = 0;
  for (const e of sortEdits(edits)) {
    if (inOffset < e.offset) break;
    if (inOffset < e.offset + e.length) return e.offset + delta;
    delta += e.replacement.length - e.length;
  }
  return inOffset + delta;
}

/**
 * Re-expresses `later` (edits made on the output of `earlier`) as edits on the
 * original input, and merges both lists. Where a later edit covers text an
 * earlier edit produced (or a removal strictly inside it), the two become one
 * edit of the later kind.
 */
export function composeEdits(input: string, earlier: readonly Edit[], later: readonly Edit[]): Edit[] {
  const first = sortEdits(earlier);
  // Where each earlier edit's replacement sits in the intermediate text.
  const spans: { start: number; end: number; edit: Edit }[] = [];
  let delta = 0;
  for (const e of first) {
    const start = e.offset + delta;
    spans.push({ start, end: start + e.replacement.length, edit: e });
    delta += e.replacement.length - e.length;
  }
  const absorbed = new Set<Edit>();
  const result: Edit[] = [];
  for (const e of splitAtRemovals(later, spans)) {
    const a = e.offset;
    const b = e.offset + e.length;
    let start = mapStart(spans, a);
    let end = b > a ? mapEnd(spans, b) : start;
    for (const s of spans) {
      const overlaps = s.end > s.start ? s.start < b && s.end > a : s.start > a && s.start < b;
      if (!overlaps) continue;
      absorbed.add(s.edit);
      start = Math.min(start, s.edit.offset);
      end = Math.max(end, s.edit.offset + s.edit.length);
    }
    result.push({ ...e, offset: start, length: end - start, original: input.slice(start, end) });
  }
  for (const e of first) if (!absorbed.has(e)) result.push(e);
  return sortEdits(result);
}

type Span = { start: number; end: number; edit: Edit };

/**
 * A same-length later edit (網訊→网讯) that spans the point where an earlier
 * removal was (網(wǎng)訊) is cut there, so both edits keep their own kind and reason.
 */
function splitAtRemovals(later: readonly Edit[], spans: readonly Span[]): Edit[] {
  const cuts = spans.filter((s) => s.start === s.end).map((s) => s.start);
  if (cuts.length === 0) return [...later];
  const out: Edit[] = [];
  for (const e of later) {
    if (e.original.length !== e.replacement.length) { out.push(e); continue; }
    let from = 0;
    for (const c of cuts) {
      const at = c - e.offset;
      if (at <= from || at >= e.length) continue;
      out.push(sliceEdit(e, from, at));
      from = at;
    }
    out.push(from === 0 ? e : sliceEdit(e, from, e.length));
  }
  return out;
}

function sliceEdit(e: Edit, from: number, to: number): Edit {
  const original = e.original.slice(from, to);
  const replacement = e.replacement.slice(from, to);
  const label = e.reason.includes(': ') ? e.reason.slice(0, e.reason.lastIndexOf(': ')) : e.reason;
  return { ...e, offset: e.offset + from, length: to - from, original, replacement, reason: `${label}: ${original} → ${replacement}` };
}

/** Input offset of an intermediate start offset; removals right at it stay outside. */
function mapStart(spans: readonly Span[], a: number): number {
  let shift = 0; // input offset minus intermediate offset
  for (const s of spans) {
    if (s.start > a) break;
    if (a < s.end) return s.edit.offset;
    shift = s.edit.offset + s.edit.length - s.end;
  }
  return a + shift;
}

/** Input offset of an intermediate end offset (exclusive); removals right at it stay outside. */
function mapEnd(spans: readonly Span[], b: number): number {
  let shift = 0;
  for (const s of spans) {
    if (s.start >= b) break;
    if (b <= s.end) return s.edit.offset + s.edit.length;
    shift = s.edit.offset + s.edit.length - s.end;
  }
  return b + shift;
}
