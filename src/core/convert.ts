import type { Edit } from './edits.ts';
import { detectScript, isSimplifiedOnly, type ScriptCounts } from './script.ts';
import { keepSurnames } from './surnames.ts';
import { converter } from './opencc/index.ts';

/** Script targets: keep the script, or convert to one of these. */
export type Target = 'keep' | 'cn' | 'tw' | 'twp' | 'hk';
export const TARGETS: readonly Target[] = ['keep', 'cn', 'tw', 'twp', 'hk'];

export const TARGET_NAMES: Record<Target, string> = {
  keep: 'unchanged script',
  cn: 'Simplified',
  tw: 'Traditional (Taiwan)',
  twp: 'Traditional (Taiwan, with Taiwan vocabulary)',
  hk: 'Traditional (Hong Kong)',
};

type ConverterFn = (text: string) => string;

/**
 * True when a text is already written in Traditional script: most of its
 * characters that differ between the scripts are Traditional, and at most a
 * few Simplified leftovers remain (a mirror's converter leaves 并, 先后).
 */
export function isTraditionalText(c: ScriptCounts): boolean {
  // Two or three Traditional characters in a Simplified sentence (甲冑) do not make it Traditional.
  return c.script === 'traditional' && c.traditionalOnly >= 3 && c.traditionalOnly / c.han >= 0.1 && c.simplifiedOnly / c.han < 0.02;
}

/**
 * The converter for a text to `target`, or undefined when nothing needs
 * converting. Traditional goes to Simplified through OpenCC's Taiwan→mainland
 * table (看著→看着), which the mirrors' text matches best, with our own
 * phrases ahead of it for the words it gets wrong (專著 stays 专著). Text already in
 * Traditional only needs the regional variants (t→tw, t→hk; t→twp adds Taiwan
 * vocabulary): the Simplified→Traditional tables are keyed on Simplified words
 * and would turn 鄰里 into 鄰裡 and 干擾 into 幹擾. Its Simplified leftovers
 * are converted one by one, in their context.
 */
function converterFor(counts: ScriptCounts, target: Target): Promise<ConverterFn> | undefined {
  // Tables load on first use: a page that needs no conversion loads none.
  if (target === 'keep' || counts.script === 'none') return undefined;
  // Text with no Traditional-only character is left alone: tw→cn would still
  // touch a few shared forms of genuine Simplified text (显著→显着).
  if (target === 'cn') return counts.traditionalOnly > 0 ? converter('tw2cn') : undefined;
  const fromSimplified = converter(`s2${target}`);
  if (!isTraditionalText(counts)) return fromSimplified.then((fn) => (s: string) => keepSurnames(s, fn(s)));
  return Promise.all([converter(`t2${target}`), fromSimplified]).then(([variants, full]) => (s: string) => convertLeftovers(variants(s), full));
}

/**
 * Starts loading the converter that text with these counts needs for
 * `target`, without converting anything: a caller that has judged a whole
 * page lets the tables arrive while it does other work.
 */
export function preloadConverter(counts: ScriptCounts, target: Target): void {
  // A failed load is reported by the conversion that awaits it.
  converterFor(counts, target)?.catch(() => undefined);
}

/** Converts each Simplified-only character of mostly Traditional text with a few characters of context. */
function convertLeftovers(text: string, full: ConverterFn): string {
  let out: string[] | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (!isSimplifiedOnly(ch)) continue;
    const from = Math.max(0, i - 2);
    const window = text.slice(from, i + 3);
    const converted = full(window);
    if (converted.length !== window.length) continue;
    out ??= text.split('');
    out[i] = converted[i - from]!;
  }
  return out ? out.join('') : text;
}

export interface ConvertResult {
  text: string;
  /** Edits on the input; each covers a run of changed characters. */
  edits: Edit[];
}

/**
 * Converts a text to the target script, listing each changed run as an edit.
 * `counts` (detectScript of the text) may come from the caller's own analysis.
 */
export async function convert(text: string, target: Target, counts: ScriptCounts = detectScript(text)): Promise<ConvertResult> {
  const pending = converterFor(counts, target);
  if (!pending) return { text, edits: [] };
  const fn = await pending;
  return convertWith(text, fn, `${counts.script === 'traditional' ? 'Traditional' : 'Simplified'} → ${TARGET_NAMES[target]}`);
}

/**
 * Converts a text to the target script without listing the changes: the same
 * output as convert(), for callers that never show the edits (the command
 * line's plain `fix`), at the cost of the conversion alone.
 */
export async function convertText(text: string, target: Target, counts: ScriptCounts = detectScript(text)): Promise<string> {
  const pending = converterFor(counts, target);
  return pending ? convertLines(text, await pending) : text;
}

/** Runs a converter and turns its output into edits on the input. */
export function convertWith(text: string, fn: ConverterFn, label: string): ConvertResult {
  const edits: Edit[] = [];
  const out = convertLines(text, fn, (line, converted, start) => {
    for (const e of editsFor(line, converted, fn, label, start)) edits.push(e);
  });
  return edits.length ? { text: out, edits } : { text, edits: [] };
}

/**
 * Runs a converter line by line (`changed` sees each line it changed, with its
 * start) and returns the whole output. No OpenCC key holds a newline, so lines
 * convert alone, and convertLeftovers' few characters of context never cross a
 * line end. A description sequence (⿰言某) may reach across one: such text goes whole.
 */
