/** Entry point of the `zhengwen` command. */
import { main } from './main.ts';

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e: unknown) => {
    process.stderr.write(`zhengwen: internal error: ${(e as Error).message}\n`);
    process.exitCode = 70;
  },
);
