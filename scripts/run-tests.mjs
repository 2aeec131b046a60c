// Runs every test with Node's own runner: unit tests beside the code (src/**/*.test.ts, and
// scripts/**/*.test.ts for the build and tooling steps),
// then the browser tests (e2e/**/*.test.ts) against a fresh build, unless --unit is given.
// Node 20's --test does not expand globs, so the files are listed here.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
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

function run(args) {
  const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
  return r.status === 0;
}

const only = process.argv[2];
let ok = true;
// The command-line tests run bin/zhengwen.mjs, which runs the built command: build it first, once,
// rather than have parallel test processes each find it stale and rebuild it.
if (only !== '--e2e') ok = run(['build.mjs', 'cli']) && (process.env.ZHENGWEN_CLI_BUILT = '1') && run(['--import', 'tsx', '--test', '--test-reporter=spec', ...find('src'), ...find('scripts')]) && ok;
if (only !== '--unit') {
  const browser = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(browser)) {
    const message = `Chromium not found at ${browser}: the browser tests cannot run (apt-get install -y chromium fonts-noto-cjk).`;
    if (process.env.ZHENGWEN_REQUIRE_BROWSER) { console.error(message); process.exit(1); }
    console.warn(`\n*** SKIPPED all browser tests. ${message}\n`);
  } else {
    ok = run(['build.mjs']) && ok;
    // One browser test file at a time: each starts its own Chromium, and this machine has two cores.
    ok = run(['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...find('e2e')]) && ok;
  }
}
process.exit(ok ? 0 : 1);
