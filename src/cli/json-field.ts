/**
 * Finds the raw string token of one top-level field in a JSON object line, so
 * the CLI can replace just that value and leave every other byte of the record
 * as it was (numbers, key order, spacing, escapes).
 */
export interface FieldSpan { start: number; end: number }

/** The span of `"field": "<this>"` in a line already known to be valid JSON, or undefined. */
export function findStringField(line: string, field: string): FieldSpan | undefined {
  let i = skipWs(line, 0);
  if (line[i] !== '{') return undefined;
  i = skipWs(line, i + 1);
  let found: FieldSpan | undefined;
  while (i < line.length && line[i] !== '}') {
    const keyEnd = skipString(line, i);
    const key = JSON.parse(line.slice(i, keyEnd)) as string;
    i = skipWs(line, keyEnd);
    i = skipWs(line, i + 1); // the colon
    const valueStart = i;
    const valueEnd = skipValue(line, i);
    // The last duplicate key wins in JSON.parse; do the same.
    if (key === field) found = line[valueStart] === '"' ? { start: valueStart, end: valueEnd } : undefined;
    i = skipWs(line, valueEnd);
    if (line[i] === ',') i = skipWs(line, i + 1);
  }
  return found;
}

function skipWs(s: string, i: number): number {
  while (i < s.length && (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r')) i++;
  return i;
}

function skipString(s: string, i: number): number {
  i++; // opening quote
  while (i < s.length) {
    const c = s[i];
    if (c === '\\') i += 2;
    else if (c === '"') return i + 1;
    else i++;
  }
  return i;
}

function skipValue(s: string, i: number): number {
  const c = s[i];
  if (c === '"') return skipString(s, i);
  if (c === '{' || c === '[') {
    let depth = 0;
    while (i < s.length) {
      const d = s[i];
      if (d === '"') { i = skipString(s, i); continue; }
      if (d === '{' || d === '[') depth++;
      else if (d === '}' || d === ']') { depth--; if (depth === 0) return i + 1; }
      i++;
    }
    return i;
  }
  while (i < s.length && !',}] \t\r\n'.includes(s[i]!)) i++;
  return i;
}
