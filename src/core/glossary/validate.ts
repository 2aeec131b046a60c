/**
 * Validator for the political-vocabulary glossary (data/glossary/*.json).
 *
 * validateGlossary is pure: it takes parsed entries and returns a list of
 * human-readable problems (empty = valid). loadGlossaryFiles is the only part
 * that touches the file system.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Converter } from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import { GLOSSARY_CATEGORIES } from './types.ts';

type ConvertFn = (text: string) => string;

let toTraditional: ConvertFn | undefined;
let toSimplified: ConvertFn | undefined;

/** Simplified → Taiwan Traditional (built on first use; the dictionaries are large). */
function cn2tw(text: string): string {
  toTraditional ??= Converter({ from: 'cn', to: 'tw' });
  return toTraditional(text);
}

/** Taiwan Traditional → Simplified (built on first use). */
function tw2cn(text: string): string {
  toSimplified ??= Converter({ from: 'tw', to: 'cn' });
  return toSimplified(text);
}

let toHongKong: ConvertFn | undefined;
let fromHongKong: ConvertFn | undefined;

/** Simplified → Hong Kong Traditional (built on first use). */
function cn2hk(text: string): string {
  toHongKong ??= Converter({ from: 'cn', to: 'hk' });
  return toHongKong(text);
}

/** Hong Kong Traditional → Simplified (built on first use). */
function hk2cn(text: string): string {
  fromHongKong ??= Converter({ from: 'hk', to: 'cn' });
  return fromHongKong(text);
}

/** The Traditional standard an entry's forms are written in: Taiwan's, or Hong Kong's for hk and mo entries. */
type Standard = 'tw' | 'hk';

const CONVERTERS: Readonly<Record<Standard, { to: ConvertFn; back: ConvertFn; name: string }>> = {
  tw: { to: cn2tw, back: tw2cn, name: 'Taiwan' },
  hk: { to: cn2hk, back: hk2cn, name: 'Hong Kong' },
};

/** One of OpenCC's known wrong outputs (data/glossary-checks/opencc-wrong.json). */
export interface OpenccWrong {
  /** The wrong Traditional text OpenCC produces. */
  wrong: string;
  /** What it should be. */
  right: string;
  /** Why OpenCC gets it wrong. */
  reason: string;
  /** A Simplified text OpenCC converts to the wrong form. */
  example: string;
}

/** Readings of a word in a dictionary (numbered pinyin such as "yin2 hang2"), or undefined when it is not a headword. */
export type ReadingsOf = (word: string) => readonly string[] | undefined;

/**
 * A dictionary word inside a term that the term does not read as that word
 * (data/glossary-checks/reading-exceptions.json): 两重 in the slogan is
 * liǎngzhòng (two "major" tasks), not the word 两重 liǎngchóng "twofold".
 */
export interface ReadingException {
  /** The term (Simplified main term or alias). */
  term: string;
  /** The dictionary word inside it whose reading does not apply. */
  word: string;
  /** Why the term reads it otherwise. */
  reason: string;
}

/** Options of validateGlossary. */
export interface ValidateOptions {
  /** OpenCC's known wrong outputs: a Traditional form containing one is rejected. */
  openccWrong?: readonly OpenccWrong[];
  /** A word dictionary: the pinyin of a term (or a word inside it) must be one of the word's own readings. */
  readingsOf?: ReadingsOf;
  /** Words inside terms that the dictionary check leaves alone, each with its reason. */
  readingExceptions?: readonly ReadingException[];
}

const ENTRY_FIELDS = new Set([
  'simplified',
  'traditional',
  'pinyin',
  'english',
  'englishAliases',
  'category',
  'aliases',
  'explanation',
  'seeAlso',
  'asOf',
  'former',
  'everyday',
  'region',
]);
const FORMER_FIELDS = new Set(['replacedBy', 'until']);
const REGIONS: Readonly<Record<string, Standard>> = { tw: 'tw', hk: 'hk', mo: 'hk' };

