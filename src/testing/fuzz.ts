/**
 * Seeded generators of engine inputs, for the property tests
 * (src/core/property.test.ts) and the long fuzz run (scripts/fuzz-long.ts).
 *
 * Every random choice comes from seededRandom (src/damage/random.ts): one case
 * seed gives one input, on every machine, so a failing case is reproduced from
 * its seed alone: generate(caseSeed, mix) returns the same text again.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { pinyin } from 'pinyin-pro';
import { annotate, damage, mirrorConvert, type DamageOptions } from '../damage/mirror-damage.ts';
import { seededRandom } from '../damage/random.ts';

/** A seeded source of random choices. */
export class Rng {
  private readonly random: () => number;
  constructor(readonly seed: number) {
    this.random = seededRandom(seed);
  }
  /** A number in [0, 1). */
  next(): number {
    return this.random();
  }
  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.random() * n);
  }
  /** An integer in [lo, hi], both included. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  /** A 32-bit unsigned integer (a seed for a nested generator). */
  u32(): number {
    return Math.floor(this.random() * 4294967296) >>> 0;
  }
  chance(p: number): boolean {
    return this.random() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(items.length)]!;
  }
  /** Picks a key with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [k, w] of entries) {
      if (r < w) return k;
      r -= w;
    }
    return entries[entries.length - 1]![0];
  }
}

/**
 * Mixes a run seed, a stream name and a case index into one case seed
 * (FNV-1a over the parts, then murmur3's finaliser), so each property draws
 * its own independent stream and each case can be regenerated alone.
 */
