import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * ../shared (the real damaged page, OpenCC's test data) exists on developer
 * machines and in CI, not in a user's clone. Tests that read it skip with a
 * visible reason when it is absent.
 */
export const SHARED_DIR = fileURLToPath(new URL('../../../shared/', import.meta.url));

/** Absolute path of a file in ../shared. */
export function sharedPath(relative: string): string {
  return SHARED_DIR + relative;
}

/** The `skip` option for node:test: false when the file exists, else the reason shown in the report. */
export function skipUnlessShared(relative: string): false | string {
  return existsSync(sharedPath(relative)) ? false : `../shared/${relative} is absent (it is not part of the repository)`;
}

/** Reads a UTF-8 file from ../shared. */
export function readShared(relative: string): string {
  return readFileSync(sharedPath(relative), 'utf8');
}

/** OpenCC's testcases.json has trailing commas; strip them before parsing. */
export function parseLooseJson(text: string): unknown {
  return JSON.parse(text.replace(/,(\s*[}\]])/g, '$1'));
}
