/**
 * Generates cases/synthetic.json: Chinese news sentences (written for this
 * file, Simplified and Traditional) damaged through every path the repair
 * handles, each with the output an exact repair gives. Run:
 *   node --import tsx scripts/mojibake-cases.ts
 *
 * The damage is made with the decoders and encoders browsers use (the
 * engine's WHATWG tables, src/damage/mojibake-damage.ts), the way a browser or a mirror would make it. Where bytes
 * are lost the expected output keeps the loss marker (`?` or U+FFFD) in place
 * of the lost character: the repair must not guess it.
 */
import { writeFileSync } from 'node:fs';
import { pinyin } from 'pinyin-pro';
import { simplifiedFormsOf } from '../src/core/script.ts';
import { fileURLToPath } from 'node:url';
import { big5, gbk, type Codec } from '../src/core/mojibake/tables.ts';
import {
  annotationSplit,
  annotationSplitInRun,
  asLatin,
  big5AsGbk,
  decoders,
  encode,
  foldFullWidth,
  gbkBytes,
  shifted,
  utf8AsGbk,
  utf8AsLatin,
} from '../src/damage/mojibake-damage.ts';
import { PINYIN_HINTS } from '../src/core/mojibake/pinyin-hints.ts';

export interface Case {
  input: string;
  expected: string;
  note: string;
}

const SIMPLIFIED = [
  '国务院常务会议今天在北京召开，研究部署进一步稳定就业的政策措施。',
  '记者从市交通运输局获悉，今年上半年全市新开通公交线路十二条。',
  '据统计，2023年全省粮食总产量达到六百八十亿斤，比上年增长百分之二。',
  '会议强调，要坚持以人民为中心的发展思想，切实保障和改善民生。',
  '当地时间周三上午，代表团一行参观了港口和物流园区。',
  '专家表示，科技创新是推动经济高质量发展的关键。',
  '市委书记在座谈会上讲话，要求各部门加强协作，形成工作合力。',
  '本报讯（记者 王明）昨日，第十届国际食品博览会在会展中心开幕。',
  '这次调查覆盖了三十个省份的一万多户家庭。',
  '气象台发布暴雨蓝色预警，提醒市民注意出行安全。',
  '他说：“我们将继续扩大开放，欢迎外国企业来华投资。”',
  '截至去年底，全国共有医疗卫生机构一百零三万个。',
];

const TRADITIONAL = [
  '國際貨幣基金組織週二發表報告，上調今年全球經濟增長預測。',
  '行政院會議今天通過多項法案，將送立法院審議。',
  '記者從當地政府了解到，災區的電力和通訊已經基本恢復。',
  '兩岸學者在座談會上就文化交流與合作進行了深入討論。',
  '香港特區政府宣布，將於下月起放寬部分防疫措施。',
  '該公司去年營業額達到三百億元，創歷史新高。',
  '考察團一行先後參觀了科學園區和國家實驗室。',
  '現代化建設需要長期堅持不懈的努力。',
  '據報導，颱風預計明天清晨在東部沿海登陸。',
  '市長表示，政府將加快推動都市更新和住宅建設。',
  '這項調查顯示，超過六成的受訪者支持這個計畫。',
  '他強調：「我們必須實打實地做好每一項工作。」',
];

// ---------------------------------------------------------------------------
// Encoding and decoding

// ---------------------------------------------------------------------------
// Paths

const cases: Case[] = [];
function add(input: string, expected: string, note: string): void {
  if (input === expected) throw new Error(`no damage: ${note}`);
  cases.push({ input, expected, note });
}

SIMPLIFIED.forEach((s, i) => add(asLatin(s, gbk(), 'Latin-1'), s, `GBK→Latin-1, Simplified sentence S${i + 1}`));
TRADITIONAL.slice(0, 6).forEach((s, i) =>
  add(asLatin(s, gbk(), 'Windows-1252'), s, `GBK→Windows-1252, Traditional sentence T${i + 1} (lead bytes 0x81–0x9F shown as ‚ƒ„…)`),
);
SIMPLIFIED.slice(0, 3).forEach((s, i) =>
  add(asLatin(s, gbk(), 'Windows-1252'), s, `GBK→Windows-1252, Simplified sentence S${i + 1}`),
);
TRADITIONAL.forEach((s, i) => add(asLatin(s, big5(), 'Latin-1'), s, `Big5→Latin-1, Traditional sentence T${i + 1}`));
TRADITIONAL.slice(6, 10).forEach((s, i) =>
  add(asLatin(s, big5(), 'Windows-1252'), s, `Big5→Windows-1252, Traditional sentence T${i + 7}`),
);

