/**
 * Zhengwen's own Traditional (Taiwan) → Simplified phrases, read ahead of
 * OpenCC's tables in our tw→cn conversion (PIPELINES.tw2cn). OpenCC's tw→cn
 * turns a character that has several Simplified forms into one of them
 * whatever the word, so a mirror page's 其著有 … 等許多重要專著 came out
 * 其着有 … 专着. Each group below lists the words it fixes and why; keys are
 * the Taiwan forms (what cn→tw writes and what Taiwan pages use), values the
 * mainland Simplified form. The list was found by converting CC-CEDICT's
 * headwords Simplified → tw → Simplified and keeping what did not come back
 * and occurs in news text (see zhengwen-phrases.test.ts).
 *
 * Keys match longest first, left to right, as OpenCC's own phrases do, so a
 * longer key (結合著, a particle) wins over a shorter one inside it (合著).
 */
export const ZHENGWEN_PHRASE_GROUPS: readonly { why: string; phrases: Readonly<Record<string, string>> }[] = [
  {
    why: '著 zhù "to write; a written work" stays 著 (OpenCC keeps only 著名 名著 著作 著稱 顯著 and a few others)',
    phrases: {
      著有: '著有', 專著: '专著', 原著: '原著', 合著: '合著', 編著: '编著', 論著: '论著', 遺著: '遗著',
      譯著: '译著', 拙著: '拙著', 見微知著: '见微知著', 以微知著: '以微知著', 彰明較著: '彰明较著',
    },
  },
  {
    why: '著 zhù/zhuó in set words outside writing: 土著 natives, 卓著 outstanding',
    phrases: { 土著: '土著', 卓著: '卓著' },
  },
  {
    why: '著 as the particle 着 right after a verb that ends in 合 or 論 (結合著 is 结合 + 着, not 结 + 合著) or before 有 (看著有)',
    phrases: {
      結合著: '结合着', 配合著: '配合着', 融合著: '融合着', 混合著: '混合着', 組合著: '组合着', 閉合著: '闭合着',
      綜合著: '综合着', 符合著: '符合着', 迎合著: '迎合着', 適合著: '适合着', 聯合著: '联合着', 整合著: '整合着',
      契合著: '契合着', 縫合著: '缝合着', 糅合著: '糅合着', 揉合著: '揉合着', 撮合著: '撮合着', 湊合著: '凑合着',
      磨合著: '磨合着', 吻合著: '吻合着', 彌合著: '弥合着', 癒合著: '愈合着', 愈合著: '愈合着',
      討論著: '讨论着', 議論著: '议论着', 談論著: '谈论着', 爭論著: '争论着', 辯論著: '辩论着', 評論著: '评论着',
      翻譯著: '翻译着',
      看著有: '看着有', 寫著有: '写着有', 印著有: '印着有', 刻著有: '刻着有', 標著有: '标着有', 帶著有: '带着有',
      藏著有: '藏着有', 掛著有: '挂着有', 貼著有: '贴着有', 存在著有: '存在着有',
    },
  },
  {
    why: '著 zhuó before 於 is 着 in 执着于, 附着于 (OpenCC keeps 著於 for the literary 著于)',
    phrases: { 執著於: '执着于', 附著於: '附着于', 黏著於: '黏着于', 膠著於: '胶着于' },
  },
  {
    why: '座標 (Taiwan, and what cn→tw writes for 坐标) is 坐标 "coordinates" on the mainland',
    phrases: { 座標: '坐标' },
  },
  {
    why: 'Taiwan-only characters the mainland merged into another: 揹 → 背 (背负, 背着), 伕 → 夫 (车夫), 暱 → 昵 (昵称)',
    phrases: { 揹: '背', 伕: '夫', 暱: '昵' },
  },
  {
    why: '薰 "to smoke, to influence" is 熏 on the mainland in these words (薰衣草 keeps 薰)',
    phrases: { 薰陶: '熏陶', 薰染: '熏染', 薰心: '熏心' },
  },
  {
    why: 'place names: 浚县 (Henan; cn→tw writes 濬縣), 乾安 (Jilin; OpenCC keeps only 乾安縣 and 乾安鎮)',
    phrases: { 濬縣: '浚县', 乾安: '乾安' },
  },
];

/**
 * The groups as one dictionary in opencc-js's serialized form ("key value|key
 * value"). Each value also maps to itself, so text converted once converts to
 * itself again (专著 would otherwise become 专着: 著 alone turns into 着).
 */
export const ZHENGWEN_PHRASES: string = serialize();

function serialize(): string {
  const entries = new Map<string, string>();
  for (const g of ZHENGWEN_PHRASE_GROUPS) for (const [k, v] of Object.entries(g.phrases)) entries.set(k, v);
  for (const v of [...entries.values()]) if (!entries.has(v)) entries.set(v, v);
  return [...entries].map(([k, v]) => `${k} ${v}`).join('|');
}
