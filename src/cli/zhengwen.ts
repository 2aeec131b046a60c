/** Entry point of the `zhengwen` command. */
import { isJsonlWorker } from './jsonl-jobs.ts';
import { main } from './main.ts';

// `fix --jsonl --jobs N` starts the module holding jsonl-jobs.ts again as a worker
// thread, where it runs the worker loop; under tsx that module is this entry's import.
if (!isJsonlWorker()) {
  main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (e: unknown) => {
      process.stderr.write(`zhengwen: internal error: ${(e as Error).message}\n`);
      process.exitCode = 70;
    },
  );
}
