import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as t2cn from 'opencc-js/t2cn';
import { convert } from '../convert.ts';
import { converter } from './index.ts';
import { runPipeline } from './pipeline.ts';
import { PIPELINES, segmentationTable } from './pipelines.ts';
import { decodeTable, encodeTable } from './table-codec.ts';
import { loadTable } from './table-source.ts';
import { ZHENGWEN_PHRASE_GROUPS } from './zhengwen-phrases.ts';

/** Each 著/着 word: its mainland Simplified form and its Taiwan form, one-to-one in both directions. */
const ZHU_WORDS: [simplified: string, taiwan: string][] = [
  // 著 zhù / zhuó kept as 著 on the mainland
  ['著有', '著有'], ['专著', '專著'], ['原著', '原著'], ['合著', '合著'], ['编著', '編著'], ['论著', '論著'],
  ['土著', '土著'], ['卓著', '卓著'], ['昭著', '昭著'], ['遗著', '遺著'], ['译著', '譯著'], ['拙著', '拙著'],
  ['著名', '著名'], ['名著', '名著'], ['著作', '著作'], ['显著', '顯著'], ['著称', '著稱'], ['著述', '著述'],
  ['见微知著', '見微知著'], ['臭名昭著', '臭名昭著'], ['合著者', '合著者'], ['编著者', '編著者'],
  // 着: the particle, zháo and zhuó
  ['看着', '看著'], ['等着', '等著'], ['着急', '著急'], ['着手', '著手'], ['穿着', '穿著'], ['睡着', '睡著'],
  ['沿着', '沿著'], ['意味着', '意味著'], ['着陆', '著陸'], ['着重', '著重'], ['着力', '著力'], ['执着', '執著'],
  ['结合着', '結合著'], ['讨论着', '討論著'], ['执着于', '執著於'],
];

test('each 著/着 word converts both ways: Taiwan → cn and Simplified → tw', async () => {
  const toCn = await converter('tw2cn');
  const toTw = await converter('s2tw');
  for (const [simplified, taiwan] of ZHU_WORDS) {
    assert.equal(toCn(taiwan), simplified, `tw→cn ${taiwan}`);
    assert.equal(toTw(simplified), taiwan, `cn→tw ${simplified}`);
  }
});

test('each 著/着 word converts both ways through convert() inside a sentence', async () => {
  for (const [simplified, taiwan] of ZHU_WORDS) {
    const cn = await convert(`這個詞是「${taiwan}」。`, 'cn');
    assert.equal(cn.text, `这个词是「${simplified}」。`, taiwan);
    const tw = await convert(`这个词是「${simplified}」。`, 'tw');
    assert.equal(tw.text, `這個詞是「${taiwan}」。`, simplified);
  }
});

/**
 * One-to-many sentences: the mainland original, as news writes it. The test
 * converts each to Taiwan Traditional (what a mirror does) and back.
 */
const SENTENCES = [
  '其著有《红军长征在四川》《四川抗战史》等许多重要专著。',
  '该书根据同名原著改编，由两位学者合著，编著者为四川大学教授。',
  '他一生论著颇丰，学术成就卓著，晚年还整理出版了多部译著和遗著。',
  '当地土著居民世代生活在这片山林中。',
  '他看着有些疲惫，却仍然等着记者提问。',
  '我们正在讨论着下一步的工作，大家议论着新政策。',
  '这项改革结合着本地实际，配合着全省的部署稳步推进。',
  '他执着于科研，附着于岩石的苔藓也引起了他的兴趣。',
  '孩子们着急地穿着外套，沿着小路跑向车站。',
  '这意味着企业必须着手转型，着力提升自主创新能力。',
  '他睡着了，窗外下着雨，风很大。',
  '该市在全省发展大局中找准坐标，明确新的历史坐标。',
  '他们背负着沉重的债务，背着孩子走了十里山路。',
  '老车夫在网上用昵称发帖，讲述当年的故事。',
  '良好的家风熏陶了一代又一代人，他不为利欲熏心。',
  '浚县古城和乾安的盐碱地治理都取得了新进展。',
  '北京大学等著名高校参加了此次论坛。',
  '该书被誉为见微知著的经典之作，作者以微知著，分析细致。',
  '专家显著提升了产品质量，该企业以诚信著称。',
  '这部巨著的作者生前著书立说，留下多部名著。',
  '他的论著被广泛引用，合著者也获得了表彰。',
  '两国融合着彼此的文化，并吻合着时代的潮流。',
  '他们正翻译着一部外国专著，书上写着有关历史的注释。',
];

test('one-to-many sentences come back from Taiwan Traditional as written (ours: all; plain opencc-js: reported)', async (t) => {
  const toTw = await converter('s2tw');
  const plain = t2cn.Converter({ from: 'tw', to: 'cn' });
  let ours = 0;
  let theirs = 0;
  for (const simplified of SENTENCES) {
    const taiwan = toTw(simplified);
    assert.notEqual(taiwan, simplified, 'the sentence must need converting');
    const r = await convert(taiwan, 'cn');
    assert.equal(r.text, simplified, taiwan);
    ours++;
    if (plain(taiwan) === simplified) theirs++;
  }
  t.diagnostic(`${SENTENCES.length} sentences: ours ${ours}, plain opencc-js ${theirs}`);
  // Plain opencc-js gets the controls (particles, 著名, 显著) right and most one-to-many words wrong.
  assert.ok(theirs < ours && theirs >= 5, `opencc-js got ${theirs}`);
});

test('every phrase of the table converts to its value alone, and the groups explain themselves', async () => {
  const toCn = await converter('tw2cn');
  const seen = new Set<string>();
  for (const g of ZHENGWEN_PHRASE_GROUPS) {
    assert.ok(g.why.length > 20, 'each group says why');
    for (const [key, value] of Object.entries(g.phrases)) {
      assert.ok(!seen.has(key), `${key} is listed twice`);
      seen.add(key);
      assert.ok(!/[\s|]/.test(key + value), `${key}: no spaces or | (the serialized form uses them)`);
      assert.equal(toCn(key), value, key);
      // Converting the result again changes nothing: the values are final Simplified text.
      assert.equal(toCn(value), value, `${key} → ${value} is not stable`);
    }
  }
});

test('the extension path (tables encoded at build time, decoded in the page) converts the sentences as the Node path does', async () => {
  // What build.mjs writes (scripts/opencc-tables.ts) and table-source.browser.ts reads back.
  const shipped = async (group: (typeof PIPELINES.tw2cn.chain)[number]) => decodeTable(encodeTable(await loadTable(group)).slice().buffer);
  const spec = PIPELINES.tw2cn;
  const seg = segmentationTable(spec)!;
  const pipeline = {
    normalize: await Promise.all(spec.normalize.map(shipped)),
    segmentation: { table: await shipped(seg.group), dicts: seg.dicts },
    chain: await Promise.all(spec.chain.map(shipped)),
  };
  const node = await converter('tw2cn');
  const toTw = await converter('s2tw');
  for (const simplified of SENTENCES) {
    const taiwan = toTw(simplified);
    assert.equal(runPipeline(pipeline, taiwan), node(taiwan), taiwan);
    assert.equal(runPipeline(pipeline, taiwan), simplified);
  }
});