/** "YYYY" or "YYYY-MM" from 1900 on. */
const DATE = /^(19|20)\d\d(-(0[1-9]|1[0-2]))?$/u;
/** Words that date a fact ("now", 目前) and so need asOf; 现在 inside 体现在, 实现在 … is not one. */
const UNDATED_EN = /\b(now|currently|at present|presently|today|nowadays)\b/iu;
const UNDATED_ZH = /目前|(?<![体表实出呈显展发])现在|当前|如今|现今|现任|迄今/u;
/** A count of things that changes over time ("there are 19", "2,000 members", 共有19个): it needs asOf too. */
const NUMBER_EN = String.raw`(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen|dozens of|hundreds of)`;
const COUNT_EN = new RegExp(
  // Not a threshold in a rule ("wherever there are at least three members", "fewer than 100 members").
  String.raw`(?<!where )\bthere (?:are|is|were|have been) (?:about |around |roughly |nearly |close to |more than |over |some )?${NUMBER_EN}\b(?! or more)` +
    String.raw`|(?<!fewer than |less than |least |[\d,.])\b${NUMBER_EN}(?: million| thousand)? (?:members|deputies|delegations|sectors|seats)\b`,
  'iu',
);
const COUNT_ZH = /(?:共有|共设|共计|总数|现有|现存|全国有|全国约有|全国共有|已有)[^。；，]*?[0-9一二三四五六七八九十百千万两]+/u;
const ALIAS_FIELDS = new Set(['simplified', 'traditional', 'pinyin']);
const EXPLANATION_FIELDS = new Set(['en', 'zh']);
const CATEGORY_IDS: ReadonlySet<string> = new Set(GLOSSARY_CATEGORIES);

