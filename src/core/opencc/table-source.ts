import { compileTable, type DictTable } from './dict-table.ts';
import type { DictGroup, DictName } from './pipelines.ts';

/**
 * Where tables come from in Node (the CLI, tests, the benchmark): compiled
 * from opencc-js's own dictionaries on first use. The extension build swaps in
 * table-source.browser.ts, which reads the same tables precompiled at build time.
 */
const DICTS: Record<DictName, () => Promise<{ default: string }>> = {
  CJK_Compatibility_Ideographs: () => import('opencc-js/dict/CJK_Compatibility_Ideographs'),
  STCharacters: () => import('opencc-js/dict/STCharacters'),
  STPhrases: () => import('opencc-js/dict/STPhrases'),
  STPhrases_GeneratedFromRegionalPhrases: () => import('opencc-js/dict/STPhrases_GeneratedFromRegionalPhrases'),
  TSCharacters: () => import('opencc-js/dict/TSCharacters'),
  TSPhrases: () => import('opencc-js/dict/TSPhrases'),
  TWVariants: () => import('opencc-js/dict/TWVariants'),
  TWVariantsPhrases: () => import('opencc-js/dict/TWVariantsPhrases'),
  TWPhrases: () => import('opencc-js/dict/TWPhrases'),
  TWVariantsRev: () => import('opencc-js/dict/TWVariantsRev'),
  TWVariantsRevPhrases: () => import('opencc-js/dict/TWVariantsRevPhrases'),
  HKVariants: () => import('opencc-js/dict/HKVariants'),
  HKVariantsPhrases: () => import('opencc-js/dict/HKVariantsPhrases'),
  ZhengwenPhrases: () => import('./zhengwen-phrases.ts').then((m) => ({ default: m.ZHENGWEN_PHRASES })),
};

/** Reads one dictionary in opencc-js's serialized form (ours included). */
export async function readDict(name: DictName): Promise<string> {
  return (await DICTS[name]()).default;
}

/** The compiled table for a group of dictionaries. */
export async function loadTable(group: DictGroup): Promise<DictTable> {
  return compileTable(await Promise.all(group.map(readDict)));
}
