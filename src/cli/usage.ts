/** The help text, and the error type for a command line we do not understand. */

export const USAGE = `zhengwen: repair and convert damaged Chinese text

Usage:
  zhengwen fix [--to auto|keep|cn|tw|twp|hk] [--html | --jsonl [--field NAME] [--jobs N]] [--stats] [--explain] [FILE...]
  zhengwen detect [FILE]
  zhengwen pinyin [--tone mark|num|none] [TEXT]
  zhengwen glossary [--json] [FILE]
  zhengwen glossary --lookup TERM

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
`;

/** A command line we do not understand: exit 2 with a one-line message. */
export class UsageError extends Error {}

/** Bad input data: exit 1 with a one-line message. */
export class InputError extends Error {}
