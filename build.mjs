// Builds the command line (dist/cli) and the browser extension (dist/chrome, dist/firefox).
// esbuild must write UTF-8 (charset: 'utf8'): otherwise every CJK character in
// the dictionaries becomes a \uXXXX escape and the bundles double in size.
import * as esbuild from 'esbuild';
import { rm } from 'node:fs/promises';

const common = { bundle: true, charset: 'utf8', target: 'es2022', logLevel: 'warning', legalComments: 'none' };

/** The `zhengwen` command, one file for Node. */
export async function buildCli() {
  await esbuild.build({
    ...common,
    entryPoints: { zhengwen: 'src/cli/zhengwen.ts' },
    outdir: 'dist/cli',
    outExtension: { '.js': '.mjs' },
    platform: 'node',
    format: 'esm',
    // Dynamic imports of opencc-js stay lazy inside the one file.
    splitting: false,
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await rm('dist/cli', { recursive: true, force: true });
  await buildCli();
}
