/**
 * How far OpenCC steps over text that no key matches: one code point, or a
 * whole Ideographic Description Sequence (⿰言某 describes one character that
 * Unicode lacks, and its parts must not be converted one by one).
 */
export function unmatchedLength(s: string, i: number): number {
  if (arity(s.charCodeAt(i)) === 0) return codePointLength(s, i);
  const limit = Math.min(s.length, i + MAX_LENGTH);
  const end = idsEnd(s, i, limit, new Int32Array(limit - i).fill(-1), i);
  return end > i ? end - i : codePointLength(s, i);
}

/** unmatchedLength on code units, for text that ends at `end`. */
export function unmatchedUnits(s: Uint16Array, i: number, end: number): number {
  const c = s[i]!;
  if (arity(c) > 0) return unmatchedLength(String.fromCharCode(...s.subarray(i, Math.min(end, i + MAX_LENGTH))), 0);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < end && s[i + 1]! >= 0xdc00 && s[i + 1]! <= 0xdfff ? 2 : 1;
}

// opencc-js recurses without a bound or memory: a few thousand description
// characters in a row overflow its stack, and a few dozen take exponential time
// (an operand that runs out of text is retried one character later). Here each
// position is worked out once, and as real sequences are a few characters long,
// one may not reach past this many code units: beyond, the text counts as ended.
const MAX_LENGTH = 64;

/** Operands an Ideographic Description Character takes (as opencc-js 1.4 counts them), or 0. All are in the BMP. */
function arity(c: number): number {
  if (c === 0x2ff2 || c === 0x2ff3) return 3;
  return c >= 0x2ff0 && c <= 0x2fff ? 2 : 0;
}

/**
 * End of the description sequence starting at i, or 0 when there is none or
 * it reaches `limit` first; `memo[p - origin]` keeps the answer for position p.
 */
function idsEnd(s: string, i: number, limit: number, memo: Int32Array, origin: number): number {
  const known = memo[i - origin]!;
  if (known >= 0) return known;
  let end = 0;
  const n = arity(s.charCodeAt(i));
  if (n > 0) {
    end = i + 1;
    for (let k = 0; k < n; k++) {
      if (end >= limit) { end = 0; break; }
      // An operand is a nested sequence or, failing that, one code point.
      end = idsEnd(s, end, limit, memo, origin) || end + codePointLength(s, end);
    }
  }
  memo[i - origin] = end;
  return end;
}

function codePointLength(s: string, i: number): number {
  return (s.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
}
