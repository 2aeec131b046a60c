/**
 * Proper nouns in word pinyin, written as the Chinese phonetic orthography
 * (GB/T 16159) asks: a proper noun starts with a capital (Chóngqìng), and a
 * place name and its generic part are written apart, each capitalised
 * (Chóngqìng Shì). Without a dictionary that marks proper nouns (CC-CEDICT's
 * capitalised pinyin can feed `properNoun` later), places are recognised from
 * a short list and from an administrative suffix after a name.
 */

/** Generic parts of place names: 重庆市, 荣昌区, 四川省. */
const PLACE_SUFFIXES = new Set(['市', '省', '区', '县', '州', '镇', '縣', '區']);

/** Provinces, municipalities, regions and a few names news text uses constantly (Simplified). */
const PLACES = new Set((
  '中国 中华 北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 贵州 云南 陕西 甘肃 青海 ' +
  '台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门 成都 广州 深圳 武汉 南京 杭州 西安 长沙 郑州 济南 沈阳 哈尔滨 长春 昆明 贵阳 南宁 兰州 西宁 银川 ' +
  '乌鲁木齐 拉萨 呼和浩特 石家庄 太原 合肥 福州 南昌 海口 台北 高雄 自贡 成渝 长江 黄河 珠江'
).split(' '));

/** Words before a suffix that make a common noun, not a place: 开发区 is "development zone". */
const NOT_NAMES = new Set((
  '开发 示范 试验 保护 经济 自治 行政 特别 工业 高新 保税 市辖 新城 老城 中心 核心 风景 旅游 商业 住宅 生活 办公 功能 贫困 ' +
  '全市 全省 全区 全县 本市 本省 该市 该省 该区 该县 各省 各市 各区 各县 外省 我市 我省 我区 我县 全国 城市 地级 县级 省级 边境 民族'
).split(' '));

const HAN_ONLY = /^\p{Script=Han}+$/u;

/** True when a word is a name we know, or a name right before an administrative suffix (荣昌 in 荣昌区). */
export function looksLikeProperNoun(word: string, next?: string): boolean {
  if (PLACES.has(word)) return true;
  const suffix = placeSuffixAt(word);
  if (suffix) return true;
  return next !== undefined && PLACE_SUFFIXES.has(next) && word.length >= 2 && HAN_ONLY.test(word) && !NOT_NAMES.has(word);
}

/** Length of the name part when the word is a name plus its suffix (重庆市 → 2), else 0. */
function placeSuffixAt(word: string): number {
  const chars = [...word];
  if (chars.length < 3 || !PLACE_SUFFIXES.has(chars[chars.length - 1]!)) return 0;
  const stem = chars.slice(0, -1).join('');
  return HAN_ONLY.test(stem) && (PLACES.has(stem) || !NOT_NAMES.has(stem)) ? chars.length - 1 : 0;
}

/**
 * The one place the case of word pinyin is decided: lower case, or for a
 * proper noun a capital first letter, with a place's suffix written apart
 * and capitalised too (重庆市 → Chóngqìng Shì). One syllable per character
 * in and out; the space before a suffix or a capitalised part leads its syllable (" Shì").
 */
export function casedSyllables(word: string, syllables: readonly string[], properNoun: boolean): string[] {
  // A capital inside the word (the dictionary's Cheng2 Yu2) starts a new part, as the word pinyin writes it.
  const out = syllables.map((x, i) => (i > 0 && /^\p{Lu}/u.test(x) ? ` ${x}` : x));
  if (!properNoun || out.length === 0) return out;
  out[0] = capitalise(out[0]!);
  const stem = placeSuffixAt(word);
  if (stem > 0 && stem === out.length - 1 && !out[stem]!.startsWith(' ')) out[stem] = ` ${capitalise(out[stem]!)}`;
  return out;
}

/** The word's pinyin as one string, cased as casedSyllables decides. */
export function casedPinyin(word: string, syllables: readonly string[], properNoun: boolean): string {
  return casedSyllables(word, syllables, properNoun).join('');
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
