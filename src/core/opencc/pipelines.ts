/**
 * The conversions Zhengwen uses, written out as OpenCC dictionary names in
 * the order opencc-js 1.4 applies them (its presets: configs s2tw, s2twp,
 * s2hk, tw2s; without a config, t→tw/twp/hk chain the "to" groups alone).
 * pipelines.test.ts checks this list against opencc-js's own presets, so a
 * library update that changes them fails a test instead of drifting.
 */
export const DICT_NAMES = [
  'CJK_Compatibility_Ideographs',
  'STCharacters', 'STPhrases', 'STPhrases_GeneratedFromRegionalPhrases',
  'TSCharacters', 'TSPhrases',
  'TWVariants', 'TWVariantsPhrases', 'TWPhrases', 'TWVariantsRev', 'TWVariantsRevPhrases',
  'HKVariants', 'HKVariantsPhrases',
  // Ours, not OpenCC's: one-to-many fixes read ahead of OpenCC's tables (zhengwen-phrases.ts).
  'ZhengwenPhrases',
] as const;
export type DictName = (typeof DICT_NAMES)[number];

/** Dictionaries merged into one table; the first one wins on a shared key. */
export type DictGroup = readonly DictName[];

export interface PipelineSpec {
  normalize: DictGroup[];
  segmentation?: DictGroup;
  chain: DictGroup[];
}

/**
 * A conversion: from (s simplified, t traditional, tw) to (s, t, tw, twp, hk).
 * tw2cn is tw2s with Zhengwen's phrases first; the others are OpenCC's as they are.
 */
export type ConversionId = 'tw2s' | 'tw2cn' | 's2tw' | 's2twp' | 's2hk' | 't2tw' | 't2twp' | 't2hk';

const COMPAT: DictGroup = ['CJK_Compatibility_Ideographs'];
const ST_SEGMENTS: DictGroup = ['STPhrases', 'STPhrases_GeneratedFromRegionalPhrases'];
const ST: DictGroup = ['STPhrases', 'STPhrases_GeneratedFromRegionalPhrases', 'STCharacters'];
const TW_VARIANTS: DictGroup = ['TWVariantsPhrases', 'TWVariants'];
const HK_VARIANTS: DictGroup = ['HKVariantsPhrases', 'HKVariants'];

export const PIPELINES: Record<ConversionId, PipelineSpec> = {
  tw2s: { normalize: [COMPAT], segmentation: ['TSPhrases'], chain: [['TWVariantsRevPhrases', 'TWVariantsRev'], ['TSPhrases', 'TSCharacters']] },
  // Our phrases cut the text (so OpenCC's 合著 cannot split 結合著) and win in both steps: in the first,
  // before TWVariantsRev turns every 著 into 着; in the second, so TSCharacters leaves the result alone (乾安).
  tw2cn: {
    normalize: [COMPAT],
    segmentation: ['ZhengwenPhrases', 'TSPhrases'],
    chain: [['ZhengwenPhrases', 'TWVariantsRevPhrases', 'TWVariantsRev'], ['ZhengwenPhrases', 'TSPhrases', 'TSCharacters']],
  },
  s2tw: { normalize: [COMPAT], segmentation: ST_SEGMENTS, chain: [ST, TW_VARIANTS] },
  s2twp: { normalize: [COMPAT], segmentation: ST_SEGMENTS, chain: [ST, ['TWPhrases', 'TWVariantsPhrases', 'TWVariants']] },
  s2hk: { normalize: [COMPAT], segmentation: ST_SEGMENTS, chain: [ST, HK_VARIANTS] },
  t2tw: { normalize: [], chain: [TW_VARIANTS] },
  t2twp: { normalize: [], chain: [['TWPhrases'], TW_VARIANTS] },
  t2hk: { normalize: [], chain: [HK_VARIANTS] },
};

/**
 * The table a pipeline segments with, and how many of its dictionaries count:
 * OpenCC's segmentation dictionaries are the first ones of a chain group
 * (STPhrases before STCharacters), so that group's table serves both.
 */
export function segmentationTable(p: PipelineSpec): { group: DictGroup; dicts: number } | undefined {
  const seg = p.segmentation;
  if (!seg) return undefined;
  const host = p.chain.find((g) => seg.length <= g.length && seg.every((d, i) => g[i] === d));
  return { group: host ?? seg, dicts: seg.length };
}

/** The conversions the engine runs (convert.ts); tw2s stays for the tests and the benchmark, which compare with opencc-js. */
export const ENGINE_CONVERSIONS: readonly ConversionId[] = ['tw2cn', 's2tw', 's2twp', 's2hk', 't2tw', 't2twp', 't2hk'];

/** Every table the given pipelines need (all of them by default), once each. */
export function allGroups(ids: readonly ConversionId[] = Object.keys(PIPELINES) as ConversionId[]): DictGroup[] {
  const seen = new Map<string, DictGroup>();
  for (const p of ids.map((id) => PIPELINES[id])) {
    const seg = segmentationTable(p);
    for (const g of [...p.normalize, ...(seg ? [seg.group] : []), ...p.chain]) seen.set(groupName(g), g);
  }
  return [...seen.values()];
}

/** A table's file name: its dictionaries joined with '+'. */
export function groupName(g: DictGroup): string {
  return g.join('+');
}
