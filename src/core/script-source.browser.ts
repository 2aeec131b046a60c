import data from 'zhengwen:script-tables';
import { decodeScriptTables, type ScriptTables } from './script-tables.ts';

// The extension's script-source (build.mjs swaps it in): the tables precompiled at
// build time from OpenCC's character dictionaries: STCharacters stays out of the engine.

/** script.ts's tables, decoded from the precompiled data. */
export function scriptTables(): ScriptTables {
  return decodeScriptTables(data);
}
