import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeAnkiField, escapeCsvField, parseDelimited, splitDelimited, toAnkiTsv, toCsv, unescapeAnkiField } from './delimited.ts';

const awkward = [
  'plain 银行',
  'tab\there',
  'two\nlines',
  'windows\r\nline',
  'old mac\rline',
  '"quoted" start',
  'a, comma; semicolon',
  '<b>not a tag</b> & &amp; literal',
  ' edge spaces ',
  '',
  'emoji 𠮷 😀',
];

test('an Anki TSV field never holds a tab, a line break or a double quote', () => {
  for (const s of awkward) {
    const e = escapeAnkiField(s);
    assert.doesNotMatch(e, /[\t\r\n"]/, JSON.stringify(s));
  }
  assert.equal(escapeAnkiField('a\tb\nc "d" <e> & f'), 'a&#9;b<br>c &quot;d&quot; &lt;e&gt; &amp; f');
});

test('Anki TSV fields read back to the same text (CRLF and CR become LF, the line break Anki stores)', () => {
  for (const s of awkward) assert.equal(unescapeAnkiField(escapeAnkiField(s)), s.replace(/\r\n?/g, '\n'));
});

test('HTML written by Anki itself reads as plain text', () => {
  assert.equal(unescapeAnkiField('<div>bank<br/>line</div>&nbsp;&#x94f6;&#34;'), 'bank\nline\u00a0银"');
  assert.equal(unescapeAnkiField('&unknown; &#0;'), '&unknown; &#0;');
});

test('a whole TSV file: Anki headers, one line per row, parsed back to the same table', () => {
  const columns = ['simplified', 'sentence'];
  const rows = awkward.map((s, i) => [`词${i}`, s]);
  const tsv = toAnkiTsv(columns, rows);
  const lines = tsv.split('\n');
  assert.deepEqual(lines.slice(0, 3), ['#separator:tab', '#html:true', '#columns:simplified\tsentence']);
  assert.equal(lines.length, 3 + rows.length + 1); // headers, rows, and the final newline's empty tail
  for (const line of lines.slice(3, -1)) assert.equal(line.split('\t').length, 2);
  const back = parseDelimited(tsv);
  assert.deepEqual(back.columns, columns);
  assert.deepEqual(back.rows, rows.map(([w, s]) => [w!, s!.replace(/\r\n?/g, '\n')]));
});

test('CSV follows RFC 4180 and parses back exactly (line breaks inside fields kept as written)', () => {
  assert.equal(escapeCsvField('plain'), 'plain');
  assert.equal(escapeCsvField('a,b'), '"a,b"');
  assert.equal(escapeCsvField('say "hi"'), '"say ""hi"""');
  assert.equal(escapeCsvField('x\ny'), '"x\ny"');
  const columns = ['simplified', 'sentence'];
  const rows = awkward.map((s, i) => [`词${i}`, s]);
  const csv = toCsv(columns, rows);
  assert.ok(csv.startsWith('simplified,sentence\r\n'));
  assert.ok(csv.endsWith('\r\n'));
  const back = parseDelimited(csv, (row) => row[0] === 'simplified');
  assert.deepEqual(back.columns, columns);
  assert.deepEqual(back.rows, rows);
});

test('splitting: quoted fields, empty fields, blank lines, a missing final newline', () => {
  assert.deepEqual(splitDelimited('a,"b,c",\r\n\r\n"d""e",f', ','), [['a', 'b,c', ''], ['d"e', 'f']]);
  assert.deepEqual(splitDelimited('a\t\tb\n\nc', '\t'), [['a', '', 'b'], ['c']]);
  assert.deepEqual(splitDelimited('"open\nquote', ','), [['open\nquote']]);
  assert.deepEqual(splitDelimited('', ','), []);
});

test('parsing guesses the separator without headers and skips comment lines', () => {
  assert.deepEqual(parseDelimited('# a comment\n银行\tyínháng\n').rows, [['银行', 'yínháng']]);
  assert.deepEqual(parseDelimited('\ufeff银行,yínháng\n').rows, [['银行', 'yínháng']]);
  assert.deepEqual(parseDelimited('#separator:Semicolon\n银行;yín;háng\n').rows, [['银行', 'yín', 'háng']]);
  // Without #html:true, entities are text.
  assert.deepEqual(parseDelimited('a&amp;b\tc\n').rows, [['a&amp;b', 'c']]);
});
