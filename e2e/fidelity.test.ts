/**
 * Issue 14 in the browser: a mirror page that annotates part of the
 * occurrences, one with a table's fixed wrong tone (成績(jī)), and the
 * one-to-many sentences (著 and others) in Taiwan Traditional. With default
 * settings the extension reads it as a mirror and restores Simplified text:
 * exactly what the engine gives in Node (tables compiled at build time vs
 * compiled on first use) and exactly the Simplified originals.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { fix } from '../src/core/fix.ts';
import { converter } from '../src/core/opencc/index.ts';
import { launchWithExtension, openProcessed, startServer, type ExtensionBrowser, type TestServer } from './harness.ts';

interface Case { name: string; input: string; to: string; expected: string }
const cases = JSON.parse(readFileSync(new URL('../src/core/cases/in-the-wild-patterns.json', import.meta.url), 'utf8')) as Case[];
const w25 = cases.find((c) => c.name.startsWith('W25 ') && c.to === 'auto')!;
const w26 = cases.find((c) => c.name.startsWith('W26 ') && c.to === 'cn')!;
// The one-to-many sentences of the conversion test, read from it so the two lists cannot drift.
const SENTENCES = [...readFileSync(new URL('../src/core/opencc/zhengwen-phrases.test.ts', import.meta.url), 'utf8').matchAll(/^ {2}'([^']+。)',$/gm)].map((m) => m[1]!);

let server: TestServer;
let ext: ExtensionBrowser;
let lines: string[];

before(async () => {
  const toTw = await converter('s2tw');
  lines = [w25.input, w26.input, ...SENTENCES.map(toTw)];
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const page = `<!doctype html><html><head><meta charset="utf-8"><title>新聞</title></head><body><article id="article">${lines.map((l) => `<p>${escape(l)}</p>`).join('\n')}</article></body></html>`;
  server = await startServer({ '/fidelity.html': page });
  ext = await launchWithExtension();
});

after(async () => {
  await ext?.close();
  await server?.close();
});

test('default settings: partial annotation, a fixed wrong tone and 著 words come out as the engine gives them, and as written', async () => {
  assert.ok(SENTENCES.length >= 20, `only ${SENTENCES.length} sentences read`);
  const page = await openProcessed(ext, `${server.origin}/fidelity.html`);
  const shown = await page.evaluate(() => [...document.querySelectorAll('#article p')].map((p) => (p as HTMLElement).innerText));
  const engine = (await fix(lines.join('\n'), { to: 'auto' })).text.split('\n');
  assert.deepEqual(shown, engine);
  assert.deepEqual(shown, [w25.expected, w26.expected, ...SENTENCES]);
  await page.close();
});
