/**
 * The dictionary in Node (the command line and tests). A built command reads
 * the file build.mjs compiled beside it (dist/cli/cedict.bin); from source it
 * compiles CC-CEDICT once and keeps the result in node_modules/.cache. The
 * extension never runs this: its background fetches the same compiled file.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileDictionary } from './compile.ts';
import { CompiledDictionary } from './dictionary.ts';
import { readSourceData, readSourceInfo } from './source.ts';
import type { Dictionary } from './types.ts';

/** The compiled file's name, beside the built command and in the extension's dictionary/ folder. */
export const DICTIONARY_FILE = 'cedict.bin';

let loaded: Promise<CompiledDictionary> | undefined;

/** The dictionary, loaded once per process. */
export function loadDictionary(): Promise<Dictionary> {
  return loadCompiledDictionary();
}

/** The dictionary with its test helpers (entries(), headwords()). */
export function loadCompiledDictionary(): Promise<CompiledDictionary> {
  loaded ??= read().then((bytes) => new CompiledDictionary(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer));
  return loaded;
}

async function read(): Promise<Uint8Array> {
  const beside = fileURLToPath(new URL(DICTIONARY_FILE, import.meta.url));
  if (existsSync(beside)) return readFile(beside);
  const cache = join(process.cwd(), 'node_modules', '.cache', 'zhengwen', DICTIONARY_FILE);
  const source = await readSourceInfo();
  if (existsSync(cache)) {
    const bytes = await readFile(cache);
    // The cache is only good for the same data: compare the date the file carries.
    try {
      if (new CompiledDictionary(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer).source.date === source.date) return bytes;
    } catch { /* an old or damaged cache: compile again */ }
  }
  const bytes = compileDictionary(await readSourceData(), source);
  try {
    await mkdir(dirname(cache), { recursive: true });
    // Write then rename, so a parallel test process never reads half a file.
    const tmp = `${cache}.${process.pid}`;
    await writeFile(tmp, bytes);
    await rename(tmp, cache);
  } catch { /* a read-only checkout: compile again next time */ }
  return bytes;
}
