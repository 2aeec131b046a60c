import type { GlossaryEntry } from './types.ts';

/** A glossary term found in a text. */
export interface GlossaryMatch {
  /** Offset in the text (UTF-16 code units). */
  offset: number;
  /** The text as matched (either script, main term or alias). */
  term: string;
  entry: GlossaryEntry;
}

/**
 * Longest-match lookup of glossary terms in either script. Every form (main
 * term and aliases, Simplified and Traditional) is indexed by its first
 * character, longest first, so 成渝地区双城经济圈 wins over 经济圈.
 */
export class GlossaryMatcher {
  private readonly byFirst = new Map<string, { form: string; entry: GlossaryEntry }[]>();
  private readonly byForm = new Map<string, GlossaryEntry>();

  constructor(readonly entries: readonly GlossaryEntry[]) {
    for (const entry of entries) {
      const forms = [entry.simplified, entry.traditional, ...(entry.aliases ?? []).flatMap((a) => [a.simplified, a.traditional])];
      for (const form of new Set(forms.flatMap(withTaiVariants))) {
        if (!form || this.byForm.has(form)) continue;
        this.byForm.set(form, entry);
        const first = form[0]!;
        let list = this.byFirst.get(first);
        if (!list) this.byFirst.set(first, (list = []));
        list.push({ form, entry });
      }
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.form.length - a.form.length);
  }

  /** The entry for an exact form (main term or alias, either script). */
  lookup(form: string): GlossaryEntry | undefined {
    return this.byForm.get(form);
  }

  /** Every term starting at an offset, longest first. */
  termsAt(text: string, offset: number): GlossaryMatch[] {
    const list = this.byFirst.get(text[offset]!);
    if (!list) return [];
    return list.filter(({ form }) => text.startsWith(form, offset)).map(({ form, entry }) => ({ offset, term: form, entry }));
  }

  /** The longest term starting at an offset, if any. */
  matchAt(text: string, offset: number): GlossaryMatch | undefined {
    const list = this.byFirst.get(text[offset]!);
    if (!list) return undefined;
    for (const { form, entry } of list) {
      if (form.length >= MIN_SCAN_LENGTH && text.startsWith(form, offset)) return { offset, term: form, entry };
    }
    return undefined;
  }

  /**
   * All terms in a text, left to right, longest first, not overlapping. Terms of
   * one character (区, 县) are only looked up, never scanned for: underlining
   * every 市 on a page would be noise.
   */
  findAll(text: string): GlossaryMatch[] {
    const found: GlossaryMatch[] = [];
    for (let i = 0; i < text.length; ) {
      const m = this.byFirst.has(text[i]!) ? this.matchAt(text, i) : undefined;
      if (m) { found.push(m); i += m.term.length; } else i++;
    }
    return found;
  }

  /** Like findAll, plus every shorter term inside each match (政协 inside 政协主席). */
  findAllNested(text: string): GlossaryMatch[] {
    const found: GlossaryMatch[] = [];
    for (const m of this.findAll(text)) {
      found.push(m);
      found.push(...this.partsOf(text, m));
    }
    return found;
  }

  /**
   * The term under an offset (for hover): the longest match, as the underlines
   * show it, and the shorter terms inside it that cover the offset.
   */
  matchCovering(text: string, offset: number, maxTermLength = 24): { main: GlossaryMatch; parts: GlossaryMatch[] } | undefined {
    const from = Math.max(0, offset - maxTermLength);
    for (const m of this.findAll(text.slice(from, offset + maxTermLength))) {
      const main = { ...m, offset: from + m.offset };
      if (main.offset <= offset && offset < main.offset + main.term.length) {
        return { main, parts: this.partsOf(text, main).filter((p) => p.offset <= offset && offset < p.offset + p.term.length) };
      }
    }
    return undefined;
  }

  private partsOf(text: string, m: GlossaryMatch): GlossaryMatch[] {
    const parts: GlossaryMatch[] = [];
    const end = m.offset + m.term.length;
    for (let i = m.offset; i < end; i++) {
      for (const p of this.termsAt(text, i)) {
        if (p.term.length < MIN_SCAN_LENGTH || p.offset + p.term.length > end || p.entry === m.entry) continue;
        if (!parts.some((q) => q.entry === p.entry)) parts.push(p);
      }
    }
    return parts;
  }
}

/** Shortest term found by scanning. */
const MIN_SCAN_LENGTH = 2;

/** A form and its 台/臺 twins: Taiwan writes both (台灣民眾黨, 臺北市政府), and so do Hong Kong pages. */
function withTaiVariants(form: string): string[] {
  return form.includes('台') || form.includes('臺') ? [form, form.replaceAll('臺', '台'), form.replaceAll('台', '臺')] : [form];
}
