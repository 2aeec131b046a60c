import stCharacters from 'opencc-js/dict/STCharacters';
import tsCharacters from 'opencc-js/dict/TSCharacters';
import { buildScriptTables, encodeScriptTables, type ScriptTables } from './script-tables.ts';

/**
 * Where script.ts's tables come from in Node (the CLI, tests): read from
 * OpenCC's character dictionaries. The extension build swaps in
 * script-source.browser.ts, which decodes what scriptTablesData() wrote at
 * build time.
 */
export function scriptTables(): ScriptTables {
  return buildScriptTables(tsCharacters, stCharacters);
}

/** The tables encoded for the extension's bundle (build.mjs). */
export function scriptTablesData(): string {
  return encodeScriptTables(scriptTables());
}