// A damaged clause inside clean text.
function clause(s: string, from: number, to: number, codec: Codec, shown: 'Latin-1' | 'Windows-1252'): string {
  return s.slice(0, from) + asLatin(s.slice(from, to), codec, shown) + s.slice(to);
}
add(clause(SIMPLIFIED[1]!, 10, 21, gbk(), 'Latin-1'), SIMPLIFIED[1]!, 'GBK→Latin-1, one clause inside clean Simplified text');
add(clause(SIMPLIFIED[6]!, 0, 4, gbk(), 'Latin-1'), SIMPLIFIED[6]!, 'GBK→Latin-1, the first word before clean text');
add(clause(TRADITIONAL[2]!, 9, 14, big5(), 'Latin-1'), TRADITIONAL[2]!, 'Big5→Latin-1, one clause inside clean Traditional text');
add(
  `Reuters reported: ${asLatin('国务院常务会议', gbk(), 'Latin-1')} (State Council executive meeting).`,
  'Reuters reported: 国务院常务会议 (State Council executive meeting).',
  'GBK→Latin-1, Chinese name inside English text',
);

[...SIMPLIFIED, ...TRADITIONAL.slice(0, 6)].forEach((s, i) => {
  const { input, expected } = utf8AsGbk(s);
  add(input, expected, `UTF-8→GBK, sentence ${i < 12 ? `S${i + 1}` : `T${i - 11}`}${expected.includes('\ufffd') ? ' (bytes cut by ASCII or the end: U+FFFD stays for the lost character)' : ''}`);
});
{
  const s = SIMPLIFIED[9]!;
  const mid = s.slice(7, 15);
  add(s.slice(0, 7) + decoders.gbk.decode(new TextEncoder().encode(mid)) + s.slice(15), s, 'UTF-8→GBK, one clause inside clean text');
}

// UTF-8 bytes shown as Windows-1252 or Latin-1 (the commonest mojibake of all).
SIMPLIFIED.slice(3, 7).forEach((s, i) => add(utf8AsLatin(s, 'Windows-1252'), s, `UTF-8→Windows-1252, Simplified sentence S${i + 4}`));
TRADITIONAL.slice(3, 6).forEach((s, i) => add(utf8AsLatin(s, 'Latin-1'), s, `UTF-8→Latin-1, Traditional sentence T${i + 4}`));
{
  const s = SIMPLIFIED[4]!;
  add(s.slice(0, 5) + utf8AsLatin(s.slice(5, 13), 'Windows-1252') + s.slice(13), s, 'UTF-8→Windows-1252, one clause inside clean text');
}

// Big5 bytes shown as GBK.
TRADITIONAL.forEach((s, i) => add(big5AsGbk(s, big5()), s, `Big5→GBK, Traditional sentence T${i + 1}`));

// ---------------------------------------------------------------------------
// A GBK byte stream decoded one byte off.

function addShifted(s: string, k: number, note: string, fold = false): boolean {
  const r = shifted(s, k);
  if (!r || r.input === r.expected) return false;
  if (!fold) {
    add(r.input, r.expected, note);
    return true;
  }
  // NFKC on the mirror folds full-width forms in the damaged text; the repair
  // restores the run's own characters, and the text around stays folded.
  const chars = [...r.expected];
  const expected =
    foldFullWidth(chars.slice(0, k).join('')) +
    chars.slice(k, r.last + 1).join('') +
    foldFullWidth(chars.slice(r.last + 1).join(''));
  add(foldFullWidth(r.input), expected, note);
  return true;
}

