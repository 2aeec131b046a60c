import { createReadStream } from 'node:fs';
import { analyze } from '../core/analyze.ts';
import type { Edit } from '../core/edits.ts';
import { fix, FIX_TARGETS, fixText, statsOf, type FixOptions, type FixTarget } from '../core/fix.ts';
import { oneOf, parseArgs } from './args.ts';
import { htmlPieces } from './html.ts';
import { checkInputs, readInputs, writeOut } from './io.ts';
import { JsonlJobs, parseJobs } from './jsonl-jobs.ts';
import { add, explanation, fixJsonlLine, type LineSink, type Report } from './jsonl-record.ts';
import { InputError, UsageError } from './usage.ts';

/** `zhengwen fix`: repairs and converts files, HTML documents or JSON Lines. Returns the exit code. */
export async function fixCommand(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, ['to', 'field', 'jobs'], ['html', 'jsonl', 'stats', 'explain', 'no-repair', 'demo']);
  const to: FixTarget = oneOf('to', args.values.get('to') ?? 'auto', FIX_TARGETS);
  if (args.switches.has('html') && args.switches.has('jsonl')) throw new UsageError('--html and --jsonl cannot be combined');
  if (args.values.has('field') && !args.switches.has('jsonl')) throw new UsageError('--field only applies with --jsonl');
  if (args.values.has('jobs') && !args.switches.has('jsonl')) throw new UsageError('--jobs only applies with --jsonl');
  const jobs = parseJobs(args.values.get('jobs'));
  const options: FixOptions = { to, repair: !args.switches.has('no-repair') };
  const explain = args.switches.has('explain') ? explainTo(process.stderr) : undefined;
  const report: Report = { stats: statsOf([]), verdicts: [] };
  // The list of changes is built only when it is shown: --explain prints it, --stats counts it.
  const stats = args.switches.has('stats');
  const listChanges = stats || explain !== undefined;
  let code = 0;
  if (args.switches.has('jsonl')) {
    code = await fixJsonl(args.positional, args.values.get('field') ?? 'text', options, report, { explain: explain !== undefined, stats }, jobs);
  } else {
    const inputs = args.switches.has('demo') ? [{ name: 'demo', text: (await import('./demo-text.ts')).demoText() }] : await readInputs(args.positional);
    // Everything is computed before the first byte is written: no half-written output.
    const outputs: string[] = [];
    for (const input of inputs) {
      const { text, edits, verdict, lost } = args.switches.has('html') ? await fixHtml(input.text, options, listChanges) : await fixPlain(input.text, options, listChanges);
      outputs.push(text);
      add(report, edits, verdict, lost);
      explain?.(input.name, edits);
    }
    for (const out of outputs) await writeOut(out);
  }
  if (stats) process.stderr.write(JSON.stringify(report) + '\n');
  return code;
}

interface Fixed { text: string; edits: Edit[]; verdict: string; /** Characters lost to mojibake. */ lost: number }

async function fixPlain(text: string, options: FixOptions, listChanges: boolean): Promise<Fixed> {
  const r = listChanges ? await fix(text, options) : { ...await fixText(text, options), edits: [] };
  return { text: r.text, edits: r.edits, verdict: r.analysis.verdict, lost: r.lost.length };
}

/** Fixes the readable parts of an HTML document, judged as one page. */
async function fixHtml(html: string, options: FixOptions, listChanges: boolean): Promise<Fixed> {
  const pieces = htmlPieces(html);
  const page = analyze(pieces.map((p) => html.slice(p.start, p.end)).join('\n'));
  const pageOptions: FixOptions = {
    ...options,
    mirror: { pinyin: page.pinyin.mirror, punctuation: page.punctuation.damage },
    pageIsMirror: page.mirror,
    // Pieces are repaired with the page's verdict, not judged one by one (their own verdicts are never shown).
    findingsOnly: true,
  };
  const parts: string[] = [];
  const edits: Edit[] = [];
  let pos = 0;
  let lost = 0;
  for (const p of pieces) {
    const piece = html.slice(p.start, p.end);
    const r = listChanges ? await fix(piece, pageOptions) : { ...await fixText(piece, pageOptions), edits: [] };
    lost += r.lost.length;
    parts.push(html.slice(pos, p.start), r.text);
    for (const e of r.edits) edits.push({ ...e, offset: e.offset + p.start });
    pos = p.end;
  }
  parts.push(html.slice(pos));
  return { text: parts.join(''), edits, verdict: page.verdict, lost };
}

