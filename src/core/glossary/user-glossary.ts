/**
 * The reader's own glossary: terms they add on the extension page or import
 * from a file, and the same file formats for `zhengwen glossary --user`.
 *
 * Two formats, one set of fields (simplified, traditional, pinyin, english, note):
 * - JSON: an array of objects with those string fields (only one script needed);
 * - CSV: RFC 4180 (quoted fields, "" for a quote, line breaks inside quotes),
 *   UTF-8 with or without a BOM, a header row naming the columns.
 * Parsing is all-or-nothing: any problem gives a list of line-numbered errors
 * and no terms. Pure: the script converters are passed in.
 */
import { USER_TERM_FIELDS, type UserTerm } from './user-entries.ts';

export { USER_TERM_FIELDS, userTermToEntry, withUserTerms, type UserTerm } from './user-entries.ts';

type Field = (typeof USER_TERM_FIELDS)[number];

/** A problem in an imported file, at a 1-based line. */
export interface LineError {
  line: number;
  message: string;
}

/** Converts one script to the other (OpenCC: Simplified → Taiwan Traditional and back). */
export interface ScriptConverters {
  toTraditional(text: string): string;
  toSimplified(text: string): string;
}

export type UserGlossaryFormat = 'json' | 'csv';

/** The outcome of a parse: every term, or the errors (never both). */
export type ParseResult = { ok: true; terms: UserTerm[] } | { ok: false; errors: LineError[] };

/** Limits that keep a term matchable and the whole list well inside browser.storage.local. */
export const MAX_TERM_LENGTH = 24;
export const MAX_TEXT_LENGTH = 2000;
export const MAX_TERMS = 10_000;
/** At most this many errors are listed; the rest are counted. */
const MAX_ERRORS = 50;

