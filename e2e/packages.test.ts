/**
 * The store packages (`npm run package`, scripts/package.ts): the Chrome zip unpacked and loaded
 * in Chromium repairs a page; the Firefox zip passes web-ext lint; the source zip, unpacked into an
 * empty folder, rebuilds byte-identical dist/ files with `npm ci && npm run build` (slow: a full
 * npm ci from the local npm cache and a build, ~30 s here).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { fix } from '../src/core/fix.ts';
import { lintFirefox, SOURCE_PATHS, version } from '../scripts/package.ts';
import { readZip } from '../scripts/zip.ts';
import { launchWithExtension, openProcessed, ROOT, startServer } from './harness.ts';
import { damagedParagraphs, escapeHtml, newsPage } from './pages.ts';

const run = promisify(execFile);
let v = '';
let temp = '';
const zips: Record<'chrome' | 'firefox' | 'source', Map<string, Buffer>> = { chrome: new Map(), firefox: new Map(), source: new Map() };

before(async () => {
  await run(process.execPath, ['--import', 'tsx', 'scripts/package.ts'], { cwd: ROOT, maxBuffer: 16 << 20 });
  v = await version();
  for (const kind of ['chrome', 'firefox', 'source'] as const) {
    zips[kind] = readZip(await readFile(join(ROOT, `artifacts/zhengwen-${v}-${kind}.zip`)));
  }
  temp = await mkdtemp(join(tmpdir(), 'zhengwen-packages-'));
});

after(async () => {
  if (temp) await rm(temp, { recursive: true, force: true });
});

/** Writes a zip's files under dir. */
async function unpack(files: Map<string, Buffer>, dir: string): Promise<void> {
  for (const [name, data] of files) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), data);
  }
}

/** Every file under dir, as path → bytes. */
async function filesUnder(dir: string, prefix = ''): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) for (const [k, data] of await filesUnder(path, `${prefix}${entry.name}/`)) out.set(k, data);
    else out.set(`${prefix}${entry.name}`, await readFile(path));
  }
  return out;
}

/** The names of the files that differ between two trees (missing on either side, or other bytes). */
function differences(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const names = [...new Set([...a.keys(), ...b.keys()])].sort();
  return names.filter((n) => !a.has(n) || !b.has(n) || !a.get(n)!.equals(b.get(n)!));
}

test('each extension zip is its dist/ folder, with the third-party notices and the version', async () => {
  const notices = await readFile(join(ROOT, 'THIRD_PARTY_NOTICES.md'));
  for (const browser of ['chrome', 'firefox'] as const) {
    const files = zips[browser];
    assert.deepEqual(differences(files, await filesUnder(join(ROOT, `dist/${browser}`))), [], `${browser} zip vs dist/${browser}`);
    assert.ok(files.get('THIRD_PARTY_NOTICES.md')?.equals(notices), `${browser} zip carries THIRD_PARTY_NOTICES.md`);
    assert.equal((JSON.parse(files.get('manifest.json')!.toString('utf8')) as { version: string }).version, v);
  }
  for (const name of ['CC-CEDICT', 'CC BY-SA 4.0', 'OpenCC', 'Apache License, Version 2.0', 'pinyin-pro', 'webextension-polyfill', 'Mozilla Public License']) {
    assert.ok(notices.includes(name), `THIRD_PARTY_NOTICES.md names ${name}`);
  }
});

test('the Firefox zip, unpacked, passes web-ext lint with zero errors', async (t) => {
  const dir = join(temp, 'firefox');
  await unpack(zips.firefox, dir);
  const report = await lintFirefox(dir);
  for (const w of report.warnings) t.diagnostic(`warning ${w.code}: ${w.message}`);
  assert.deepEqual(report.errors, []);
});

test('the Chrome zip, unpacked and loaded in Chromium, repairs a damaged page', async () => {
  const dir = join(temp, 'chrome');
  await unpack(zips.chrome, dir);
  const article = damagedParagraphs('news/simplified-01.txt', 7);
  const server = await startServer({ '/article.html': () => newsPage('自貢網(wǎng)訊', article.damaged.map(escapeHtml)) });
  const ext = await launchWithExtension({ dir });
  try {
    assert.match(ext.worker.url(), /^chrome-extension:\/\/[a-p]{32}\/background\.js$/, 'the service worker runs');
    const page = await openProcessed(ext, `${server.origin}/article.html`);
    const shown = await page.evaluate(() => [...document.querySelectorAll('#article > p')].map((p) => p.textContent ?? ''));
    assert.deepEqual(shown, (await fix(article.damaged.join('\n'))).text.split('\n'));
    assert.deepEqual(shown, article.clean);
    await page.close();
  } finally {
    await ext.close();
    await server.close();
  }
});

test('the source zip rebuilds the same files: npm ci && npm run build', async () => {
  const names = [...zips.source.keys()];
  for (const path of SOURCE_PATHS) assert.ok(names.some((n) => n === path || n.startsWith(`${path}/`)), `the source zip holds ${path}`);
  assert.ok(!names.some((n) => n.startsWith('node_modules/') || n.startsWith('dist/')), 'no installed or built files in the source zip');
  const dir = join(temp, 'source');
  await unpack(zips.source, dir);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  await run(npm, ['ci', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: dir, maxBuffer: 64 << 20 });
  await run(npm, ['run', 'build'], { cwd: dir, maxBuffer: 64 << 20 });
  for (const part of ['chrome', 'firefox', 'cli']) {
    const rebuilt = await filesUnder(join(dir, 'dist', part));
    assert.ok(rebuilt.size > 0, `the rebuild wrote dist/${part}`);
    assert.deepEqual(differences(rebuilt, await filesUnder(join(ROOT, 'dist', part))), [], `dist/${part} rebuilt from the source zip differs`);
  }
});