// Traditional text: GBK codes of Traditional characters often have trail bytes
// 0x40–0x7E, so runs realign after a few characters.
const shiftedPlan: [number, number][] = [
  [6, 0], // 考察團… at the start
  [6, 5], // …參觀了…
  [7, 0],
  [2, 3],
  [3, 5],
  [0, 2],
  [4, 4],
  [9, 3],
  [1, 6],
  [10, 6],
];
for (const [t, k] of shiftedPlan) {
  const s = TRADITIONAL[t]!;
  addShifted(s, k, `GBK one byte off, T${t + 1} from character ${k} (${[...s][k]} lost)`);
}
// After a full stop the run starts with ？/，-like full-width forms that NFKC folded to ASCII (`??茖W`).
addShifted('會議開幕。科學家發言', 4, 'GBK one byte off after 。 with NFKC-folded ？ (the `??茖W` shape)', true);
addShifted('代表團抵達。考察團參觀', 5, 'GBK one byte off after 。 with NFKC-folded ？ (the `??疾靾F` shape)', true);
// Simplified text (GB2312 trail bytes are never ASCII) stays shifted until an
// ASCII character: the last character before it is lost too.
addShifted('他说这次会议的主题是2023年的工作重点', 2, 'GBK one byte off in Simplified text, ends at ASCII digits (U+FFFD stays)');
addShifted('据了解,这些项目已经全部开工', 4, 'GBK one byte off in Simplified text, ends at an ASCII comma (U+FFFD stays)');

// A mirror's pinyin annotation inside the damaged run.
const hints = new Map<string, string>();
for (const group of PINYIN_HINTS.split('|')) {
  const [syl, chars] = group.split(':');
  for (const c of chars ?? '') if (!hints.has(c)) hints.set(c, syl!);
}
const READING: Record<string, string> = { 數: 'shù', 驅: 'qū', 現: 'xiàn' };

for (const [s, i, note] of [
  ['當地的工作', 1, '`當?shù)氐` shape: the annotation (shù) of the garbage 數 pins the lost byte'],
  ['實打實的工作', 2, '`實打?qū)嵉` shape: the annotation (qū) of the garbage 驅 pins the lost byte'],
] as [string, number, string][]) {
  const b = gbkBytes(s);
  const x = String.fromCharCode(gbk().decodePair(b.bytes[b.starts[i]! - 1]!, b.bytes[b.starts[i]!]!));
  const pinyin = READING[x] ?? hints.get(x)!;
  for (const whatwg of [false, true]) {
    const r = annotationSplit(s, i, pinyin, whatwg);
    add(r.input, r.expected, `${note}${whatwg ? ' (browser decoder: U+FFFD, the "(" kept)' : ''}`);
  }
}

/** The reading of a Traditional character with its tone mark, as pinyin-pro reads its Simplified form. */
function toned(ch: string): string {
  return pinyin(simplifiedFormsOf(ch)[0] ?? ch, { toneType: 'symbol' });
}

// `當?shù)貏?chuàng)新` shape: the run after the first annotation ends at a character the
// mirror annotated where it stood; its trail byte and that annotation's "(" made the second `?`.
{
  let made = 0;
  const more = [
    '新型藥物能顯著推動當地創新發展。', '患者的射血分數明顯改善。', '該市經濟運行穩中向好，財政收入增長。',
    '會議聽取了關於縣區教育工作的匯報。', '專家建議加強對農村飲用水源的監測。', '政府將繼續擴大對中小企業的貸款規模。',
  ];
  for (const [t, s] of [...TRADITIONAL, ...more].entries()) {
    const chars = [...s];
    let done = false;
    for (let i = 1; i < chars.length && !done; i++) {
      const b = gbkBytes(s);
      if (b.bytes[b.starts[i]!]! < 0x81 || b.bytes[b.starts[i - 1]!]! < 0x81) continue;
      const x = String.fromCharCode(gbk().decodePair(b.bytes[b.starts[i]! - 1]!, b.bytes[b.starts[i]!]!));
      const pinyin = hints.has(x) ? (READING[x] ?? toned(x)) : undefined;
      if (!pinyin) continue;
      for (let j = i + 1; j <= i + 4 && !done; j++) {
        // The mirror writes tone marks (shí): with the tone, 實 and 屍 (both shi after lead byte 8C) differ.
        const pinyinJ = chars[j] && hints.has(chars[j]!) ? toned(chars[j]!) : undefined;
        if (!pinyinJ) continue;
        for (const whatwg of [false, true]) {
          const r = annotationSplitInRun(s, i, pinyin, j, pinyinJ, whatwg);
          if (!r) break;
          add(r.input, r.expected, `\`當?shù)貏?chuàng)新\` shape, ${t < TRADITIONAL.length ? `T${t + 1}` : s.slice(0, 6) + '…'}: the annotation (${pinyin}) of the garbage ${x} and the annotation (${pinyinJ}) of ${chars[j]} that ends the run${whatwg ? ' (browser decoder: U+FFFD, the "(" kept)' : ''}`);
          done = true;
        }
      }
    }
    if (done) made++;
  }
  if (made < 3) throw new Error(`only ${made} sentences give the annotation-in-run shape`);
}
add('能顯著推動當?shù)貏?chuàng)新', '能顯著推動當地創(chuàng)新', 'issue 14 shape by hand: 當地創新 one byte off, the annotations (shù) of the garbage 數 and (chuàng) of 創 both inside');

