/**
 * Damage paths 3–4: UTF-8 or Big5 bytes read as GBK (`銆傗€滄垜` → 。“我).
 * The gate (find-mojibake.ts) hands over runs of GBK-encodable characters
 * that hold rare or odd ones; each is re-encoded as GBK and read as UTF-8
 * and as Big5. Weak stretches are accepted only near strong ones.
 */
import { acceptable, judge, oddInText, plural, rareAllowed, subRuns, type Candidate, type LostSpan } from './judgments.ts';
import { big5, classOf, COMMON, gbk, KANA, ODD, RARE_HAN, SHARED } from './tables.ts';

/**
 * Whether the text reads as Japanese: a tenth of its wide characters are
 * hiragana (likely), or a quarter (surely). Asked only about runs that hold
 * hiragana, so an implementation may count the text when first asked.
 */
export interface Japanese {
  readonly likely: boolean;
  readonly surely: boolean;
}

/** A character GBK encodes in two bytes, or € (its single byte 0x80). */
function encodable(c: number): boolean {
  return c === 0x20ac || (c >= 0x80 && gbk().encodeChar(c) !== 0);
}

/**
 * Looks at the run of GBK-encodable characters around position i (which holds
 * a rare or odd character) for UTF-8 or Big5 bytes read as GBK. Returns the
 * run's end.
 */
export function scanGbkRun(text: string, i: number, floor: number, utf8Found: Graded[], big5Found: Graded[], japanese: Japanese): number {
  let s = i;
  while (s > floor && encodable(text.charCodeAt(s - 1))) s--;
  let e = i;
  while (e < text.length && encodable(text.charCodeAt(e))) e++;
  if (pinyinLettersOnly(text, s, e)) return e;
  // Both kinds of garbage are mostly rare and odd characters: a run of real
  // text with one rare character in it (a name) is not worth reading again.
  const cls = classOf();
  let bad = 0;
  let odd = 0;
  for (let k = s; k < e; k++) {
    const kc = cls[text.charCodeAt(k)]!;
    if (oddInText(kc) || text.charCodeAt(k) === 0x20ac) bad++;
    if (kc === ODD || kc === KANA) odd++;
  }
  const mark = text.charCodeAt(e) === 0x3f || text.charCodeAt(e) === 0xfffd;
  // On a Japanese page, kana are the language, not garbage: GBK encodes them, so
  // 計画を発表した would otherwise re-read as UTF-8 bytes.
  const hiragana = hasHiragana(text, s, e);
  const kanaAreText = hiragana && japanese.likely;
  if (!kanaAreText && (bad >= 2 || 4 * bad >= e - s || mark)) utf8AsGbk(text, s, e, utf8Found);
  if (odd > 0 && !(hiragana && japanese.surely)) big5AsGbk(text, s, e, big5Found);
  return e;
}

/**
 * True when a run is only letters of GBK's pinyin row (`ǎ` in a mirror's
 * `網(wǎng)`, on every mirror page): their bytes (0xA8 then 0xA1–0xC0) hold
 * no UTF-8 lead and Big5 reads nothing from Latin letters, so neither path
 * can find anything in it.
 */
function pinyinLettersOnly(text: string, s: number, e: number): boolean {
  const g = gbk();
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
    const code = c < 0x370 ? g.encodeChar(c) : 0;
    if (code >> 8 !== 0xa8 || (code & 0xff) > 0xc0) return false;
  }
  return true;
}

