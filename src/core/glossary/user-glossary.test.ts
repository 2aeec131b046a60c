import { test } from 'node:test';
import assert from 'node:assert/strict';
import { converter } from '../opencc/index.ts';
import { GlossaryMatcher } from './matcher.ts';
import { GLOSSARY_ENTRIES } from './data.ts';
import {
  detectFormat, formatLineError, parseUserGlossary, splitCsv, toCsv, toJson, withUserTerms,
  type ParseResult, type ScriptConverters, type UserTerm,
} from './user-glossary.ts';

const convert: ScriptConverters = await (async () => {
  const [s2tw, tw2s] = await Promise.all([converter('s2tw'), converter('tw2s')]);
  return { toTraditional: s2tw, toSimplified: tw2s };
})();

function ok(r: ParseResult): UserTerm[] {
  assert.ok(r.ok, r.ok ? '' : r.errors.map(formatLineError).join('\n'));
  return r.terms;
}

function errors(r: ParseResult): string[] {
  assert.ok(!r.ok, 'expected the file to be rejected');
  return r.errors.map(formatLineError);
}

test('JSON: either script may be given, the other is filled in by OpenCC', () => {
  const terms = ok(parseUserGlossary(JSON.stringify([
    { simplified: '共同体', english: 'community', pinyin: 'gòngtóngtǐ' },
    { traditional: '立法會', english: 'Legislative Council', note: 'Hong Kong' },
  ]), 'json', convert));
  assert.deepEqual(terms, [
    { simplified: '共同体', traditional: '共同體', pinyin: 'gòngtóngtǐ', english: 'community', note: '' },
    { simplified: '立法会', traditional: '立法會', pinyin: '', english: 'Legislative Council', note: 'Hong Kong' },
  ]);
});

test('JSON: errors name the line of the field, and nothing is returned (all or nothing)', () => {
  const text = `[
  {
    "simplified": "共同体",
    "english": "community"
  },
  {
    "simplified": "发展观",
    "english": "",
    "note": "ok"
  },
  { "simplified": "x", "english": "letter" }
]`;
  const r = parseUserGlossary(text, 'json', convert);
  assert.deepEqual(errors(r), [
    'line 8: english is empty',
    'line 11: simplified "x" has no Chinese characters',
  ]);
  assert.equal('terms' in r, false);
});

test('JSON: a syntax error gives its line; unknown fields and non-text values are reported', () => {
  const broken = '[\n  {"simplified": "共同体",\n   "english": "community"\n  ,}\n]';
  assert.match(errors(parseUserGlossary(broken, 'json', convert))[0]!, /^line 4: not valid JSON/);
  assert.deepEqual(errors(parseUserGlossary('[\n{"simplified": "共同体",\n "englsh": "x",\n "english": 3}\n]', 'json', convert)), [
    'line 3: unknown field "englsh" (expected simplified, traditional, pinyin, english, note)',
    'line 4: english must be text',
  ]);
  assert.deepEqual(errors(parseUserGlossary('{"simplified": "共同体"}', 'json', convert)), ['line 1: expected a JSON array of terms ([{"simplified": …, "english": …}, …])']);
  assert.deepEqual(errors(parseUserGlossary('[\n"共同体"\n]', 'json', convert)), ['line 2: term 1 is not an object']);
});

test('CSV: RFC 4180 quoting, CRLF, a BOM, and any column order', () => {
  const csv = '\uFEFFenglish,simplified,note\r\n"community, shared",共同体,"He said ""yes""\r\non two lines"\r\nreform,改革,\r\n';
  assert.deepEqual(ok(parseUserGlossary(csv, 'csv', convert)), [
    { simplified: '共同体', traditional: '共同體', pinyin: '', english: 'community, shared', note: 'He said "yes"\r\non two lines' },
    { simplified: '改革', traditional: '改革', pinyin: '', english: 'reform', note: '' },
  ]);
});