// Big5 十 is A4 51: its trail byte shows as the ASCII Q (`¤Q`), and so do many others (¥l for 召, ¶} for 開).
for (const s of ['立法院召開第十屆第三會期第十二次會議。', '共有三十位委員出席，通過十項決議。', '他表示，十分感謝大家的支持。']) {
  add(asLatin(s, big5(), 'Latin-1'), s, `Big5→Latin-1 with 十 (A4 51, shown as ¤Q): ${s.slice(0, 8)}…`);
}

// `?,F(xiàn)代化` shape: the annotation of a real character after the realigning byte.
{
  const s = '推進。現(xiàn)代化建設';
  const r = shifted(s, 2);
  if (r) {
    add(foldFullWidth(r.input), foldFullWidth(r.expected), '`?,F(xiàn)代化` shape: NFKC-folded ， then F; the annotation (xiàn) confirms 現');
  }
}

const path = fileURLToPath(new URL('../src/core/mojibake/cases/synthetic.json', import.meta.url));
writeFileSync(path, JSON.stringify(cases, null, 1) + '\n');
console.log(`${cases.length} cases → ${path}`);

// ---------------------------------------------------------------------------
// Known failures: damage made the same way that the repair cannot (yet) undo.
// Each note says why. The test suite reports them as TODO and fails if one
// starts passing (it then belongs above).

const known: Case[] = [];
function fails(input: string, expected: string, note: string): void {
  known.push({ input, expected, note });
}
const at = (s: string, ch: string) => [...s].indexOf(ch);
{
  const s = '以改善市民居住環境和公共衞生。';
  const r = shifted(s, at(s, '住'))!;
  fails(r.input, r.expected, 'GBK one byte off, one character (環) realigned by h: the only thing between ? and h is …, ordinary punctuation, so nothing marks the run as damage');
}
{
  const s = '認為近年部分舊區的店舖佔用行人路';
  const r = shifted(s, at(s, '分'))!;
  fails(r.input, r.expected, 'GBK one byte off, one character (舊) realigned by f: the garbage 峙 is a common character, so nothing marks the run as damage');
}
{
  const s = '財損逾新台幣1億2000萬元。';
  fails(big5AsGbk(s, big5()), s, 'Big5 read as GBK: 億 (Big5 BB F5) reads as GBK 货, a common character, alone between digits; the rest of the sentence is repaired');
}
{
  const s = '中国人民';
  fails(
    asLatin(s, gbk(), 'Latin-1').normalize('NFKC'),
    s,
    'GBK shown as Latin-1, then NFKC-normalized by the mirror: ¹ became 1, so byte B9 of 国 is gone; 中 and 人民 are repaired, 1ú stays',
  );
}
fails('推進?,F代化建設', '推進?現代化建設', 'GBK one byte off with only ，(folded to ,) and the trail byte F between ? and the realigned text, and no annotation to confirm 現: indistinguishable from a real ",F"');
{
  const b = encode('國際貨幣基金組織', big5());
  fails('?' + new TextDecoder('big5').decode(b.slice(1)), '?際貨幣基金組織', 'Big5 text decoded one byte off: only the GBK one-byte-off path is implemented');
}
{
  const s = '國際學術會議';
  fails(asLatin(s, gbk(), 'Latin-1').replace(/[\u0080-\u009f]/g, ''), s, 'GBK shown as Latin-1 with the C1 controls (bytes 0x80–0x9F) stripped by a sanitizer: those bytes are gone');
}
fails('2020Äê', '2020年', 'GBK shown as Latin-1, a lone 年 (Äê) with no other damage near: one accented pair is too little evidence (2020Äê4ÔÂ29ÈÕ together is repaired)');
{
  const r = utf8AsGbk('7月18');
  fails(r.input, r.expected, 'UTF-8 read as GBK, a lone 月 cut off by the next ASCII byte: the single garbage character 鏈 before U+FFFD is removed only next to other UTF-8 damage');
}
const knownPath = fileURLToPath(new URL('../src/core/mojibake/cases/known-failures.json', import.meta.url));
writeFileSync(knownPath, JSON.stringify(known, null, 1) + '\n');
console.log(`${known.length} known failures → ${knownPath}`);
