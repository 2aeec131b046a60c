/**
 * Tab- and comma-separated text for flashcard programs and spreadsheets,
 * written and read back without loss. Pure: used by the extension's word
 * list and by `zhengwen vocab --tsv`.
 *
 * TSV is written for Anki's text import (docs.ankiweb.net/importing/text-files):
 * UTF-8, one note per line, and file headers (Anki 2.1.54+; older versions
 * skip lines starting with `#` as comments) that fix the separator, turn on
 * "Allow HTML" and name the columns. Anki's ways to keep a newline or a tab
 * inside a field are quoting the field (which breaks "one note per line") or
 * HTML; we use HTML: a line break becomes `<br>`, and `& < > " tab` become
 * entities, so no field ever holds a tab, a newline or a double quote (a field
 * starting with `"` would be read as quoted). Anki shows the fields exactly as
 * the text was, and parseDelimited() turns them back into the same strings.
 *
 * CSV follows RFC 4180: a header row, CRLF line ends, fields with a comma,
 * quote or line break quoted, quotes doubled.
 */

/** A table read from delimited text. */
export interface DelimitedTable {
  /** Column names: from Anki's `#columns:` header or a header row that `isHeader` recognised; else empty. */
  columns: string[];
  rows: string[][];
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#9;' };

/** One field for Anki's HTML-enabled TSV: no tab, newline or double quote survives as itself. */
export function escapeAnkiField(value: string): string {
  return value.replace(/[&<>"\t]/g, (c) => HTML_ESCAPES[c]!).replace(/\r\n|\r|\n/g, '<br>');
}

/** Reverses escapeAnkiField, and reads what Anki itself writes with HTML on: other tags are dropped. */
export function unescapeAnkiField(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
    });
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** A whole TSV file for Anki: headers (separator, HTML, column names), then one line per row. */
export function toAnkiTsv(columns: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = ['#separator:tab', '#html:true', '#columns:' + columns.map(escapeAnkiField).join('\t')];
  for (const row of rows) lines.push(row.map(escapeAnkiField).join('\t'));
  return lines.join('\n') + '\n';
}

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote, a line break or edge spaces. */
export function escapeCsvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? '"' + value.replace(/"/g, '""') + '"' : value;
}

/** A whole CSV file (RFC 4180): a header row, then the rows, CRLF after each. */
export function toCsv(columns: readonly string[], rows: readonly (readonly string[])[]): string {
  return [columns, ...rows].map((row) => row.map(escapeCsvField).join(',') + '\r\n').join('');
}

/**
 * Splits delimited text into rows of fields. A field that starts with `"` is
 * quoted (may hold the separator and line breaks, `""` is a quote), as both
 * RFC 4180 and Anki read it. Blank lines are skipped.
 */
export function splitDelimited(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    // A blank line: no row.
    if (text[i] === '\n' || text[i] === '\r') { i += text.startsWith('\r\n', i) ? 2 : 1; continue; }
    const row: string[] = [];
    for (;;) {
      let field = '';
      if (text[i] === '"') {
        i++;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q === -1) { field += text.slice(i); i = n; break; }
          field += text.slice(i, q);
          i = q + 1;
          if (text[i] !== '"') break;
          field += '"';
          i++;
        }
      }
      // Unquoted text (or anything after a closing quote, kept as lenient readers do) up to the separator.
      while (i < n && text[i] !== separator && text[i] !== '\n' && text[i] !== '\r') field += text[i++];
      row.push(field);
      if (i < n && text[i] === separator) { i++; continue; }
      break;
    }
    rows.push(row);
    if (i < n) i += text.startsWith('\r\n', i) ? 2 : 1;
  }
  return rows;
}

const SEPARATOR_NAMES: Record<string, string> = { tab: '\t', comma: ',', semicolon: ';', space: ' ', pipe: '|', colon: ':' };

/**
 * Reads TSV or CSV: Anki's file headers when present (`#separator:`, `#html:`,
 * `#columns:`; other `#` lines at the top are skipped), else the separator of
 * the first line (a tab makes it TSV). A first row that `isHeader` accepts
 * gives the column names. HTML fields (Anki's `#html:true`) are turned back
 * into plain text.
 */
export function parseDelimited(text: string, isHeader: (row: readonly string[]) => boolean = () => false): DelimitedTable {
  let body = text.replace(/^\ufeff/, '');
  let separator: string | undefined;
  let html = false;
  let columns: string[] = [];
  let columnsRaw: string | undefined;
  for (;;) {
    const m = /^#([^\r\n]*)(\r\n|\r|\n|$)/.exec(body);
    if (!m) break;
    body = body.slice(m[0].length);
    const header = /^([a-z ]+):(.*)$/i.exec(m[1]!);
    if (!header) continue;
    const key = header[1]!.trim().toLowerCase();
    const value = header[2]!;
    if (key === 'separator') separator = SEPARATOR_NAMES[value.trim().toLowerCase()] ?? (value.length === 1 ? value : undefined);
    else if (key === 'html') html = value.trim().toLowerCase() === 'true';
    else if (key === 'columns') columnsRaw = value;
  }
  if (separator === undefined) {
    const first = /^[^\r\n]*/.exec(body)![0];
    separator = first.includes('\t') ? '\t' : first.includes(',') ? ',' : first.includes(';') ? ';' : '\t';
  }
  const clean = html ? unescapeAnkiField : (s: string) => s;
  if (columnsRaw !== undefined) columns = columnsRaw.split(separator).map((c) => clean(c).trim());
  const rows = splitDelimited(body, separator).map((row) => row.map(clean));
  if (!columns.length && rows.length && isHeader(rows[0]!)) columns = rows.shift()!.map((c) => c.trim());
  return { columns, rows };
}
