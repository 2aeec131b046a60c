/**
 * The last step: chooses among the candidates of every path (highest score
 * first, no overlaps) and reports where characters are lost — the losses the
 * chosen repairs name, and `?` or U+FFFD marks that stand for a character
 * (`[摘?要]`, `? ? ?`), never guessed.
 */
import type { Edit } from '../edits.ts';
import { isHanCode, type Candidate, type LostSpan, type MojibakeResult } from './judgments.ts';

/** Keeps the best non-overlapping candidates as edits and lists the lost characters. */
export function select(text: string, candidates: Candidate[], marks: number[]): MojibakeResult {
  // Highest score first; a candidate that overlaps a chosen one, or whose lost
  // span falls inside a chosen one, is dropped. `taken` marks chosen input.
  const taken = new Uint8Array(candidates.length ? text.length + 1 : 0);
  const free = (a: number, b: number) => {
    for (let i = a; i < b && i < taken.length; i++) if (taken[i]) return false;
    return true;
  };
  const chosen: Candidate[] = [];
  for (const c of [...candidates].sort((a, b) => b.score - a.score || a.start - b.start)) {
    if (c.end <= c.start || !free(c.start, c.end)) continue;
    if (c.lost.some((l) => l.length > 0 && !free(l.offset, l.offset + l.length))) continue;
    taken.fill(1, c.start, c.end);
    chosen.push(c);
  }
  chosen.sort((a, b) => a.start - b.start);
  const edits: Edit[] = chosen.map((c) => ({
    offset: c.start,
    length: c.end - c.start,
    original: text.slice(c.start, c.end),
    replacement: c.replacement,
    kind: 'mojibake',
    reason: c.reason,
  }));
  const lost: LostSpan[] = [];
  const lostAt = new Uint8Array(chosen.length ? text.length + 1 : 0);
  for (const c of chosen) {
    for (const l of c.lost) {
      lost.push(l);
      lostAt.fill(1, l.offset, l.offset + l.length);
    }
  }
  // A text that writes ？ and ，。 does not use ASCII ? as a question mark
  // (worked out on the first mark that needs it).
  let style: boolean | undefined;
  const fullWidthStyle = () => (style ??= text.includes('？') && /[，。]/.test(text));
  for (let m = 0; m < marks.length; m++) {
    const p = marks[m]!;
    if (taken[p] || lostAt[p]) continue;
    const span = lostMarkAt(text, p, fullWidthStyle);
    if (span && free(span.offset, span.offset + span.length)) lost.push(span);
    // Skip the rest of the run either way: judging every mark of a long run again was quadratic.
    const runEnd = span ? span.offset + span.length : markRunEnd(text, p);
    while (m + 1 < marks.length && marks[m + 1]! < runEnd) m++;
  }
  lost.sort((a, b) => a.offset - b.offset || a.length - b.length);
  return { edits, lostSpans: lost };
}

const QUESTION_BEFORE = new Set([...'吗嗎呢吧么麼啊呀哪谁誰何怎几幾否']);

function isMarkAt(text: string, i: number): boolean {
  return text[i] === '?' || text[i] === '\ufffd';
}

/** A Han character at i, or a space at i with a Han character beside it. */
function hanNear(text: string, i: number): boolean {
  return isHanAt(text, i) || (text[i] === ' ' && (isHanAt(text, i - 1) || isHanAt(text, i + 1)));
}

function isHanAt(text: string, i: number): boolean {
  return isHanCode(text.charCodeAt(i));
}

/**
 * A `?` or U+FFFD standing for a lost character: U+FFFD always; `[摘?要]`
 * (a `?` inside a short bracketed label); runs like `? ? ?` next to Chinese;
 * in text punctuated with full-width marks, a `?` between Han characters
 * that does not end a question.
 */
/** End of the run of marks starting at p (single spaces allowed between them). */
function markRunEnd(text: string, p: number): number {
  let b = p + 1;
  for (;;) {
    if (isMarkAt(text, b)) b++;
    else if (text[b] === ' ' && isMarkAt(text, b + 1)) b += 2;
    else return b;
  }
}

function lostMarkAt(text: string, p: number, fullWidthStyle: () => boolean): LostSpan | undefined {
  // The whole run of marks, single spaces allowed between them.
  const a = p;
  let b = p + 1;
  let count = 1;
  for (;;) {
    if (isMarkAt(text, b)) {
      b++;
      count++;
    } else if (text[b] === ' ' && isMarkAt(text, b + 1)) {
      b += 2;
      count++;
    } else break;
  }
  const span = { offset: a, length: b - a };
  if (text.slice(a, b).includes('\ufffd')) return span;
  const before = text.charCodeAt(a - 1);
  const after = text.charCodeAt(b);
  const hanBefore = isHanCode(before);
  const hanAfter = isHanCode(after);
  const spaced = text.slice(a, b).includes(' ');
  if (spaced && count >= 2) {
    if (hanNear(text, a - 1) || hanNear(text, b)) return span;
    return undefined;
  }
  if (!hanBefore || !hanAfter) return undefined;
  // Inside a short bracketed label: [摘?要], 【作?者】.
  const open = text.slice(Math.max(0, a - 6), a).search(/[[【(（][^\]】)）[【(（]*$/);
  const close = text.slice(b, b + 6).search(/[\]】)）]/);
  if (open >= 0 && close >= 0) return span;
  if (!QUESTION_BEFORE.has(text[a - 1]!) && fullWidthStyle()) return span;
  return undefined;
}
