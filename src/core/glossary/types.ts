/**
 * Types of the bilingual glossary of Chinese political, governmental and
 * policy vocabulary kept in data/glossary/<category>.json.
 */

/** Category ids; each is also the name of its data file (data/glossary/<id>.json). */
export type GlossaryCategory =
  | 'party-organ'
  | 'state-organ'
  | 'position'
  | 'legislature-cppcc'
  | 'meeting-document'
  | 'strategy'
  | 'policy-slogan'
  | 'administrative-division'
  | 'law-discipline'
  | 'taiwan'
  | 'hong-kong-macao'
  | 'user';

/** The category of the reader's own terms (shown as "My terms"); never a data file. */
export const USER_CATEGORY = 'user';

/** All category ids of the data files, in display order (the reader's own terms are not among them). */
export const GLOSSARY_CATEGORIES: readonly Exclude<GlossaryCategory, typeof USER_CATEGORY>[] = [
  'party-organ',
  'state-organ',
  'position',
  'legislature-cppcc',
  'meeting-document',
  'strategy',
  'policy-slogan',
  'administrative-division',
  'law-discipline',
  'taiwan',
  'hong-kong-macao',
];

/** A label in English and in Simplified Chinese. */
export interface BilingualLabel {
  /** English label. */
  en: string;
  /** Chinese (Simplified) label. */
  zh: string;
}

/** Display labels of each category in English and Chinese. */
export const CATEGORY_LABELS: Readonly<Record<GlossaryCategory, BilingualLabel>> = {
  'party-organ': { en: 'Party organs', zh: '党的机构' },
  'state-organ': { en: 'State organs', zh: '国家机构' },
  position: { en: 'Positions and ranks', zh: '职务与级别' },
  'legislature-cppcc': { en: 'People’s congresses and the CPPCC', zh: '人大与政协' },
  'meeting-document': { en: 'Meetings and documents', zh: '会议与文件' },
  strategy: { en: 'National and regional strategies', zh: '国家与区域战略' },
  'policy-slogan': { en: 'Policy terms and slogans', zh: '政策术语与提法' },
  'administrative-division': { en: 'Administrative divisions', zh: '行政区划' },
  'law-discipline': { en: 'Law and discipline', zh: '法律与纪律' },
  taiwan: { en: 'Taiwan', zh: '台湾' },
  'hong-kong-macao': { en: 'Hong Kong and Macao', zh: '港澳' },
  user: { en: 'My terms', zh: '我的词语' },
};

/** Where a Taiwan, Hong Kong or Macao entry belongs. */
export type GlossaryRegion = 'tw' | 'hk' | 'mo';

/** Another Chinese form of a term (full name, abbreviation, older name), with its own script forms and pinyin. */
export interface GlossaryAlias {
  /** The alias in Simplified Chinese. */
  simplified: string;
  /** The alias in Taiwan-standard Traditional Chinese. */
  traditional: string;
  /** Word-level Hanyu Pinyin with tone marks. */
  pinyin: string;
}

/** A short neutral explanation (1–3 sentences) in each language. */
export interface GlossaryExplanation {
  /** Explanation in English. */
  en: string;
  /** Explanation in Simplified Chinese. */
  zh: string;
}

/** One glossary entry: a Chinese term with its script forms, pinyin, English rendering and explanation. */
export interface GlossaryEntry {
  /** The term in Simplified Chinese; unique across the glossary (together with all aliases). */
  simplified: string;
  /** The term in Taiwan-standard Traditional Chinese. */
  traditional: string;
  /** Word-level Hanyu Pinyin with tone marks, e.g. "Chéngyú dìqū shuāngchéng jīngjìquān". */
  pinyin: string;
  /** The standard English rendering (the body's own English name, or the state-media rendering of a slogan). */
  english: string;
  /** Other common English renderings. */
  englishAliases?: string[];
  /** The category id; matches the data file the entry lives in. */
  category: GlossaryCategory;
  /** Other Chinese forms of the same term. */
  aliases?: GlossaryAlias[];
  /** Short explanation in English and Chinese. */
  explanation: GlossaryExplanation;
  /** Related terms (Simplified main terms or aliases found elsewhere in the glossary). */
  seeAlso?: string[];
  /** "YYYY" or "YYYY-MM": when the entry's counts and changeable facts were true (required for any such fact). */
  asOf?: string;
  /** Set when the term is a former name or body: what replaced it (a Simplified main term) and until when. */
  former?: GlossaryFormer;
  /** An everyday word that also has a political sense (意见, 审议): not underlined on pages, still shown on hover. */
  everyday?: true;
  /**
   * Taiwan, Hong Kong or Macao: `traditional` is then the form used there
   * (Taiwan standard for tw, Hong Kong standard for hk and mo) and the main form.
   */
  region?: GlossaryRegion;
}

/** What replaced a former name or body, and when. */
export interface GlossaryFormer {
  /** The Simplified main term of the entry that replaced it. */
  replacedBy: string;
  /** "YYYY" or "YYYY-MM": the last year (or month) the former name or body was in use. */
  until: string;
}