const HAN = /\p{Script=Han}/u;
/** Letters with tone marks, tone numbers, apostrophes, hyphens, dots and spaces: what pinyin is written with. */
const PINYIN = /^[\p{Script=Latin}\p{M}0-9'’·\-\s]*$/u;

/** Formats a problem for one line, e.g. "line 7: english is empty". */
export function formatLineError(e: LineError): string {
  return `line ${e.line}: ${e.message}`;
}

/** Guesses the format from a file name, else from the first character (JSON starts with "["). */
export function detectFormat(text: string, fileName = ''): UserGlossaryFormat {
  if (/\.csv$/i.test(fileName)) return 'csv';
  if (/\.json$/i.test(fileName)) return 'json';
  return stripBom(text).trimStart().startsWith('[') ? 'json' : 'csv';
}

/** Parses and checks a whole file; all-or-nothing. */
export function parseUserGlossary(text: string, format: UserGlossaryFormat, convert: ScriptConverters): ParseResult {
  const read = format === 'json' ? readJson(stripBom(text)) : readCsv(stripBom(text));
  const checked = checkTerms(read.rows, convert);
  // Rows that could not be read and rows that fail the checks are reported together.
  const errors = [...read.errors, ...(checked.ok ? [] : checked.errors)];
  return errors.length ? { ok: false, errors: capErrors(errors) } : checked;
}

/** Checks terms typed on the page (or an edited list) with the same rules as a file; `line` is then the row number. */
export function checkTerms(rows: readonly RawTerm[], convert: ScriptConverters): ParseResult {
  const errors: LineError[] = [];
  const terms: UserTerm[] = [];
  const seen = new Map<string, number>();
  if (rows.length > MAX_TERMS) return { ok: false, errors: [{ line: rows[MAX_TERMS]!.line, message: `more than ${MAX_TERMS} terms` }] };
  for (const row of rows) {
    const problems: LineError[] = [];
    const at = (field: Field | undefined, message: string): void => {
      problems.push({ line: (field && row.lines?.[field]) ?? row.line, message });
    };
    const value = (field: Field): string => (row.values[field] ?? '').normalize('NFC').trim();
    let simplified = value('simplified');
    let traditional = value('traditional');
    const pinyin = value('pinyin').replace(/\s+/gu, ' ');
    const english = value('english');
    const note = value('note');
    if (!simplified && !traditional) at('simplified', 'simplified and traditional are both empty: give the term in at least one script');
    for (const [field, term] of [['simplified', simplified], ['traditional', traditional]] as const) {
      if (!term) continue;
      if (/\s/u.test(term)) at(field, `${field} "${term}" contains a space`);
      else if (!HAN.test(term)) at(field, `${field} "${term}" has no Chinese characters`);
      else if ([...term].length < 2) at(field, `${field} "${term}" is one character: terms need at least two (single characters are not underlined)`);
      else if ([...term].length > MAX_TERM_LENGTH) at(field, `${field} is longer than ${MAX_TERM_LENGTH} characters`);
    }
    if (!english) at('english', 'english is empty');
    if (pinyin && (!PINYIN.test(pinyin) || HAN.test(pinyin))) at('pinyin', `pinyin "${pinyin}" has characters pinyin does not use`);
    for (const [field, text] of [['english', english], ['note', note], ['pinyin', pinyin]] as const) {
      if (text.length > MAX_TEXT_LENGTH) at(field, `${field} is longer than ${MAX_TEXT_LENGTH} characters`);
    }
    if (problems.length === 0) {
      // Only one script given: the other is OpenCC's conversion (Taiwan standard for Traditional).
      simplified ||= convert.toSimplified(traditional);
      traditional ||= convert.toTraditional(simplified);
      for (const form of new Set([simplified, traditional])) {
        const first = seen.get(form);
        if (first !== undefined) at(undefined, `"${form}" is already on line ${first}`);
        else seen.set(form, row.line);
      }
    }
    errors.push(...problems);
    if (problems.length === 0) terms.push({ simplified, traditional, pinyin, english, note });
  }
  if (errors.length) return { ok: false, errors: capErrors(errors) };
  return { ok: true, terms };
}

function capErrors(errors: LineError[]): LineError[] {
  errors.sort((a, b) => a.line - b.line);
  if (errors.length <= MAX_ERRORS) return errors;
  const last = errors[MAX_ERRORS - 1]!.line;
  return [...errors.slice(0, MAX_ERRORS), { line: last, message: `and ${errors.length - MAX_ERRORS} more problems` }];
}

/** A term as read from a file, before checking: its values and where they were. */
export interface RawTerm {
  /** The line the term starts on (a CSV record, a JSON object). */
  line: number;
  values: Partial<Record<Field, string>>;
  /** Where each field's value is, when known (JSON). */
  lines?: Partial<Record<Field, number>>;
}

/** What a file reader found: the rows it could read, and the problems (a fatal one leaves no rows). */
interface ReadResult { rows: RawTerm[]; errors: LineError[] }

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The 1-based line of an offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

// ---------------------------------------------------------------- JSON

/**
 * Reads a JSON array of term objects. JSON.parse checks the syntax; a small
 * scan of the same text finds the line of each object and of each of its keys,
 * which JSON.parse does not report.
 */
function readJson(text: string): ReadResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { rows: [], errors: [{ line: jsonErrorLine(text, (e as Error).message), message: `not valid JSON (${(e as Error).message.replace(/^JSON\.parse: /, '')})` }] };
  }
  if (!Array.isArray(data)) return { rows: [], errors: [{ line: 1, message: 'expected a JSON array of terms ([{"simplified": …, "english": …}, …])' }] };
  const where = scanJsonObjects(text);
  const errors: LineError[] = [];
  const rows: RawTerm[] = [];
  data.forEach((item: unknown, i) => {
    const pos = where[i] ?? { line: 1, keys: {} };
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      errors.push({ line: pos.line, message: `term ${i + 1} is not an object` });
      return;
    }
    const values: RawTerm['values'] = {};
    const before = errors.length;
    for (const [key, value] of Object.entries(item)) {
      const line = pos.keys[key] ?? pos.line;
      if (!(USER_TERM_FIELDS as readonly string[]).includes(key)) errors.push({ line, message: `unknown field "${key}" (expected ${USER_TERM_FIELDS.join(', ')})` });
      else if (value !== null && typeof value !== 'string') errors.push({ line, message: `${key} must be text` });
      else values[key as Field] = value ?? '';
    }
    // A term with unreadable fields is reported once, not checked again.
    if (errors.length === before) rows.push({ line: pos.line, values, lines: pos.keys as RawTerm['lines'] });
  });
  return { rows, errors };
}

/** The line of a JSON.parse error: V8 gives "(line L column C)" or "at position N"; Firefox "at line L column C". */
function jsonErrorLine(text: string, message: string): number {
  const line = /line (\d+)/.exec(message);
  if (line) return Number(line[1]);
  const pos = /position (\d+)/.exec(message);
  return pos ? lineAt(text, Number(pos[1])) : 1;
}

