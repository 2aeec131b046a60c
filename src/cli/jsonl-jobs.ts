/**
 * `fix --jsonl --jobs N`: records fixed on N worker threads.
 *
 * The main thread cuts the input at line ends into batches of about 64 KB,
 * hands each to the least busy of N - 1 workers, fixes a batch itself when
 * every worker has two queued (a worker costs a start-up and its own warm-up,
 * and this thread would otherwise wait), and writes the results back in input
 * order as soon as they are done. At most 4N batches are in flight: then the
 * next batch is read only after the oldest result is written (and standard
 * output has taken it), so memory stays flat however long the stream. Each
 * worker runs the same per-line code as the single-threaded stream (jsonl-record.ts) and
 * returns its batch's output bytes, its standard error text and its counts;
 * merged in order they are byte for byte what one thread would have produced.
 *
 * The worker is this same module, started by its own URL (import.meta.url):
 * in the built command, the chunk of dist/cli that holds this code; from
 * source under tsx, this file. Its last lines run the worker loop there, and
 * the entry (zhengwen.ts) runs no command line in a worker.
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { FixOptions } from '../core/fix.ts';
import { emptyJsonlReport, fixJsonlLine, mergeReport, type LineSink, type Report } from './jsonl-record.ts';
import { UsageError } from './usage.ts';

/** Bytes of input per batch: big enough that messaging costs little, small enough to spread the work. */
const BATCH_BYTES = 1 << 16;

const MARK = 'zhengwen-jsonl-worker';

interface WorkerSetup { mark: typeof MARK; field: string; options: FixOptions; explain: boolean; stats: boolean }

/** A run of whole lines of one input: lines are numbered from firstLine; the last may lack its newline. */
interface Batch { id: number; label: string; firstLine: number; bytes: Uint8Array; lastHasNewline: boolean }

interface BatchResult { id: number; out: Uint8Array; err: string; report: Report }

/** A batch in flight: its result, and whether it has arrived (so writing it will not wait). */
interface Pending { result: Promise<BatchResult>; ready: boolean }

/** True in a thread started by runJsonlJobs: the entry point then runs no command line. */
export function isJsonlWorker(): boolean {
  return !isMainThread && (workerData as Partial<WorkerSetup> | null)?.mark === MARK;
}

/** Parses `--jobs`: a positive count, or 0 / auto for one per CPU. */
export function parseJobs(value: string | undefined): number {
  if (value === undefined) return 1;
  if (value === 'auto' || value === '0') return availableParallelism();
  if (!/^[1-9][0-9]{0,3}$/.test(value)) throw new UsageError(`--jobs must be a number of threads, 0 or auto (got "${value}")`);
  return Number(value);
}

/** Fixes one input stream on the pool; writes output through `write` in order and returns when all is written. */
export class JsonlJobs {
  private readonly workers: { worker: Worker; busy: number }[] = [];
  private readonly waiting = new Map<number, { resolve: (r: BatchResult) => void; reject: (e: unknown) => void }>();
  private readonly inFlight: Pending[] = [];
  private nextId = 0;
  private failure: unknown;

  constructor(
    private readonly jobs: number,
    private readonly setup: Omit<WorkerSetup, 'mark'>,
    private readonly report: Report,
    private readonly write: (bytes: Uint8Array) => Promise<void>,
    private readonly err: (text: string) => void,
  ) {}

  /** Fixes every line of one input (label names it in messages: "standard input", a file name). */
  async run(label: string, stream: AsyncIterable<Buffer>): Promise<void> {
    let lineNo = 1;
    let held: Buffer[] = [];
    let heldBytes = 0;
    const send = async (bytes: Uint8Array, lastHasNewline: boolean): Promise<void> => {
      const batch: Batch = { id: this.nextId++, label, firstLine: lineNo, bytes, lastHasNewline };
      lineNo += countNewlines(bytes) + (lastHasNewline ? 0 : 1);
      await this.submit(batch);
    };
    for await (const chunk of stream) {
      const nl = chunk.lastIndexOf(10);
      if (nl === -1 || heldBytes + nl + 1 < BATCH_BYTES) {
        held.push(Buffer.from(chunk)); // the stream may reuse its chunk
        heldBytes += chunk.length;
        continue;
      }
      // Whole lines up to the chunk's last newline go; the rest waits for the next chunk.
      const bytes = concat([...held, chunk.subarray(0, nl + 1)]);
      held = nl + 1 < chunk.length ? [Buffer.from(chunk.subarray(nl + 1))] : [];
      heldBytes = held.length ? held[0]!.length : 0;
      await send(bytes, true);
    }
    if (heldBytes) {
      const bytes = concat(held);
      const endsWithNewline = bytes[bytes.length - 1] === 10;
      await send(bytes, endsWithNewline);
    }
  }

