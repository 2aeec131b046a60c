/**
 * Validator for the political-vocabulary glossary (data/glossary/*.json).
 *
 * validateGlossary is pure: it takes parsed entries and returns a list of
 * human-readable problems (empty = valid). The load* functions are the only
 * parts that touch the file system. The pinyin checks live in glossary-word-readings.ts.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Converter } from 'opencc-js';
import { GLOSSARY_CATEGORIES } from '../core/glossary/types.ts';
import { pinyinMatches, pinyinMismatchDetail, type ReadingsOf, wordReadingProblem } from './glossary-word-readings.ts';

export { normalizePinyin, numberedToMarked, pinyinMatches, type ReadingsOf, wordReadingProblem } from './glossary-word-readings.ts';

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
