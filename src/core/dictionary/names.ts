/**
 * Personal names in running text: a common surname followed by a given name
 * of one or two characters that form no longer dictionary word (曹清尧,
 * 王建国). A dictionary has no entry for most names, so without this a name
 * comes apart into the words inside it (清, 建国).
 */
import type { Dictionary } from './types.ts';

// The most common Han surnames (the 2020 census's top 100, less those that
// are mostly ordinary words in news text: 于 方 万 高 文 石 白 常 向 钱 金 田 史 ...
// are left out, as are surnames whose character is a function word).
const SINGLE = new Set([...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖蔡潘袁蒋蔡杜叶程魏苏吕丁沈任姚卢姜崔钟谭陆汪范廖邹熊郝孔邱秦江尹薛闫段雷侯龙陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤易乔赖庞樊兰殷施陈翟倪严牛温芦季俞章鲁葛伍韦申尤毕聂焦向柴']
  .filter((c) => !'万向'.includes(c)));
const DOUBLE = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '令狐'];
const TRADITIONAL_SINGLE = new Map([...'劉陳楊黃趙吳孫馬鄭梁謝韓馮鄧許蕭葉魏蘇呂盧鍾譚陸鄒熊閆雷賀顧龔嚴賴龐蘭錢翟倪季俞聶'].map((c) => [c, c]));

// Characters that end a given name: function words that follow a name in news text.
const STOP = new Set([...'的了是在和与及说等也都就还又对从向把被将为以于到给让这那之而但并或即曾已将称同会指要与及及、，。；：！？（）《》“”‘’ ']);

/** A personal name found in a text. */
export interface NameMatch {
  start: number;
  surname: string;
  given: string;
}

function surnameAt(text: string, i: number): string | undefined {
  const two = text.slice(i, i + 2);
  if (DOUBLE.includes(two)) return two;
  const one = text[i]!;
  return SINGLE.has(one) || TRADITIONAL_SINGLE.has(one) ? one : undefined;
}

const HAN = /\p{Script=Han}/u;

/** The length of the longest dictionary word starting at an offset (0 when none). */
function longest(dict: Pick<Dictionary, 'matchesAt'>, text: string, offset: number): number {
  return dict.matchesAt(text, offset, 8)[0]?.length ?? 0;
}

/** A name starting at `start`, if the text there reads as one. */
export function nameAt(text: string, start: number, dict: Pick<Dictionary, 'matchesAt'>): NameMatch | undefined {
  const surname = surnameAt(text, start);
  if (!surname) return undefined;
  // 王国, 高于, 马上: the surname character begins an ordinary word here.
  if (longest(dict, text, start) > surname.length) return undefined;
  const g = start + surname.length;
  const isGivenChar = (i: number): boolean => i < text.length && HAN.test(text[i]!) && !STOP.has(text[i]!);
  if (!isGivenChar(g)) return undefined;
  // Two characters unless the second begins a word with what follows (张华书记: 书记).
  const two = isGivenChar(g + 1) && longest(dict, text, g + 1) < 2;
  const given = text.slice(g, g + (two ? 2 : 1));
  // A name as long as a word that starts inside it and runs past it is a coincidence (林业局长).
  if (longest(dict, text, g) > given.length) return undefined;
  return { start, surname, given };
}

/** The surname's reading as a surname (曾 Zēng, 单 Shàn): the dictionary's "surname" entry. */
export function surnameReading(surname: string, dict: Pick<Dictionary, 'lookup'>): string | undefined {
  const entries = dict.lookup(surname);
  const named = entries.find((e) => /^[A-Z]/.test(e.pinyin) && e.definitions.some((d) => /\bsurname\b/i.test(d)));
  return (named ?? entries[0])?.pinyin;
}
