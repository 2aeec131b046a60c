import { outputToInput } from '../core/edits.ts';
import { fix } from '../core/fix.ts';
import { loadGlossary } from '../core/glossary/load.ts';
import type { GlossaryMatch, GlossaryMatcher } from '../core/glossary/matcher.ts';
import { CATEGORY_LABELS, type GlossaryEntry } from '../core/glossary/types.ts';
import { detectFormat, formatLineError, parseUserGlossary, withUserTerms } from '../core/glossary/user-glossary.ts';
import { converter } from '../core/opencc/index.ts';
import { parseArgs } from './args.ts';
import { readInputs, writeOut } from './io.ts';
import { InputError, UsageError } from './usage.ts';

/**
 * `zhengwen glossary [--json] [FILE]` lists the terms found; `--lookup TERM` prints one entry.
 * `--user FILE` adds the reader's own terms (JSON or CSV, as the extension page exports them) before the built-in ones.
 */
export async function glossaryCommand(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, ['lookup', 'user'], ['json']);
  const userFile = args.values.get('user');
  const glossary = userFile === undefined ? await loadGlossary() : await withUserFile(await loadGlossary(), userFile);
  const json = args.switches.has('json');
  const lookup = args.values.get('lookup');
  if (lookup !== undefined) {
    if (args.positional.length) throw new UsageError('--lookup takes a term, not files');
    const entry = glossary.lookup(lookup.trim());
    if (!entry) throw new InputError(`no glossary entry for "${lookup}"`);
    await writeOut(json ? JSON.stringify(toJson({ offset: 0, term: lookup.trim(), entry }), null, 2) + '\n' : describe(entry));
    return 0;
  }
  if (args.positional.length > 1) throw new UsageError('glossary takes at most one file');
  const [input] = await readInputs(args.positional);
  // Terms are matched after repair (網(wǎng)絡 would hide 网络), in either script; offsets are the input's.
  const repaired = await fix(input!.text, { to: 'keep' });
  const matches = glossary.findAllNested(repaired.text).map((m) => ({ ...m, offset: outputToInput(repaired.edits, m.offset) }));
  if (json) {
    await writeOut(JSON.stringify(matches.map(toJson), null, 2) + '\n');
  } else {
    const seen = new Set<GlossaryEntry>();
    const out: string[] = [];
    for (const m of matches) {
      if (seen.has(m.entry)) continue;
      seen.add(m.entry);
      out.push(`${m.term}\t${m.entry.pinyin}\t${m.entry.english}\t${CATEGORY_LABELS[m.entry.category].en}`);
    }
    await writeOut(out.length ? out.join('\n') + '\n' : '');
  }
  return 0;
}

/** The JSON shape of one match (documented in the README). */
function toJson(m: GlossaryMatch): Record<string, unknown> {
  const e = m.entry;
  return {
    term: m.term, simplified: e.simplified, traditional: e.traditional, pinyin: e.pinyin, english: e.english,
    category: e.category, explanation: { en: e.explanation.en, zh: e.explanation.zh }, offset: m.offset,
  };
}

/** The glossary with the terms of a user file first; a bad file stops the run with its first problem and line. */
async function withUserFile(builtIn: GlossaryMatcher, file: string): Promise<GlossaryMatcher> {
  const [input] = await readInputs([file]);
  const [toTraditional, toSimplified] = await Promise.all([converter('s2tw'), converter('tw2s')]);
  const parsed = parseUserGlossary(input!.text, detectFormat(input!.text, file), { toTraditional, toSimplified });
  if (!parsed.ok) {
    const more = parsed.errors.length > 1 ? ` (and ${parsed.errors.length - 1} more)` : '';
    throw new InputError(`${file}: ${formatLineError(parsed.errors[0]!)}${more}`);
  }
  return withUserTerms(builtIn, parsed.terms);
}

function describe(e: GlossaryEntry): string {
  const lines = [
    `${e.simplified}  ${e.traditional}`,
    e.pinyin,
    e.english + (e.englishAliases?.length ? ` (also: ${e.englishAliases.join('; ')})` : ''),
    `${CATEGORY_LABELS[e.category].en} / ${CATEGORY_LABELS[e.category].zh}`,
    '',
    // The reader's own terms carry one note, in both fields: print it once.
    ...new Set([e.explanation.en, e.explanation.zh].filter((x) => x)),
  ];
  if (e.aliases?.length) lines.push('', 'Also written: ' + e.aliases.map((a) => `${a.simplified} (${a.pinyin})`).join('; '));
  return lines.join('\n') + '\n';
}