export function mixSeed(...parts: readonly (number | string)[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const s = String(part);
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= 0xff; // separator, so ('ab', 'c') and ('a', 'bc') differ
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Parses a seed given on the command line or in ZHENGWEN_FUZZ_SEED (decimal or 0x hex, 0 … 2³²−1). */
export function parseSeed(text: string): number {
  const t = text.trim();
  const n = /^0x[0-9a-f]+$/i.test(t) ? Number.parseInt(t.slice(2), 16) : /^\d+$/.test(t) ? Number(t) : NaN;
  if (!Number.isSafeInteger(n) || n < 0 || n > 0xffffffff) throw new Error(`not a seed (an integer 0 … 4294967295): ${JSON.stringify(text)}`);
  return n;
}

// ---------------------------------------------------------------------------
// Samples

export interface Sample {
  /** Path under samples/, e.g. news/simplified-01.txt. */
  path: string;
  text: string;
}

const SAMPLES_DIR = new URL('../../samples/', import.meta.url);
let sampleCache: Sample[] | undefined;

/** Every sample text (news, learner, clean), in a fixed order. */
export function allSamples(): Sample[] {
  sampleCache ??= ['news', 'learner', 'clean'].flatMap((dir) =>
    readdirSync(new URL(`${dir}/`, SAMPLES_DIR))
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => ({ path: `${dir}/${f}`, text: readFileSync(new URL(`${dir}/${f}`, SAMPLES_DIR), 'utf8') })));
  return sampleCache;
}

/** The clean Simplified news articles, the generator's raw material. */
export function simplifiedNews(): Sample[] {
  return allSamples().filter((s) => s.path.startsWith('news/simplified-'));
}

const convertedCache = new Map<string, string>();

/** A Simplified sample converted the way a mirror converts it (the first half of damage()). */
function mirrorConverted(sample: Sample): string {
  let c = convertedCache.get(sample.path);
  if (c === undefined) {
    c = mirrorConvert(sample.text);
    convertedCache.set(sample.path, c);
  }
  return c;
}

let hanPool: string[] | undefined;

/** Han characters of the samples and of their mirror conversions (Simplified, Traditional and shared forms). */
function hanCharacters(): string[] {
  if (!hanPool) {
    const set = new Set<string>();
    for (const s of allSamples()) for (const ch of s.text) if (HAN.test(ch)) set.add(ch);
    for (const s of simplifiedNews()) for (const ch of mirrorConverted(s)) if (HAN.test(ch)) set.add(ch);
    hanPool = [...set].sort();
  }
  return hanPool;
}

const HAN = /\p{Script=Han}/u;

// ---------------------------------------------------------------------------
// Atoms of random Unicode

type Atom = (rng: Rng) => string;

const codePoint = (lo: number, hi: number): Atom => (rng) => String.fromCodePoint(rng.range(lo, hi));
/** Code units, so a surrogate comes out alone. */
const codeUnit = (lo: number, hi: number): Atom => (rng) => String.fromCharCode(rng.range(lo, hi));
const oneOf = (items: readonly string[]): Atom => (rng) => rng.pick(items);
const anyOf = (...atoms: Atom[]): Atom => (rng) => rng.pick(atoms)(rng);

const TONE_LETTERS = [...'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙǕǗǙǛŃŇǸḾüÜ'];
const PUNCTUATION = [...',，、。.;；:：!！?？'];
const BRACKETS = [...'()（）[]【】「」《》『』〈〉'];

/** Each palette is one class of characters; the ones marked han hold Han characters. */
export const PALETTES = {
  ascii: codePoint(0x20, 0x7e),
  control: anyOf(codeUnit(0x00, 0x1f), oneOf(['\u007f', '\u0000']), codeUnit(0x80, 0x9f)),
  whitespace: oneOf(['\t', '\n', '\r', '\r\n', ' ', '\u00a0', '\u3000', '\u2028', '\u2029', '\u000b', '\u000c', '\u0085', '\u1680', '\u2003', '\u202f', '\u205f']),
  latin: codePoint(0xc0, 0x24f),
  toneLetters: oneOf(TONE_LETTERS),
  combining: anyOf(codePoint(0x300, 0x36f), codePoint(0x1ab0, 0x1aff), codePoint(0x20d0, 0x20ff), oneOf(['\u030c', '\u0301', '\u0304', '\u0300'])),
  hanCommon: codePoint(0x4e00, 0x9fff),
  hanExtA: codePoint(0x3400, 0x4dbf),
  hanAstral: anyOf(codePoint(0x20000, 0x2a6df), codePoint(0x2a700, 0x2ebe0), oneOf(['𠀀', '𠮷', '𡈽', '𪚥', '𠵾', '𫢸'])),
  hanCompat: codePoint(0xf900, 0xfaff),
  hanSample: (rng: Rng) => rng.pick(hanCharacters()),
  radicals: codePoint(0x2e80, 0x2fdf),
  cjkSymbols: codePoint(0x3000, 0x303f),
  fullwidth: codePoint(0xff00, 0xffef),
  brackets: oneOf(BRACKETS),
  punctuation: oneOf(PUNCTUATION),
  digits: anyOf(codePoint(0x30, 0x39), codePoint(0xff10, 0xff19)),
  emoji: anyOf(codePoint(0x1f300, 0x1faff), oneOf(['👨‍👩‍👧', '🏳️‍🌈', '👍🏽', '🇨🇳', '🇹🇼', '1️⃣', '❤️', '☀️'])),
  astral: anyOf(codePoint(0x10000, 0x10ffff), oneOf(['\u{10ffff}', '\u{e0001}', '\u{e0041}', '\u{1d400}', '\u{f0000}'])),
  loneHigh: codeUnit(0xd800, 0xdbff),
  loneLow: codeUnit(0xdc00, 0xdfff),
  rtl: anyOf(codePoint(0x590, 0x5ff), codePoint(0x600, 0x6ff), codePoint(0x700, 0x74f), codePoint(0xfb50, 0xfdff)),
  zeroWidth: oneOf(['\u200b', '\u200c', '\u200d', '\ufeff', '\u2060', '\u180e', '\u00ad', '\u034f']),
  bidi: oneOf(['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c']),
  otherScripts: anyOf(codePoint(0x3040, 0x30ff), codePoint(0xac00, 0xd7a3), codePoint(0x3100, 0x312f), codePoint(0x0400, 0x04ff), codePoint(0x0e00, 0x0e7f), codePoint(0x0900, 0x097f)),
  specials: oneOf(['\ufffd', '\ufffe', '\uffff', '\ufff9', '\ufffa', '\ufffb', '\ufffc', '\ue000', '\uf8ff', '\u0000']),
  variation: anyOf(codePoint(0xfe00, 0xfe0f), codePoint(0xe0100, 0xe01ef)),
  annotation: (rng: Rng) => annotation(rng),
} satisfies Record<string, Atom>;

export type Palette = keyof typeof PALETTES;
const PALETTE_NAMES = Object.keys(PALETTES) as Palette[];
/** Palettes that can produce Han characters (U+3005 々, U+3007 〇 and U+3021… are Han too). */
const HAN_PALETTES = new Set<Palette>(['hanCommon', 'hanExtA', 'hanAstral', 'hanCompat', 'hanSample', 'radicals', 'cjkSymbols']);
const NON_HAN_PALETTES = PALETTE_NAMES.filter((p) => !HAN_PALETTES.has(p));

/** Random Unicode from a few palettes: a mostly coherent string (all RTL, all junk, …) with some strays. */
function unicodeFrom(rng: Rng, names: readonly Palette[], maxAtoms = 300): string {
  const chosen = Array.from({ length: rng.range(1, 4) }, () => rng.pick(names));
  const n = rng.chance(0.1) ? rng.range(0, 3) : rng.range(1, maxAtoms);
  let s = '';
  for (let i = 0; i < n; i++) s += PALETTES[rng.chance(0.9) ? rng.pick(chosen) : rng.pick(names)](rng);
  return s;
}

// ---------------------------------------------------------------------------
// Pinyin, annotations and soup

const SYLLABLES = ['wǎng', 'de', 'guó', 'huì', 'shuō', 'jīng', 'jì', 'zhōng', 'lǜ', 'nǚ', 'ér', 'a', 'ng', 'hm', 'n', 'm',
  'ê', 'xué', 'shēng', 'zhǎng', 'cháng', 'háng', 'xíng', 'le', 'liǎo', 'wang3', 'de5', 'guo2', 'lv4', 'nü3', 'zhuang', 'chuang'];

/** A syllable as a mirror or a lesson writes it: a real reading of `ch` when given, in any tone style. */
function syllable(rng: Rng, ch?: string): string {
  let s: string;
  if (ch !== undefined && rng.chance(0.75)) {
    const style = rng.pick(['symbol', 'num', 'none'] as const);
    const readings = pinyin(ch, { toneType: style, type: 'array', multiple: rng.chance(0.3) });
    s = readings.length ? rng.pick(readings) : rng.pick(SYLLABLES);
  } else if (rng.chance(0.7)) {
    s = rng.pick(SYLLABLES);
  } else {
    // Letter soup: maybe too long, maybe with a tone letter or a digit inside.
    s = '';
    for (let i = rng.range(0, 8); i > 0; i--) {
      s += rng.chance(0.8) ? String.fromCharCode(rng.range(0x61, 0x7a)) : rng.chance(0.5) ? rng.pick(TONE_LETTERS) : String(rng.range(0, 9));
    }
  }
  if (rng.chance(0.05)) s = s.toUpperCase();
  else if (rng.chance(0.05)) s = s.charAt(0).toUpperCase() + s.slice(1);
  if (rng.chance(0.03)) s = s.normalize('NFD'); // tone marks as combining characters
  if (rng.chance(0.03)) s = s.replace(/ü/g, 'v');
  return s;
}

/** A bracketed syllable: (wǎng), （wǎng）, (huì ), ( de ), (wǎng）, or broken ones. */
function annotation(rng: Rng, ch?: string): string {
  const full = rng.chance(0.25);
  let open = full ? '（' : '(';
  let close = full ? '）' : ')';
  if (rng.chance(0.05)) close = full ? ')' : '）';
  if (rng.chance(0.02)) open = '';
  if (rng.chance(0.02)) close = '';
  const before = rng.chance(0.05) ? ' ' : '';
  const after = rng.chance(0.1) ? ' ' : rng.chance(0.02) ? '  ' : '';
  return `${open}${before}${syllable(rng, ch)}${after}${close}`;
}

const SOUP_JUNK = ['()', '（）', '(', ')', '（', '）', '( )', '(1)', '(a)', '(de)', '(de)(de)', '((wǎng))', '(wǎng', 'wǎng)', '()()', '[wǎng]', '【wǎng】'];
const COMMA_RUNS = [',', '，', '、', '。', ',,', ',、', '，，', '，、', ',。', ',,,、', '，，，。', ',.', ',;', '，：', ',!', '，？', ', ,'];

/** Bracket, pinyin and comma soup around Han characters: 網(wǎng)(de)(de),,,、（）. */
function soup(rng: Rng): string {
  const target = rng.pick([rng.range(1, 12), rng.range(10, 80), rng.range(60, 400)]);
  const traditionalLean = rng.chance(0.5);
  let s = '';
  while (s.length < target) {
    const r = rng.next();
    if (r < 0.4) {
      const ch = traditionalLean && rng.chance(0.5) ? rng.pick(MIRROR_CHARACTERS) : PALETTES.hanSample(rng);
      s += ch;
      if (rng.chance(0.55)) {
        const a = annotation(rng, ch);
        s += rng.chance(0.15) ? a + a : a;
        if (rng.chance(0.05)) s += annotation(rng);
      }
    } else if (r < 0.55) s += rng.pick(SOUP_JUNK);
    else if (r < 0.75) s += rng.pick(COMMA_RUNS);
    else if (r < 0.82) s += rng.pick([' ', '\n', '\u3000', '\t']);
    else if (r < 0.9) s += annotation(rng);
    else if (r < 0.95) s += String.fromCharCode(rng.range(0x61, 0x7a)) + (rng.chance(0.3) ? String(rng.range(0, 9)) : '');
    else s += PALETTES[rng.pick(PALETTE_NAMES)](rng);
  }
  return s;
}

/** Traditional-only characters mirrors annotate (網 經 國 會 …). */
const MIRROR_CHARACTERS = [...'網經國會說這們來時對發問過點還學實現動產濟際種長開關頭區書記見話車東義為與從黨團長劃調員將當處專務轉達導議'];

// ---------------------------------------------------------------------------
// Slices, damage, runs and mutations

/** A slice length: mostly short, sometimes a paragraph or more. */
function sliceLength(rng: Rng): number {
  return rng.pick([rng.range(0, 10), rng.range(10, 80), rng.range(10, 80), rng.range(80, 400), rng.range(80, 400), rng.range(400, 1500)]);
}

/** A random slice, in code units (so it may cut a surrogate pair or an annotation in half). */
function slice(rng: Rng, text: string, length = sliceLength(rng)): string {
  if (length >= text.length) return text;
  const start = rng.int(text.length - length + 1);
  return text.slice(start, start + length);
}

/** Random damage options: every style, bracket width, comma and space rate. */
export function damageOptions(rng: Rng): DamageOptions {
  return {
    seed: rng.u32(),
    style: rng.pick(['marks', 'marks', 'toneless-doubled', 'numbers'] as const),
    tableShare: rng.pick([0.6, rng.next(), 1, 0.15]),
    commaRate: rng.pick([0.3, rng.next() * 0.8, 0, 1]),
    spaceRate: rng.chance(0.3) ? rng.next() * 0.5 : 0,
    fullWidth: rng.chance(0.25),
  };
}

/** A whole damaged news sample: damage(sample, random options). */
function damagedSample(rng: Rng): string {
  return damage(rng.pick(simplifiedNews()).text, damageOptions(rng));
}

/**
 * A damaged slice: either damage() applied to a slice of a sample (annotate
 * on the slice of its mirror conversion: damage() is exactly
 * annotate(mirrorConvert(text))), or a slice of a damaged sample, which can
 * cut through an annotation.
 */
function damagedSlice(rng: Rng): string {
  const sample = rng.pick(simplifiedNews());
  if (rng.chance(0.6)) return annotate(slice(rng, mirrorConverted(sample)), damageOptions(rng));
  return slice(rng, annotate(mirrorConverted(sample), damageOptions(rng)));
}

/** A clean sample or a slice of one: Simplified, Taiwan, Hong Kong, learner pages, academic text, mixed scripts. */
function cleanText(rng: Rng): string {
  const sample = rng.pick(allSamples()).text;
  return rng.chance(0.15) ? sample : slice(rng, sample);
}

const RUN_UNITS = ['(', ')', '（', '）', ',', '，', '、', '。', ',、', '，，', '?', '？', '網', '网', '的', '僤', '網(wǎng)', '網(wǎng)說',
  '的(de)(de)', '(wǎng)', '（wǎng）', 'a', ' ', '\n', '\u0000', '\ud800', '\udc00', '😀', '𠀀', '\u200b', '\u0301', '\u202e',
  '網,、', '并', '先后', 'wǎng', '()', '\ufffd'];

/** Long runs of one character or one short unit, sometimes after a Han character. */
function run(rng: Rng): string {
  const unit = rng.chance(0.8) ? rng.pick(RUN_UNITS) : PALETTES[rng.pick(PALETTE_NAMES)](rng);
  const n = rng.pick([rng.range(1, 10), rng.range(10, 300), rng.range(300, 3000)]);
  const prefix = rng.chance(0.3) ? rng.pick(MIRROR_CHARACTERS) : '';
  const suffix = rng.chance(0.2) ? rng.pick(COMMA_RUNS) : '';
  return prefix + unit.repeat(n) + suffix;
}

/** A damaged or clean text with a few random insertions, deletions, duplications and swaps. */
function mutated(rng: Rng): string {
  let s = rng.chance(0.6) ? damagedSlice(rng) : rng.chance(0.5) ? cleanText(rng) : soup(rng);
  for (let k = rng.range(1, 6); k > 0; k--) {
    const at = rng.int(s.length + 1);
    const r = rng.next();
    if (r < 0.45) {
      const insert = rng.chance(0.3) ? rng.pick([...COMMA_RUNS, ...SOUP_JUNK]) : PALETTES[rng.pick(PALETTE_NAMES)](rng);
      s = s.slice(0, at) + insert + s.slice(at);
    } else if (r < 0.65) {
      s = s.slice(0, at) + s.slice(at + rng.range(1, 8));
    } else if (r < 0.8) {
      const piece = s.slice(at, at + rng.range(1, 20));
      s = s.slice(0, at) + piece + piece + s.slice(at);
    } else if (r < 0.9) {
      s = s.replace(rng.pick([/\(/g, /\)/g, /（/g, /）/g, /,/g, /，/g]), rng.pick(['(', ')', '（', '）', ',', '，', '', ' ']));
    } else {
      // Break a surrogate pair or put a lone half next to an annotation.
      s = s.slice(0, at) + rng.pick(['\ud800', '\udfff', '\ud83d', '\ude00']) + s.slice(at);
    }
  }
  return s;
}

// ---------------------------------------------------------------------------
// Text without Han

const WORDS = ['the', 'news', 'report', 'city', 'wang', 'de', 'guo', 'Beijing', 'Zürich', 'naïve', 'café', 'de(de)', 'a,,b', 'x,、y',
  'pinyin', 'wǎng', '(wǎng)', 'Chóngqìng', 'Xi’an', 'e.g.', 'i.e.,', 'U.S.', '1,000', '3.14', 'OK!', 'why?', '—', '…'];

function english(rng: Rng): string {
  let s = '';
  for (let i = rng.range(1, 60); i > 0; i--) {
    s += rng.pick(WORDS);
    s += rng.chance(0.15) ? rng.pick([', ', '. ', ',, ', ',、', ' (', ') ', '; ', '\n']) : ' ';
  }
  return s;
}

const CODE = [
  'function f(a, b) { return a + b; }', 'const x = [1, 2, 3].map((n) => n * 2);', 'if (x) {\n\treturn y;\n}',
  'for (let i = 0; i < n; i++) s += ",,、";', 'printf("%s(%d),,\\n", s, n);', 'SELECT a, b FROM t WHERE c IN (1,,2);',
  'def wang(de): return (de)(de)', '#include <stdio.h>', 'x = re.sub(r"\\((\\w+)\\)", "", s)', '```ts\nlet a = 1;\n```',
];

function code(rng: Rng): string {
  return Array.from({ length: rng.range(1, 8) }, () => rng.pick(CODE)).join(rng.pick(['\n', '\r\n', ' ', '']));
}

function jsonValue(rng: Rng, depth: number): unknown {
  const r = rng.next();
  if (depth > 3 || r < 0.3) {
    return rng.pick([null, true, false, rng.range(-1000, 1000), rng.next() * 1e6, unicodeFrom(rng, NON_HAN_PALETTES, 12), rng.pick(WORDS)]);
  }
  if (r < 0.6) return Array.from({ length: rng.range(0, 5) }, () => jsonValue(rng, depth + 1));
  const o: Record<string, unknown> = {};
  for (let i = rng.range(0, 5); i > 0; i--) o[rng.chance(0.5) ? rng.pick(WORDS) : unicodeFrom(rng, NON_HAN_PALETTES, 6)] = jsonValue(rng, depth + 1);
  return o;
}

function json(rng: Rng): string {
  return JSON.stringify(jsonValue(rng, 0), null, rng.pick([undefined, 2, '\t']));
}

const TAGS = ['p', 'div', 'span', 'ruby', 'rt', 'rp', 'a', 'b', 'script', 'style', 'br'];

function html(rng: Rng): string {
  let s = rng.chance(0.3) ? '<!doctype html>' : '';
  for (let i = rng.range(1, 15); i > 0; i--) {
    const tag = rng.pick(TAGS);
    const attr = rng.chance(0.3) ? ` class="${rng.pick(WORDS)}" data-x='(wǎng),,'` : '';
    s += rng.chance(0.2) ? `<${tag}${attr}/>` : `<${tag}${attr}>${rng.chance(0.5) ? english(rng) : unicodeFrom(rng, NON_HAN_PALETTES, 20)}</${tag}>`;
    if (rng.chance(0.2)) s += rng.pick(['&amp;', '&lt;', '&#x7db2;', '&#32178;', '&nbsp;', '<!-- (de) -->', '<![CDATA[,,、]]>']);
  }
  return s;
}

function randomAscii(rng: Rng): string {
  let s = '';
  for (let i = rng.range(0, 400); i > 0; i--) s += String.fromCharCode(rng.range(0, 0x7f));
  return s;
}

/** Pinyin, brackets and commas without any Han character to attach to. */
function hanlessSoup(rng: Rng): string {
  let s = '';
  for (let i = rng.range(1, 80); i > 0; i--) {
    s += rng.pick([() => annotation(rng), () => rng.pick(COMMA_RUNS), () => rng.pick(SOUP_JUNK), () => syllable(rng), () => ' '])();
  }
  return s;
}

const HAN_GLOBAL = /\p{Script=Han}/gu;

/** Text without any Han character: English, code, JSON, HTML, random ASCII, random non-Han Unicode. */
function nonHan(rng: Rng): string {
  const kind = rng.weighted({ english: 2, code: 1, json: 2, html: 2, ascii: 2, unicode: 4, soup: 2, run: 1, mixed: 2 });
  let s: string;
  switch (kind) {
    case 'english': s = english(rng); break;
    case 'code': s = code(rng); break;
    case 'json': s = json(rng); break;
    case 'html': s = html(rng); break;
    case 'ascii': s = randomAscii(rng); break;
    case 'unicode': s = unicodeFrom(rng, NON_HAN_PALETTES); break;
    case 'soup': s = hanlessSoup(rng); break;
    case 'run': s = run(rng); break;
    case 'mixed': s = Array.from({ length: rng.range(2, 4) }, () => rng.pick([english, json, html, randomAscii, hanlessSoup])(rng)).join(''); break;
  }
  // Whatever a palette or a run let through, no Han character stays.
  return s.replace(HAN_GLOBAL, '');
}

// ---------------------------------------------------------------------------
// Kinds and mixes

export const GENERATORS = {
  /** A whole news sample through damage() with random seed and style. */
  damaged: damagedSample,
  'damaged-slice': damagedSlice,
  clean: cleanText,
  unicode: (rng: Rng) => unicodeFrom(rng, PALETTE_NAMES),
  soup,
  run,
  mutated,
  /** Two to four short pieces of other kinds, joined. */
  splice: (rng: Rng) => Array.from({ length: rng.range(2, 4) }, () =>
    rng.pick([damagedSlice, cleanText, soup, (r: Rng) => unicodeFrom(r, PALETTE_NAMES, 40), (r: Rng) => run(r).slice(0, 200)])(rng)).join(''),
  'non-han': nonHan,
} satisfies Record<string, (rng: Rng) => string>;

export type Kind = keyof typeof GENERATORS;

/** Weights of the kinds in each mix. Whole damaged samples are the slowest cases, so they are a small share. */
export const MIXES = {
  /** Everything the engine may meet, weighted towards news text. */
  engine: { damaged: 1, 'damaged-slice': 5, clean: 2, unicode: 1.5, soup: 3, run: 1, mutated: 3, splice: 2, 'non-han': 0.5 },
  /** Random Unicode and junk around damaged text. */
  unicode: { unicode: 5, mutated: 2, splice: 2, soup: 1, run: 1, 'non-han': 1 },
  /** Text without Han characters only. */
  'non-han': { 'non-han': 1 },
} satisfies Record<string, Partial<Record<Kind, number>>>;

export type Mix = keyof typeof MIXES;

export interface Generated {
  seed: number;
  kind: Kind;
  text: string;
}

/** The input of one case: the same seed and mix always give the same text. */
export function generate(seed: number, mix: Mix): Generated {
  const rng = new Rng(seed);
  const kind = rng.weighted(MIXES[mix] as Record<Kind, number>);
  return { seed, kind, text: GENERATORS[kind](rng) };
}

/** Random Han characters (U+4E00…U+9FFF), n code units. */
export function randomHan(seed: number, n: number): string {
  const rng = new Rng(seed);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(String.fromCharCode(0x4e00 + rng.int(0x9fff - 0x4e00 + 1)));
  return parts.join('');
}

/** One damaged news sample, chosen and damaged by the seed; the recipe says how to make it again. */
export function damagedUnit(seed: number): { text: string; recipe: string } {
  const rng = new Rng(seed);
  const sample = rng.pick(simplifiedNews());
  const options = damageOptions(rng);
  return { text: damage(sample.text, options), recipe: `damage(samples/${sample.path}, ${JSON.stringify(options)})` };
}

// ---------------------------------------------------------------------------
// Shrinking and showing inputs

export interface ShrinkBudget {
  /** Most predicate calls. */
  calls: number;
  /** Most milliseconds. */
  ms: number;
}

/**
 * Shrinks a failing input by deleting code points (never half a surrogate
 * pair: lone surrogates already in the input stay whole) while it still
 * fails: delta debugging, halves first, single code points last.
 */
export async function shrink(input: string, fails: (s: string) => Promise<boolean>, budget: ShrinkBudget = { calls: 4000, ms: 8000 }): Promise<{ text: string; calls: number }> {
  let units = [...input];
  const started = performance.now();
  let calls = 0;
  const spent = (): boolean => calls >= budget.calls || performance.now() - started > budget.ms;
  let chunks = 2;
  while (units.length > 0 && !spent()) {
    const size = Math.ceil(units.length / chunks);
    let removed = false;
    for (let start = 0; start < units.length && !spent(); start += size) {
      const candidate = [...units.slice(0, start), ...units.slice(start + size)];
      calls++;
      if (await fails(candidate.join(''))) {
        units = candidate;
        removed = true;
        start -= size; // the next chunk now starts here
      }
    }
    if (removed) chunks = Math.max(chunks - 1, 2);
    else if (size === 1) break;
    else chunks = Math.min(chunks * 2, units.length);
  }
  return { text: units.join(''), calls };
}

/** A JSON string literal of the text (lone surrogates as \\udXXX), cut in the middle when longer than max. */
export function showInput(text: string, max = 600): string {
  if (text.length <= max) return JSON.stringify(text);
  const half = Math.floor(max / 2);
  return `${JSON.stringify(text.slice(0, half))} + … ${text.length - 2 * half} code units … + ${JSON.stringify(text.slice(-half))}`;
}

// ---------------------------------------------------------------------------
// Big inputs (property 6), built and run in a worker thread

export interface BigInputSpec {
  name: string;
  /** How to make the input again. */
  recipe: string;
  /** The input is prefix + unit repeated, cut to length; or random Han from hanSeed. */
  prefix?: string;
  unit?: string;
  hanSeed?: number;
  length: number;
}

export interface BigInputStep {
  step: 'repair' | "fix(…, { to: 'cn' })";
  ms: number;
  edits?: number;
  error?: string;
}

export interface BigInputResult {
  name: string;
  length: number;
  steps: BigInputStep[];
  /** Set by the test when the input hung or killed the worker. */
  problem?: string;
}

/** What the worker posts: the input it starts on, then its result. */
export type BigInputMessage = { type: 'start'; name: string } | { type: 'done'; result: BigInputResult };

/**
 * The big inputs: the brief's five (a damaged sample repeated and random Han,
 * `big` million code units each; a damaged sample with no newline, 1 M code
 * units; 200,000 '('; 100,000 網(wǎng)), one run of 200,000 annotations after a
 * single character, and a run of 20,000 '?' (lost characters) after one.
 */
export function bigInputSpecs(seed: number, big: number, damaged: { text: string; recipe: string }): BigInputSpec[] {
  const specs: BigInputSpec[] = [
    { name: "200,000 '('", recipe: "'('.repeat(200000)", unit: '(', length: 200_000 },
    { name: '100,000 網(wǎng)', recipe: "'網(wǎng)'.repeat(100000)", unit: '網(wǎng)', length: 600_000 },
    { name: '網 followed by 200,000 (wǎng)', recipe: "'網' + '(wǎng)'.repeat(200000)", prefix: '網', unit: '(wǎng)', length: 1_200_001 },
    {
      name: 'a damaged sample without newlines, 1,000,000 code units',
      recipe: `${damaged.recipe} with every "\\n" removed, repeated and cut to 1,000,000 code units`,
      unit: damaged.text.replace(/\n/g, ''),
      length: 1_000_000,
    },
  ];
  if (big > 0) {
    const length = Math.round(big * 1_000_000);
    const shown = length.toLocaleString('en-US');
    specs.push(
      { name: `a damaged sample repeated to ${shown} code units`, recipe: `(${damaged.recipe} + "\\n") repeated and cut to ${shown} code units`, unit: `${damaged.text}\n`, length },
      { name: `random Han, ${shown} code units`, recipe: `randomHan(${mixSeed(seed, 'big-han')}, ${length}) in src/testing/fuzz.ts`, hanSeed: mixSeed(seed, 'big-han'), length },
    );
  }
  // Lost characters shown as '?' come in runs on real mojibake pages.
  specs.push({ name: "實 followed by 20,000 '?'", recipe: "'實' + '?'.repeat(20000)", prefix: '實', unit: '?', length: 20_001 });
  return specs;
}

/** Builds a big input from its spec. */
export function buildBigInput(spec: BigInputSpec): string {
  if (spec.hanSeed !== undefined) return randomHan(spec.hanSeed, spec.length);
  const unit = spec.unit ?? '';
  const body = spec.length - (spec.prefix ?? '').length;
  return ((spec.prefix ?? '') + unit.repeat(Math.ceil(body / unit.length))).slice(0, spec.length);
}

function errorText(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const frames = (e.stack ?? '').split('\n').filter((l) => l.trim().startsWith('at ')).slice(0, 4).map((l) => l.trim());
  return [`${e.name}: ${e.message}`, ...frames].join('\n');
}

/** The worker's body: runs repair and fix(…, { to: 'cn' }) on each big input and posts one result per input. */
export async function bigInputWorker(): Promise<void> {
  const { parentPort, workerData } = await import('node:worker_threads');
  const { repair } = await import('../core/repair.ts');
  const { fix } = await import('../core/fix.ts');
  for (const spec of (workerData as { specs: BigInputSpec[] }).specs) {
    parentPort!.postMessage({ type: 'start', name: spec.name } satisfies BigInputMessage);
    let text: string | undefined = buildBigInput(spec);
    const steps: BigInputStep[] = [];
    let started = performance.now();
    try {
      steps.push({ step: 'repair', ms: 0, edits: repair(text).edits.length });
    } catch (e) {
      steps.push({ step: 'repair', ms: 0, error: errorText(e) });
    }
    steps[0]!.ms = performance.now() - started;
    started = performance.now();
    try {
      steps.push({ step: "fix(…, { to: 'cn' })", ms: 0, edits: (await fix(text, { to: 'cn' })).edits.length });
    } catch (e) {
      steps.push({ step: "fix(…, { to: 'cn' })", ms: 0, error: errorText(e) });
    }
    steps[1]!.ms = performance.now() - started;
    const length = text.length;
    text = undefined;
    parentPort!.postMessage({ type: 'done', result: { name: spec.name, length, steps } } satisfies BigInputMessage);
  }
}
