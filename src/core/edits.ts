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
  let sorted = true;
  for (let i = 1; i < edits.length && sorted; i++) {
    const a = edits[i - 1]!;
    const b = edits[i]!;
    if (a.offset > b.offset || (a.offset === b.offset && a.length > b.length)) sorted = false;
  }
  // Most lists arrive sorted; copying a big one costs less than sorting it.
  return sorted ? [...edits] : [...edits].sort((a, b) => a.offset - b.offset || a.length - b.length);
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
 * original input, and merges both lists in one pass. Where edits of the two
 * lists touch the same text (a later edit over text an earlier one wrote, or
 * over a removal strictly inside it), they become one edit of the later kind;
 * removals at a later edit's border stay separate. A same-length later edit
 * (網訊→网讯) that spans a removal point (網(wǎng)訊) is first cut there, so
 * both keep their own kind and reason. `mid`, the text `earlier` produced, is
 * computed when not given.
 */
export function composeEdits(input: string, earlier: readonly Edit[], later: readonly Edit[], mid?: string): Edit[] {
  const first = sortEdits(earlier);
  // Where each earlier edit's replacement sits in the intermediate text: typed arrays,
  // not an object per edit (a mirror page has ~100 removals per 1,000 characters).
  const starts = new Int32Array(first.length);
  const ends = new Int32Array(first.length);
  let delta = 0;
  for (let k = 0; k < first.length; k++) {
    const e = first[k]!;
    starts[k] = e.offset + delta;
    ends[k] = starts[k]! + e.replacement.length;
    delta += e.replacement.length - e.length;
  }
  const text = mid ?? (first.length ? applyEdits(input, first) : input);
  const second = splitAtRemovals(sortEdits(later), starts, ends);
  const result: Edit[] = [];
  const n = first.length;
  let i = 0;
  let j = 0;
  let shift = 0; // input offset minus intermediate offset, after the spans handled so far
  while (i < n || j < second.length) {
    const l = second[j];
    if (i >= n || !l || !overlaps(starts[i]!, ends[i]!, l)) {
      if (i < n && (!l || spanComesFirst(starts[i]!, ends[i]!, l))) {
        const e = first[i]!;
        result.push(e);
        shift = e.offset + e.length - ends[i]!;
        i++;
      } else {
        const offset = l!.offset + shift;
        // No earlier edit lies inside l, so the input there is l's original: no copy of it.
        result.push(edit(offset, l!.length, l!.original, l!.replacement, l!.kind, l!.reason));
        j++;
      }
      continue;
    }
    // A cluster: spans and later edits that overlap, chained.
    let cs = Math.min(starts[i]!, l.offset);
    let ce = Math.max(ends[i]!, l.offset + l.length);
    const firstSpan = i;
    const clusterLater: Edit[] = [];
    let grew = true;
    while (grew) {
      grew = false;
      while (i < n && touchesRange(starts[i]!, ends[i]!, cs, ce)) {
        cs = Math.min(cs, starts[i]!);
        ce = Math.max(ce, ends[i]!);
        i++;
        grew = true;
      }
      while (j < second.length && laterTouchesRange(second[j]!, cs, ce)) {
        const x = second[j++]!;
        clusterLater.push(x);
        cs = Math.min(cs, x.offset);
        ce = Math.max(ce, x.offset + x.length);
        grew = true;
      }
    }
    const lastSpan = i - 1;
    const hasSpans = lastSpan >= firstSpan;
    const inStart = hasSpans && starts[firstSpan] === cs ? first[firstSpan]!.offset : cs + shift;
    if (hasSpans) shift = first[lastSpan]!.offset + first[lastSpan]!.length - ends[lastSpan]!;
    const inEnd = hasSpans && ends[lastSpan] === ce && starts[lastSpan] !== ends[lastSpan]
      ? first[lastSpan]!.offset + first[lastSpan]!.length
      : ce + shift;
    const local = clusterLater.map((x) => edit(x.offset - cs, x.length, x.original, x.replacement, x.kind, x.reason));
    const lead = clusterLater[0]!;
    result.push(edit(
      inStart, inEnd - inStart, input.slice(inStart, inEnd), applyEdits(text.slice(cs, ce), local), lead.kind,
      clusterLater.length === 1 ? lead.reason : clusterLater.map((x) => x.reason).join('; '),
    ));
  }
  return result;
}

