#!/usr/bin/env node
// In a checkout, runs the TypeScript source through tsx, so the command always
// matches the code; an installed package without src/ runs the build
// (npm run build writes dist/cli/zhengwen.mjs).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const source = fileURLToPath(new URL('../src/cli/zhengwen.ts', import.meta.url));
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(source).href);
} else {
  await import(new URL('../dist/cli/zhengwen.mjs', import.meta.url).href);
}
