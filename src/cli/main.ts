import { defineCommand } from './define-command.ts';
import { detectCommand } from './detect-command.ts';
import { fixCommand } from './fix-command.ts';
import { glossaryCommand } from './glossary-command.ts';
import { pinyinCommand } from './pinyin-command.ts';
import { vocabCommand } from './vocab-command.ts';
import { InputError, USAGE, UsageError } from './usage.ts';

const COMMANDS: Record<string, (argv: readonly string[]) => Promise<number>> = {
  fix: fixCommand,
  detect: detectCommand,
  pinyin: pinyinCommand,
  glossary: glossaryCommand,
  define: defineCommand,
  vocab: vocabCommand,
};

/** Runs the command line and returns the exit code: 0 done, 1 bad input, 2 bad usage. */
export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  try {
    if (!command) throw new UsageError(`unknown command "${name}" (try: zhengwen --help)`);
    return await command(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`zhengwen: ${e.message}\n`);
      return 2;
    }
    if (e instanceof InputError) {
      process.stderr.write(`zhengwen: ${e.message}\n`);
      return 1;
    }
    if ((e as NodeJS.ErrnoException).code === 'EPIPE') return 0;
    throw e;
  }
}

// A reader that closed the pipe early (`| head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