/** Streams JSON Lines: one record at a time, bytes of untouched records unchanged. */
async function fixJsonl(files: readonly string[], field: string, options: FixOptions, report: Report, show: { explain: boolean; stats: boolean }, jobs: number): Promise<number> {
  report.records = 0;
  report.badLines = 0;
  const names = files.length ? files : ['-'];
  // A bad file anywhere in the list stops the run before any output, as for plain text.
  await checkInputs(names);
  const err = (text: string): void => { process.stderr.write(text); };
  const pool = jobs > 1 ? new JsonlJobs(jobs, { field, options, ...show }, report, writeOut, err) : undefined;
  try {
    for (const name of names) {
      const stream = await openInput(name);
      const label = name === '-' ? 'standard input' : name;
      if (pool) await pool.run(label, stream);
      else await fixJsonlStream(label, stream, field, options, { report, err, ...show });
    }
    await pool?.finish();
  } finally {
    await pool?.close();
  }
  return report.badLines! > 0 ? 1 : 0;
}

/** Opens a file (or standard input) as a stream, with a clear message when it cannot be read. */
async function openInput(name: string): Promise<AsyncIterable<Buffer>> {
  const stream = name === '-' ? process.stdin : createReadStream(name);
  const opened = new Promise<void>((resolve, reject) => {
    if (name === '-') resolve();
    else { stream.once('open', () => resolve()); stream.once('error', reject); }
  });
  try {
    await opened;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`${name}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  return stream as AsyncIterable<Buffer>;
}

/** One input on this thread (--jobs 1). */
async function fixJsonlStream(label: string, stream: AsyncIterable<Buffer>, field: string, options: FixOptions, sink: LineSink): Promise<void> {
  let lineNo = 0;
  let pending: Buffer[] = [];
  // Output is gathered into chunks of about 256 KB: one write per line was most of the run time.
  let buffered: (Uint8Array | string)[] = [];
  let bufferedBytes = 0;
  const flush = async (): Promise<void> => {
    if (buffered.length === 0) return;
    const chunk = Buffer.concat(buffered.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));
    buffered = [];
    bufferedBytes = 0;
    await writeOut(chunk);
  };
  const handle = async (bytes: Buffer, newline: boolean): Promise<void> => {
    lineNo++;
    const out = await fixJsonlLine(bytes, field, options, sink, `${label}: line ${lineNo}`);
    // The input chunk is reused by the stream: keep a copy of an unchanged line.
    buffered.push(typeof out === 'string' ? out : Buffer.from(out));
    bufferedBytes += out.length + 1;
    if (newline) buffered.push('\n');
    if (bufferedBytes > 1 << 18) await flush();
  };
  for await (const chunk of stream) {
    let start = 0;
    let nl = chunk.indexOf(10);
    while (nl !== -1) {
      pending.push(chunk.subarray(start, nl));
      const line = pending.length === 1 ? pending[0]! : Buffer.concat(pending);
      pending = [];
      await handle(line, true);
      start = nl + 1;
      nl = chunk.indexOf(10, start);
    }
    if (start < chunk.length) pending.push(Buffer.from(chunk.subarray(start)));
  }
  if (pending.length) await handle(Buffer.concat(pending), false);
  await flush();
}

type Explain = (where: string, edits: readonly Edit[]) => void;

function explainTo(stream: NodeJS.WritableStream): Explain {
  return (where, edits) => {
    if (edits.length) stream.write(explanation(where, edits));
  };
}