function convertLines(text: string, fn: ConverterFn, changed?: (line: string, converted: string, start: number) => void): string {
  if (hasDescriptionCharacter(text)) {
    const out = fn(text);
    if (out !== text) changed?.(text, out, 0);
    return out;
  }
  const parts: string[] = [];
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end);
    const out = fn(line);
    parts.push(out);
    if (out !== line) changed?.(line, out, start);
    start = end + 1;
  }
  return parts.join('\n');
}

/** Edits that turn `text` (at `base` in the input) into `out`, its conversion. */
function editsFor(text: string, out: string, fn: ConverterFn, label: string, base: number): Edit[] {
  if (out.length === text.length && alignsOneToOne(text, out)) return lineEdits(text, out, label, base);
  // Phrase conversions changed lengths: convert clause by clause so each
  // change stays local, and trim what did not change. OpenCC's phrases never
  // cross these separators; if the pieces ever disagree with the whole, the
  // whole text becomes one edit rather than a wrong one.
  const edits: Edit[] = [];
  const parts: string[] = [];
  let pos = 0;
  // A hand-written split: a regex over one 8-million-character clause overflowed the stack.
  for (let start = 0; start < text.length; ) {
    let end = start;
    while (end < text.length && !SEPARATORS.has(text.charCodeAt(end))) end++;
    while (end < text.length && SEPARATORS.has(text.charCodeAt(end))) end++;
    const seg = text.slice(start, end);
    const conv = fn(seg);
    parts.push(conv);
    if (conv !== seg) {
      if (conv.length === seg.length && alignsOneToOne(seg, conv)) for (const e of runEdits(seg, conv, base + start, label)) edits.push(e);
      else edits.push(trimmedEdit(seg, conv, base + start, label));
    }
    start = end;
    pos = end;
  }
  if (parts.join('') !== out || pos !== text.length) return [trimmedEdit(text, out, base, label)];
  return edits;
}

/** Ideographic Description Characters (U+2FF0–U+2FFF) start sequences OpenCC steps over whole. */
function hasDescriptionCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x2ff0 && c <= 0x2fff) return true;
  }
  return false;
}

/** Where a clause ends: OpenCC's phrases never cross these. */
const SEPARATORS = new Set([...' \t\n\r\u3000、，。！？；：,.!?;:'].map((c) => c.charCodeAt(0)));

function alignsOneToOne(a: string, b: string): boolean {
  // Same length can still hide a shift (one phrase longer, one shorter); a shift
  // shows up as a Han character facing a non-Han one.
  for (let i = 0; i < a.length; i++) {
    if (a.charCodeAt(i) !== b.charCodeAt(i) && (isAsciiOrSpace(a.charCodeAt(i)) || isAsciiOrSpace(b.charCodeAt(i)))) {
      return false;
    }
  }
  return true;
}

function isAsciiOrSpace(c: number): boolean {
  return c < 0x2e80 || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef);
}

/**
 * One edit per line for a same-length conversion, from its first to its last
 * changed character: a 1 MB page gives thousands of edits, not hundreds of
 * thousands, and a person reads "經濟社會發展 → 经济社会发展" more easily.
 */
function lineEdits(a: string, b: string, label: string, base: number): Edit[] {
  const edits: Edit[] = [];
  let lineStart = 0;
  while (lineStart <= a.length) {
    let lineEnd = a.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = a.length;
    let i = lineStart;
    while (i < lineEnd && a.charCodeAt(i) === b.charCodeAt(i)) i++;
    if (i < lineEnd) {
      let j = lineEnd;
      while (j > i && a.charCodeAt(j - 1) === b.charCodeAt(j - 1)) j--;
      if (i > 0 && isLowSurrogate(a.charCodeAt(i))) i--;
      if (j < a.length && isLowSurrogate(a.charCodeAt(j)) && isHighSurrogate(a.charCodeAt(j - 1))) j++;
      edits.push(conversionEdit(a.slice(i, j), b.slice(i, j), base + i, label));
    }
    lineStart = lineEnd + 1;
  }
  return edits;
}

function conversionEdit(original: string, replacement: string, offset: number, label: string): Edit {
  const reason = original.length <= 24 ? `${label}: ${original} → ${replacement}` : `${label}: ${original.slice(0, 12)}… → ${replacement.slice(0, 12)}…`;
  return { offset, length: original.length, original, replacement, kind: 'convert', reason };
}

function runEdits(a: string, b: string, base: number, label: string): Edit[] {
  const edits: Edit[] = [];
  let i = 0;
  while (i < a.length) {
    if (a.charCodeAt(i) === b.charCodeAt(i)) { i++; continue; }
    let j = i + 1;
    while (j < a.length && a.charCodeAt(j) !== b.charCodeAt(j)) j++;
    // Keep surrogate pairs whole.
    if (i > 0 && isLowSurrogate(a.charCodeAt(i))) i--;
    if (j < a.length && isLowSurrogate(a.charCodeAt(j)) && isHighSurrogate(a.charCodeAt(j - 1))) j++;
    const original = a.slice(i, j);
    const replacement = b.slice(i, j);
    edits.push({ offset: base + i, length: j - i, original, replacement, kind: 'convert', reason: `${label}: ${original} → ${replacement}` });
    i = j;
  }
  return edits;
}

function trimmedEdit(a: string, b: string, base: number, label: string): Edit {
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  const original = a.slice(p, a.length - s);
  const replacement = b.slice(p, b.length - s);
  return { offset: base + p, length: original.length, original, replacement, kind: 'convert', reason: `${label}: ${original} → ${replacement}` };
}

function isHighSurrogate(c: number): boolean { return c >= 0xd800 && c <= 0xdbff; }
function isLowSurrogate(c: number): boolean { return c >= 0xdc00 && c <= 0xdfff; }
