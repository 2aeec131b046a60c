/**
 * Damage path 5: a GBK byte stream decoded one byte off (`??茖W` → ?科學),
 * including runs where a mirror's pinyin annotation survived inside and
 * names the character whose byte is missing (`當?shù)貏?chuàng)新` → 當地創(chuàng)新).
 * The gate (find-mojibake.ts) hands over each `?` or U+FFFD; the run after it
 * is read shifted by a byte until an ASCII byte realigns it. Lost characters
 * are reported, never guessed.
 */
import { readingsOf } from '../readings.ts';
import { parseSyllable, PINYIN_LETTERS, syllableMatches, type Syllable } from '../syllable.ts';
import { acceptable, judge, oddInText, plural, rareAllowed, type Candidate, type LostSpan } from './judgments.ts';
import { PINYIN_HINTS } from './pinyin-hints.ts';
import { classOf, gbk, scriptOf, SIMPLIFIED_ONLY, TRADITIONAL_ONLY } from './tables.ts';

let hintTable: Map<string, Set<string>> | undefined;

/** True when the syllable (toneless) is a reading of a Traditional-only character. */
function hasReading(ch: string, base: string): boolean {
  if (!hintTable) {
    hintTable = new Map();
    for (const group of PINYIN_HINTS.split('|')) {
      const [syl, chars] = group.split(':');
      for (const c of chars ?? '') {
        let set = hintTable.get(c);
        if (!set) hintTable.set(c, (set = new Set()));
        set.add(syl!);
      }
    }
  }
  return hintTable.get(ch)?.has(base) ?? false;
}

const SYLLABLE = `([${PINYIN_LETTERS}]{1,6}[1-5]?)`;
/** A whole annotation: (shù), （shù）, (huì ). */
const ANNOTATION = new RegExp(`[(（] ?${SYLLABLE} ?[)）]`, 'uy');
/** What is left of an annotation whose opening bracket the lost byte swallowed: shù). */
const ANNOTATION_TAIL = new RegExp(`[(（]? ?${SYLLABLE} ?[)）]`, 'uy');

function annotationAt(text: string, at: number, re: RegExp): { length: number; base: string; syllable: Syllable } | undefined {
  re.lastIndex = at;
  const m = re.exec(text);
  if (!m) return undefined;
  const syl = parseSyllable(m[1]!);
  return syl ? { length: m[0].length, base: syl.base, syllable: syl } : undefined;
}

/** One way a one-byte-off run can end. */
interface RunEnd {
  /** Input index where the edit ends (exclusive). */
  end: number;
  out: string;
  /**
   * 'trail': an ASCII byte realigned the stream; 'swallow': the last pair ate
   * an ASCII byte of the text and realigned it; 'lost': a `?` or U+FFFD at
   * `end` ate a byte; 'cut': the run stops mid-character.
   */
  kind: 'trail' | 'swallow' | 'lost' | 'cut';
  hint: boolean;
  bad: number;
  /** Input characters read as shifted bytes. */
  tokens: number;
  /** For 'trail': the realigning ASCII character sits right before a CJK character. */
  glued?: boolean;
  /** The run ends with the "(" of an annotation that a `?` had swallowed (out ends with it). */
  bracket?: boolean;
}