test('CSV: errors carry the line of the record (a quoted line break counts)', () => {
  const csv = 'simplified,traditional,pinyin,english,note\n共同体,,,community,"two\nlines"\n改革,,,,\n发展,,,development\n';
  assert.deepEqual(errors(parseUserGlossary(csv, 'csv', convert)), [
    'line 4: english is empty',
    'line 5: 4 fields, expected 5 (simplified,traditional,pinyin,english,note)',
  ]);
  assert.deepEqual(errors(parseUserGlossary('simplified,english\n共同体,"open\n', 'csv', convert)), ['line 2: a quoted field is never closed (a " is missing)']);
  assert.deepEqual(errors(parseUserGlossary('simplified,englsh\n共同体,x\n', 'csv', convert)), ['line 1: unknown column "englsh": the first line names the columns (simplified,traditional,pinyin,english,note)']);
  assert.deepEqual(errors(parseUserGlossary('simplified,english\n共同"体,x\n', 'csv', convert)), ['line 2: a quote inside an unquoted field: quote the whole field and write the quote as ""']);
  assert.deepEqual(errors(parseUserGlossary('', 'csv', convert)), ['line 1: the file is empty: the first line names the columns (simplified,traditional,pinyin,english,note)']);
});

test('duplicates, one-character terms, spaces and odd pinyin are rejected with their lines', () => {
  const csv = 'simplified,traditional,pinyin,english\n共同体,,,community\n市,,,city\n,共同體,,again\n改 革,,,reform\n改革,,gǎi革,reform\n';
  assert.deepEqual(errors(parseUserGlossary(csv, 'csv', convert)), [
    'line 3: simplified "市" is one character: terms need at least two (single characters are not underlined)',
    'line 4: "共同体" is already on line 2',
    'line 4: "共同體" is already on line 2',
    'line 5: simplified "改 革" contains a space',
    'line 6: pinyin "gǎi革" has characters pinyin does not use',
  ]);
});

test('export to JSON and to CSV round-trips exactly', () => {
  const terms: UserTerm[] = [
    { simplified: '共同体', traditional: '共同體', pinyin: 'gòngtóngtǐ', english: 'community, "shared"', note: 'line one\nline two' },
    { simplified: '立法会', traditional: '立法會', pinyin: 'Lìfǎhuì', english: 'Legislative Council', note: ' leading space' },
    { simplified: '改革', traditional: '改革', pinyin: '', english: 'reform', note: '' },
  ];
  // Trimming is part of parsing, so the round trip is checked on what parsing keeps.
  const kept = terms.map((t) => ({ ...t, note: t.note.trim() }));
  assert.deepEqual(ok(parseUserGlossary(toJson(kept), 'json', convert)), kept);
  assert.deepEqual(ok(parseUserGlossary(toCsv(kept), 'csv', convert)), kept);
  assert.match(toCsv(kept), /^simplified,traditional,pinyin,english,note\r\n共同体,共同體,gòngtóngtǐ,"community, ""shared""","line one\nline two"\r\n/);
});

test('splitCsv keeps empty fields and a last record without a line end', () => {
  const r = splitCsv('a,,b\r\n"",c,');
  assert.ok(r.ok);
  assert.deepEqual(r.records, [{ line: 1, fields: ['a', '', 'b'] }, { line: 2, fields: ['', 'c', ''] }]);
});

test('detectFormat uses the file name, else the first character', () => {
  assert.equal(detectFormat('[]', 'x.csv'), 'csv');
  assert.equal(detectFormat('simplified', 'x.json'), 'json');
  assert.equal(detectFormat('\uFEFF  [{}]'), 'json');
  assert.equal(detectFormat('simplified,english'), 'csv');
});

test("the reader's terms take precedence over built-in ones and show as My terms", () => {
  const builtIn = new GlossaryMatcher(GLOSSARY_ENTRIES);
  assert.equal(builtIn.lookup('立法院')?.english, 'Legislative Yuan');
  const mine = ok(parseUserGlossary(JSON.stringify([
    { traditional: '立法院', english: 'my legislature', note: '我的' },
    { simplified: '共同富裕之路', english: 'road to common prosperity' },
  ]), 'json', convert));
  const m = withUserTerms(builtIn, mine);
  const hit = m.findAll('台灣立法院開會');
  assert.equal(hit[0]?.entry.english, 'my legislature');
  assert.equal(hit[0]?.entry.category, 'user');
  assert.equal(m.lookup('立法院')?.explanation.en, '我的');
  // Longest match still wins, and built-in terms are still there.
  assert.equal(m.findAll('走共同富裕之路')[0]?.entry.english, 'road to common prosperity');
  assert.equal(m.lookup('政协')?.english, 'CPPCC');
  assert.equal(withUserTerms(builtIn, []), builtIn);
});
