/** The help text, and the error type for a command line we do not understand. */

export const USAGE = `zhengwen: repair and convert damaged Chinese text

Usage:
  zhengwen fix [--to auto|keep|cn|tw|twp|hk] [--html | --jsonl [--field NAME] [--jobs N]] [--stats] [--explain] [FILE...]
  zhengwen detect [FILE]
  zhengwen pinyin [--tone mark|num|none] [TEXT]
  zhengwen glossary [--json] [--user TERMS.json|TERMS.csv] [FILE]
  zhengwen glossary [--user TERMS.json|TERMS.csv] --lookup TERM
  zhengwen define [--json] WORD...
  zhengwen vocab [--json | --tsv] [--min-count N] [--known FILE] [FILE...]

Reads the files, or standard input when none is given, and writes to standard output.
  --to       auto (default): repair, and restore machine-converted mirror text to Simplified;
             keep: repair only; cn, tw, twp (Taiwan vocabulary), hk: repair and convert.
  --html     the input is an HTML document: only text and the title, alt, placeholder
             and aria-label attributes change; markup stays byte-identical.
  --jsonl    the input is JSON Lines: repair one field (--field, default "text") of each record.
  --jobs N   with --jsonl: fix records on N threads (default 1; 0 or auto: one per CPU),
             output in input order, byte for byte what one thread writes.
  --no-repair  convert only.
  --stats    print a JSON summary to standard error.
  --explain  print every change and its reason to standard error.
  --demo     use the built-in demo text instead of a file.
  --user     your own glossary terms (JSON or CSV, as the extension's "My terms" page exports them);
             they come before the built-in ones.

define: for each WORD (either script), the longest word at its start in the glossary and
CC-CEDICT together, then the shorter words starting there (a glossary entry before the
dictionary's at the same length). Exit 1 when a WORD finds nothing (the others are printed).
  --json     [{ "query", "found", "words": [{ "word", "name": null | { "surname", "given",
             "pinyin" }, "glossary": [{ "simplified", "traditional", "pinyin", "english",
             "category", "explanation": { "en", "zh" } }], "entries": [{ "simplified",
             "traditional", "pinyin" (tone marks), "pinyinNumbered" (CC-CEDICT's), "properNoun",
             "definitions": [...], "measureWords": [{ "simplified", "traditional", "pinyin" }] }] }] }]

vocab: the distinct words of the text after repair and conversion (as fix), most frequent
first, with pinyin in context, English (first senses, or the glossary's) and the first
sentence each occurs in.
  --json     [{ "word", "simplified", "traditional", "pinyin", "count", "english", "sentence",
             "source": "glossary" | "dictionary" | "none" }]
  --tsv      for Anki: UTF-8, one word per line, headers #separator:tab, #html:true and
             #columns:simplified traditional pinyin definition sentence count; a line break
             in a field is <br>, and & < > " tab are HTML entities.
  --min-count N  only words seen at least N times.
  --known FILE   leave out the words in FILE: one per line, either script (the first tab- or
             comma-separated field counts, so a word-list export works as is).
`;

/** A command line we do not understand: exit 2 with a one-line message. */
export class UsageError extends Error {}

/** Bad input data: exit 1 with a one-line message. */
export class InputError extends Error {}
