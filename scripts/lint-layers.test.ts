import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

// The architecture's lines (eslint.config.js, scripts/lint-layers.js) checked through ESLint's
// own API with the project's config: code that crosses a line fails the lint, code that keeps to
// it passes, and the engine as it is crosses none.

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: ROOT });
const LINE_RULES = new Set(['zhengwen/layers', 'no-restricted-globals']);

/** The messages of the architecture's rules for `code` linted as if it were the file at `path`. */
async function lineProblems(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  assert.ok(result, `ESLint returned no result for ${path}`);
  const fatal = result.messages.filter((m) => m.fatal);
  assert.deepEqual(fatal, [], `${path} did not parse`);
  return result.messages.filter((m) => m.ruleId && LINE_RULES.has(m.ruleId)).map((m) => `${m.ruleId}: ${m.message}`);
}

test('a deliberate import from src/content into src/core fails the lint', async () => {
  const problems = await lineProblems('src/core/lint-probe.ts', "import { PageFixer } from '../content/page-fixer.ts';\nexport const probe = PageFixer;\n");
  assert.equal(problems.length, 1, problems.join('\n'));
  assert.match(problems[0]!, /^zhengwen\/layers: '\.\.\/content\/page-fixer\.ts': src\/core imports only src\/core, data\/ and packages, not src\/content/);
});

test('src/core reaches nothing outside itself, however the import is written', async () => {
  const cases: [string, string][] = [
    ['src/core/mojibake/lint-probe.ts', "export { sharedPath } from '../../testing/shared.ts';\n"],
    ['src/core/mojibake/lint-probe.ts', "export * from '../../cli/main.ts';\n"],
    ['src/core/lint-probe.ts', "export const load = () => import('../popup/popup.ts');\n"],
    ['src/core/lint-probe.ts', "import type { Settings } from '../shared/settings.ts';\nexport type S = Settings;\n"],
    ['src/core/lint-probe.ts', "import { damage } from '../damage/mirror-damage.ts';\nexport const d = damage;\n"],
    ['src/core/lint-probe.ts', "import { writeTables } from '../../scripts/opencc-tables.ts';\nexport const w = writeTables;\n"],
    ['src/core/lint-probe.ts', "import browser from 'webextension-polyfill';\nexport const b = browser;\n"],
    ['src/core/lint-probe.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n"],
    ['src/core/lint-probe.ts', "import { readFileSync } from 'fs';\nexport const r = readFileSync;\n"],
  ];
  for (const [path, code] of cases) {
    const problems = await lineProblems(path, code);
    assert.equal(problems.length, 1, `${path}: ${code}\n${problems.join('\n')}`);
    assert.match(problems[0]!, /^zhengwen\/layers: /);
  }
});

test('src/core uses no page or extension global, but may name a local variable window', async () => {
  for (const name of ['document', 'window', 'chrome', 'browser', 'navigator', 'location']) {
    const problems = await lineProblems('src/core/lint-probe.ts', `export const probe = () => ${name};\n`);
    assert.deepEqual(problems, [`no-restricted-globals: Unexpected use of '${name}'. src/core is the pure engine: no DOM or extension API (page code goes to src/content).`]);
  }
  assert.deepEqual(await lineProblems('src/core/lint-probe.ts', "export function f(text: string): string {\n  const window = text.slice(0, 3);\n  return window;\n}\n"), []);
});

test('what the engine may import passes: itself, data/ and packages', async () => {
  const code = [
    "import { applyEdits } from './edits.ts';",
    "import glossary from '../../data/glossary/position.json';",
    "import { pinyin } from 'pinyin-pro';",
    "import { gbk } from './mojibake/tables.ts';",
    'export const all = [applyEdits, glossary, pinyin, gbk];',
    '',
  ].join('\n');
  assert.deepEqual(await lineProblems('src/core/lint-probe.ts', code), []);
});

test("src/core's tests may use the generators, never the extension's or the CLI's code", async () => {
  assert.deepEqual(await lineProblems('src/core/lint-probe.test.ts', "import { damage } from '../damage/mirror-damage.ts';\nimport { sharedPath } from '../testing/shared.ts';\nexport const d = [damage, sharedPath];\n"), []);
  const problems = await lineProblems('src/core/lint-probe.test.ts', "import { PageFixer } from '../content/page-fixer.ts';\nexport const p = PageFixer;\n");
  assert.equal(problems.length, 1, problems.join('\n'));
});

test('content, background and popup meet only through src/shared', async () => {
  const crossing: [string, string][] = [
    ['src/content/lint-probe.ts', "import { x } from '../popup/popup.ts';\nexport const p = x;\n"],
    ['src/popup/lint-probe.ts', "import { PageFixer } from '../content/page-fixer.ts';\nexport const p = PageFixer;\n"],
    ['src/background/lint-probe.ts', "import { x } from '../content/main.ts';\nexport const p = x;\n"],
    ['src/shared/lint-probe.ts', "import { x } from '../content/main.ts';\nexport const p = x;\n"],
  ];
  for (const [path, code] of crossing) {
    const problems = await lineProblems(path, code);
    assert.equal(problems.length, 1, `${path}: ${code}\n${problems.join('\n')}`);
    assert.match(problems[0]!, /^zhengwen\/layers: .*(meet only through src\/shared|imports none of them)/);
  }
  const meeting = "import { DEFAULT_SETTINGS } from '../shared/settings.ts';\nimport { fix } from '../core/fix.ts';\nexport const s = [DEFAULT_SETTINGS, fix];\n";
  for (const side of ['content', 'background', 'popup']) assert.deepEqual(await lineProblems(`src/${side}/lint-probe.ts`, meeting), []);
});

test('no file under src/core crosses a line as the tree stands', async () => {
  const results = await eslint.lintFiles(['src/core']);
  assert.ok(results.length > 40, `linted only ${results.length} files under src/core`);
  const crossings = results.flatMap((r) => r.messages.filter((m) => m.fatal || (m.ruleId && LINE_RULES.has(m.ruleId))).map((m) => `${r.filePath}:${m.line}: ${m.message}`));
  assert.deepEqual(crossings, []);
});
