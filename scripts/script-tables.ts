import { scriptTables } from '../src/core/script-source.ts';
import { encodeScriptTables } from '../src/core/script-tables.ts';

// A build step (build.mjs runs it): OpenCC's character tables, read in Node,
// encoded for the extension's bundle, which decodes them in script-source.browser.ts.

/** The tables encoded for the extension's bundle (build.mjs). */
export function scriptTablesData(): string {
  return encodeScriptTables(scriptTables());
}
