import { analyze } from '../core/analyze.ts';
import { parseArgs } from './args.ts';
import { readInputs, writeOut } from './io.ts';
import { UsageError } from './usage.ts';

/** `zhengwen detect [FILE]`: prints the engine's verdict as JSON. */
export async function detectCommand(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, [], []);
  if (args.positional.length > 1) throw new UsageError('detect takes at most one file');
  const [input] = await readInputs(args.positional);
  const { findings: _findings, ...analysis } = analyze(input!.text);
  await writeOut(JSON.stringify(analysis, null, 2) + '\n');
  return 0;
}