/** An Edit with its fields in one order: objects of one shape keep the hot loops fast. */
function edit(offset: number, length: number, original: string, replacement: string, kind: EditKind, reason: string): Edit {
  return { offset, length, original, replacement, kind, reason };
}

/** True when a later edit and an earlier span [start, end) touch the same intermediate text. */
function overlaps(start: number, end: number, l: Edit): boolean {
  const a = l.offset;
  const b = l.offset + l.length;
  if (start === end) return a < start && start < b; // a removal strictly inside
  if (a === b) return start < a && a < end; // an insertion strictly inside a replacement
  return start < b && end > a;
}

/** Of a span and a later edit that do not overlap, which comes first (a removal at the edit's start does). */
function spanComesFirst(start: number, end: number, l: Edit): boolean {
  return start === end ? start <= l.offset : end <= l.offset;
}

function touchesRange(start: number, end: number, cs: number, ce: number): boolean {
  if (start === end) return cs < start && start < ce;
  return start < ce && end > cs;
}

function laterTouchesRange(l: Edit, cs: number, ce: number): boolean {
  const a = l.offset;
  const b = l.offset + l.length;
  if (a === b) return cs < a && a < ce;
  return a < ce && b > cs;
}

/** Cuts same-length later edits at earlier removal points strictly inside them. */
function splitAtRemovals(later: Edit[], starts: Int32Array, ends: Int32Array): Edit[] {
  const cuts: number[] = [];
  for (let k = 0; k < starts.length; k++) if (starts[k] === ends[k]) cuts.push(starts[k]!);
  if (cuts.length === 0) return later;
  const out: Edit[] = [];
  let k = 0;
  for (const e of later) {
    if (e.original.length !== e.replacement.length) { out.push(e); continue; }
    while (k < cuts.length && cuts[k]! <= e.offset) k++;
    let from = 0;
    let cut = false;
    let label: string | undefined;
    for (let c = k; c < cuts.length && cuts[c]! < e.offset + e.length; c++) {
      const at = cuts[c]! - e.offset;
      if (at <= from) continue;
      label ??= reasonLabel(e.reason);
      pushSlice(out, e, from, at, label);
      from = at;
      cut = true;
    }
    if (cut) pushSlice(out, e, from, e.length, label!);
    else out.push(e);
  }
  return out;
}

/**
 * "Traditional → Simplified: 網訊 → 网讯" without what follows its first ": ":
 * labels hold none, while the converted text may ("經濟: 網訊").
 */
function reasonLabel(reason: string): string {
  const colon = reason.indexOf(': ');
  return colon === -1 ? reason : reason.slice(0, colon);
}

/** Adds the changed part of e's [from, to) slice, if any of it changes. */
function pushSlice(out: Edit[], e: Edit, sliceFrom: number, sliceTo: number, label: string): void {
  const a = e.original;
  const b = e.replacement;
  let from = sliceFrom;
  let to = sliceTo;
  while (from < to && a.charCodeAt(from) === b.charCodeAt(from)) from++;
  while (to > from && a.charCodeAt(to - 1) === b.charCodeAt(to - 1)) to--;
  if (from === to) return;
  // Keep surrogate pairs whole, within the slice.
  if (from > sliceFrom && a.charCodeAt(from) >= 0xdc00 && a.charCodeAt(from) <= 0xdfff) from--;
  if (to < sliceTo && a.charCodeAt(to) >= 0xdc00 && a.charCodeAt(to) <= 0xdfff) to++;
  const original = a.slice(from, to);
  const replacement = b.slice(from, to);
  const shown = original.length <= 24 ? `${original} → ${replacement}` : `${original.slice(0, 12)}… → ${replacement.slice(0, 12)}…`;
  out.push(edit(e.offset + from, to - from, original, replacement, e.kind, `${label}: ${shown}`));
}
