import type { DictTable } from './dict-table.ts';
import type { DictGroup } from './pipelines.ts';
import { decodeTable } from './table-codec.ts';
import { groupName } from './pipelines.ts';

/**
 * Where tables come from in the extension: binary files that build.mjs
 * compiled from opencc-js's dictionaries, next to the engine (opencc/*.bin).
 * One fetch of a packaged file and no parsing: the Simplified→Traditional
 * phrase table is ~2 MB of typed arrays instead of ~27 MB of Map nodes.
 */
export async function loadTable(group: DictGroup): Promise<DictTable> {
  // The engine is engine/content-main.js or one of its chunks: the tables sit beside that folder.
  const url = new URL(`../opencc/${groupName(group)}.bin`, import.meta.url);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`OpenCC table ${groupName(group)}: HTTP ${response.status}`);
  return decodeTable(await response.arrayBuffer());
}
