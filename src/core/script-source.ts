import stCharacters from 'opencc-js/dict/STCharacters';
import tsCharacters from 'opencc-js/dict/TSCharacters';
import { buildScriptTables, type ScriptTables } from './script-tables.ts';

/**
 * Where script.ts's tables come from in Node (the CLI, tests): read from
 * OpenCC's character dictionaries. The extension build swaps in
 * script-source.browser.ts, which decodes what scripts/script-tables.ts wrote at
 * build time.
 */
export function scriptTables(): ScriptTables {
  return buildScriptTables(tsCharacters, stCharacters);
}
