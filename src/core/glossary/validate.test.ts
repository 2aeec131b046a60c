import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  countChineseSentences,
  countEnglishSentences,
  loadGlossaryFiles,
  pinyinMatches,
  validateGlossary,
} from '../../testing/glossary-validate.ts';
import { CATEGORY_LABELS, GLOSSARY_CATEGORIES, USER_CATEGORY, type GlossaryEntry } from './types.ts';

const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../data/glossary');

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
  const problems = validateGlossary(entries);
  if (problems.length > 0) console.log(`${problems.length} glossary problems:\n${problems.join('\n')}`);
  assert.deepEqual(problems, []);
});

test('the glossary has at least 320 entries', () => {
  const entries = loadGlossaryFiles(DATA_DIR);
  assert.ok(entries.length >= 320, `only ${entries.length} entries`);
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
  assertProblem(problemsOf({ ...hongKong(), region: 'cn' }), /"region" must be one of tw, hk, mo/);
});

test('the glossary has at least 150 Taiwan, Hong Kong and Macao entries, each with its region', () => {
  const entries = loadGlossaryFiles(DATA_DIR) as GlossaryEntry[];
  const regional = entries.filter((e) => e.category === 'taiwan' || e.category === 'hong-kong-macao');
  assert.ok(regional.length >= 150, `only ${regional.length}`);
  // Mainland bodies that deal with Taiwan (海协会) sit in the taiwan file without a region.
  assert.ok(regional.filter((e) => e.region).length >= 150);
  for (const e of regional) if (e.region) assert.ok(e.category === (e.region === 'tw' ? 'taiwan' : 'hong-kong-macao'), e.simplified);
});