const HAN = /\p{Script=Han}/u;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** Lower-cased NFC pinyin without spaces, apostrophes (ASCII or typographic) and hyphens. */
export function normalizePinyin(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/[\s'’‘\-‐–]/gu, '');
}

/**
 * The readings a character may have: every reading pinyin-pro lists for it,
 * plus the reading pinyin-pro gives it in the context of the whole term
 * (which is how neutral tones such as 脖子 bózi are accepted), plus, given a
 * word dictionary, the neutral tone it has in a word of the term (班子
 * bānzi). Non-Han characters (digits, Latin letters) stand for themselves.
 */
function charReadings(term: string, readingsOfWord?: ReadingsOf): string[][] {
  const chars = Array.from(term);
  const inContext = pinyin(term, { type: 'array', toneSandhi: false });
  const contextual = inContext.length === chars.length ? inContext : [];
  const neutral = readingsOfWord ? neutralInWords(chars, readingsOfWord) : [];
  return chars.map((ch, i) => {
    if (!HAN.test(ch)) return [ch.toLowerCase()];
    const set = new Set<string>();
    for (const r of pinyin(ch, { multiple: true, type: 'array', toneSandhi: false })) {
      set.add(normalizePinyin(r));
    }
    const c = contextual[i];
    if (c !== undefined && c !== '') set.add(normalizePinyin(c));
    for (const n of neutral[i] ?? []) set.add(n);
    set.delete('');
    return [...set];
  });
}

/** For each character, the neutral-tone syllables the dictionary gives it in the words of two or more characters of the term. */
function neutralInWords(chars: readonly string[], readingsOfWord: ReadingsOf): Set<string>[] {
  const out = chars.map(() => new Set<string>());
  for (let i = 0; i < chars.length; i++) {
    for (let j = i + 2; j <= chars.length; j++) {
      for (const r of readingsOfWord(chars.slice(i, j).join('')) ?? []) {
        const syllables = r.trim().split(/\s+/u);
        if (syllables.length !== j - i) continue;
        syllables.forEach((syl, k) => {
          if (/^[a-zü:]+5?$/iu.test(syl) && /5$/u.test(syl)) out[i + k]!.add(numberedToMarked(syl));
        });
      }
    }
  }
  return out;
}

/**
 * Whether the pinyin spells the term syllable by syllable, trying every
 * reading of each character (backtracking, so both xi'an and xián split).
 */
export function pinyinMatches(term: string, pinyinText: string, readingsOfWord?: ReadingsOf): boolean {
  const target = normalizePinyin(pinyinText);
  const readings = charReadings(term, readingsOfWord);
  const failed = new Set<string>();
  const match = (ci: number, pos: number): boolean => {
    if (ci === readings.length) return pos === target.length;
    const key = `${ci}:${pos}`;
    if (failed.has(key)) return false;
    for (const r of readings[ci] ?? []) {
      if (target.startsWith(r, pos) && match(ci + 1, pos + r.length)) return true;
    }
    failed.add(key);
    return false;
  };
  return match(0, 0);
}

/** Explains where a pinyin string stops matching (for the problem message). */
function pinyinMismatchDetail(term: string, pinyinText: string): string {
  const target = normalizePinyin(pinyinText);
  const readings = charReadings(term);
  const chars = Array.from(term);
  // Greedy walk to locate the first character that cannot be matched.
  let pos = 0;
  for (let i = 0; i < readings.length; i++) {
    const options = readings[i] ?? [];
    const hit = options.find((r) => target.startsWith(r, pos));
    if (hit === undefined) {
      return `at ${chars[i] ?? '?'} expected one of ${options.join('/')}, found "${target.slice(pos) || '(end)'}"`;
    }
    pos += hit.length;
  }
  return pos < target.length ? `extra text "${target.slice(pos)}"` : 'no consistent split';
}

/** Counts sentences in English text: runs ending in . ! ? followed by a capital, quote, bracket or the end. */
export function countEnglishSentences(text: string): number {
  const parts = text
    .trim()
    .split(/(?<=[.!?]["”’')\]]*)\s+(?=["“‘(\[]?[A-Z])/u)
    .filter((s) => s.trim() !== '');
  return parts.length;
}

/** Counts sentences in Chinese text: runs ending in 。！？ (optionally followed by a closing quote or bracket). */
export function countChineseSentences(text: string): number {
  const parts = text
    .trim()
    .split(/(?<=[。！？][”’」』）)]*)(?![”’」』）)])/u)
    .filter((s) => s.trim() !== '');
  return parts.length;
}

interface FormCheck {
  label: string;
  simplified: unknown;
  traditional: unknown;
  pinyin: unknown;
}

/** What the forms of one entry are checked against. */
interface FormContext {
  standard: Standard;
  /** Taiwan entries may write 台 where OpenCC gives 臺 (台灣民眾黨 beside 臺北市政府): both are in use there. */
  eitherTai: boolean;
  openccWrong: readonly OpenccWrong[];
  readingsOf: ReadingsOf | undefined;
  readingExceptions: readonly ReadingException[];
}

/** Checks one Simplified / Traditional / pinyin triple (a main term or an alias). */
function checkForms(form: FormCheck, problems: string[], ctx: FormContext): void {
  const { label } = form;
  let simplifiedOk = false;
  if (!isNonEmptyString(form.simplified)) {
    problems.push(`${label}: "simplified" is missing or not a non-empty string`);
  } else if (form.simplified !== form.simplified.trim() || /\s/u.test(form.simplified)) {
    problems.push(`${label}: "simplified" contains whitespace`);
  } else if (!HAN.test(form.simplified)) {
    problems.push(`${label}: "simplified" contains no Chinese characters`);
  } else {
    simplifiedOk = true;
  }

  if (!isNonEmptyString(form.traditional)) {
    problems.push(`${label}: "traditional" is missing or not a non-empty string`);
  } else if (simplifiedOk) {
    const s = form.simplified as string;
    const t = form.traditional;
    if (Array.from(t).length !== Array.from(s).length) {
      problems.push(
        `${label}: traditional "${t}" has ${Array.from(t).length} characters, simplified "${s}" has ${Array.from(s).length}`,
      );
    }
    const conv = CONVERTERS[ctx.standard];
    const back = conv.back(ctx.eitherTai ? t.replaceAll('台', '臺') : t);
    if (back !== s) {
      problems.push(
        `${label}: traditional "${t}" converts back (${ctx.standard}→cn) to "${back}", not to the simplified "${s}" (opencc cn→${ctx.standard} gives "${conv.to(s)}")`,
      );
    }
    // A standard form is a fixed point of cn→tw (cn→hk); Simplified or non-standard
    // variant characters left in the traditional field are not.
    const forward = conv.to(t);
    // Where the right form is one OpenCC would get wrong (新征程 → 新徵程), the listed correction is accepted.
    let corrected = ctx.openccWrong.reduce((x, w) => x.replaceAll(w.wrong, w.right), forward);
    if (ctx.eitherTai) corrected = Array.from(corrected, (ch, i) => (ch === '臺' && Array.from(t)[i] === '台' ? '台' : ch)).join('');
    if (forward !== t && corrected !== t) {
      problems.push(
        `${label}: traditional "${t}" is not ${conv.name}-standard Traditional (opencc cn→${ctx.standard} makes it "${forward}")`,
      );
    }
    // OpenCC's own mistakes pass the two checks above (its output is a fixed point), so they are listed.
    for (const w of ctx.openccWrong) {
      if (t.includes(w.wrong)) {
        problems.push(`${label}: traditional "${t}" contains "${w.wrong}", a known OpenCC error: write "${w.right}" (${w.reason})`);
      }
    }
  }

  if (!isNonEmptyString(form.pinyin)) {
    problems.push(`${label}: "pinyin" is missing or not a non-empty string`);
  } else {
    const p = form.pinyin;
    if (p !== p.trim() || /\s{2,}/u.test(p)) {
      problems.push(`${label}: pinyin "${p}" has leading, trailing or doubled spaces`);
    }
    if (/[0-9]/u.test(p) && simplifiedOk && !/[0-9]/u.test(form.simplified as string)) {
      problems.push(`${label}: pinyin "${p}" uses tone numbers; use tone marks`);
    } else if (simplifiedOk && !pinyinMatches(form.simplified as string, p, ctx.readingsOf)) {
      problems.push(
        `${label}: pinyin "${p}" does not match ${form.simplified as string} (${pinyinMismatchDetail(form.simplified as string, p)})`,
      );
    } else if (simplifiedOk && ctx.readingsOf) {
      const term = form.simplified as string;
      const skip = new Set(ctx.readingExceptions.filter((x) => x.term === term).map((x) => x.word));
      const problem = wordReadingProblem(term, p, ctx.readingsOf, skip);
      if (problem !== undefined) problems.push(`${label}: ${problem}`);
    }
  }
}

const TONE_MARKS: Readonly<Record<string, string>> = {
  a: 'āáǎà', e: 'ēéěè', i: 'īíǐì', o: 'ōóǒò', u: 'ūúǔù', ü: 'ǖǘǚǜ',
};

/**
 * One numbered syllable ("hang2", "lu:4", "ge5", "Zhong1") in tone marks
 * ("háng", "lǜ", "ge", "zhōng"), lower-cased. The mark goes on a or e, on
 * the o of ou, else on the last vowel.
 */
export function numberedToMarked(syllable: string): string {
  const m = /^([a-zü:]+?)([1-5]?)$/iu.exec(syllable.trim());
  if (!m) return syllable.toLowerCase();
  const base = m[1]!.toLowerCase().replace(/u:|v/gu, 'ü');
  const tone = Number(m[2] || '5');
  if (tone === 5) return base;
  let at = base.search(/[ae]/u);
  if (at < 0) at = base.indexOf('ou');
  if (at < 0) {
    for (let i = base.length - 1; i >= 0; i--) {
      if ('iouü'.includes(base[i]!)) { at = i; break; }
    }
  }
  if (at < 0) return base;
  const vowel = base[at]!;
  return base.slice(0, at) + (TONE_MARKS[vowel]?.[tone - 1] ?? vowel) + base.slice(at + 1);
}

/**
 * Every way the pinyin splits into one syllable per character, using
 * pinyin-pro's readings of each character (usually one way; xi'an/xian two).
 */
function alignments(term: string, pinyinText: string, readingsOfWord: ReadingsOf, limit = 16): string[][] {
  const target = normalizePinyin(pinyinText);
  const readings = charReadings(term, readingsOfWord);
  const found: string[][] = [];
  const path: string[] = [];
  const walk = (ci: number, pos: number): void => {
    if (found.length >= limit) return;
    if (ci === readings.length) {
      if (pos === target.length) found.push([...path]);
      return;
    }
    for (const r of readings[ci] ?? []) {
      if (!target.startsWith(r, pos)) continue;
      path.push(r);
      walk(ci + 1, pos + r.length);
      path.pop();
    }
  };
  walk(0, 0);
  return found;
}

/** A syllable without its tone mark (ü keeps its dots). */
function toneless(syllable: string): string {
  return syllable.normalize('NFD').replace(/[\u0300\u0301\u0304\u030c]/gu, '').normalize('NFC');
}

/** Whether a syllable of the term fits a dictionary syllable; a neutral tone there also accepts the full tone (书记 shūjì). */
function syllableFits(found: string, dict: string): boolean {
  return found === dict || (toneless(dict) === dict && toneless(found) === dict);
}

interface WordSpan {
  start: number;
  end: number;
  word: string;
  /** The dictionary's readings, one marked syllable per character. */
  readings: string[][];
}

function spanFits(span: WordSpan, way: readonly string[]): boolean {
  const found = way.slice(span.start, span.end);
  return span.readings.some((r) => r.every((syl, k) => syllableFits(found[k]!, syl)));
}

/** Whether two spans overlap without one containing the other (人民|调解 and 民调). */
function crosses(a: WordSpan, b: WordSpan): boolean {
  return a.start < b.end && b.start < a.end && !(a.start <= b.start && b.end <= a.end) && !(b.start <= a.start && a.end <= b.end);
}

/**
 * Checks the pinyin of a term against a word dictionary: wherever the whole
 * term or a word of two or more characters inside it is a headword, the
 * term's syllables there must be one of that word's readings (tone marks
 * compared with numbered pinyin, ü = u:, case ignored; where the dictionary
 * has the neutral tone 5, the full tone is also accepted, as in formal
 * reading). A polyphone is then read as in its word (行长 hángzhǎng), not as
 * any reading of the character. A headword that straddles two words of the
 * term (民调 in 人民调解) is not held against it when a word crossing it
 * (调解) is read right. Returns a problem, or undefined.
 */
export function wordReadingProblem(
  term: string,
  pinyinText: string,
  readingsOfWord: ReadingsOf,
  exceptWords: ReadonlySet<string> = new Set(),
): string | undefined {
  const chars = Array.from(term);
  const spans: WordSpan[] = [];
  for (let i = 0; i < chars.length; i++) {
    if (!HAN.test(chars[i]!)) continue;
    for (let j = i + 2; j <= chars.length; j++) {
      if (!HAN.test(chars[j - 1]!)) break;
      const word = chars.slice(i, j).join('');
      if (exceptWords.has(word)) continue;
      const readings = (readingsOfWord(word) ?? [])
        .map((r) => r.trim().split(/\s+/u))
        .filter((syllables) => syllables.length === j - i)
        .map((syllables) => syllables.map(numberedToMarked));
      if (readings.length > 0) spans.push({ start: i, end: j, word, readings });
    }
  }
  if (spans.length === 0) return undefined;
  const ways = alignments(term, pinyinText, readingsOfWord);
  if (ways.length === 0) return undefined; // the syllable check has already reported it
  let firstBad: { span: WordSpan; found: string } | undefined;
  for (const way of ways) {
    const fitting = spans.filter((sp) => spanFits(sp, way));
    const bad = spans.find((sp) => !fitting.includes(sp) && !fitting.some((f) => crosses(f, sp)));
    if (!bad) return undefined;
    firstBad ??= { span: bad, found: way.slice(bad.start, bad.end).join('') };
  }
  const { span, found } = firstBad!;
  const expected = [...new Set(span.readings.map((r) => `"${r.join('')}"`))].join(' or ');
  return `pinyin reads ${span.word} as "${found}", but the dictionary reads the word ${expected}`;
}

function checkUnknownFields(
  value: Record<string, unknown>,
  allowed: ReadonlySet<string>,
  label: string,
  problems: string[],
): void {
  for (const key of Object.keys(value)) {
    if (!allowed.has(key)) problems.push(`${label}: unknown field "${key}"`);
  }
}

/**
 * Validates glossary entries and returns human-readable problems (empty = valid):
 * field presence and types, category ids, pinyin against pinyin-pro readings,
 * Simplified/Traditional consistency with opencc-js, aliases, explanations
 * (1–3 sentences in each language), duplicate terms and see-also references;
 * dates (asOf, former), everyday and region; with options, OpenCC's known
 * wrong outputs and the words' own readings in a dictionary.
 */
export function validateGlossary(entries: unknown[], options: ValidateOptions = {}): string[] {
  const problems: string[] = [];
  const openccWrong = options.openccWrong ?? [];
  const formerRefs: { label: string; term: string; self: string }[] = [];
  const mainTerms = new Set<string>();
  /** Every term (main or alias) → where it was first seen. */
  const seen = new Map<string, string>();
  const seeAlsoRefs: { label: string; term: string; self: string }[] = [];

  const register = (term: unknown, where: string): void => {
    if (!isNonEmptyString(term)) return;
    const first = seen.get(term);
    if (first !== undefined) {
      problems.push(`${where}: duplicate term "${term}" (already used by ${first})`);
    } else {
      seen.set(term, where);
    }
  };

  entries.forEach((raw, index) => {
    const name = isRecord(raw) && isNonEmptyString(raw.simplified) ? raw.simplified : '?';
    const label = `entry #${index + 1} (${name})`;
    if (!isRecord(raw)) {
      problems.push(`${label}: not an object`);
      return;
    }
    checkUnknownFields(raw, ENTRY_FIELDS, label, problems);
    let standard: Standard = 'tw';
    if (raw.region !== undefined) {
      const r = typeof raw.region === 'string' ? REGIONS[raw.region] : undefined;
      if (r === undefined) problems.push(`${label}: "region" must be "tw", "hk" or "mo"`);
      else standard = r;
    }
    const ctx: FormContext = {
      standard,
      eitherTai: raw.region === 'tw',
      openccWrong,
      readingsOf: options.readingsOf,
      readingExceptions: options.readingExceptions ?? [],
    };
    checkForms(
      { label, simplified: raw.simplified, traditional: raw.traditional, pinyin: raw.pinyin },
      problems,
      ctx,
    );
    register(raw.simplified, label);
    if (isNonEmptyString(raw.simplified)) mainTerms.add(raw.simplified);

    if (raw.asOf !== undefined && (typeof raw.asOf !== 'string' || !DATE.test(raw.asOf))) {
      problems.push(`${label}: "asOf" must be "YYYY" or "YYYY-MM", found ${JSON.stringify(raw.asOf)}`);
    }
    if (raw.everyday !== undefined && raw.everyday !== true) {
      problems.push(`${label}: "everyday" must be true when present (leave it out otherwise)`);
    }
    if (raw.former !== undefined) {
      if (!isRecord(raw.former)) {
        problems.push(`${label}: "former" must be an object with "replacedBy" and "until"`);
      } else {
        checkUnknownFields(raw.former, FORMER_FIELDS, `${label} former`, problems);
        if (!isNonEmptyString(raw.former.replacedBy)) {
          problems.push(`${label}: former.replacedBy is missing or not a non-empty string`);
        } else {
          formerRefs.push({ label, term: raw.former.replacedBy, self: name });
        }
        if (typeof raw.former.until !== 'string' || !DATE.test(raw.former.until)) {
          problems.push(`${label}: former.until must be "YYYY" or "YYYY-MM", found ${JSON.stringify(raw.former.until)}`);
        }
      }
    }

    if (!isNonEmptyString(raw.english)) {
      problems.push(`${label}: "english" is missing or not a non-empty string`);
    }

    if (raw.englishAliases !== undefined) {
      if (!Array.isArray(raw.englishAliases)) {
        problems.push(`${label}: "englishAliases" must be an array of strings`);
      } else {
        const names = new Set<string>();
        raw.englishAliases.forEach((alias, i) => {
          if (!isNonEmptyString(alias)) {
            problems.push(`${label}: englishAliases[${i}] is not a non-empty string`);
          } else if (alias === raw.english || names.has(alias)) {
            problems.push(`${label}: englishAliases[${i}] "${alias}" repeats another English name`);
          } else {
            names.add(alias);
          }
        });
      }
    }

    if (!isNonEmptyString(raw.category)) {
      problems.push(`${label}: "category" is missing or not a non-empty string`);
    } else if (!CATEGORY_IDS.has(raw.category)) {
      problems.push(`${label}: unknown category "${raw.category}" (expected one of ${GLOSSARY_CATEGORIES.join(', ')})`);
    }

    if (raw.aliases !== undefined) {
      if (!Array.isArray(raw.aliases)) {
        problems.push(`${label}: "aliases" must be an array`);
      } else {
        raw.aliases.forEach((alias: unknown, i: number) => {
          const aliasLabel = `${label} alias #${i + 1}`;
          if (!isRecord(alias)) {
            problems.push(`${aliasLabel}: not an object`);
            return;
          }
          checkUnknownFields(alias, ALIAS_FIELDS, aliasLabel, problems);
          checkForms(
            {
              label: `${aliasLabel} (${isNonEmptyString(alias.simplified) ? alias.simplified : '?'})`,
              simplified: alias.simplified,
              traditional: alias.traditional,
              pinyin: alias.pinyin,
            },
            problems,
            ctx,
          );
          register(alias.simplified, `${aliasLabel} (${String(alias.simplified)})`);
        });
      }
    }

    if (!isRecord(raw.explanation)) {
      problems.push(`${label}: "explanation" is missing or not an object with "en" and "zh"`);
    } else {
      const ex = raw.explanation;
      checkUnknownFields(ex, EXPLANATION_FIELDS, `${label} explanation`, problems);
      if (!isNonEmptyString(ex.en)) {
        problems.push(`${label}: explanation.en is missing or empty`);
      } else {
        const n = countEnglishSentences(ex.en);
        if (n < 1 || n > 3) problems.push(`${label}: explanation.en has ${n} sentences (expected 1–3)`);
        if (!/[.!?]["”’')\]]*$/u.test(ex.en.trim())) {
          problems.push(`${label}: explanation.en does not end with sentence punctuation`);
        }
        if (HAN.test(ex.en)) {
          // Chinese characters are allowed in English text only inside the term itself, so flag them.
          problems.push(`${label}: explanation.en contains Chinese characters`);
        }
        const undated = UNDATED_EN.exec(ex.en) ?? COUNT_EN.exec(ex.en);
        if (undated && raw.asOf === undefined) {
          problems.push(`${label}: explanation.en says "${undated[0]}" without "asOf" (give the date the fact was true)`);
        }
      }
      if (!isNonEmptyString(ex.zh)) {
        problems.push(`${label}: explanation.zh is missing or empty`);
      } else {
        const n = countChineseSentences(ex.zh);
        if (n < 1 || n > 3) problems.push(`${label}: explanation.zh has ${n} sentences (expected 1–3)`);
        if (!/[。！？][”’」』）)]*$/u.test(ex.zh.trim())) {
          problems.push(`${label}: explanation.zh does not end with 。！？`);
        }
        if (!HAN.test(ex.zh)) {
          problems.push(`${label}: explanation.zh contains no Chinese characters`);
        } else if (tw2cn(ex.zh) !== ex.zh) {
          problems.push(`${label}: explanation.zh is not in Simplified Chinese (tw→cn changes it)`);
        }
        const undated = UNDATED_ZH.exec(ex.zh) ?? COUNT_ZH.exec(ex.zh);
        if (undated && raw.asOf === undefined) {
          problems.push(`${label}: explanation.zh says "${undated[0]}" without "asOf" (give the date the fact was true)`);
        }
      }
    }

    if (raw.seeAlso !== undefined) {
      if (!Array.isArray(raw.seeAlso)) {
        problems.push(`${label}: "seeAlso" must be an array of strings`);
      } else {
        raw.seeAlso.forEach((term: unknown, i: number) => {
          if (!isNonEmptyString(term)) {
            problems.push(`${label}: seeAlso[${i}] is not a non-empty string`);
          } else {
            seeAlsoRefs.push({ label, term, self: name });
          }
        });
      }
    }
  });

  for (const ref of formerRefs) {
    if (ref.term === ref.self) {
      problems.push(`${ref.label}: former.replacedBy refers to the entry itself`);
    } else if (!mainTerms.has(ref.term)) {
      const alias = seen.get(ref.term);
      problems.push(
        alias === undefined
          ? `${ref.label}: former.replacedBy "${ref.term}" is not a term in the glossary`
          : `${ref.label}: former.replacedBy "${ref.term}" is an alias (${alias}); give the main term`,
      );
    }
  }

  for (const ref of seeAlsoRefs) {
    if (ref.term === ref.self) {
      problems.push(`${ref.label}: seeAlso refers to the entry itself`);
    } else if (!seen.has(ref.term)) {
      problems.push(`${ref.label}: seeAlso term "${ref.term}" is not in the glossary`);
    }
  }

  return problems;
}

/** Reads the list of OpenCC's known wrong outputs; throws when an item lacks wrong, right, reason or example. */
export function loadOpenccWrong(path: string): OpenccWrong[] {
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!Array.isArray(parsed)) throw new Error(`${path}: expected a JSON array`);
  return parsed.map((item: unknown, i) => {
    if (
      !isRecord(item) ||
      !isNonEmptyString(item.wrong) ||
      !isNonEmptyString(item.right) ||
      !isNonEmptyString(item.reason) ||
      !isNonEmptyString(item.example)
    ) {
      throw new Error(`${path}: item ${i + 1} needs non-empty "wrong", "right", "reason" and "example"`);
    }
    return { wrong: item.wrong, right: item.right, reason: item.reason, example: item.example };
  });
}

