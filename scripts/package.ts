/**
 * `npm run package`: builds, then writes what the stores accept to artifacts/:
 *   zhengwen-<version>-chrome.zip   dist/chrome (Chrome Web Store)
 *   zhengwen-<version>-firefox.zip  dist/firefox, packed and linted by web-ext (addons.mozilla.org)
 *   zhengwen-<version>-source.zip   what a store reviewer needs to rebuild both:
 *                                   `npm ci && npm run build` in it gives the same dist/ files
 * Each extension zip carries THIRD_PARTY_NOTICES.md (build.mjs copies it into dist/).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { writeZip, type ZipEntry } from './zip.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const run = promisify(execFile);

/**
 * The source package: the build's inputs and the instructions. scripts/ holds only the build
 * steps build.mjs imports (tests, benchmarks and the demo are not needed to rebuild).
 */
export const SOURCE_PATHS = [
  'README.md', 'THIRD_PARTY_NOTICES.md', 'package.json', 'package-lock.json', 'tsconfig.json', 'build.mjs', 'manifest.json',
  'bin', 'src', 'data', '_locales', 'icons',
  'scripts/opencc-tables.ts', 'scripts/readings-table.ts', 'scripts/script-tables.ts', 'scripts/mojibake-classes.ts', 'scripts/dictionary-file.ts', 'scripts/dictionary-source.ts',
];

/** The version in package.json, which build.mjs also writes into both manifests. */
export async function version(root = ROOT): Promise<string> {
  return (JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Every file under `path` (a file or a folder, relative to root), as zip entries in sorted order. */
async function entriesUnder(root: string, path: string): Promise<ZipEntry[]> {
  const full = join(root, path);
  if (!(await stat(full)).isDirectory()) return [{ name: path, data: await readFile(full) }];
  const out: ZipEntry[] = [];
  for (const name of (await readdir(full)).sort()) out.push(...(await entriesUnder(root, `${path}/${name}`)));
  return out;
}

/** The zip of a folder, its files at the archive's root. */
export async function zipFolder(dir: string): Promise<Buffer> {
  const entries = (await readdir(dir)).sort();
  const all: ZipEntry[] = [];
  for (const name of entries) all.push(...(await entriesUnder(dir, name)));
  return writeZip(all);
}

/** The source package's zip. */
export async function sourceZip(root = ROOT): Promise<Buffer> {
  const all: ZipEntry[] = [];
  for (const path of SOURCE_PATHS) {
    if (!existsSync(join(root, path))) throw new Error(`source package: ${path} is missing`);
    all.push(...(await entriesUnder(root, path)));
  }
  return writeZip(all);
}

/** Runs web-ext (the project's own copy) with these arguments; its JSON output, if it wrote any, else its text. */
export async function webExt(args: string[]): Promise<string> {
  const bin = join(ROOT, 'node_modules/web-ext/bin/web-ext.js');
  const { stdout } = await run(process.execPath, [bin, ...args, '--no-config-discovery'], { cwd: ROOT, maxBuffer: 16 << 20 })
    .catch((e: { stdout?: string; stderr?: string; message: string }) => {
      if (e.stdout) return { stdout: e.stdout };
      throw new Error(`web-ext ${args[0]} failed: ${e.stderr || e.message}`);
    });
  return stdout;
}

/** web-ext lint of an unpacked Firefox extension: its errors and warnings. */
export async function lintFirefox(dir: string): Promise<{ errors: { code: string; message: string }[]; warnings: { code: string; message: string }[] }> {
  return JSON.parse(await webExt(['lint', '--source-dir', dir, '--output', 'json'])) as Awaited<ReturnType<typeof lintFirefox>>;
}

async function main(): Promise<void> {
  await run(process.execPath, ['build.mjs'], { cwd: ROOT });
  const v = await version();
  const out = join(ROOT, 'artifacts');
  await mkdir(out, { recursive: true });
  const written: string[] = [];

  const chrome = join(out, `zhengwen-${v}-chrome.zip`);
  await writeFile(chrome, await zipFolder(join(ROOT, 'dist/chrome')));
  written.push(chrome);

  const lint = await lintFirefox(join(ROOT, 'dist/firefox'));
  if (lint.errors.length) {
    throw new Error(`web-ext lint found ${lint.errors.length} error(s) in dist/firefox:\n${lint.errors.map((e) => `  ${e.code}: ${e.message}`).join('\n')}`);
  }
  const firefox = join(out, `zhengwen-${v}-firefox.zip`);
  await rm(firefox, { force: true });
  await webExt(['build', '--source-dir', join(ROOT, 'dist/firefox'), '--artifacts-dir', out, '--filename', `zhengwen-${v}-firefox.zip`, '--overwrite-dest']);
  if (!existsSync(firefox)) throw new Error(`web-ext build did not write ${firefox}`);
  written.push(firefox);

  const source = join(out, `zhengwen-${v}-source.zip`);
  await writeFile(source, await sourceZip());
  written.push(source);

  for (const file of written) console.log(`${file.slice(ROOT.length)}  ${((await stat(file)).size / 1024).toFixed(0)} KB`);
  console.log(`web-ext lint (dist/firefox): ${lint.errors.length} errors, ${lint.warnings.length} warnings${lint.warnings.map((w) => `\n  warning ${w.code}: ${w.message}`).join('')}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e: unknown) => {
    console.error(`package: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
