/** One bracketed pinyin run right after a Han character: 網(wǎng), 的(de)(de), 會(huì ). */
export interface AnnotationCandidate {
  /** Offset of the first opening bracket. */
  offset: number;
  /** Length of the whole run of brackets. */
  length: number;
  /** The annotated character. */
  char: string;
  /** The syllables as written, one per bracket (shared between candidates: never changed). */
  syllables: readonly string[];
  /** True when the syllables carry tones (marks or numbers). */
  toned: boolean;
  /** A reading of the character but for its tone (績(jī)): accepted only as a mirror page's fixed annotation. */
  toneOff?: boolean;
}

const TONED = 1;
const TONE_OFF = 2;

/**
 * Annotation candidates in text order, held as parallel arrays instead of an
 * object each: a mirror page has one every ~14 characters, and on 3 M
 * characters their 230,000 objects, kept until repair ends, were copied by
 * every garbage collection.
 */
export class AnnotationList {
  length = 0;
  // Arrays of small integers, not typed arrays: most texts (a record, a page block) have a few
  // candidates, and typed arrays cost more to allocate and grow than they save there.
  readonly offsets: number[] = [];
  readonly lengths: number[] = [];
  /** TONED and TONE_OFF bits; read through toned() and toneOff(). */
  private readonly flags: number[] = [];
  /** The annotated characters (shared strings). */
  readonly chars: string[] = [];
  /** The syllables as written (shared lists: never changed). */
  readonly syllables: (readonly string[])[] = [];

  /** A list of the given candidates (tests). */
  static of(candidates: readonly AnnotationCandidate[]): AnnotationList {
    const list = new AnnotationList();
    for (const c of candidates) list.push(c.offset, c.length, c.char, c.syllables, c.toned, c.toneOff);
    return list;
  }

  /** Adds a candidate after the last one. */
  push(offset: number, length: number, char: string, syllables: readonly string[], toned: boolean, toneOff = false): void {
    this.offsets.push(offset);
    this.lengths.push(length);
    this.flags.push((toned ? TONED : 0) | (toneOff ? TONE_OFF : 0));
    this.chars.push(char);
    this.syllables.push(syllables);
    this.length++;
  }

  toned(k: number): boolean {
    return (this.flags[k]! & TONED) !== 0;
  }

  toneOff(k: number): boolean {
    return (this.flags[k]! & TONE_OFF) !== 0;
  }

  /** Candidate k as an object (tests, explanations). */
  at(k: number): AnnotationCandidate {
    const c: AnnotationCandidate = { offset: this.offsets[k]!, length: this.lengths[k]!, char: this.chars[k]!, syllables: this.syllables[k]!, toned: this.toned(k) };
    if (this.toneOff(k)) c.toneOff = true;
    return c;
  }

  /** Every candidate as an object. */
  toArray(): AnnotationCandidate[] {
    const out: AnnotationCandidate[] = [];
    for (let k = 0; k < this.length; k++) out.push(this.at(k));
    return out;
  }

  /** Adds every candidate of `other`, its offsets moved by `shift` (analyzing a text in pieces). */
  append(other: AnnotationList, shift: number): void {
    for (let k = 0; k < other.length; k++) {
      this.push(other.offsets[k]! + shift, other.lengths[k]!, other.chars[k]!, other.syllables[k]!, other.toned(k), other.toneOff(k));
    }
  }

}
