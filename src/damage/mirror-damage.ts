import { pinyin } from 'pinyin-pro';
import { Converter } from 'opencc-js/cn2t';
import { isTraditionalOnly, simplifiedFormsOf } from '../core/script.ts';
import { seededRandom } from './random.ts';

/**
 * Damages Simplified text the way mirror sites do (NOTES §1): convert to
 * Traditional, put one fixed reading after the characters of a per-site table
 * at every occurrence, and insert commas before other punctuation. For tests,
 * the benchmark and the demo; never used on user text.
 */
export interface DamageOptions {
  seed: number;
  /** Share of the Traditional-only characters this "site" annotates (0–1). */
  tableShare?: number;
  /** Share of punctuation marks that get a comma inserted before them. */
  commaRate?: number;
  /** 'marks' (most sites), 'toneless-doubled' (two sites), 'numbers' (accepted, not seen). */
  style?: 'marks' | 'toneless-doubled' | 'numbers';
  /** Share of annotations written with a space before the closing bracket: 會(huì ). */
  spaceRate?: number;
  /** Full-width brackets （）. */
  fullWidth?: boolean;
  /**
   * Share of a table character's occurrences that get the annotation (0–1,
   * default 1). Some mirrors annotate a random third or half of them instead
   * of every one (issue 14: coverage 0.5–0.6 on real pages).
   */
  occurrenceShare?: number;
}

let toTraditional: ((s: string) => string) | undefined;

/** Simplified → Traditional (Taiwan) the way a mirror's converter does it. */
export function mirrorConvert(simplified: string): string {
  toTraditional ??= Converter({ from: 'cn', to: 'tw' });
  return toTraditional(simplified);
}

/** Adds the annotation and comma damage to already-converted Traditional text. */
export function annotate(traditional: string, o: DamageOptions): string {
  const random = seededRandom(o.seed);
  const tableShare = o.tableShare ?? 0.6;
  const commaRate = o.commaRate ?? 0.3;
  const style = o.style ?? 'marks';
  const [open, close] = o.fullWidth ? ['（', '）'] : ['(', ')'];
  const table = new Map<string, string>();
  const skipped = new Set<string>();
  const out: string[] = [];
  for (const ch of traditional) {
    out.push(ch);
    const before = out[out.length - 2];
    if (/[、。，,；;]/.test(ch) && before !== undefined && !/[\sA-Za-z0-9]/.test(before) && random() < commaRate) {
      out.splice(out.length - 1, 0, ch === '，' || ch === '。' || ch === '、' || ch === '；' ? '，' : ',');
    }
    if (style !== 'toneless-doubled' && !isTraditionalOnly(ch)) continue;
    if (!/\p{Script=Han}/u.test(ch) || skipped.has(ch)) continue;
    let reading = table.get(ch);
    if (reading === undefined) {
      // Each site picks its own table once; a character is in it or not, for the whole page.
      if (random() >= (style === 'toneless-doubled' ? tableShare / 4 : tableShare)) { skipped.add(ch); continue; }
      reading = fixedReading(ch, style);
      table.set(ch, reading);
    }
    // Drawn only when set, so pages generated without the option stay byte-identical.
    if (o.occurrenceShare !== undefined && o.occurrenceShare < 1 && random() >= o.occurrenceShare) continue;
    const space = random() < (o.spaceRate ?? 0) ? ' ' : '';
    const one = `${open}${reading}${space}${close}`;
    out.push(style === 'toneless-doubled' && random() < 0.5 ? one + one : one);
  }
  return out.join('');
}

/** Converts and damages Simplified text: a mirror page made from it. */
export function damage(simplified: string, o: DamageOptions): string {
  return annotate(mirrorConvert(simplified), o);
}

function fixedReading(ch: string, style: DamageOptions['style']): string {
  const simp = simplifiedFormsOf(ch)[0] ?? ch;
  const toneType = style === 'marks' ? 'symbol' : style === 'numbers' ? 'num' : 'none';
  return pinyin(simp, { toneType, type: 'array' })[0] ?? '';
}
