/**
 * The dictionary in the built command: the file build.mjs compiled beside it
 * (dist/cli/cedict.bin), read once. The extension's background fetches the
 * same file; tests run from source compile it (src/testing/dictionary.ts).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { CompiledDictionary } from '../core/dictionary/dictionary.ts';
import type { Dictionary } from '../core/dictionary/types.ts';
import { InputError } from './usage.ts';

let loaded: Promise<Dictionary> | undefined;

/** The dictionary, loaded once per process; a clear error when the build did not write it. */
export function loadDictionary(): Promise<Dictionary> {
  loaded ??= readFile(fileURLToPath(new URL('cedict.bin', import.meta.url))).then(
    (bytes) => new CompiledDictionary(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer),
    () => { throw new InputError('the dictionary file (cedict.bin) is missing beside the command: run `npm run build`'); },
  );
  return loaded;
}

/** The dictionary's readings of each word (CC-CEDICT numbered pinyin), for pinyinWords. */
export async function dictionaryReadings(words: string[]): Promise<string[][]> {
  const dict = await loadDictionary();
  return words.map((w) => [...new Set(dict.lookup(w).map((e) => e.pinyin))]);
}
