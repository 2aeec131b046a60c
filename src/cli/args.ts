import { UsageError } from './usage.ts';

/** A parsed command line: flags with values, boolean switches, and the rest. */
export interface ParsedArgs {
  values: Map<string, string>;
  switches: Set<string>;
  positional: string[];
}

/**
 * Parses `--name value`, `--name=value` and `--switch`; anything not declared is
 * a usage error, so a typo never silently changes what runs.
 */
export function parseArgs(argv: readonly string[], valued: readonly string[], switches: readonly string[]): ParsedArgs {
  const out: ParsedArgs = { values: new Map(), switches: new Set(), positional: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') { out.positional.push(...argv.slice(i + 1)); break; }
    if (!arg.startsWith('--') || arg === '-') { out.positional.push(arg); continue; }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (valued.includes(name)) {
      const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined) throw new UsageError(`option --${name} needs a value`);
      out.values.set(name, value);
    } else if (switches.includes(name) && eq === -1) {
      out.switches.add(name);
    } else {
      throw new UsageError(`unknown option ${arg}`);
    }
  }
  return out;
}

/** Checks a value is one of the allowed ones. */
export function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got "${value}")`);
  }
  return value as T;
}
