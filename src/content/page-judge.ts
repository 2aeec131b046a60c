/**
 * The page-level verdict: is this a mirror page (pinyin inserted, stray
 * commas), what script is it in. Judged once from the page's text and
 * readable attributes, in time slices, and extended by later content; once a
 * page is judged a mirror it stays one.
 */
import { analyzeInPieces } from '../core/analyze.ts';
import type { ScriptCounts } from '../core/script.ts';
import { READABLE_ATTRIBUTES } from './blocks.ts';
import { yieldToPage } from './yield.ts';

/**
 * Text read for the page-level verdict: a mirror's pattern shows within the
 * first few thousand characters; more adds no evidence and costs a long task.
 */
const MAX_JUDGED_CHARS = 200_000;
/** The verdict is worked out this many characters at a time, with a turn for the page between. */
const JUDGED_PIECE_CHARS = 20_000;
/**
 * Share of Han characters in the judged text above which a page without a
 * `lang` of another language is a Chinese page: its root element gets the tag.
 */
const CHINESE_PAGE_SHARE = 0.3;

export interface PageJudgement { pinyin: boolean; punctuation: boolean; mirror: boolean; verdict: string; counts: ScriptCounts }

export class PageJudge {
  private current: PageJudgement | undefined;
  private judgedText = '';

  /** The verdict so far, or undefined before the page was judged. */
  get judgement(): PageJudgement | undefined {
    return this.current;
  }

  /** Forgets the verdict (the page is judged again from scratch). */
  reset(): void {
    this.current = undefined;
    this.judgedText = '';
  }

  /** Judges the page (mirror or not) from its title, texts and readable attributes, adding to what was judged before. */
  async judge(doc: Document, texts: string[], elements: Element[]): Promise<void> {
    function* parts(): Generator<string> {
      yield doc.title;
      yield* texts;
      for (const el of elements) for (const a of READABLE_ATTRIBUTES) { const v = el.getAttribute(a); if (v) yield v; }
    }
    const text = joinedUpTo(this.judgedText ? this.judgedText + '\n' : '', parts(), MAX_JUDGED_CHARS);
    this.judgedText = text;
    const a = await analyzeInPieces(text, yieldToPage, JUDGED_PIECE_CHARS);
    // Once a page is judged a mirror it stays one: later paragraphs do not undo the verdict.
    const was = this.current;
    this.current = {
      pinyin: a.pinyin.mirror || (was?.pinyin ?? false),
      punctuation: a.punctuation.damage || (was?.punctuation ?? false),
      mirror: a.mirror || (was?.mirror ?? false),
      verdict: a.verdict,
      // Counts only: the analysis itself holds every finding of up to 200,000 characters.
      counts: { script: a.script, han: a.han, traditionalOnly: a.traditionalOnly, simplifiedOnly: a.simplifiedOnly },
    };
    if (was?.mirror && !a.mirror) this.current.verdict = was.verdict;
  }

  /** A page whose root says it is Chinese, or says nothing and is mostly Han text. */
  isChinesePage(doc: Document): boolean {
    const lang = doc.documentElement.getAttribute('lang');
    if (lang) return /^zh\b/i.test(lang);
    const j = this.current;
    return j !== undefined && this.judgedText.length > 0 && j.counts.han >= this.judgedText.length * CHINESE_PAGE_SHARE;
  }
}

/**
 * `prefix` followed by the parts joined with newlines, cut at `max`
 * characters. Parts past the cut are never read or joined: on a long page
 * only the first 200,000 of a million characters are judged.
 */
function joinedUpTo(prefix: string, parts: Iterable<string>, max: number): string {
  const taken: string[] = [];
  let length = prefix.length;
  for (const p of parts) {
    if (length >= max) break;
    length += (taken.length > 0 ? 1 : 0) + p.length;
    taken.push(p);
  }
  const text = prefix + taken.join('\n');
  return text.length > max ? text.slice(0, max) : text;
}