// ASCII punctuation that may be a full-width form after NFKC.
const FULLWIDTH_OK = /[!-/:-?]/;
// ASCII symbols a trail byte in 0x40–0x7E can come out as.
const SYMBOL_TRAIL = /[@[\\\]^_`{|}~]/;

/**
 * Reads the run after position q as GBK bytes shifted by one, with `carry`
 * the byte before it (−1 when lost). Returns every place it could end.
 */
/** Longest stretch read as one shifted run (a paragraph of damage is far shorter). */
const MAX_SHIFTED_RUN = 400;

function readShifted(text: string, q: number, carry: number, foreign: number): RunEnd[] {
  const g = gbk();
  const cls = classOf();
  const ends: RunEnd[] = [];
  let pending = carry;
  let out = '';
  let bad = 0;
  let hint = false;
  let tokens = 0;
  let j = q;
  // A shifted run is read at most this far: every ASCII character offers a possible end, and
  // on 200,000 question marks the list of ends (each with its text) ran out of memory.
  const limit = Math.min(text.length, q + MAX_SHIFTED_RUN);
  // Adds the character made of the pending byte and `next`; false when it is no good.
  const push = (next: number): boolean => {
    if (pending < 0) {
      pending = -2; // the first character is lost with its lead byte
      return true;
    }
    const cp = g.decodePair(pending, next);
    if (!cp || !acceptable(cp)) return false;
    out += String.fromCharCode(cp);
    return true;
  };
  while (j < limit) {
    const c = text.charCodeAt(j);
    if (c >= 0x80) {
      const code = c === 0xfffd ? 0 : g.encodeChar(c);
      // The browser's form of the `?` below: U+FFFD for the trail byte, the annotation's "(" kept.
      const named = c === 0xfffd && pending >= 0 ? namedByTail(text, j + 1, pending, true) : undefined;
      if (named) {
        ends.push({ end: j + 1, out: out + named, kind: 'trail', hint: true, bad, tokens: tokens + 1 });
        break;
      }
      if (!code) {
        if (c === 0xfffd && pending !== carry) ends.push({ end: j, out, kind: 'lost', hint, bad, tokens });
        else ends.push({ end: j, out, kind: 'cut', hint, bad, tokens });
        break;
      }
      if (!push(code >> 8)) break;
      tokens++;
      if ((code & 0xff) < 0x80) {
        // This pair swallowed an ASCII byte of the real text (`躉` for 市A):
        // its lead completed the last character, and the stream is realigned.
        const k = cls[c]!;
        ends.push({
          end: j + 1,
          out: out + String.fromCharCode(code & 0xff),
          kind: 'swallow',
          hint,
          bad: bad + (oddInText(k) ? 1 : 0),
          tokens,
        });
        break;
      }
      pending = code & 0xff;
      const k = cls[c]!;
      // Odd characters, and characters of the other script than the text around.
      if (oddInText(k) || (foreign && scriptOf()[c] === foreign)) bad++;
      j++;
      // A mirror's annotation of this garbage character (it saw the same shifted text).
      const a = annotationAt(text, j, ANNOTATION);
      if (a && hasReading(String.fromCharCode(c), a.base)) {
        hint = true;
        j += a.length;
      }
      continue;
    }
    if (c === 0x3f && pending >= 0) {
      // `當?shù)貏?chuàng)新`: the `?` is the trail byte of a character and the "(" of
      // the annotation after it, read as one bad pair. The annotation names that
      // character: it ends the run, and its "(" realigns the stream.
      const named = namedByTail(text, j + 1, pending, false);
      if (named) {
        ends.push({ end: j + 1, out: out + named + '(', kind: 'trail', hint: true, bad, tokens: tokens + 1, bracket: true });
        break;
      }
    }
    if (c === 0x3f) {
      // A lost trail byte, or a full-width ？ folded to ASCII.
      if (pending !== carry || carry >= 0) ends.push({ end: j, out, kind: 'lost', hint, bad, tokens });
      if (!push(0xa3)) break;
      pending = 0xbf;
      tokens++;
      j++;
      continue;
    }
    if (c >= 0x40 && c <= 0x7e && pending >= 0) {
      // An ASCII byte that was the trail of the last character: the stream is realigned.
      const before = out;
      if (!push(c)) break;
      const last = out.slice(before.length);
      const a = annotationAt(text, j + 1, ANNOTATION);
      const confirmed = a !== undefined && last !== '' && hasReading(last, a.base);
      // A lone ASCII symbol glued into Chinese text (`盼^六`) is itself a sign of damage.
      const glued = text.charCodeAt(j + 1) >= 0x2e80;
      const symbol = glued && SYMBOL_TRAIL.test(text[j]!);
      ends.push({ end: j + 1, out, kind: 'trail', hint: hint || confirmed, bad: bad + (symbol ? 1 : 0), tokens, glued });
      break;
    }
    if (FULLWIDTH_OK.test(text[j]!)) {
      // Either the run ends here, or this was a full-width form folded to ASCII.
      ends.push({ end: j, out, kind: 'cut', hint, bad, tokens });
      if (!push(0xa3)) break;
      pending = c + 0x80;
      tokens++;
      j++;
      continue;
    }
    ends.push({ end: j, out, kind: 'cut', hint, bad, tokens });
    break;
  }
  if (j >= text.length) ends.push({ end: j, out, kind: 'cut', hint, bad, tokens });
  return ends;
}

/**
 * The one character, lead byte `lead` and any trail byte, that has the
 * reading of the annotation at `at`; undefined when none or several do.
 * `whole`: the annotation keeps its "(" (after U+FFFD); otherwise only its
 * tail (`chuàng)`), whose "(" the `?` swallowed.
 */
function namedByTail(text: string, at: number, lead: number, whole: boolean): string | undefined {
  const open = text.charCodeAt(at);
  if ((open === 0x28 || open === 0xff08) !== whole) return undefined;
  const tail = annotationAt(text, at, whole ? ANNOTATION : ANNOTATION_TAIL);
  if (!tail) return undefined;
  const g = gbk();
  const named: string[] = [];
  // The byte read with "(" as a bad pair was a lead byte in that reading: 0x81 or above.
  for (let b = 0x81; b <= 0xfe; b++) {
    const x = g.decodePair(lead, b);
    if (x && acceptable(x) && hasReading(String.fromCharCode(x), tail.base)) named.push(String.fromCharCode(x));
  }
  if (named.length === 1) return named[0];
  // Several share the letters (實 shí, 屍 shī): the written tone may single one out.
  if (tail.syllable.tone === 0) return undefined;
  const toned = named.filter((ch) => readingsOf(ch).some((r) => syllableMatches(tail.syllable, r)));
  return toned.length === 1 ? toned[0] : undefined;
}

/** Picks the best acceptable end: a realigning byte first, then the longest. */
function bestEnd(text: string, ends: RunEnd[], start: number, needBad: boolean, foreign = 0): RunEnd | undefined {
  const ok = ends.filter((r) => {
    if (r.end <= start) return false;
    const endsInFffd = r.kind === 'lost' && text.charCodeAt(r.end) === 0xfffd;
    // `?X\uFFFD`: one garbage character between two loss marks holds only bytes
    // of the two lost characters; it goes, and both marks stay.
    if (r.out === '') return needBad && endsInFffd && r.tokens === 1 && r.end === start + 1;
    const j = judge(r.kind === 'swallow' ? r.out.slice(0, -1) : r.out);
    // A repair in the other script than the text around is as odd as a rare character.
    if (foreign) for (let i = 0; i < r.out.length; i++) if (scriptOf()[r.out.charCodeAt(i)] === foreign) j.rare++;
    if (j.han === 0 || !rareAllowed(j)) return false;
    if (r.hint) return true;
    if (!needBad) return j.count >= 1;
    // The swallow reading fits any Traditional text (a third of its GBK codes
    // end in an ASCII byte): it needs a longer run.
    if (r.kind === 'swallow') return j.count >= 3 && r.bad >= Math.max(2, Math.ceil(j.count * 0.4));
    // Bytes read one off make a jumble: about half rare characters, kana and
    // symbols. Real text after a question mark is almost all common: demand a
    // share of odd characters (fewer once the run is long: eight common
    // characters in a row do not come out of real text by chance), and more
    // restored characters when no ASCII byte realigned the stream.
    const share = (f: number) => r.bad >= (j.count >= 8 ? 2 : Math.max(1, Math.ceil(j.count * f)));
    // One character, realigned by an ASCII letter stuck into Chinese text
    // (`?磿r開放` for ?時開放), when what stood between was odd.
    if (r.kind === 'trail') return j.count >= 2 ? share(0.25) : r.bad >= 1 && r.glued === true;
    // Ending in U+FFFD, a decoder's own error mark, the run needs less.
    if (endsInFffd) return r.tokens >= 2 && (j.count >= 5 ? r.bad >= 1 : share(0.25));
    return j.count >= 3 && share(0.4);
  });
  const rank = (r: RunEnd) => (r.kind === 'trail' || r.kind === 'swallow' ? 2 : r.kind === 'lost' ? 1 : 0);
  ok.sort((a, b) => rank(b) - rank(a) || b.out.length - a.out.length);
  return ok[0];
}

export function oneByteOff(text: string, p: number, out: Candidate[]): void {
  // Quick exit: a shifted run starts with a non-ASCII character, a `?` or
  // punctuation folded from full width; an annotation tail needs a Chinese
  // character before the mark.
  const next = text.charCodeAt(p + 1);
  const prev = text.charCodeAt(p - 1);
  if (!(next >= 0x80 || next === 0x3f || FULLWIDTH_OK.test(text[p + 1] ?? '') || (prev >= 0x80 && next < 0x80))) return;
  const g = gbk();
  // (B) `當?shù)氐…`: a byte and the annotation's "(" were read as one bad pair.
  // The annotation names the character the pair made in the mirror's shifted
  // view, which pins the lost byte; nothing is lost.
  const prevCode = prev >= 0x80 ? g.encodeChar(prev) : 0;
  const tail = prevCode ? annotationAt(text, p + 1, ANNOTATION_TAIL) : undefined;
  if (tail) {
    const q = p + 1 + tail.length;
    const found: { carry: number; end: RunEnd }[] = [];
    for (let b = 0x81; b <= 0xfe; b++) {
      const x = g.decodePair(prevCode & 0xff, b);
      if (!x || !hasReading(String.fromCharCode(x), tail.base)) continue;
      const r = bestEnd(
        text,
        readShifted(text, q, b, 0).map((e) => ({ ...e, hint: true })),
        q,
        false,
      );
      if (r) found.push({ carry: b, end: r });
    }
    // Several characters share the letters (隕 yǔn, 殞 yǔn, 鄖 yún …): the written tone may single one out.
    if (found.length > 1 && tail.syllable.tone !== 0) {
      const toned = found.filter((f) => readingsOf(String.fromCharCode(g.decodePair(prevCode & 0xff, f.carry))).some((r) => syllableMatches(tail.syllable, r)));
      if (toned.length > 0) found.splice(0, found.length, ...toned);
    }
    if (found.length === 1 || (found.length > 1 && found.every((f) => f.end.out === found[0]!.end.out))) {
      const r = found[0]!.end;
      const lost = endLoss(r);
      const named = String.fromCharCode(g.decodePair(prevCode & 0xff, found[0]!.carry));
      out.push({
        start: p,
        end: r.end,
        replacement: r.out,
        reason:
          `GBK text decoded one byte off, ${restored(r)} restored` +
          ` (the pinyin "${text.slice(p + 1, q).replace(/^[(（]/, '').replace(/[)）]$/, '').trim()}" of ${named} placed the missing byte)` +
          lossNote(lost),
        score: 10 * r.out.length + 20,
        lost,
      });
      return;
    }
  }
  // (A) `??茖W`: the `?` ate the lead byte of a character; what follows is
  // read one byte off until an ASCII byte realigns it.
  const foreign = foreignScript(text, p);
  const r = bestEnd(text, readShifted(text, p + 1, -1, foreign), p + 1, true, foreign);
  if (!r) return;
  const lost = [{ offset: p, length: 1 }, ...endLoss(r)];
  out.push({
    start: p + 1,
    end: r.end,
    replacement: r.out,
    reason:
      `GBK text decoded one byte off, ${restored(r)} restored` +
      `; the character before them is lost` +
      lossNote(lost.slice(1)),
    // Anchored on the `?` that ate a byte: stronger evidence than a run read alone.
    score: 10 * r.out.length + 12 + (r.hint ? 10 : 0) + (r.kind === 'trail' || r.kind === 'swallow' ? 5 : 0),
    lost,
  });
}

/**
 * The script that is foreign around position p: Traditional-only characters
 * in Simplified text, or the reverse. 0 when the text around does not say.
 */
function foreignScript(text: string, p: number): number {
  const sc = scriptOf();
  let simp = 0;
  let trad = 0;
  for (let i = Math.max(0, p - 80); i < Math.min(text.length, p + 80); i++) {
    const k = sc[text.charCodeAt(i)]!;
    if (k === SIMPLIFIED_ONLY) simp++;
    else if (k === TRADITIONAL_ONLY) trad++;
  }
  if (trad >= 3 && trad >= 3 * simp) return SIMPLIFIED_ONLY;
  if (simp >= 3 && simp >= 3 * trad) return TRADITIONAL_ONLY;
  return 0;
}

/** "3 characters", or "2 characters and the ( of an annotation" when a `?` had swallowed one. */
function restored(r: RunEnd): string {
  return r.bracket ? `${plural(r.out.length - 1, 'character')} and the "(" of an annotation` : plural(r.out.length, 'character');
}

function endLoss(r: RunEnd): LostSpan[] {
  if (r.kind === 'lost') return [{ offset: r.end, length: 1 }];
  if (r.kind === 'cut') return [{ offset: r.end, length: 0 }];
  return [];
}

function lossNote(lost: LostSpan[]): string {
  return lost.length ? '; the character after them is lost' : '';
}