  /** Waits for every batch still in flight and writes it. */
  async finish(): Promise<void> {
    while (this.inFlight.length) await this.writeOldest();
  }

  /** Stops the workers (after finish, or after a failure). */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }

  private async submit(batch: Batch): Promise<void> {
    if (this.failure) throw this.failure;
    // Let the workers' finished results in (message events) before choosing who takes this batch.
    await new Promise((resolve) => setImmediate(resolve));
    const slot = this.pickWorker();
    if (slot) {
      slot.busy++;
      const result = new Promise<BatchResult>((resolve, reject) => this.waiting.set(batch.id, { resolve, reject }));
      const entry: Pending = { result, ready: false };
      const done = (): void => { slot.busy--; entry.ready = true; };
      // (A rejection is also seen by whoever awaits the result; after a failure nobody does, which is fine.)
      result.then(done, done);
      this.inFlight.push(entry);
      slot.worker.postMessage(batch, [batch.bytes.buffer as ArrayBuffer]);
    } else {
      // Every worker has its next batch queued: this thread does one meanwhile.
      this.inFlight.push({ result: Promise.resolve(await fixBatch({ mark: MARK, ...this.setup }, batch)), ready: true });
    }
    // Write what is done, in order; wait for the oldest only when too much is in flight.
    while (this.inFlight.length && (this.inFlight[0]!.ready || this.inFlight.length >= this.jobs * 4)) await this.writeOldest();
  }

  private async writeOldest(): Promise<void> {
    const r = await this.inFlight.shift()!.result;
    if (r.err) this.err(r.err);
    mergeReport(this.report, r.report);
    if (r.out.length) await this.write(r.out);
  }

  /**
   * An idle worker, a new one while there are fewer than jobs - 1 (this thread is
   * the last of the N), the least busy if it has fewer than 2 batches queued, or
   * none: then this thread fixes the batch itself.
   */
  private pickWorker(): { worker: Worker; busy: number } | undefined {
    const idle = this.workers.find((w) => w.busy === 0);
    if (idle) return idle;
    if (this.workers.length < this.jobs - 1) return this.spawn();
    const least = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    return least.busy < 2 ? least : undefined;
  }

  private spawn(): { worker: Worker; busy: number } {
    const setup: WorkerSetup = { mark: MARK, ...this.setup };
    const worker = new Worker(new URL(import.meta.url), { workerData: setup });
    const slot = { worker, busy: 0 };
    worker.on('message', (r: BatchResult) => {
      const w = this.waiting.get(r.id);
      this.waiting.delete(r.id);
      w?.resolve(r);
    });
    const fail = (e: unknown): void => {
      this.failure ??= e;
      for (const w of this.waiting.values()) w.reject(e);
      this.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => { if (this.waiting.size) fail(new Error(`a worker thread stopped (exit code ${code})`)); });
    this.workers.push(slot);
    return slot;
  }
}

/** One copy of the pieces, in a buffer of its own (so it can be transferred to a worker). */
function concat(parts: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

function countNewlines(bytes: Uint8Array): number {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  let n = 0;
  for (let i = b.indexOf(10); i !== -1; i = b.indexOf(10, i + 1)) n++;
  return n;
}

/** The worker's side: fixes batches one after another, in the order they arrive. */
async function fixBatch(setup: WorkerSetup, batch: Batch): Promise<BatchResult> {
  const report = emptyJsonlReport();
  let err = '';
  const sink: LineSink = { report, err: (text) => { err += text; }, explain: setup.explain, stats: setup.stats };
  const bytes = Buffer.from(batch.bytes.buffer, batch.bytes.byteOffset, batch.bytes.length);
  const parts: (Uint8Array | string)[] = [];
  let lineNo = batch.firstLine;
  let start = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(10, start);
    const newline = end !== -1;
    if (!newline) end = bytes.length;
    const out = await fixJsonlLine(bytes.subarray(start, end), setup.field, setup.options, sink, `${batch.label}: line ${lineNo++}`);
    parts.push(out);
    if (newline) parts.push('\n');
    start = end + 1;
  }
  const out = concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));
  return { id: batch.id, out, err, report };
}

if (isJsonlWorker()) {
  const setup = workerData as WorkerSetup;
  const port = parentPort!;
  let queue = Promise.resolve();
  port.on('message', (batch: Batch) => {
    queue = queue.then(async () => {
      const r = await fixBatch(setup, batch);
      port.postMessage(r, [r.out.buffer as ArrayBuffer]);
    });
  });
}
