#!/usr/bin/env node
// Runs the built command (dist/cli/zhengwen.mjs), which `npm install` writes
// (the package's prepare script). Compiling TypeScript at every start cost
// ~0.8 s; the built file starts in ~0.1 s. In a checkout whose source is newer
// than the build, it rebuilds once first (esbuild, about a second) and says so.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = join(root, 'dist/cli/zhengwen.mjs');
// What the command is built from (the extension's pages and scripts are not part of it), with the
// build steps that precompile its tables.
const sources = [
  'src/cli', 'src/core', 'src/damage', 'src/shared', 'data',
  'build.mjs', 'scripts/opencc-tables.ts', 'scripts/script-tables.ts', 'scripts/readings-table.ts',
].map((d) => join(root, d));

/** The newest modification time of a file, or of the files in a folder, tests aside. */
function newest(path) {
  if (!statSync(path).isDirectory()) return statSync(path).mtimeMs;
  let t = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const p = join(path, entry.name);
    if (entry.isDirectory()) t = Math.max(t, newest(p));
    else if (!entry.name.endsWith('.test.ts')) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

// The test runner builds the command once before the tests and says so (ZHENGWEN_CLI_BUILT): its many
// parallel runs of the command must not each look at the tree, nor rebuild under each other.
if (existsSync(join(root, 'src')) && !process.env.ZHENGWEN_CLI_BUILT) {
  const stale = !existsSync(built) || sources.some((d) => existsSync(d) && newest(d) > statSync(built).mtimeMs);
  if (stale) {
    process.stderr.write('zhengwen: the source is newer than the built command; rebuilding it once (node build.mjs cli)…\n');
    // Loaded only here: node:child_process (with net and streams) is ~2 ms of every start.
    const { spawnSync } = await import('node:child_process');
    const r = spawnSync(process.execPath, [join(root, 'build.mjs'), 'cli'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) {
      process.stderr.write('zhengwen: the rebuild failed; run `npm install` (or `node build.mjs cli`) in the checkout and try again.\n');
      process.exit(2);
    }
  }
} else if (!existsSync(built)) {
  process.stderr.write('zhengwen: dist/cli/zhengwen.mjs is missing; run `npm run build`.\n');
  process.exit(2);
}
await import(new URL('../dist/cli/zhengwen.mjs', import.meta.url).href);
