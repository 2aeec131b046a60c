import type { Edit } from '../edits.ts';
import { PUNCTUATION_AFTER_STRAY_COMMA } from '../han.ts';

/** A comma a mirror inserted right before another punctuation mark: ",、" ",。" ",,". */
export interface StrayComma {
  offset: number;
  /** The mark after it, which is genuine and stays. */
  before: string;
}

const FOLLOWERS = new Set(PUNCTUATION_AFTER_STRAY_COMMA);

/** Finds commas directly followed by another mark, in Chinese context. */
export function findStrayCommas(text: string): StrayComma[] {
  const found: StrayComma[] = [];
  let i = text.indexOf(',');
  let j = text.indexOf('，');
  while (i !== -1 || j !== -1) {
    const at = i === -1 ? j : j === -1 ? i : Math.min(i, j);
    const next = text[at + 1];
    const prev = text[at - 1];
    // A number or an English word before the comma is not the mirror's pattern ("1,,2" is left alone).
    if (next !== undefined && FOLLOWERS.has(next) && prev !== undefined && !/[\sA-Za-z0-9]/.test(prev)) {
      found.push({ offset: at, before: next });
    }
    if (at === i) i = text.indexOf(',', at + 1);
    else j = text.indexOf('，', at + 1);
  }
  return found;
}

/** Stray commas are removed only in bulk (a mirror's pattern) or on a page already judged a mirror. */
export function strayCommasAreDamage(found: number, pageIsMirror: boolean): boolean {
  return found >= 3 || (found >= 1 && pageIsMirror);
}

/** Edits that remove the given stray commas. */
export function strayCommaEdits(text: string, commas: readonly StrayComma[]): Edit[] {
  return commas.map((c) => ({
    offset: c.offset,
    length: 1,
    original: text[c.offset]!,
    replacement: '',
    kind: 'punctuation',
    reason: `stray comma before ${c.before}`,
  }));
}