/** For each object directly inside the top-level array: its line and the line of each of its keys. Assumes valid JSON. */
function scanJsonObjects(text: string): { line: number; keys: Record<string, number> }[] {
  const out: { line: number; keys: Record<string, number> }[] = [];
  let depth = 0;
  let line = 1;
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') line++;
    else if (ch === '"') {
      const start = i;
      const startLine = line;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      if (depth === 2 && expectKey) out[out.length - 1]!.keys[JSON.parse(text.slice(start, i + 1)) as string] = startLine;
      else if (depth === 1) out.push({ line: startLine, keys: {} });
      expectKey = false;
    } else if (ch === '{' || ch === '[') {
      depth++;
      if (depth === 2) out.push({ line, keys: {} });
      expectKey = ch === '{' && depth === 2;
      // An array element that is not an object still takes its place in the list.
    } else if (ch === '}' || ch === ']') depth--;
    else if (ch === ',' && depth === 2) expectKey = true;
    else if (depth === 1 && /[^\s,]/u.test(ch)) {
      // A scalar element of the top-level array (a mistake the check reports): note where it is.
      out.push({ line, keys: {} });
      while (i + 1 < text.length && !/[\s,\]]/u.test(text[i + 1]!)) i++;
    }
  }
  return out;
}

// ---------------------------------------------------------------- CSV

/** One CSV record: its fields and the line it starts on. */
interface CsvRecord { line: number; fields: string[] }

/** Splits RFC 4180 CSV into records (CRLF or LF; quotes may hold commas, quotes as "" and line breaks). */
export function splitCsv(text: string): { ok: true; records: CsvRecord[] } | { ok: false; error: LineError } {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let quotedField = false;
  const endField = (): void => { fields.push(field); field = ''; quotedField = false; };
  const endRecord = (): void => {
    endField();
    // A blank line is no record.
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"' && field === '' && !quotedField) {
      const openLine = line;
      i++;
      for (;;) {
        if (i >= text.length) return { ok: false, error: { line: openLine, message: 'a quoted field is never closed (a " is missing)' } };
        const c = text[i]!;
        if (c === '"') {
          if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
          i++;
          break;
        }
        if (c === '\n') line++;
        field += c;
        i++;
      }
      quotedField = true;
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        return { ok: false, error: { line, message: 'text after a closing quote: inside quotes write a quote as ""' } };
      }
      continue;
    }
    if (ch === ',') { endField(); i++; continue; }
    if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    if (ch === '"') return { ok: false, error: { line, message: 'a quote inside an unquoted field: quote the whole field and write the quote as ""' } };
    field += ch;
    i++;
  }
  if (field !== '' || fields.length || quotedField) endRecord();
  return { ok: true, records };
}

function readCsv(text: string): ReadResult {
  const split = splitCsv(text);
  if (!split.ok) return { rows: [], errors: [split.error] };
  const [header, ...records] = split.records;
  if (!header) return { rows: [], errors: [{ line: 1, message: `the file is empty: the first line names the columns (${USER_TERM_FIELDS.join(',')})` }] };
  const columns = header.fields.map((f) => f.trim().toLowerCase());
  for (const c of columns) {
    if (!(USER_TERM_FIELDS as readonly string[]).includes(c)) {
      return { rows: [], errors: [{ line: header.line, message: `unknown column "${c}": the first line names the columns (${USER_TERM_FIELDS.join(',')})` }] };
    }
  }
  if (new Set(columns).size !== columns.length) return { rows: [], errors: [{ line: header.line, message: 'a column is named twice' }] };
  if (!columns.includes('english') || !(columns.includes('simplified') || columns.includes('traditional'))) {
    return { rows: [], errors: [{ line: header.line, message: 'the columns must include english and simplified or traditional' }] };
  }
  const errors: LineError[] = [];
  const rows: RawTerm[] = [];
  for (const r of records) {
    if (r.fields.length !== columns.length) {
      errors.push({ line: r.line, message: `${r.fields.length} fields, expected ${columns.length} (${columns.join(',')})` });
      continue;
    }
    const values: RawTerm['values'] = {};
    columns.forEach((c, i) => { values[c as Field] = r.fields[i]!; });
    rows.push({ line: r.line, values });
  }
  return { rows, errors };
}

// ---------------------------------------------------------------- export

/** The terms as a JSON file (an array of objects, every field present). */
export function toJson(terms: readonly UserTerm[]): string {
  return JSON.stringify(terms.map((t) => Object.fromEntries(USER_TERM_FIELDS.map((f) => [f, t[f]]))), null, 2) + '\n';
}

/** The terms as CSV: a header row, CRLF line ends, fields quoted when they need it (RFC 4180). */
export function toCsv(terms: readonly UserTerm[]): string {
  const quote = (s: string): string => (/[",\r\n]/u.test(s) || s !== s.trim() ? `"${s.replaceAll('"', '""')}"` : s);
  return [USER_TERM_FIELDS.join(','), ...terms.map((t) => USER_TERM_FIELDS.map((f) => quote(t[f])).join(','))].join('\r\n') + '\r\n';
}
