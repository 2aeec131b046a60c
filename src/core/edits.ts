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
 * both keep their own kind and reason.
 */
export function composeEdits(input: string, earlier: readonly Edit[], later: readonly Edit[]): Edit[] {
  const first = sortEdits(earlier);
  const spans: Span[] = [];
  let delta = 0;
  for (const e of first) {
    const start = e.offset + delta;
    spans.push({ start, end: start + e.replacement.length, edit: e });
    delta += e.replacement.length - e.length;
  }
  const mid = first.length ? applyEdits(input, first) : input;
  const second = splitAtRemovals(sortEdits(later), spans);
  const result: Edit[] = [];
  let i = 0;
  let j = 0;
  let shift = 0; // input offset minus intermediate offset, after the spans handled so far
  while (i < spans.length || j < second.length) {
    const s = spans[i];
    const l = second[j];
    if (!s || !l || !overlaps(s, l)) {
      if (s && (!l || spanComesFirst(s, l))) {
        result.push(s.edit);
        shift = s.edit.offset + s.edit.length - s.end;
        i++;
      } else {
        const offset = l!.offset + shift;
        result.push({ ...l!, offset, original: input.slice(offset, offset + l!.length) });
        j++;
      }
      continue;
    }
    // A cluster: spans and later edits that overlap, chained.
    let cs = Math.min(s.start, l.offset);
    let ce = Math.max(s.end, l.offset + l.length);
    const clusterSpans: Span[] = [];
    const clusterLater: Edit[] = [];
    let grew = true;
    while (grew) {
      grew = false;
      while (i < spans.length && touchesRange(spans[i]!, cs, ce)) {
        const x = spans[i++]!;
        clusterSpans.push(x);
        cs = Math.min(cs, x.start);
        ce = Math.max(ce, x.end);
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
    const firstSpan = clusterSpans[0];
    const lastSpan = clusterSpans[clusterSpans.length - 1];
    const inStart = firstSpan && firstSpan.start === cs ? firstSpan.edit.offset : cs + shift;
    if (lastSpan) shift = lastSpan.edit.offset + lastSpan.edit.length - lastSpan.end;
    const inEnd = lastSpan && lastSpan.end === ce && lastSpan.start !== lastSpan.end ? lastSpan.edit.offset + lastSpan.edit.length : ce + shift;
    const local = clusterLater.map((x) => ({ ...x, offset: x.offset - cs }));
    const replacement = applyEdits(mid.slice(cs, ce), local);
    const lead = clusterLater[0]!;
    result.push({
      offset: inStart,
      length: inEnd - inStart,
      original: input.slice(inStart, inEnd),
      replacement,
      kind: lead.kind,
      reason: clusterLater.length === 1 ? lead.reason : clusterLater.map((x) => x.reason).join('; '),
    });
  }
  return result;
}

type Span = { start: number; end: number; edit: Edit };

/** True when a later edit and an earlier span touch the same intermediate text. */
function overlaps(s: Span, l: Edit): boolean {
  const a = l.offset;
  const b = l.offset + l.length;
  if (s.start === s.end) return a < s.start && s.start < b; // a removal strictly inside
  if (a === b) return s.start < a && a < s.end; // an insertion strictly inside a replacement
  return s.start < b && s.end > a;
}

/** Of a span and a later edit that do not overlap, which comes first (a removal at the edit's start does). */
function spanComesFirst(s: Span, l: Edit): boolean {
  return s.start === s.end ? s.start <= l.offset : s.end <= l.offset;
}

function touchesRange(s: Span, cs: number, ce: number): boolean {
  if (s.start === s.end) return cs < s.start && s.start < ce;
  return s.start < ce && s.end > cs;
}

function laterTouchesRange(l: Edit, cs: number, ce: number): boolean {
  const a = l.offset;
  const b = l.offset + l.length;
  if (a === b) return cs < a && a < ce;
  return a < ce && b > cs;
}

/** Cuts same-length later edits at earlier removal points strictly inside them. */
function splitAtRemovals(later: readonly Edit[], spans: readonly Span[]): Edit[] {
  const cuts = spans.filter((s) => s.start === s.end).map((s) => s.start);
  if (cuts.length === 0) return [...later];
  const out: Edit[] = [];
  let k = 0;
  for (const e of later) {
    if (e.original.length !== e.replacement.length) { out.push(e); continue; }
    while (k < cuts.length && cuts[k]! <= e.offset) k++;
    let from = 0;
    let cut = false;
    for (let c = k; c < cuts.length && cuts[c]! < e.offset + e.length; c++) {
      const at = cuts[c]! - e.offset;
      if (at <= from) continue;
      pushSlice(out, e, from, at);
      from = at;
      cut = true;
    }
    if (cut) pushSlice(out, e, from, e.length);
    else out.push(e);
  }
  return out;
}

/** Adds the changed part of e's [from, to) slice, if any of it changes. */
function pushSlice(out: Edit[], e: Edit, sliceFrom: number, sliceTo: number): void {
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
  const label = e.reason.includes(': ') ? e.reason.slice(0, e.reason.lastIndexOf(': ')) : e.reason;
  const shown = original.length <= 24 ? `${original} → ${replacement}` : `${original.slice(0, 12)}… → ${replacement.slice(0, 12)}…`;
  out.push({ ...e, offset: e.offset + from, length: to - from, original, replacement, reason: `${label}: ${shown}` });
}
