/**
 * `npm run bench`: the performance figures of the engine (Node) and of the
 * built extension in real Chromium (dist/chrome loaded vs not loaded, same
 * page, alternating runs, medians). Prints a table and writes
 * bench/results/latest.json and latest.md. Nothing here asserts on time:
 * the table says which targets are met, and the exit code is 0 either way.
 */
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { ROOT, startServer } from '../e2e/harness.ts';
import { engineUrls, measureArticle, memoryFigures, timeFigures } from './article.ts';
import { launch, launchMinimal, setSettings, warmUp, type Browser } from './browser.ts';
import { benchCli, cliFigures } from './cli.ts';
import { benchEngine, engineFigures } from './engine.ts';
import { benchEnglish } from './english.ts';
import { benchHover } from './hover.ts';
import { benchLong } from './long.ts';
import { buildPages, damagedText } from './pages.ts';
import { markdown, textTable, writeResults, type Figure } from './report.ts';
import { benchStream } from './stream.ts';

/** Runs per figure, sized so the whole benchmark stays well under 5 minutes on 2 cores. */
const RUNS = { engine: 5, english: 7, article: 5, long: 3, stream: 3, hovers: 200, cli: 5 };

const started = performance.now();
const log = (s: string): void => void process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${s}\n`);

// `npm run bench -- --only article,long` runs some parts (engine, article, english, long, stream, hover, cli)
// for a quick look while working; only a full run writes bench/results/latest.*.
const PARTS = ['engine', 'article', 'english', 'long', 'stream', 'hover', 'cli'] as const;
const onlyArg = process.argv.indexOf('--only');
const only = onlyArg === -1 ? [...PARTS] : (process.argv[onlyArg + 1] ?? '').split(',');
const unknown = only.filter((p) => !(PARTS as readonly string[]).includes(p));
if (unknown.length || !only.length) {
  console.error(`bench: --only takes a comma-separated list of ${PARTS.join(', ')}; got ${unknown.join(', ') || 'nothing'}`);
  process.exit(2);
}
const wants = (part: (typeof PARTS)[number]): boolean => only.includes(part);
const full = only.length === PARTS.length;

const figures: Figure[] = [];
/** Thrown to skip the browser parts when only Node parts were asked for. */
class SkipBrowser extends Error {}
// Other work on the machine skews every figure: the load average goes in the report.
const load = [loadavg()[0]!];

// The engine first, while no browser competes for the two cores and before the pages fill the heap.
if (wants('engine')) {
  log('engine (Node)');
  figures.push(...engineFigures(await benchEngine(damagedText(1_000_000, 3).damaged.join('\n'), RUNS.engine)));
}
// The command line as processes, also before any browser runs.
if (wants('cli')) {
  log('command line (processes)');
  figures.push(...cliFigures(await benchCli(2_700_000, RUNS.cli)));
}
log('building pages');
const pages = buildPages();
// The browser is started only for the parts that need it.
const browserParts = only.some((p) => p !== 'engine' && p !== 'cli');

const server = await startServer(Object.fromEntries(Object.values(pages).map((p) => [p.path, p.html])));
const url = (name: keyof typeof pages): string => server.origin + pages[name].path;
const browsers: Browser[] = [];
let chromium = '';
try {
  if (!browserParts) throw new SkipBrowser();
  const withExt = await launch(true);
  browsers.push(withExt);
  const without = await launch(false);
  browsers.push(without);
  const blank = withExt.ext.context.pages()[0] ?? (await withExt.ext.context.newPage());
  chromium = ((await (await withExt.ext.context.newCDPSession(blank)).send('Browser.getVersion')) as { product: string }).product;

  for (const b of [withExt, without]) await warmUp(b, url('typical'));
  let auto: Awaited<ReturnType<typeof measureArticle>> | undefined;
  if (wants('article') || wants('english')) {
    log('typical article, default settings');
    auto = await measureArticle(withExt, without, url('typical'), RUNS.article, pages.typical.clean);
  }
  if (wants('article') && auto) {
    log('typical article, target Traditional (Taiwan)');
    await setSettings(withExt, { script: 'tw', settingsVersion: 2 });
    const tw = await measureArticle(withExt, without, url('typical'), RUNS.article);
    await setSettings(withExt, null);
    figures.push(...timeFigures(auto, tw), ...memoryFigures(auto, tw));
  }
  if (wants('english') && auto) {
    log('English page');
    const minimal = { settings: await launchMinimal('settings'), page: await launchMinimal('page') };
    browsers.push(minimal.settings, minimal.page);
    figures.push(...(await benchEnglish(withExt, without, minimal, url('english'), RUNS.english, engineUrls(auto))));
    for (const m of Object.values(minimal)) await m.ext.close();
    browsers.splice(-2);
  }
  if (wants('long')) {
    log('long page');
    figures.push(...(await benchLong(withExt, without, url('long'), RUNS.long)));
  }
  if (wants('stream')) {
    log('appending page');
    figures.push(...(await benchStream(withExt, url('stream'), RUNS.stream)));
  }
  if (wants('hover')) {
    log('hover');
    figures.push(...(await benchHover(withExt, without, url('typical'), RUNS.hovers)));
  }
} catch (e) {
  if (!(e instanceof SkipBrowser)) throw e;
} finally {
  for (const b of browsers) await b.ext.close();
  await server.close();
}

const order = (id: string): number => parseInt(id, 10) * 1000 + (/[a-z]$/.test(id) ? id.charCodeAt(id.length - 1) : 0);
figures.sort((a, b) => order(a.id) - order(b.id));
const seconds = (performance.now() - started) / 1000;
load.push(loadavg()[0]!);
const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}`;
const context = [
  `${new Date().toISOString().slice(0, 10)}, ${machine}, Node ${process.versions.node}, ${chromium}, load average ${load.map((l) => l.toFixed(1)).join(' → ')}`,
  ...Object.values(pages).map((p) => `${p.path}: ${p.about}, ${p.chars.toLocaleString('en-US')} chars in ${p.paragraphs.toLocaleString('en-US')} paragraphs`),
];

console.log(`\nZhengwen benchmark — ${context[0]}`);
for (const line of context.slice(1)) console.log(`  ${line}`);
console.log('\n' + textTable(figures));
console.log('\nMethods:');
for (const f of figures) console.log(`  ${f.id}: ${f.method}`);
const met = figures.filter((f) => f.met !== null);
console.log(`\n${met.filter((f) => f.met).length} of ${met.length} targets met. Run took ${seconds.toFixed(0)} s.`);

if (!full) {
  console.log('Partial run (--only): bench/results/latest.* left as they were.');
  process.exit(0);
}
const out = join(ROOT, 'bench/results');
await writeResults(join(out, 'latest.json'), join(out, 'latest.md'), {
  date: new Date().toISOString(), seconds, machine, loadAverage: load, node: process.versions.node, chromium, runs: RUNS,
  pages: Object.fromEntries(Object.entries(pages).map(([k, p]) => [k, { path: p.path, about: p.about, chars: p.chars, paragraphs: p.paragraphs }])),
  figures,
}, markdown(figures, context));
console.log(`Wrote bench/results/latest.json and latest.md.`);
