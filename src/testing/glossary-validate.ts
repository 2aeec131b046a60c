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
import { GLOSSARY_CATEGORIES } from '../core/glossary/types.ts';

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

/** Simplified → Hong Kong Traditional (for Hong Kong and Macao entries). */
function cn2hk(text: string): string {
  toHongKong ??= Converter({ from: 'cn', to: 'hk' });
  return toHongKong(text);
}

/** Hong Kong Traditional → Simplified. */
function hk2cn(text: string): string {
  fromHongKong ??= Converter({ from: 'hk', to: 'cn' });
  return fromHongKong(text);
}

/** Taiwan writes both 台 and 臺 (台灣民眾黨, 臺北市政府); OpenCC always gives 臺. */
const sameTai = (a: string, b: string): boolean => a.replaceAll('臺', '台') === b.replaceAll('臺', '台');
const REGIONS: ReadonlySet<string> = new Set(['tw', 'hk', 'mo']);

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
 * (which is how neutral tones such as 脖子 bózi are accepted). Non-Han
 * characters (digits, Latin letters) stand for themselves.
 */
function readingsOf(term: string): string[][] {
  const chars = Array.from(term);
  const inContext = pinyin(term, { type: 'array', toneSandhi: false });
  const contextual = inContext.length === chars.length ? inContext : [];
  return chars.map((ch, i) => {
    if (!HAN.test(ch)) return [ch.toLowerCase()];
    const set = new Set<string>();
    for (const r of pinyin(ch, { multiple: true, type: 'array', toneSandhi: false })) {
      set.add(normalizePinyin(r));
    }
    const c = contextual[i];
    if (c !== undefined && c !== '') set.add(normalizePinyin(c));
    set.delete('');
    return [...set];
  });
}

/**
 * Whether the pinyin spells the term syllable by syllable, trying every
 * reading of each character (backtracking, so both xi'an and xián split).
 */
export function pinyinMatches(term: string, pinyinText: string): boolean {
  const target = normalizePinyin(pinyinText);
  const readings = readingsOf(term);
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
  const readings = readingsOf(term);
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
  /** 'tw', 'hk' or 'mo' for regional entries (Hong Kong and Macao forms are checked against OpenCC's Hong Kong table). */
  region?: unknown;
}

/** Checks one Simplified / Traditional / pinyin triple (a main term or an alias). */
function checkForms(form: FormCheck, problems: string[]): void {
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
    const hk = form.region === 'hk' || form.region === 'mo';
    const [name, toTrad, toSimp] = hk ? ['hk', cn2hk, hk2cn] as const : ['tw', cn2tw, tw2cn] as const;
    const back = toSimp(t);
    if (back !== s) {
      problems.push(
        `${label}: traditional "${t}" converts back (${name}→cn) to "${back}", not to the simplified "${s}" (opencc cn→${name} gives "${toTrad(s)}")`,
      );
    }
    // A standard form is a fixed point of cn→tw (cn→hk for Hong Kong and Macao);
    // Simplified or non-standard variant characters left in the traditional field are not.
    const forward = toTrad(t);
    if (forward !== t && !(form.region === 'tw' && sameTai(forward, t))) {
      problems.push(
        `${label}: traditional "${t}" is not ${hk ? 'Hong Kong' : 'Taiwan'}-standard Traditional (opencc cn→${name} makes it "${forward}")`,
      );
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
    } else if (simplifiedOk && !pinyinMatches(form.simplified as string, p)) {
      problems.push(
        `${label}: pinyin "${p}" does not match ${form.simplified as string} (${pinyinMismatchDetail(form.simplified as string, p)})`,
      );
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
 * (1–3 sentences in each language), duplicate terms and see-also references.
 */
export function validateGlossary(entries: unknown[]): string[] {
  const problems: string[] = [];
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
    checkForms(
      { label, simplified: raw.simplified, traditional: raw.traditional, pinyin: raw.pinyin, region: raw.region },
      problems,
    );
    if (raw.region !== undefined && (typeof raw.region !== 'string' || !REGIONS.has(raw.region))) {
      problems.push(`${label}: "region" must be one of tw, hk, mo`);
    }
    register(raw.simplified, label);

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
              region: raw.region,
            },
            problems,
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

  for (const ref of seeAlsoRefs) {
    if (ref.term === ref.self) {
      problems.push(`${ref.label}: seeAlso refers to the entry itself`);
    } else if (!seen.has(ref.term)) {
      problems.push(`${ref.label}: seeAlso term "${ref.term}" is not in the glossary`);
    }
  }

  return problems;
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
