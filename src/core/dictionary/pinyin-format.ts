/**
 * CC-CEDICT's numbered pinyin ("Zhong1 guo2", "lu:3", "r5") written for
 * readers: tone marks (Zhōngguó) or numbers (Zhong1guo2), one syllable at a
 * time with its tone for tone colours. Capitals are kept: they mark proper nouns.
 */

/** One written syllable and its tone (1–4, 5 neutral, 0 for what is not a syllable: letters, digits). */
export interface ToneSyllable {
  text: string;
  tone: number;
}

const MARKS: Record<string, string> = {
  a: 'āáǎà', e: 'ēéěè', i: 'īíǐì', o: 'ōóǒò', u: 'ūúǔù', ü: 'ǖǘǚǜ',
  A: 'ĀÁǍÀ', E: 'ĒÉĚÈ', I: 'ĪÍǏÌ', O: 'ŌÓǑÒ', U: 'ŪÚǓÙ', Ü: 'ǕǗǙǛ',
};

/** Puts the tone mark where Hanyu Pinyin puts it: on a or e, on the o of ou, else on the last vowel. */
function markSyllable(base: string, tone: number): string {
  if (tone < 1 || tone > 4) return base;
  const lower = base.toLowerCase();
  let at = lower.search(/[ae]/);
  if (at < 0) at = lower.indexOf('ou');
  if (at < 0) {
    for (let i = lower.length - 1; i >= 0; i--) if ('iouü'.includes(lower[i]!)) { at = i; break; }
  }
  if (at < 0) return base;
  const vowel = base[at]!;
  const marked = MARKS[vowel]?.[tone - 1];
  return marked ? base.slice(0, at) + marked + base.slice(at + 1) : base;
}

/** The syllables of a numbered reading, each written in the given style. */
export function toneSyllables(numbered: string, style: 'mark' | 'num'): ToneSyllable[] {
  const out: ToneSyllable[] = [];
  for (const raw of numbered.trim().split(/\s+/)) {
    if (!raw) continue;
    const m = /^([A-Za-zü:]+?)([1-5])$/.exec(raw.replace(/u:/g, 'ü').replace(/U:/g, 'Ü'));
    if (!m) { out.push({ text: raw.replace(/u:/g, 'ü'), tone: 0 }); continue; }
    const base = m[1]!;
    const tone = Number(m[2]);
    out.push({ text: style === 'num' ? base + tone : markSyllable(base, tone), tone });
  }
  return out;
}

/**
 * A whole reading as one word: Zhōngguó, Xī'ān (an apostrophe where a syllable
 * starting with a, o or e would otherwise run into the one before), zhong1guo2.
 */
export function formatPinyin(numbered: string, style: 'mark' | 'num'): string {
  let out = '';
  let previous: ToneSyllable | undefined;
  for (const s of toneSyllables(numbered, style)) {
    // Letters and digits (3D, B超) stand apart from the syllables around them, and so does
    // each capitalised part of a proper noun (Róngchāng Qū, Cháng Jiāng).
    if (previous && (s.tone === 0 || previous.tone === 0 || /^[A-ZĀÁǍÀĒÉĚÈŌÓǑÒ]/.test(s.text))) out += ' ';
    else if (previous && style === 'mark' && /^[aoeāáǎàōóǒòēéěè]/i.test(s.text)) out += "'";
    out += s.text;
    previous = s;
  }
  return out;
}

/** True when a reading names something (CC-CEDICT capitalises proper nouns). */
export function isProperNoun(numbered: string): boolean {
  return /^[A-Z]/.test(numbered.trim());
}
