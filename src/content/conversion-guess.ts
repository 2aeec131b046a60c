/**
 * A quick guess, before the page is judged, at which conversion it will
 * need, so that the conversion tables (separate files, ~50–80 ms to arrive on
 * a busy machine) are fetched while the judgement and the repair's own tables
 * take the main thread, instead of after them.
 */
import { preloadConverter, type Target } from '../core/convert.ts';
import { detectScript } from '../core/script.ts';
import type { SiteChoice } from '../shared/settings.ts';
import { isSkipped } from './blocks.ts';

/** A bracketed syllable right after a Han character: 經(jīng), 區(qū). */
const BRACKETED_SYLLABLE = /[\u3400-\u9fff][(（][a-zA-Zü\u00e0-\u00fc\u0101-\u01dc]{1,6}[0-5]?[)）]/g;

/** Mirror pages carry dozens; three in the first screens is enough to guess. */
const MIN_SYLLABLES = 3;

/**
 * The target the page will probably be converted to: the user's choice, or
 * for Auto, Simplified when the sample looks like a mirror's Traditional text
 * with inline pinyin (the judgement decides; a wrong guess only costs a fetch).
 */
export function guessTarget(sample: string, choice: SiteChoice): Target | undefined {
  if (choice === 'off' || choice === 'keep') return undefined;
  if (choice !== 'auto') return choice;
  let found = 0;
  BRACKETED_SYLLABLE.lastIndex = 0;
  while (found < MIN_SYLLABLES && BRACKETED_SYLLABLE.exec(sample)) found++;
  return found >= MIN_SYLLABLES ? 'cn' : undefined;
}

/** The first `max` characters of the page's text, read directly (before its blocks are collected). */
export function pageSample(root: Node, max = 20_000): string {
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  let length = 0;
  for (let n = walker.nextNode(); n && length < max; n = walker.nextNode()) {
    // The parent only, as the blocks are judged (scripts, styles, code…): for a guess that is enough.
    if (n.parentElement && isSkipped(n.parentElement)) continue;
    const data = (n as Text).data;
    parts.push(data);
    length += data.length;
  }
  return parts.join('\n').slice(0, max);
}

/** Starts fetching the conversion tables a page whose text begins with `sample` will probably need. */
export function preloadGuessedConversion(sample: string, choice: SiteChoice): void {
  const target = guessTarget(sample, choice);
  if (target) preloadConverter(detectScript(sample), target);
}
