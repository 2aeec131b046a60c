/**
 * Damage paths 1–2: GBK, Big5 or UTF-8 bytes shown as Latin-1 / Windows-1252
 * (`×¢ÖØÍøÂç` → 注重网络, `¡@¡@°ê»Ú³f¹ô` → 　　國際貨幣, `ä¸­æ–‡` → 中文). The
 * gate (find-mojibake.ts) hands over each zone of Latin-1 characters; the
 * zone is read as byte pairs in both codecs, judged for how un-European it
 * looks, and weak stretches join only strong neighbours of their codec.
 */
import { acceptable, isAsciiLetter, isHanCode, judge, plural, rareAllowed, subRuns, type Candidate } from './judgments.ts';
import { big5, gbk, isCp1252Special, latinByte } from './tables.ts';

export interface LatinCandidate {
  start: number;
  end: number;
  replacement: string;
  codec: 'GBK' | 'Big5' | 'UTF-8';
  /** Accepted on its own (clearly broken); weak ones need a strong neighbour. */
  strong: boolean;
  /** Han characters and no more rare ones than allowed: may form a cluster with other weak ones. */
  plain: boolean;
  count: number;
  cp1252: boolean;
  /** Where the zone of Latin-1 characters it came from starts: candidates overlap only within a zone. */
  zone: number;
}

/** High byte (0x80–0xFE) a character stands for, or −1. */
function highByte(code: number): number {
  const b = latinByte(code);
  return b >= 0x80 && b <= 0xfe ? b : -1;
}

/** Byte usable as a trail: a high byte or printable ASCII 0x40–0x7E. */
function trailByte(code: number): number {
  if (code >= 0x40 && code <= 0x7e) return code;
  return highByte(code);
}

interface Pair {
  at: number;
  lead: number;
  trail: number;
}

function parsePairs(text: string, s: number): { pairs: Pair[]; end: number } {
  const pairs: Pair[] = [];
  let j = s;
  while (j + 1 < text.length) {
    const lead = highByte(text.charCodeAt(j));
    if (lead < 0x81) break;
    const trail = trailByte(text.charCodeAt(j + 1));
    if (trail < 0) break;
    pairs.push({ at: j, lead, trail });
    j += 2;
  }
  return { pairs, end: j };
}

/**
 * Parses the zone of Latin-1 characters starting at i into byte pairs, judges
 * them as GBK and as Big5, and records candidates. Returns where the zone ends.
 */
export function scanLatinZone(text: string, i: number, all: LatinCandidate[]): number {
  const out: LatinCandidate[] = [];
  const end = scanZone(text, i, out);
  for (const c of out) c.zone = i;
  all.push(...out);
  return end;
}

/** Leads whose pairs with an ASCII letter trail decode, in GBK and in Big5, to a Han character or to nothing (below: punctuation in GBK rows A8–A9 and Big5 rows A1–A3). */
export const GLUED_LEAD_MIN = 0xaa;

function scanZone(text: string, i: number, out: LatinCandidate[]): number {
  // Quick exit: one accented character glued into a Latin word (“roughly,
  // Zürich) can only make a pair with an ASCII letter: nothing to repair.
  const next = text.charCodeAt(i + 1);
  if (isAsciiLetter(next) && isAsciiLetter(text.charCodeAt(i + 2))) {
    return i + 1;
  }
  // Nothing after it can be a byte of a pair or of UTF-8 (`shì)`): no pair, no sequence.
  if (trailByte(next) < 0) return i + 1;
  // One pair glued between ASCII letters (`nián)`, a tone mark in a pinyin
  // annotation, on every mirror page): with a lead from 0xAA up it reads as
  // Han or nothing in both codecs (tested over both tables), and one Han
  // character next to a letter is an accented word, which judgeLatinPairs drops.
  if (
    isAsciiLetter(next) && isAsciiLetter(text.charCodeAt(i - 1)) &&
    highByte(text.charCodeAt(i)) >= GLUED_LEAD_MIN && highByte(text.charCodeAt(i + 2)) < 0x81
  ) {
    return i + 1;
  }
  const first = parsePairs(text, i);
  const end = Math.max(first.end, i + 1, utf8AsLatin(text, i, out));
  const found = judgeLatinPairs(text, first.pairs);
  // A stray character before the damage would shift every pair: try one later too.
  if (highByte(text.charCodeAt(i + 1)) >= 0x81 && !found.some((c) => c.start === i)) {
    const second = parsePairs(text, i + 1);
    const alt = judgeLatinPairs(text, second.pairs);
    const restored = (cs: LatinCandidate[]) => cs.reduce((s, c) => s + c.count, 0);
    if (restored(alt) > restored(found)) {
      out.push(...alt);
      return Math.max(end, second.end);
    }
  }
  out.push(...found);
  return end;
}

