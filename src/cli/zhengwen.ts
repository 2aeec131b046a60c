/** Entry point of the `zhengwen` command. */
import { isJsonlWorker } from './jsonl-jobs.ts';
import { main } from './main.ts';

// The built command is one file: `fix --jsonl --jobs N` starts it again as a
// worker thread, where jsonl-jobs.ts runs the worker loop instead of this.
if (!isJsonlWorker()) {
  main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (e: unknown) => {
      process.stderr.write(`zhengwen: internal error: ${(e as Error).message}\n`);
      process.exitCode = 70;
    },
  );
}
