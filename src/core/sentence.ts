/**
 * Sentences of Chinese text: split after 。！？；(and their Western forms),
 * with closing quotes and brackets kept, and at line breaks. Used for the
 * example sentence of `zhengwen vocab` and the sentence a saved word keeps.
 */

const SENTENCE = /[^。！？!?；;\n]*(?:[。！？!?；;]+[”’」』）)]*|\n|$)/gu;

/** The sentences of a text, trimmed, empty ones left out. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(SENTENCE)) {
    const s = m[0].trim();
    if (s) out.push(s);
  }
  return out;
}

/** The sentence containing text[offset], trimmed ('' when the offset is outside the text). */
export function sentenceAt(text: string, offset: number): string {
  if (offset < 0 || offset >= text.length) return '';
  for (const m of text.matchAll(SENTENCE)) {
    if (m.index + m[0].length > offset) return m[0].trim();
    if (m[0] === '') break;
  }
  return '';
}
