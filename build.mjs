// Builds the command line (dist/cli) and the browser extension for Chrome and
// Firefox (dist/chrome, dist/firefox) from one source.
// esbuild must write UTF-8 (charset: 'utf8'): otherwise every CJK character in
// the dictionaries becomes a \uXXXX escape and the bundles double in size.
import * as esbuild from 'esbuild';
import { cp, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const common = { bundle: true, charset: 'utf8', target: 'es2022', logLevel: 'warning', legalComments: 'none' };
/** A development build (ZHENGWEN_DEV=1): readable names for profiles, and performance marks (src/content/dev-marks.ts). */
const dev = process.env.ZHENGWEN_DEV === '1';
const marks = { __ZHENGWEN_MARKS__: dev ? 'true' : 'false' };

/**
 * The `zhengwen` command for Node: an entry file and chunks each command loads
 * when it runs (`fix` never parses pinyin-pro or the glossary), with the
 * compiled OpenCC tables and dictionary beside them. It reads the same
 * precompiled tables as the extension (twins('node')): starting the command to fix
 * one line took ~0.3 s when it compiled them from opencc-js's dictionaries.
 */
export async function buildCli() {
  // Built beside dist/cli and swapped in by two renames: a command started meanwhile (a test,
  // or npx, whose first run in a checkout runs the package's prepare) never finds the folder
  // gone or half-written, as it did when the build began by deleting it.
  const next = `dist/.cli-${process.pid}`;
  const old = `dist/.cli-old-${process.pid}`;
  await rm(next, { recursive: true, force: true });
  await esbuild.build({
    ...common,
    entryPoints: { zhengwen: 'src/cli/zhengwen.ts' },
    outdir: next,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunk-[hash]',
    splitting: true,
    platform: 'node',
    format: 'esm',
    plugins: [twins('node')],
  });
  await cp(await openccTables(), `${next}/opencc`, { recursive: true });
  await cp(await dictionaryFile(), `${next}/cedict.bin`);
  await rename('dist/cli', old).catch((e) => { if (e.code !== 'ENOENT') throw e; });
  await rename(next, 'dist/cli');
  await rm(old, { recursive: true, force: true });
}

/** The manifest for one browser: Chrome runs a service worker, Firefox event-page scripts. */
export function manifestFor(base, browser) {
  const m = structuredClone(base);
  if (browser === 'firefox') {
    m.background = { scripts: ['background.js'] };
    // Firefox's extension URLs already carry a random per-install id; it does not take this key.
    for (const r of m.web_accessible_resources ?? []) delete r.use_dynamic_url;
    m.browser_specific_settings = {
      gecko: {
        id: 'zhengwen@zhengwen.dev',
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      },
    };
  }
  return m;
}

/**
 * Runs a build step written in TypeScript (it uses the engine's own modules):
 * bundled into dist/.tools so plain Node runs it without tsx, then imported.
 */
async function importTool(entry, name) {
  const tool = `dist/.tools/${name}.mjs`;
  await mkdir(dirname(tool), { recursive: true });
  await esbuild.build({ ...common, entryPoints: [entry], outfile: tool, platform: 'node', format: 'esm' });
  return import(`${pathToFileURL(resolve(tool)).href}?${Date.now()}`);
}

/** Builds a value once per run of this script, however many browsers use it. */
const once = (make) => {
  let value;
  return () => (value ??= make());
};

/** CC-CEDICT compiled once per run (scripts/dictionary-file.ts), then copied where it is read. */
const dictionaryFile = once(async () => {
  const file = 'dist/.tools/dictionary/cedict.bin';
  await (await importTool('scripts/dictionary-file.ts', 'dictionary-file')).writeDictionary([file]);
  return file;
});

/** OpenCC's dictionaries compiled into the binary tables the engine fetches (scripts/opencc-tables.ts). */
const openccTables = once(async () => {
  const dir = 'dist/.tools/opencc';
  await rm(dir, { recursive: true, force: true });
  await (await importTool('scripts/opencc-tables.ts', 'opencc-tables')).writeTables(dir);
  return dir;
});

/** pinyin-pro's per-character readings as a table (scripts/readings-table.ts), so pinyin-pro loads only for hover and ruby. */
const readingsTableData = once(async () => (await importTool('scripts/readings-table.ts', 'readings-table')).readingsTableData());

/** OpenCC's character tables read into script.ts's lookup tables (scripts/script-tables.ts). */
const scriptTablesData = once(async () => (await importTool('scripts/script-tables.ts', 'script-tables')).scriptTablesData());

/** The mojibake finder's class table as runs (scripts/mojibake-classes.ts). */
const mojibakeClassesData = once(async () => (await importTool('scripts/mojibake-classes.ts', 'mojibake-classes')).mojibakeClassesData());

/**
 * In the extension and the built command, modules that would do work at every
 * start are replaced by twins that read what this script precompiled: OpenCC's
 * tables (table-source: table-source.browser.ts fetches them,
 * src/cli/opencc-table-file.ts reads the files), the readings table
 * (char-readings, which imports it as the module 'zhengwen:readings-table'),
 * the script tables (script-source, 'zhengwen:script-tables') and the mojibake
 * finder's class table (class-source, 'zhengwen:mojibake-classes'). Tests and
 * tools run the plain modules.
 */
function twins(platform) {
  return {
    name: `${platform}-twins`,
    setup(build) {
      build.onResolve({ filter: /\/table-source\.ts$/ }, (args) => ({
        path: platform === 'node' ? resolve('src/cli/opencc-table-file.ts') : resolve(args.resolveDir, args.path.replace(/\.ts$/, '.browser.ts')),
      }));
      build.onResolve({ filter: /\/(char-readings|script-source|class-source)\.ts$/ }, (args) => ({
        path: resolve(args.resolveDir, args.path.replace(/\.ts$/, '.browser.ts')),
      }));
      build.onResolve({ filter: /^zhengwen:readings-table$/ }, () => ({ path: 'readings-table', namespace: 'zhengwen-readings' }));
      build.onLoad({ filter: /.*/, namespace: 'zhengwen-readings' }, async () => ({ contents: `export default ${JSON.stringify(await readingsTableData())};`, loader: 'js' }));
      build.onResolve({ filter: /^zhengwen:script-tables$/ }, () => ({ path: 'script-tables', namespace: 'zhengwen-script' }));
      build.onLoad({ filter: /.*/, namespace: 'zhengwen-script' }, async () => ({ contents: `export default ${JSON.stringify(await scriptTablesData())};`, loader: 'js' }));
      build.onResolve({ filter: /^zhengwen:mojibake-classes$/ }, () => ({ path: 'mojibake-classes', namespace: 'zhengwen-mojibake' }));
      build.onLoad({ filter: /.*/, namespace: 'zhengwen-mojibake' }, async () => ({ contents: `export default ${JSON.stringify(await mojibakeClassesData())};`, loader: 'js' }));
    },
  };
}
const browserTwins = twins('browser');

/** The engine's own URL as the extension API gives it (the dynamic one where use_dynamic_url is on), in every engine file. */
const engineUrlFixes = {
  name: 'engine-url',
  setup(build) {
    build.initialOptions.banner = {
      js: 'const __zhengwenEngineUrl=(globalThis.browser??globalThis.chrome).runtime.getURL("engine/content-main.js");',
    };
  },
};

/** `import("./chunk.js")` → the chunk's URL from the engine's runtime URL, not from import.meta.url (see above). */
export function relativeImportsByRuntimeUrl(code) {
  return code.replace(/import\("\.\/([\w.-]+\.js)"\)/g, 'import(new URL("./$1",__zhengwenEngineUrl).href)');
}

/** The unpacked extension for one browser. */
export async function buildExtension(browser) {
  const out = `dist/${browser}`;
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  const minify = !dev;
  // Scripts the browser loads directly are classic scripts: IIFE.
  await esbuild.build({
    ...common, minify, format: 'iife', platform: 'browser', outdir: out, plugins: [browserTwins], define: marks,
    entryPoints: { content: 'src/content/bootstrap.ts', background: 'src/background/background.ts', popup: 'src/popup/popup.ts' },
  });
  // The engine is an ES module the bootstrap imports on pages with Chinese text;
  // code used only sometimes (the glossary) splits off into chunks loaded when needed.
  // Its files are web-accessible with use_dynamic_url (Chromium): a module imported by its
  // dynamic URL still gets the static one as import.meta.url, and pages may not load the
  // static URL, so chunks and tables are found through runtime.getURL (engineUrlFixes).
  await esbuild.build({
    ...common, minify, format: 'esm', platform: 'browser', splitting: true,
    outdir: `${out}/engine`, chunkNames: 'chunk-[hash]',
    entryPoints: { 'content-main': 'src/content/main.ts' }, write: false,
    // Firefox takes no use_dynamic_url (its extension URLs are random per install): import.meta.url is right there.
    ...(browser === 'chrome' ? { plugins: [browserTwins, engineUrlFixes], define: { ...marks, 'import.meta.url': '__zhengwenEngineUrl' } } : { plugins: [browserTwins], define: marks }),
  }).then((r) => Promise.all(r.outputFiles.map(async (f) => {
    // A chunk shared between the engine and a lazy chunk is imported by a static relative URL,
    // which resolves against the fixed extension id that use_dynamic_url forbids pages to load:
    // the engine then never starts. Lazy modules take what they share as parameters instead.
    if (browser === 'chrome' && /(?:from|import)\s*"\.\/[\w.-]+\.js"/.test(f.text)) {
      throw new Error(`${f.path}: a static import of another engine chunk; pass shared code to the lazy module as a parameter (see src/core/word-pinyin.ts)`);
    }
    await mkdir(dirname(f.path), { recursive: true });
    await writeFile(f.path, browser === 'chrome' ? relativeImportsByRuntimeUrl(f.text) : f.text);
  })));
  // The "My terms" page is a module at the root, so OpenCC's tables (../opencc/ from engine/) resolve from it too.
  await esbuild.build({
    ...common, minify, format: 'esm', platform: 'browser', outdir: out, plugins: [browserTwins],
    entryPoints: { 'user-glossary': 'src/glossary-page/user-glossary.ts' },
  });
  await cp(await openccTables(), `${out}/opencc`, { recursive: true });
  await mkdir(`${out}/dictionary`, { recursive: true });
  await cp(await dictionaryFile(), `${out}/dictionary/cedict.bin`);
  await cp('src/popup/popup.html', `${out}/popup.html`);
  await cp('src/popup/popup.css', `${out}/popup.css`);
  await cp('src/shared/page-theme.css', `${out}/page-theme.css`);
  await cp('src/glossary-page/user-glossary.html', `${out}/user-glossary.html`);
  await cp('src/glossary-page/user-glossary.css', `${out}/user-glossary.css`);
  await cp('src/content/content.css', `${out}/content.css`);
  // The word-list page (src/word-list/), an extension page with a classic script.
  await esbuild.build({ ...common, minify, format: 'iife', platform: 'browser', outdir: out, entryPoints: { 'word-list': 'src/word-list/word-list.ts' } });
  await cp('src/word-list/word-list.html', `${out}/word-list.html`);
  await cp('src/word-list/word-list.css', `${out}/word-list.css`);
  await cp('_locales', `${out}/_locales`, { recursive: true });
  await cp('THIRD_PARTY_NOTICES.md', `${out}/THIRD_PARTY_NOTICES.md`); // the licences of what the bundles carry
  await mkdir(`${out}/icons`, { recursive: true });
  for (const size of [16, 32, 48, 128]) await cp(`icons/icon-${size}.png`, `${out}/icons/icon-${size}.png`);
  const base = JSON.parse(await readFile('manifest.json', 'utf8'));
  const pkg = JSON.parse(await readFile('package.json', 'utf8'));
  base.version = pkg.version;
  await writeFile(`${out}/manifest.json`, JSON.stringify(manifestFor(base, browser), null, 2) + '\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const only = process.argv[2];
  if (!only || only === 'cli') await buildCli();
  if (!only || only === 'extension') {
    await buildExtension('chrome');
    await buildExtension('firefox');
  }
}
