/** The place a page speaks for, from its language tag: its glossary entries come first, other places' do not apply. */
import type { PageRegion } from '../core/dictionary/word-lookup.ts';

/** zh-TW / zh-Hant pages are Taiwan's, zh-HK / zh-MO (and Cantonese) Hong Kong's; anything else reads as the mainland's. */
export function pageRegion(doc: Document): PageRegion {
  const lang = (doc.documentElement.lang || '').toLowerCase();
  if (/^zh-(hk|mo)|yue/.test(lang)) return 'hk';
  if (/^zh-(tw|hant)/.test(lang)) return 'tw';
  return 'cn';
}

