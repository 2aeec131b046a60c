import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { ROOT } from './harness.ts';

test('dist/firefox passes web-ext lint with zero errors', async (t) => {
  const { stdout } = await promisify(execFile)(process.execPath, [
    join(ROOT, 'node_modules/web-ext/bin/web-ext.js'), 'lint', '--source-dir', join(ROOT, 'dist/firefox'), '--output', 'json', '--no-config-discovery',
  ], { maxBuffer: 16 << 20 }).catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }));
  const report = JSON.parse(stdout) as { summary: { errors: number; warnings: number }; errors: { code: string; message: string }[]; warnings: { code: string; message: string }[] };
  for (const w of report.warnings) t.diagnostic(`warning ${w.code}: ${w.message}`);
  assert.deepEqual(report.errors, []);
  assert.equal(report.summary.errors, 0);
});
