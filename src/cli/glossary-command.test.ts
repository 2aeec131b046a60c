import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { readShared, sharedPath, skipUnlessShared } from '../testing/shared.ts';

const BIN = fileURLToPath(new URL('../../bin/zhengwen.mjs', import.meta.url));
const run = (args: string[], input?: string) => new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
  const child = execFile(process.execPath, [BIN, ...args], { maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
    resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
  });
  child.stdin!.end(input ?? '');
});

// The political terms of the fixture article that the glossary must cover (issue 4).
const FIXTURE_TERMS = ['党政代表团', '中央财经委员会', '成渝地区双城经济圈', '党政联席会议', '区委书记', '区委副书记', '区长', '市委书记',
  '市委副书记', '市长', '人大常委会', '政协', '疫情防控常态化', '内陆开放高地', '国家战略', '联席会议制度', '行动计划', '座谈会'];

for (const [name, file] of [['damaged', 'fixtures/zigong-garbled.txt'], ['repaired Simplified', 'fixtures/zigong-clean.zh-Hans.txt']] as const) {
  test(`zhengwen glossary --json on the ${name} fixture lists every political term of the article`, { skip: skipUnlessShared(file) }, async () => {
    const r = await run(['glossary', '--json', sharedPath(file)]);
    assert.equal(r.code, 0, r.stderr);
    const matches = JSON.parse(r.stdout) as { term: string; simplified: string; offset: number; english: string; explanation: { en: string; zh: string } }[];
    const found = new Set(matches.flatMap((m) => [m.simplified, m.term]));
    // 人大常委会 and 政协 are found inside longer terms (人大常委会主任, 政协主席) as well.
    const missing = FIXTURE_TERMS.filter((t) => !found.has(t) && !matches.some((m) => m.simplified === t));
    assert.deepEqual(missing, []);
    const input = readShared(file);
    for (const m of matches) {
      assert.ok(m.english && m.explanation.en && m.explanation.zh, `${m.term} has a complete entry`);
      // Offsets point into the input: the term's first character is there (annotations may follow it).
      assert.equal(input[m.offset], m.term[0], `${m.term} at ${m.offset}`);
    }
  });
}

test('zhengwen glossary --lookup prints one entry, and exits non-zero when there is none', async () => {
  const hit = await run(['glossary', '--lookup', '政协']);
  assert.equal(hit.code, 0);
  assert.match(hit.stdout, /CPPCC/);
  assert.match(hit.stdout, /zhèngxié/);
  const traditional = await run(['glossary', '--lookup', '政協']);
  assert.equal(traditional.code, 0, 'either script');
  const miss = await run(['glossary', '--lookup', '不存在的词']);
  assert.equal(miss.code, 1);
  assert.equal(miss.stdout, '');
  assert.match(miss.stderr, /^zhengwen: no glossary entry for "不存在的词"\n$/);
});

test('zhengwen glossary reads standard input and prints a line per entry', async () => {
  const r = await run(['glossary'], '推动成渝地区双城经济圈建设，市政协主席出席。');
  assert.equal(r.code, 0);
  const lines = r.stdout.trim().split('\n');
  assert.ok(lines[0]!.startsWith('成渝地区双城经济圈\tChéngyú dìqū shuāngchéng jīngjìquān\t'));
  assert.ok(lines.some((l) => l.startsWith('政协\t')));
});

test('a longest match wins: 成渝地区双城经济圈, not 经济圈', async () => {
  const r = await run(['glossary', '--json'], '成渝地区双城经济圈');
  const first = (JSON.parse(r.stdout) as { term: string; offset: number }[])[0]!;
  assert.deepEqual([first.term, first.offset], ['成渝地区双城经济圈', 0]);
});

// ---------------------------------------------------------------- --user (the reader's own terms)

async function userFile(name: string, text: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'zhengwen-user-'));
  const file = join(dir, name);
  await writeFile(file, text);
  return file;
}

test('zhengwen glossary --user FILE.json: the reader\'s terms come first and are found in either script', async () => {
  const file = await userFile('mine.json', JSON.stringify([
    { traditional: '立法院', english: 'my legislature', note: 'mine' },
    { simplified: '共同体', english: 'community', pinyin: 'gòngtóngtǐ' },
  ]));
  const r = await run(['glossary', '--json', '--user', file], '立法院和共同體，市政协主席');
  assert.equal(r.code, 0, r.stderr);
  const found = JSON.parse(r.stdout) as { term: string; english: string; category: string }[];
  assert.deepEqual(found.filter((m) => m.category === 'user').map((m) => [m.term, m.english]), [['立法院', 'my legislature'], ['共同體', 'community']]);
  assert.ok(found.some((m) => m.term === '政协'), 'built-in terms are still found');
  const lookup = await run(['glossary', '--user', file, '--lookup', '立法院']);
  assert.equal(lookup.code, 0, lookup.stderr);
  assert.match(lookup.stdout, /my legislature\nMy terms/);
  assert.equal(lookup.stdout.match(/^mine$/gm)?.length, 1, 'the note is printed once');
});

test('zhengwen glossary --user FILE.csv reads the CSV format', async () => {
  const file = await userFile('mine.csv', '\uFEFFsimplified,traditional,pinyin,english,note\r\n共同体,,gòngtóngtǐ,"community, shared",\r\n');
  const r = await run(['glossary', '--user', file], '人类命运共同体与共同体');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^共同体\tgòngtóngtǐ\tcommunity, shared\tMy terms$/m);
});

test('zhengwen glossary --user with a bad file: one line naming the line, exit 1, nothing on stdout', async () => {
  const file = await userFile('bad.csv', 'simplified,english\n共同体,community\n改革,\n发展,\n');
  const r = await run(['glossary', '--user', file], '共同体');
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, `zhengwen: ${file}: line 3: english is empty (and 1 more)\n`);
  const missing = await run(['glossary', '--user', '/nonexistent/terms.json'], '共同体');
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /^zhengwen: \/nonexistent\/terms\.json: no such file\n$/);
});
