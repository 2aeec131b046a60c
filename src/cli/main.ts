import { InputError, USAGE, UsageError } from './usage.ts';

type Command = (argv: readonly string[]) => Promise<number>;

// Each command is loaded when it runs: `fix` does not parse pinyin-pro, the glossary or the damage generator.
const COMMANDS: Record<string, () => Promise<Command>> = {
  fix: async () => (await import('./fix-command.ts')).fixCommand,
  detect: async () => (await import('./detect-command.ts')).detectCommand,
  pinyin: async () => (await import('./pinyin-command.ts')).pinyinCommand,
  glossary: async () => (await import('./glossary-command.ts')).glossaryCommand,
  define: async () => (await import('./define-command.ts')).defineCommand,
  vocab: async () => (await import('./vocab-command.ts')).vocabCommand,
};

/** Runs the command line and returns the exit code: 0 done, 1 bad input, 2 bad usage. */
export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(USAGE);
    return name === undefined ? 2 : 0;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  try {
    if (!load) throw new UsageError(`unknown command "${name}" (try: zhengwen --help)`);
    return await (await load())(rest);
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
