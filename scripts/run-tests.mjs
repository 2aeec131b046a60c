// Runs every test with Node's own runner: unit tests beside the code (src/**/*.test.ts),
// then the browser tests (e2e/**/*.test.ts) unless --unit is given.
// Node 20's --test does not expand globs, so the files are listed here.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function find(dir) {
  let out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out = out.concat(find(p));
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out.sort();
}

const only = process.argv[2];
const groups = [];
if (only !== '--e2e') groups.push(find('src'));
if (only !== '--unit') groups.push(find('e2e'));
let failed = false;
for (const files of groups) {
  if (files.length === 0) continue;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