/**
 * UTF-8 bytes shown as Latin-1 / Windows-1252 (`ä¸­æ–‡` for 中文): valid
 * three-byte sequences that decode to Chinese. Records candidates; returns
 * where the bytes end.
 */
function utf8AsLatin(text: string, i: number, out: LatinCandidate[]): number {
  let j = i;
  let start = -1;
  let decoded = '';
  let seqs = 0;
  let cp1252 = false;
  while (j + 2 < text.length) {
    const b0 = latinByte(text.charCodeAt(j));
    if (b0 < 0xe2 || b0 > 0xef) break;
    const b1 = latinByte(text.charCodeAt(j + 1));
    const b2 = latinByte(text.charCodeAt(j + 2));
    if (b1 < 0x80 || b1 > 0xbf || b2 < 0x80 || b2 > 0xbf) break;
    const cp = ((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
    if (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff) || !acceptable(cp)) break;
    if (start < 0) start = j;
    for (let k = j; k < j + 3; k++) if (isCp1252Special(text.charCodeAt(k))) cp1252 = true;
    decoded += String.fromCharCode(cp);
    seqs++;
    j += 3;
  }
  if (start >= 0 && decoded) {
    const jd = judge(decoded);
    const plain = jd.han > 0 && rareAllowed(jd);
    out.push({
      start,
      end: j,
      replacement: decoded,
      codec: 'UTF-8',
      // Two valid sequences in a row do not occur in real European text.
      strong: plain && seqs >= 2,
      plain,
      count: jd.count,
      cp1252,
      zone: -1,
    });
  }
  return j;
}

function judgeLatinPairs(text: string, pairs: Pair[]): LatinCandidate[] {
  if (pairs.length === 0) return [];
  const out: LatinCandidate[] = [];
  for (const codec of [gbk(), big5()]) {
    // Decode each pair; keep those that round-trip to acceptable characters.
    const cps = pairs.map((p) => {
      const cp = codec.decodePair(p.lead, p.trail);
      if (!cp || codec.encodeChar(cp) !== ((p.lead << 8) | p.trail) || !acceptable(cp)) return 0;
      return cp;
    });
    for (const [a, b] of subRuns(cps, false)) {
      const start = pairs[a]!.at;
      const end = pairs[b - 1]!.at + 2;
      const replacement = String.fromCharCode(...cps.slice(a, b));
      const j = judge(replacement);
      // Letters right outside the pairs: ASCII ones, or accented ones the pairs left over.
      const letterNear = isLetterAt(text, start - 1) || isLetterAt(text, end);
      // Inside a word: an accented word, not damage — unless all it gives is
      // CJK punctuation, which can only join strong neighbours (`¡¡AI`).
      // (Most often a tone mark inside a pinyin annotation: `xiàn`.)
      if (letterNear && j.count < 2 && j.han > 0) continue;
      const weird = latinWeirdness(text, start, end);
      // Two or more characters with anything odd, or one with a lot of it
      // (`µÄ` alone is weak: it joins only with neighbours, as in 2020Äê4ÔÂ).
      // Glued to a Latin word it needs more (`GDPÔö³¤`). Punctuation alone
      // (`¡£` for 。) and stretches with rare characters (a name) are weak.
      const plain = j.han > 0 && rareAllowed(j);
      const strong =
        plain &&
        (letterNear ? weird >= 2 : j.count >= 2 ? weird >= 1 : weird >= 2 && hasLatinLetter(text, start, end));
      if (!strong && letterNear && j.han > 0) continue;
      let cp1252 = false;
      for (let k = start; k < end; k++) if (isCp1252Special(text.charCodeAt(k))) cp1252 = true;
      out.push({ start, end, replacement, codec: codec.name as 'GBK' | 'Big5', strong, plain, count: j.count, cp1252, zone: -1 });
    }
  }
  return out;
}

function hasLatinLetter(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const c = latinClass(text.charCodeAt(k));
    if (c === L_UPPER || c === L_LOWER || c === L_CONTROL) return true;
  }
  return false;
}

