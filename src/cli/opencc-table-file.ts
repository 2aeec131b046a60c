import { readFile } from 'node:fs/promises';
import type { DictTable } from '../core/opencc/dict-table.ts';
import { groupName, type DictGroup } from '../core/opencc/pipelines.ts';
import { decodeTable } from '../core/opencc/table-codec.ts';

/**
 * Where OpenCC tables come from in the built command (build.mjs swaps this in
 * for src/core/opencc/table-source.ts): the binary files build.mjs compiled, beside the command in
 * dist/cli/opencc/. Reading a file is ~50 ms faster than compiling
 * opencc-js's dictionaries, and the command no longer parses ~1 MB of them.
 */
export async function loadTable(group: DictGroup): Promise<DictTable> {
  const url = new URL(`./opencc/${groupName(group)}.bin`, import.meta.url);
  let bytes: Buffer;
  try {
    bytes = await readFile(url);
  } catch (e) {
    throw new Error(`OpenCC table ${groupName(group)}: ${(e as Error).message}; run \`npm run build\``);
  }
  // A Buffer may be a view into a shared pool: the table's typed arrays need a buffer of their own.
  return decodeTable(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer);
}
