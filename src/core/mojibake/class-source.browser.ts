import runs from 'zhengwen:mojibake-classes';
import { decodeClassRuns } from './tables.ts';

// The extension's class-source (build.mjs swaps it in): the class table precompiled at
// build time (scripts/mojibake-classes.ts), ~10,000 runs instead of ~20 ms of derivation.

/** tables.ts's class table, decoded from the precompiled runs. */
export function prebuiltClasses(): Uint8Array {
  return decodeClassRuns(runs);
}