// Classes of the characters Latin-1/Windows-1252 mojibake is made of.
const L_CONTROL = 1;
const L_QUOTE = 2; // punctuation that sits next to letters in real text
const L_SYMBOL = 3;
const L_UPPER = 4;
const L_LOWER = 5;
const QUOTES = new Set([...'‘’‚“”„«»‹›–—…•·¡¿\u00a0\u00ad'].map((c) => c.charCodeAt(0)));
const UPPER_EXTRA = new Set([0x160, 0x152, 0x17d, 0x178]); // Š Œ Ž Ÿ
const LOWER_EXTRA = new Set([0x161, 0x153, 0x17e]); // š œ ž

let latinClasses: Uint8Array | undefined;

function latinClass(c: number): number {
  if (c >= 0x2200) return 0;
  if (!latinClasses) {
    latinClasses = new Uint8Array(0x2200);
    for (let k = 0x80; k < 0x2200; k++) {
      let v = 0;
      if (k <= 0x9f) v = L_CONTROL;
      else if (QUOTES.has(k)) v = L_QUOTE;
      else if ((k >= 0xc0 && k <= 0xde && k !== 0xd7) || UPPER_EXTRA.has(k)) v = L_UPPER;
      else if ((k >= 0xdf && k <= 0xff && k !== 0xf7) || LOWER_EXTRA.has(k)) v = L_LOWER;
      else if (latinByte(k) >= 0x80) v = L_SYMBOL;
      latinClasses[k] = v;
    }
  }
  return latinClasses[c]!;
}

/**
 * How implausible a stretch is as real European text: control characters;
 * letters glued to symbols (`¹ú`, `Ð¹`); an accented capital glued to an
 * accented small letter or the reverse (`Äê`, `øÂ`); symbols glued together
 * (`×¢`); three or more accented letters in a row (`ÖÐÎÄ`). Real words put
 * accented letters between plain ones (café, Zürich, Ærøskøbing).
 */
function latinWeirdness(text: string, start: number, end: number): number {
  let weird = 0;
  let streak = 0;
  let prev = 0;
  for (let k = start; k < end; k++) {
    const cur = latinClass(text.charCodeAt(k));
    if (cur === L_CONTROL) weird += 2;
    if (cur === L_UPPER || cur === L_LOWER) {
      streak++;
      if (streak >= 3) weird++;
    } else streak = 0;
    if (prev && cur && prev !== L_QUOTE && cur !== L_QUOTE && prev !== L_CONTROL && cur !== L_CONTROL) {
      if (prev === L_SYMBOL || cur === L_SYMBOL) weird++;
      else if (prev !== cur) weird++; // upper–lower or lower–upper
    }
    prev = cur;
  }
  return weird;
}

/**
 * Chooses GBK or Big5 where both read a stretch, and lets weak stretches
 * (`ÔÂ` alone could be a name in capitals) in only next to strong ones.
 */
