import { buildClasses, encodeClassRuns } from '../src/core/mojibake/tables.ts';

// A build step (build.mjs runs it): the mojibake finder's class table, derived in Node from
// data/mojibake/decode-tables.json, encoded for the extension's bundle (class-source.browser.ts).

/** The class table as runs for the extension's bundle (build.mjs). */
export function mojibakeClassesData(): number[] {
  return encodeClassRuns(buildClasses());
}