function utf8AsGbk(text: string, s: number, e: number, found: Graded[]): void {
  const g = gbk();
  const cls = classOf();
  // The run's bytes, and where each character's bytes start.
  const bytes: number[] = [];
  const charAt: number[] = []; // byte offset → text index of the character starting there, or −1
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
    charAt[bytes.length] = k;
    if (c === 0x20ac) bytes.push(0x80);
    else {
      const code = g.encodeChar(c);
      bytes.push(code >> 8, code & 0xff);
      charAt[bytes.length - 1] = -1;
    }
  }
  charAt[bytes.length] = e;
  const after = text.charCodeAt(e);
  const lostAfter = after === 0x3f || after === 0xfffd;
  let k = 0; // byte offset, always at a character start
  while (k < bytes.length) {
    let pos = k;
    let decoded = '';
    let seqs = 0;
    let best: { pos: number; decoded: string; seqs: number } | undefined;
    let partial = false;
    for (;;) {
      if (pos >= bytes.length) break;
      const b0 = bytes[pos]!;
      let cp = -1;
      let len = 0;
      if (b0 >= 0x20 && b0 < 0x7f) {
        cp = b0;
        len = 1;
      } else if (b0 >= 0xe2 && b0 <= 0xef) {
        if (pos + 3 > bytes.length) {
          // Cut off at the run's end: fine only if the rest is continuation bytes.
          partial = bytes.slice(pos + 1).every((x) => x >= 0x80 && x <= 0xbf);
          break;
        }
        const b1 = bytes[pos + 1]!;
        const b2 = bytes[pos + 2]!;
        if (b1 < 0x80 || b1 > 0xbf || b2 < 0x80 || b2 > 0xbf) break;
        cp = ((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
        if (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff) || !acceptable(cp)) break;
        len = 3;
        seqs++;
      } else if (b0 === 0xc2 && bytes[pos + 1] === 0xb7) {
        cp = 0xb7; // middle dot in names
        len = 2;
        seqs++;
      } else break;
      decoded += String.fromCharCode(cp);
      pos += len;
      const at = charAt[pos];
      if (at !== undefined && at >= 0) best = { pos, decoded, seqs };
    }
    let end = best;
    let lost: LostSpan[] = [];
    if (partial) {
      // The run ends inside a character whose last bytes are gone.
      if (lostAfter) {
        end = { pos: bytes.length, decoded, seqs: seqs + 1 };
        lost = [{ offset: e, length: 1 }];
      } else if (e === text.length) {
        end = { pos: bytes.length, decoded, seqs: seqs + 1 };
        lost = [{ offset: e, length: 0 }];
      }
    }
    if (end && end.seqs >= 1) {
      const start = charAt[k]!;
      const stop = charAt[end.pos]! >= 0 ? charAt[end.pos]! : e;
      const j = judge(end.decoded);
      let bad = 0;
      for (let t = start; t < stop; t++) {
        const c = text.charCodeAt(t);
        if (c === 0x20ac || oddInText(cls[c]!)) bad++;
      }
      const inputs = stop - start;
      const cjk = j.count - countAscii(end.decoded);
      // Garbage made of UTF-8 bytes is mostly rare characters; the longer the
      // valid UTF-8, the fewer are needed (a common one turns up by chance).
      const jumbled = bad >= 1 && (bad * 2 >= inputs || (end.seqs >= 4 && bad * 4 >= inputs));
      if ((cjk > 0 || lost.length) && (jumbled || bad > 0 || lost.length)) {
        // Two characters or more of valid UTF-8 are strong evidence; one, or
        // only the first bytes of a lost one (`鏈` before U+FFFD), or a
        // stretch with rare characters (a name), is weak.
        const strong = jumbled && rareAllowed(j) && end.seqs >= 2 && cjk >= 2 && (j.han >= 1 || cjk >= 3);
        const note = lost.length ? `; ${plural(1, 'character')} cut off and lost` : '';
        found.push({
          strong,
          candidate: {
            start,
            end: stop,
            replacement: end.decoded,
            reason:
              j.count > 0
                ? `UTF-8 bytes read as GBK, ${plural(j.count, 'character')} restored${note}`
                : 'UTF-8 bytes read as GBK: the first bytes of a character cut off and lost',
            score: 10 * j.count + 8,
            lost,
          },
        });
        k = end.pos;
        continue;
      }
    }
    // Next character start.
    k++;
    while (k < bytes.length && charAt[k] === -1) k++;
  }
}

function countAscii(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) < 0x80) n++;
  return n;
}

