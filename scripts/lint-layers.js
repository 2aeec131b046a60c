// The architecture's lines as an ESLint rule (eslint.config.js uses it as zhengwen/layers).
// A path pattern in no-restricted-imports sees only the import string ('../../content/x.ts'),
// so it cannot tell where a relative import lands; this rule resolves it against the file.
//
//   src/core (tests aside)  imports only src/core, data/ and packages; no node: builtins and
//                           no webextension-polyfill: it is the pure engine the extension and CLI run.
//   src/core tests          may also use the generators (src/damage, src/testing, scripts), never the
//                           extension's or the CLI's code.
//   content, background, popup  meet only through src/shared, which imports none of them.
import { isBuiltin } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const EXTENSION_SIDES = ['src/content', 'src/background', 'src/popup'];
const APP_CODE = [...EXTENSION_SIDES, 'src/cli'];

/** Which part of the repository a path is in: 'src/core', 'src/shared', …, or its top-level folder ('data', 'scripts'). */
export function areaOf(absolute) {
  const parts = relative(ROOT, absolute).split(sep);
  if (parts[0] === '..') return '(outside the repository)';
  return parts[0] === 'src' && parts.length > 2 ? `src/${parts[1]}` : parts[0];
}

/** Why importing `source` from `file` crosses a line, or undefined when it does not. */
export function layerProblem(file, source) {
  const from = areaOf(file);
  const isTest = /\.test\.ts$/.test(file);
  if (!source.startsWith('.')) {
    if (from !== 'src/core' || isTest) return undefined;
    if (source === 'webextension-polyfill') return 'src/core is the pure engine: no browser API (webextension-polyfill belongs to content, background or popup)';
    if (isBuiltin(source)) return `src/core is the pure engine the extension runs: no Node built-in (${source}); tooling goes to scripts/ or src/testing/`;
    return undefined;
  }
  const to = areaOf(resolve(dirname(file), source));
  if (from === to) return undefined;
  if (from === 'src/core') {
    if (!isTest && to !== 'data') return `src/core imports only src/core, data/ and packages, not ${to} (tooling goes to scripts/ or src/testing/)`;
    if (isTest && APP_CODE.includes(to)) return `src/core's tests do not import ${to}: the engine knows nothing of its callers`;
    return undefined;
  }
  if (EXTENSION_SIDES.includes(from) && EXTENSION_SIDES.includes(to)) return `${from} and ${to} meet only through src/shared (typed messages, settings)`;
  if (from === 'src/shared' && APP_CODE.includes(to)) return `src/shared is where the extension's sides meet: it imports none of them (${to})`;
  return undefined;
}

/** @type {import('eslint').Rule.RuleModule} */
const layers = {
  meta: {
    type: 'problem',
    docs: { description: "Keeps imports inside the architecture's lines (src/core pure; content, background, popup meet in src/shared)" },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const check = (node) => {
      const source = node?.source;
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const problem = layerProblem(file, source.value);
      if (problem) context.report({ node: source, message: `'${source.value}': ${problem}.` });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default { rules: { layers } };
