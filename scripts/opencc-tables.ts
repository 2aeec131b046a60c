/**
 * Writes OpenCC's dictionaries, compiled into the binary tables the engine
 * reads in the extension (src/core/opencc/table-source.browser.ts), one file
 * per dictionary group. build.mjs runs it for every extension build.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { allGroups, ENGINE_CONVERSIONS, groupName } from '../src/core/opencc/pipelines.ts';
import { encodeTable } from '../src/core/opencc/table-codec.ts';
import { loadTable } from '../src/core/opencc/table-source.ts';

/** Compiles every table the engine's pipelines use into `dir`; returns the files and their sizes. */
export async function writeTables(dir: string): Promise<{ file: string; bytes: number }[]> {
  await mkdir(dir, { recursive: true });
  const written: { file: string; bytes: number }[] = [];
  for (const group of allGroups(ENGINE_CONVERSIONS)) {
    const bytes = encodeTable(await loadTable(group));
    const file = `${dir}/${groupName(group)}.bin`;
    await writeFile(file, bytes);
    written.push({ file, bytes: bytes.length });
  }
  return written;
}
