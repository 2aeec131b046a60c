/**
 * `zhengwen define` and `zhengwen vocab` run as real processes: output shapes,
 * TSV for Anki, --known, --min-count, and exit codes.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseDelimited } from '../core/export/delimited.ts';
import { parseWords } from '../shared/word-list-data.ts';
import { readShared, sharedPath, skipUnlessShared } from '../testing/shared.ts';

const BIN = fileURLToPath(new URL('../../bin/zhengwen.mjs', import.meta.url));
const TMP = mkdtempSync(join(tmpdir(), 'zhengwen-define-vocab-'));
after(() => rmSync(TMP, { recursive: true, force: true }));

const run = (args: string[], input?: string | Buffer) => new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
  const child = execFile(process.execPath, [BIN, ...args], { maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
    resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
  });
  child.stdin!.end(input ?? '');
});

const file = (name: string, content: string | Buffer): string => {
  const path = join(TMP, name);
  writeFileSync(path, content);
  return path;
};

// ---------------------------------------------------------------------------
// define

test('define: a word in either script, with both scripts, tone marks, senses and measure words', async () => {
  for (const word of ['银行', '銀行']) {
    const r = await run(['define', word]);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], '银行 銀行  yínháng');
    assert.equal(lines[1], '  - bank');
    assert.equal(lines[2], '  measure words: 家 jiā, 个 個 gè');
    // Then the shorter word at the same start.
    assert.ok(lines.includes('银 銀  yín'), r.stdout);
  }
});

test('define --json: the stable shape; a longer dictionary word wins over a glossary term inside it, which comes first at its own length', async () => {
  const r = await run(['define', '--json', '立法院', '外交部长', '法院']);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout) as {
    query: string; found: boolean;
    words: { word: string; name: unknown; glossary: { english: string; simplified: string }[]; entries: Record<string, unknown>[] }[];
  }[];
  assert.deepEqual(out.map((o) => [o.query, o.found]), [['立法院', true], ['外交部长', true], ['法院', true]]);
  assert.deepEqual(Object.keys(out[0]!), ['query', 'found', 'words']);
  assert.deepEqual(Object.keys(out[0]!.words[0]!), ['word', 'name', 'glossary', 'entries']);
  assert.deepEqual(out[0]!.words.map((w) => w.word), ['立法院', '立法', '立']);
  assert.deepEqual(out[0]!.words[0]!.entries[0], {
    simplified: '立法院', traditional: '立法院', pinyin: 'Lìfǎyuàn', pinyinNumbered: 'Li4 fa3 yuan4', properNoun: true,
    definitions: ['Legislative Yuan, the unicameral legislature of the Republic of China'], measureWords: [],
  });
  // 外交部长 (dictionary only) before the glossary's 外交部 inside it; 外交部 has both.
  const minister = out[1]!.words;
  assert.deepEqual(minister.map((w) => w.word), ['外交部长', '外交部', '外交', '外']);
  assert.deepEqual(minister[0]!.glossary, []);
  assert.ok(minister[0]!.entries.length > 0);
  assert.equal(minister[1]!.glossary[0]!.simplified, '外交部');
  assert.ok(minister[1]!.entries.length > 0);
  // Human output: the glossary entry first, then the dictionary's, at the same length.
  const human = (await run(['define', '法院'])).stdout.split('\n');
  assert.match(human[0]!, /^法院  fǎyuàn  \[glossary: /);
  assert.ok(human.indexOf('法院  fǎyuàn') > 0, 'the dictionary entry follows the glossary entry');
});

test('define: cross-references are readable, and a personal name shows as a name', async () => {
  const r = await run(['define', '--json', '政协', '曹清尧']);
  assert.equal(r.code, 0, r.stderr);
  const [cppcc, name] = JSON.parse(r.stdout) as { words: { name: { surname: string; given: string; pinyin: string } | null; entries: { definitions: string[] }[] }[] }[];
  const definitions = cppcc!.words[0]!.entries.flatMap((e) => e.definitions);
  assert.ok(definitions.some((d) => d.startsWith('abbr. of 中国人民政治协商会议 (')), definitions.join('\n'));
  assert.ok(definitions.every((d) => !/\[|\|/.test(d)), 'no CC-CEDICT markup left');
  assert.deepEqual({ surname: name!.words[0]!.name!.surname, given: name!.words[0]!.name!.given }, { surname: '曹', given: '清尧' });
  assert.match(name!.words[0]!.name!.pinyin, /^Cáo /);
});

test('define: exit 1 when an argument finds nothing, the others still printed; exit 2 on usage errors', async () => {
  const r = await run(['define', '银行', 'xyz']);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /^银行 銀行 {2}yínháng$/m);
  assert.match(r.stdout, /^xyz: nothing found$/m);
  assert.equal(r.stderr, 'zhengwen: nothing found for "xyz"\n');
  const json = await run(['define', '--json', 'xyz']);
  assert.equal(json.code, 1);
  assert.deepEqual(JSON.parse(json.stdout), [{ query: 'xyz', found: false, words: [] }]);
  for (const args of [['define'], ['define', '--bogus', '银行'], ['define', '--json=1', '银行']]) {
    const u = await run(args);
    assert.equal(u.code, 2, args.join(' '));
    assert.equal(u.stdout, '');
    assert.match(u.stderr, /^zhengwen: /);
  }
});

// ---------------------------------------------------------------------------
// vocab

const TEXT = '他认真地走进银行。银行的行长说，大地很美。\n银行行长又来了。';

interface VocabJson { word: string; simplified: string; traditional: string; pinyin: string; count: number; english: string; sentence: string; source: string }

test('vocab --json: distinct words, most frequent first, pinyin in context, English and the first sentence', async () => {
  const r = await run(['vocab', '--json', file('text.txt', TEXT)]);
  assert.equal(r.code, 0, r.stderr);
  const words = JSON.parse(r.stdout) as VocabJson[];
  assert.deepEqual(Object.keys(words[0]!), ['word', 'simplified', 'traditional', 'pinyin', 'count', 'english', 'sentence', 'source']);
  assert.deepEqual(words[0], {
    word: '银行', simplified: '银行', traditional: '銀行', pinyin: 'yínháng', count: 3, english: 'bank', sentence: '他认真地走进银行。', source: 'dictionary',
  });
  const counts = words.map((w) => w.count);
  assert.deepEqual(counts, [...counts].sort((a, b) => b - a));
  assert.equal(new Set(words.map((w) => w.word)).size, words.length, 'each word once');
  const by = new Map(words.map((w) => [w.word, w]));
  // 地 is read de where it first occurs (认真地), whatever its first dictionary reading.
  assert.equal(by.get('地')!.pinyin, 'de');
  assert.equal(by.get('大地')!.sentence, '银行的行长说，大地很美。');
  assert.equal(by.get('行长')!.pinyin, 'hángzhǎng');
  assert.equal(by.get('行长')!.count, 2);
  // Standard input works the same.
  const stdin = await run(['vocab', '--json'], TEXT);
  assert.deepEqual(JSON.parse(stdin.stdout), words);
});

test('vocab --min-count and --known (either script, a word-list export works too)', async () => {
  const text = file('text2.txt', TEXT);
  const common = JSON.parse((await run(['vocab', '--json', '--min-count', '2', text])).stdout) as VocabJson[];
  assert.deepEqual(common.map((w) => [w.word, w.count]), [['银行', 3], ['行长', 2]]);
  const known = file('known.txt', '# my words\n銀行\n\n的\r\n');
  const r = await run(['vocab', '--json', '--known', known, text]);
  assert.equal(r.code, 0, r.stderr);
  const left = (JSON.parse(r.stdout) as VocabJson[]).map((w) => w.word);
  assert.ok(!left.includes('银行') && !left.includes('的'), left.join(' '));
  assert.ok(left.includes('行长'));
  const exported = file('known.tsv', '#separator:tab\n#html:true\n#columns:simplified\ttraditional\n行长\t行長\n');
  const r2 = JSON.parse((await run(['vocab', '--json', '--known', exported, text])).stdout) as VocabJson[];
  assert.ok(!r2.some((w) => w.word === '行长'));
});

test('vocab --tsv: Anki headers, one line per word, the same fields as --json, and the word list imports it', async () => {
  const text = file('text3.txt', TEXT);
  const json = JSON.parse((await run(['vocab', '--json', text])).stdout) as VocabJson[];
  const r = await run(['vocab', '--tsv', text]);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trimEnd().split('\n');
  assert.deepEqual(lines.slice(0, 3), ['#separator:tab', '#html:true', '#columns:simplified\ttraditional\tpinyin\tdefinition\tsentence\tcount']);
  assert.equal(lines.length, 3 + json.length);
  const table = parseDelimited(r.stdout);
  assert.deepEqual(table.rows, json.map((w) => [w.simplified, w.traditional, w.pinyin, w.english, w.sentence, String(w.count)]));
  assert.deepEqual(parseWords(r.stdout).words.map((w) => [w.simplified, w.pinyin, w.definition]), json.map((w) => [w.simplified, w.pinyin, w.english]));
});

test('vocab reads text after repair: a mirror-damaged page gives the words of the clean one', { skip: skipUnlessShared('fixtures/zigong-garbled.txt') || skipUnlessShared('fixtures/zigong-clean.zh-Hans.txt') }, async () => {
  const damaged = await run(['vocab', '--tsv', sharedPath('fixtures/zigong-garbled.txt')]);
  const clean = await run(['vocab', '--tsv', sharedPath('fixtures/zigong-clean.zh-Hans.txt')]);
  assert.equal(damaged.code, 0, damaged.stderr);
  assert.ok(readShared('fixtures/zigong-garbled.txt').includes('網(wǎng)'));
  const rows = parseDelimited(damaged.stdout).rows;
  assert.ok(rows.length > 100);
  // Simplified words and sentences, without the inserted pinyin.
  assert.ok(rows.every(([simplified, , , , sentence]) => !/[網經]|\(wǎng\)/.test(simplified! + sentence!)));
  assert.equal(damaged.stdout, clean.stdout);
});

test('vocab: bad input and usage errors exit with one line on stderr and nothing written', async () => {
  const good = file('good.txt', TEXT);
  const cases: [string[], number, RegExp][] = [
    [['vocab', join(TMP, 'missing.txt')], 1, /missing\.txt: no such file/],
    [['vocab', file('bad.txt', Buffer.from([0xe9, 0x93, 0xb6, 0xff, 0x41]))], 1, /invalid UTF-8 at byte 3/],
    [['vocab', '--known', join(TMP, 'nope.txt'), good], 1, /nope\.txt: no such file/],
    [['vocab', '--known', file('badknown.txt', Buffer.from([0xff])), good], 1, /invalid UTF-8 at byte 0/],
    [['vocab', '--min-count', '0', good], 2, /--min-count/],
    [['vocab', '--min-count', 'two', good], 2, /--min-count/],
    [['vocab', '--json', '--tsv', good], 2, /--json and --tsv/],
    [['vocab', '--bogus', good], 2, /unknown option --bogus/],
  ];
  for (const [args, code, message] of cases) {
    const r = await run(args);
    assert.equal(r.code, code, args.join(' '));
    assert.equal(r.stdout, '', args.join(' '));
    assert.match(r.stderr, message);
    assert.equal(r.stderr.split('\n').length, 2, 'one line');
  }
});