export function resolveLatin(text: string, all: LatinCandidate[]): Candidate[] {
  // Candidates grouped by zone (they are pushed zone by zone, in text order).
  const zones: LatinCandidate[][] = [];
  for (const c of all) {
    const z = zones[zones.length - 1];
    if (z && z[0]!.zone === c.zone) z.push(c);
    else zones.push([c]);
  }
  // Which codec the text's clear cases use.
  const weight = { GBK: 0, Big5: 0, 'UTF-8': 0 };
  for (const z of zones) {
    for (const c of z) {
      if (!c.strong) continue;
      const rival = z.some((o) => o !== c && o.codec !== c.codec && o.start < c.end && c.start < o.end && o.count >= c.count);
      if (!rival) weight[c.codec] += c.count;
    }
  }
  let preferred: LatinCandidate['codec'] = weight.Big5 > weight.GBK ? 'Big5' : 'GBK';
  if (weight.Big5 === weight.GBK) preferred = traditionalContext(text) ? 'Big5' : 'GBK';
  // Per zone keep a strong candidate over a weak one, then the one covering
  // most, then the one restoring most, the preferred codec on ties.
  const kept: LatinCandidate[] = [];
  for (const z of zones) {
    const sorted = [...z].sort(
      (a, b) =>
        Number(b.strong) - Number(a.strong) ||
        b.end - b.start - (a.end - a.start) ||
        b.count - a.count ||
        Number(b.codec === preferred) - Number(a.codec === preferred),
    );
    const mine: LatinCandidate[] = [];
    for (const c of sorted) if (!mine.some((o) => o.start < c.end && c.start < o.end)) mine.push(c);
    kept.push(...mine.sort((a, b) => a.start - b.start));
  }
  // Weak stretches join when a strong one of the same codec is close, with no letters between.
  const accepted = kept.map((c) => c.strong);
  const joins = (i: number, j: number) => {
    const o = kept[j];
    if (!o || !accepted[j] || o.codec !== kept[i]!.codec) return false;
    return near(text, j < i ? o : kept[i]!, j < i ? kept[i]! : o);
  };
  let changed = true;
  while (changed) {
    changed = false;
    for (let i = 0; i < kept.length; i++) if (!accepted[i] && joins(i, i - 1)) accepted[i] = changed = true;
    for (let i = kept.length - 1; i >= 0; i--) if (!accepted[i] && joins(i, i + 1)) accepted[i] = changed = true;
  }
  // A cluster of weak stretches (2020Äê4ÔÂ29ÈÕ) stands on its own when it has
  // three or more characters and something odd in it.
  for (let i = 0; i < kept.length; ) {
    let k = i;
    while (k + 1 < kept.length && near(text, kept[k]!, kept[k + 1]!) && kept[k + 1]!.codec === kept[i]!.codec) k++;
    const members = kept.slice(i, k + 1);
    const count = members.reduce((n, c) => n + c.count, 0);
    const weird = members.reduce((n, c) => n + latinWeirdness(text, c.start, c.end), 0);
    const plain = members.every((c) => c.plain) && members.some((c) => c.codec !== 'UTF-8');
    if (plain && members.length > 1 && count >= 3 && weird >= 1) for (let t = i; t <= k; t++) accepted[t] = true;
    i = k + 1;
  }
  const out: Candidate[] = [];
  kept.forEach((c, i) => {
    if (!accepted[i]) return;
    const shown = c.cp1252 ? 'Windows-1252' : 'Latin-1';
    out.push({
      start: c.start,
      end: c.end,
      replacement: c.replacement,
      reason: `${c.codec} bytes read as ${shown}, ${plural(c.count, 'character')} restored`,
      score: 10 * c.count + (c.strong ? 5 : 0),
      lost: [],
    });
  });
  return out;
}

/** Two stretches close together with no letters between (digits, spaces and punctuation only). */
function near(text: string, a: { end: number }, b: { start: number }): boolean {
  return b.start - a.end <= 8 && !/[A-Za-z]/.test(text.slice(a.end, b.start));
}

/** An ASCII letter or an accented Latin letter. */
function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (isAsciiLetter(c)) return true;
  const k = latinClass(c);
  return k === L_UPPER || k === L_LOWER;
}

/** True when the undamaged Han text around is more Traditional than Simplified. */
function traditionalContext(text: string): boolean {
  const g = gbk();
  const b = big5();
  let trad = 0;
  let simp = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isHanCode(c)) continue;
    const inBig5 = b.encodeChar(c) !== 0;
    const code = g.encodeChar(c);
    const inGb2312 = code >= 0xb0a1 && (code & 0xff) >= 0xa1;
    if (inBig5 && !inGb2312) trad++;
    else if (inGb2312 && !inBig5) simp++;
  }
  return trad > simp;
}