/** Reads the list of words exempt from the dictionary reading check; throws when an item lacks term, word or reason. */
export function loadReadingExceptions(path: string): ReadingException[] {
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!Array.isArray(parsed)) throw new Error(`${path}: expected a JSON array`);
  return parsed.map((item: unknown, i) => {
    if (!isRecord(item) || !isNonEmptyString(item.term) || !isNonEmptyString(item.word) || !isNonEmptyString(item.reason)) {
      throw new Error(`${path}: item ${i + 1} needs non-empty "term", "word" and "reason"`);
    }
    if (!item.term.includes(item.word)) throw new Error(`${path}: item ${i + 1}: "${item.word}" is not in "${item.term}"`);
    return { term: item.term, word: item.word, reason: item.reason };
  });
}

/**
 * Reads every *.json file in a directory (sorted by name) and returns all
 * entries in order. Throws if a file is not valid JSON or not an array.
 */
export function loadGlossaryFiles(dir: string): unknown[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const entries: unknown[] = [];
  for (const file of files) {
    const path = join(dir, file);
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(path, 'utf8'));
    } catch (err) {
      throw new Error(`${path}: invalid JSON (${(err as Error).message})`);
    }
    if (!Array.isArray(parsed)) throw new Error(`${path}: expected a JSON array of entries`);
    entries.push(...parsed);
  }
  return entries;
}
