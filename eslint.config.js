// ESLint (flat config): typescript-eslint's recommended rules, and the architecture's lines as rules
// (zhengwen/layers in scripts/lint-layers.js, no-restricted-globals below). `npm run lint`; `npm test` runs it.
import Module, { createRequire } from 'node:module';
import layers from './scripts/lint-layers.js';

// typescript-eslint 8 parses with TypeScript's JavaScript API, which TypeScript 7 (the native
// compiler this project type-checks with) no longer ships: it refuses TypeScript >= 7 and asks
// for TypeScript 6.0 side by side. package.json installs 6.0 as `typescript-6` (and an override
// lets typescript-eslint's peer range accept the project's 7); here, typescript-eslint's own
// require('typescript') is pointed at it. Only this ESLint process sees the redirect.
const typescript6 = createRequire(import.meta.url).resolve('typescript-6');
const lintPackages = /[\\/]node_modules[\\/](typescript-eslint|@typescript-eslint[\\/][^\\/]+|ts-api-utils)[\\/]/;
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  const redirect = request === 'typescript' && lintPackages.test(parent?.filename ?? '');
  return resolveFilename.call(this, redirect ? typescript6 : request, parent, ...rest);
};
const { default: tseslint } = await import('typescript-eslint');

// Globals that only exist in a page or an extension: the engine runs in Node (the CLI) as well.
const BROWSER_ONLY = ['document', 'window', 'chrome', 'browser', 'navigator', 'location', 'localStorage', 'sessionStorage'].map((name) => ({
  name,
  message: 'src/core is the pure engine: no DOM or extension API (page code goes to src/content).',
}));

export default tseslint.config(
  { ignores: ['dist/', 'artifacts/', 'bench/results/', 'demo-output/', 'test-results/', 'scratch/', 'e2e/hostile/fixtures/'] },
  { files: ['**/*.ts', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    plugins: { zhengwen: layers },
    rules: {
      'zhengwen/layers': 'error',
      // `_` marks a parameter a signature needs but the body does not use.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Code passed to page.evaluate reads the test page's own globals (window.__clicks, window.__pageWrites),
    // which no type describes: `(window as any)` is the honest type there.
    files: ['e2e/**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: { 'no-restricted-globals': ['error', ...BROWSER_ONLY] },
  },
);
