/**
 * What the popover shows for a word: the word in both scripts; the glossary's
 * entry first when the word is a term (the reader's own terms before built-in
 * ones); each reading with its senses and measure words; a personal name as
 * surname and given name; the shorter words that start where it starts.
 * Built with DOM APIs and textContent only.
 */

/** One syllable, with its tone (1–4, 5 neutral, 0 not a syllable) for colouring. */
export interface ToneText { text: string; tone: number }

/** One reading of the word with its senses. */
export interface EntryReading {
  syllables: ToneText[];
  definitions: string[];
  /** Measure words, written "个 gè". */
  classifiers: string[];
}

/** The glossary's entry for the word. */
export interface EntryTerm {
  pinyin: string;
  english: string;
  category: string;
  explanation: { en?: string; zh?: string };
  /** "Former name until 2023; now 国家金融监督管理总局", "Facts as of 2024". */
  dates: string[];
}

export interface EntryContent {
  kind: 'entry';
  /** The word as the reader reads it, and its other script when it differs. */
  word: string;
  other?: string;
  readings: EntryReading[];
  terms: EntryTerm[];
  name?: { surname: ToneText[]; given: ToneText[]; surnameText: string; givenText: string };
  shorter: { word: string; pinyin: string; gloss: string }[];
  /** Localized labels. */
  labels: { name: string; surname: string; givenName: string; measureWords: string; alsoHere: string; glossary: string };
  /** A line of feedback after a key ("Copied", "Saved"). */
  status?: string;
  /** Show pinyin (off when the reader switched pinyin off). */
  showPinyin: boolean;
}

export const ENTRY_CSS = `
.readings { margin-top: 4px; }
.reading + .reading { margin-top: 6px; }
.senses { margin: 2px 0 0; padding-left: 18px; }
.senses li { margin: 0; }
.measure { font-size: 13px; color: #5f5b66; margin-top: 2px; }
.term { margin-top: 4px; }
.term + .readings { margin-top: 8px; padding-top: 6px; border-top: 1px solid #d9d4de; }
.label { font-size: 11px; text-transform: uppercase; letter-spacing: .04em; color: #5f5b66; }
.shorter { margin-top: 8px; padding-top: 6px; border-top: 1px solid #d9d4de; font-size: 13px; }
.status { margin-top: 6px; font-size: 12px; color: #2e6b3a; }
@media (prefers-color-scheme: dark) {
  .measure, .label { color: #b4adb9; }
  .term + .readings, .shorter { border-top-color: #49454f; }
  .status { color: #9bd6a5; }
}`;

function el(doc: Document, tag: string, className: string, text?: string): HTMLElement {
  const e = doc.createElement(tag);
  e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function syllables(doc: Document, className: string, list: ToneText[]): HTMLElement {
  const line = el(doc, 'div', className);
  list.forEach((s, i) => {
    if (i > 0 && (s.tone === 0 || list[i - 1]!.tone === 0)) line.append(doc.createTextNode(' '));
    line.append(el(doc, 'span', `tone-${s.tone || 5}`, s.text));
  });
  return line;
}

/** The popover's nodes for a word. */
export function renderEntry(doc: Document, c: EntryContent): Node[] {
  const head = el(doc, 'div', 'head', c.word);
  if (c.other) head.append(el(doc, 'span', 'alt', c.other));
  const nodes: Node[] = [head];
  if (c.name) {
    nodes.push(el(doc, 'div', 'category', c.labels.name));
    const line = el(doc, 'div', 'pinyin');
    line.append(el(doc, 'span', '', `${c.name.surnameText} `));
    for (const s of c.name.surname) line.append(el(doc, 'span', `tone-${s.tone || 5}`, s.text));
    line.append(el(doc, 'span', 'alt', `${c.labels.surname}  `), el(doc, 'span', '', ` ${c.name.givenText} `));
    for (const s of c.name.given) line.append(el(doc, 'span', `tone-${s.tone || 5}`, s.text));
    line.append(el(doc, 'span', 'alt', c.labels.givenName));
    nodes.push(line);
  }
  for (const t of c.terms) {
    const term = el(doc, 'div', 'term');
    term.append(el(doc, 'div', 'label', c.labels.glossary));
    if (c.showPinyin) term.append(el(doc, 'div', 'pinyin', t.pinyin));
    term.append(el(doc, 'div', 'english', t.english), el(doc, 'div', 'category', t.category));
    if (t.explanation.en) term.append(el(doc, 'div', 'explanation', t.explanation.en));
    if (t.explanation.zh) term.append(el(doc, 'div', 'explanation', t.explanation.zh));
    for (const d of t.dates) term.append(el(doc, 'div', 'category', d));
    nodes.push(term);
  }
  if (c.readings.length) {
    const readings = el(doc, 'div', 'readings');
    for (const r of c.readings) {
      const block = el(doc, 'div', 'reading');
      if (c.showPinyin) block.append(syllables(doc, 'pinyin', r.syllables));
      const senses = el(doc, 'ol', 'senses');
      for (const d of r.definitions) senses.append(el(doc, 'li', '', d));
      block.append(senses);
      if (r.classifiers.length) block.append(el(doc, 'div', 'measure', `${c.labels.measureWords}: ${r.classifiers.join(', ')}`));
      readings.append(block);
    }
    nodes.push(readings);
  }
  if (c.shorter.length) {
    const box = el(doc, 'div', 'shorter');
    box.append(el(doc, 'div', 'label', c.labels.alsoHere));
    for (const s of c.shorter) {
      const line = el(doc, 'div', 'part');
      line.append(el(doc, 'span', '', `${s.word} `), el(doc, 'span', 'pinyin-inline', c.showPinyin && s.pinyin ? `${s.pinyin} — ` : '— '), el(doc, 'span', '', s.gloss));
      box.append(line);
    }
    nodes.push(box);
  }
  if (c.status) nodes.push(el(doc, 'div', 'status', c.status));
  return nodes;
}
