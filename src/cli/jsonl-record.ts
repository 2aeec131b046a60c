/**
 * One JSON Lines record through `fix`, shared by the single-threaded stream and
 * the worker threads of `--jobs N`: both call fixJsonlLine, so their outputs,
 * messages and counts are the same by construction.
 */
import type { Edit } from '../core/edits.ts';
import { fix, fixText, statsOf, type FixOptions, type FixStats } from '../core/fix.ts';
import { findStringField } from './json-field.ts';
import { decodeUtf8, InvalidUtf8Error } from './utf8.ts';

/** What `--stats` prints; the JSON key order is part of the output. */
export interface Report { stats: FixStats; verdicts: string[]; records?: number; badLines?: number; lost?: number }

/**
 * Where a record's messages go: the counts, standard error (or a buffer for it),
 * whether to explain, and whether the change counts are wanted (--stats): without
 * either, records are fixed without listing their changes, which is faster.
 */
export interface LineSink { report: Report; err: (text: string) => void; explain: boolean; stats: boolean }

/** A report with nothing counted yet (records and badLines set: the JSONL form). */
export function emptyJsonlReport(): Report {
  return { stats: statsOf([]), verdicts: [], records: 0, badLines: 0 };
}

/** Fixes one line (without its newline); returns the bytes to write, the input itself when unchanged. */
export async function fixJsonlLine(bytes: Uint8Array, field: string, options: FixOptions, sink: LineSink, where: string): Promise<Uint8Array | string> {
  let line: string;
  try {
    line = decodeUtf8(bytes);
  } catch (e) {
    if (!(e instanceof InvalidUtf8Error)) throw e;
    return badLine(sink, `${where}: ${e.message} of the line; copied unchanged`, bytes);
  }
  const body = line.endsWith('\r') ? line.slice(0, -1) : line;
  if (body.trim() === '') return bytes;
  let record: unknown;
  try {
    record = JSON.parse(body);
  } catch (e) {
    return badLine(sink, `${where}: not valid JSON (${(e as Error).message}); copied unchanged`, bytes);
  }
  sink.report.records!++;
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return bytes;
  const span = findStringField(body, field);
  if (!span) return bytes;
  const value = JSON.parse(body.slice(span.start, span.end)) as string;
  let r;
  if (sink.explain || sink.stats) {
    const full = await fix(value, options);
    add(sink.report, full.edits, full.analysis.verdict, full.lost.length);
    if (sink.explain && full.edits.length) sink.err(explanation(where, full.edits));
    r = full;
  } else {
    r = await fixText(value, options);
    add(sink.report, [], r.analysis.verdict, r.lost.length);
  }
  if (r.text === value) return bytes;
  return body.slice(0, span.start) + JSON.stringify(r.text) + body.slice(span.end) + (body === line ? '' : '\r');
}

function badLine(sink: LineSink, message: string, bytes: Uint8Array): Uint8Array {
  sink.report.badLines!++;
  sink.err(`zhengwen: ${message}\n`);
  return bytes;
}

/** Counts one fixed text into the report. */
export function add(report: Report, edits: readonly Edit[], verdict: string, lost: number): void {
  report.lost = (report.lost ?? 0) + lost;
  const s = statsOf(edits);
  report.stats.pinyin += s.pinyin;
  report.stats.punctuation += s.punctuation;
  report.stats.mojibake += s.mojibake;
  report.stats.converted += s.converted;
  addVerdict(report, verdict);
}

function addVerdict(report: Report, verdict: string): void {
  // Keep the summary small on big JSONL runs.
  if (report.verdicts.length < 20 && !report.verdicts.includes(verdict)) report.verdicts.push(verdict);
}

/**
 * Adds the counts of a later part of the stream (a worker's batch) to the report.
 * Merged in input order, the result equals counting every record in one thread.
 */
export function mergeReport(into: Report, part: Report): void {
  into.records = (into.records ?? 0) + (part.records ?? 0);
  into.badLines = (into.badLines ?? 0) + (part.badLines ?? 0);
  if (part.lost !== undefined) into.lost = (into.lost ?? 0) + part.lost;
  into.stats.pinyin += part.stats.pinyin;
  into.stats.punctuation += part.stats.punctuation;
  into.stats.mojibake += part.stats.mojibake;
  into.stats.converted += part.stats.converted;
  for (const v of part.verdicts) addVerdict(into, v);
}

/** `--explain`'s lines for one text: place, kind and reason of every change. */
export function explanation(where: string, edits: readonly Edit[]): string {
  let out = '';
  for (const e of edits) out += `${where}:${e.offset}: ${e.kind}: ${e.reason}\n`;
  return out;
}