/** A repair judged alone: strong ones stand on their own, weak ones only near accepted ones of their kind. */
export interface Graded {
  candidate: Candidate;
  strong: boolean;
}

/** Accepts the strong stretches and the weak ones within 30 characters of an accepted one (chains too). */
export function resolveNearby(found: Graded[]): Candidate[] {
  const sorted = [...found].sort((a, b) => a.candidate.start - b.candidate.start);
  const accepted = sorted.map((f) => f.strong);
  let changed = true;
  while (changed) {
    changed = false;
    // Forward: distance to the last accepted one before; backward: to the next after.
    let lastEnd = -Infinity;
    for (let i = 0; i < sorted.length; i++) {
      const c = sorted[i]!.candidate;
      if (!accepted[i] && c.start - lastEnd <= 30) accepted[i] = changed = true;
      if (accepted[i]) lastEnd = Math.max(lastEnd, c.end);
    }
    let nextStart = Infinity;
    for (let i = sorted.length - 1; i >= 0; i--) {
      const c = sorted[i]!.candidate;
      if (!accepted[i] && nextStart - c.end <= 30) accepted[i] = changed = true;
      if (accepted[i]) nextStart = Math.min(nextStart, c.start);
    }
  }
  return sorted.filter((_, i) => accepted[i]).map((f) => f.candidate);
}

function big5AsGbk(text: string, s: number, e: number, found: Graded[]): void {
  const g = gbk();
  const b = big5();
  const cls = classOf();
  const cps: number[] = [];
  for (let k = s; k < e; k++) {
    const code = g.encodeChar(text.charCodeAt(k));
    const cp = code ? b.decodePair(code >> 8, code & 0xff) : 0;
    cps.push(cp && b.encodeChar(cp) === code && acceptable(cp) ? cp : 0);
  }
  for (const [a, z] of subRuns(cps)) {
    const n = z - a;
    const replacement = String.fromCharCode(...cps.slice(a, z));
    const j = judge(replacement);
    let bad = 0;
    let odd = 0;
    let kana = 0;
    let han = 0;
    let letters = 0;
    let scripts = 0;
    for (let k = s + a; k < s + z; k++) {
      const c = text.charCodeAt(k);
      // Accented Latin letters (GBK's pinyin row) and zhuyin (ㄅㄆㄇ, written on
      // Taiwan pages; GBK has a row of them) prove nothing.
      if (c < 0x370 || (c >= 0x3100 && c < 0x3130) || (c >= 0x31a0 && c < 0x31c0)) {
        letters++;
        continue;
      }
      if ((c >= 0x370 && c < 0x530) || (c >= 0x2500 && c < 0x2580)) scripts++;
      const kc = cls[c]!;
      if (kc === COMMON || kc === SHARED || kc === RARE_HAN) han++;
      if (kc === RARE_HAN || kc === SHARED || kc === ODD) bad++;
      if (kc === ODD) odd++;
      else if (kc === KANA) kana++;
    }
    // Big5 read as GBK is a jumble of Han with private-use, Greek, Cyrillic,
    // box-drawing and rare characters. Real Greek, Cyrillic or box-drawing
    // text is all of one kind; kana alone prove nothing (Japanese), and too
    // many mean Japanese.
    if (bad === 0 || 2 * kana > n || letters + scripts === n) continue;
    // One character repeated (炕炕炕… from a run of one private-use character) is no text either.
    if (/(.)\1\1\1/u.test(replacement)) continue;
    const strong = n >= 3 && j.han >= 2 && han >= 1 && odd + kana >= 1 && 5 * (bad + kana) >= 2 * n;
    found.push({
      strong,
      candidate: {
        start: s + a,
        end: s + z,
        replacement,
        reason: `Big5 bytes read as GBK, ${plural(j.count, 'character')} restored`,
        score: 10 * j.count,
        lost: [],
      },
    });
  }
}

function hasHiragana(text: string, s: number, e: number): boolean {
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
    if (c >= 0x3041 && c <= 0x309f) return true;
  }
  return false;
}
