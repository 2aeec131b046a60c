/**
 * Headless Firefox with the built add-on (dist/firefox), driven by `web-ext run`.
 * Playwright cannot load extensions into Firefox, so the test page reports what
 * it shows by POSTing to the test server, and the browser is watched from outside.
 *
 * web-ext runs in its own process group (detached), and Firefox and all its
 * child processes inherit that group, so killing the group leaves nothing
 * behind. TMPDIR points into a directory we delete, so web-ext's temporary
 * profile goes too, even when the group had to be killed with SIGKILL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ROOT, type TestServer } from './harness.ts';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_DIST = join(ROOT, 'dist/firefox');
const WEB_EXT = join(ROOT, 'node_modules/web-ext/bin/web-ext.js');

/** Why the Firefox test cannot run here, or undefined when Firefox is installed. */
export function firefoxMissing(): string | undefined {
  if (existsSync(FIREFOX)) return undefined;
  return `Firefox not found at ${FIREFOX}: the Firefox smoke test cannot run (apt-get install -y --no-install-recommends firefox-esr)`;
}

/**
 * The `skip` option for node:test: false when Firefox is installed, else the reason.
 * With ZHENGWEN_REQUIRE_BROWSER set, a missing Firefox does not skip: the test runs and fails.
 */
export function skipUnlessFirefox(): false | string {
  const missing = firefoxMissing();
  return missing === undefined || process.env.ZHENGWEN_REQUIRE_BROWSER ? false : missing;
}

/** Keeps Firefox off the network (the network here is closed) and away from first-run pages. */
const PREFS: Record<string, string | number | boolean> = {
  'app.normandy.enabled': false,
  'app.shield.optoutstudies.enabled': false,
  'browser.aboutwelcome.enabled': false,
  'browser.backup.scheduled.enabled': false,
  'browser.newtabpage.enabled': false,
  'browser.newtabpage.activity-stream.feeds.section.topstories': false,
  'browser.newtabpage.activity-stream.feeds.system.topsites': false,
  'browser.newtabpage.activity-stream.feeds.topsites': false,
  'browser.topsites.contile.enabled': false,
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.search.update': false,
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.page': 0,
  'browser.tabs.warnOnClose': false,
  'datareporting.healthreport.uploadEnabled': false,
  // Page and content-script console messages (and their errors) go to stdout, so web-ext --verbose shows them.
  'devtools.console.stdout.content': true,
  'extensions.blocklist.enabled': false,
  'extensions.getAddons.showPane': false,
  'extensions.systemAddon.update.enabled': false,
  'extensions.htmlaboutaddons.recommendations.enabled': false,
  'messaging-system.rsexperimentloader.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  // Honoured only with MOZ_REMOTE_SETTINGS_DEVTOOLS=1 in the environment (set below).
  'services.settings.server': 'http://127.0.0.1:9/',
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.reportingpolicy.firstRun': false,
  'toolkit.telemetry.server': '',
};

export interface FirefoxRun {
  process: ChildProcess;
  /** Everything web-ext and Firefox wrote to stdout and stderr (with --verbose, the browser's console). */
  output(): string;
  /** Milliseconds from spawn until web-ext reported the add-on installed, or undefined. */
  installedAfter(): number | undefined;
  /** Kills web-ext, Firefox and every child of theirs, and removes the temporary profile. */
  close(): Promise<void>;
}

/** Runs not yet closed: process group → temporary directory. */
const running = new Map<number, string>();
function killAll(): void {
  for (const [pgid, temp] of running) {
    try { process.kill(-pgid, 'SIGKILL'); } catch { /* gone */ }
    for (const pid of processesOf(pgid, temp)) try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ }
    try { rmSync(temp, { recursive: true, force: true }); } catch { /* best effort */ }
  }
}
// If the test process ends without running its hooks, no Firefox outlives it. The group is detached,
// so a Ctrl-C in the terminal does not reach it: kill it, then let the signal end us as usual.
process.once('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => { killAll(); process.kill(process.pid, signal); });
}

/**
 * Live processes that belong to a run: those in its process group, and those that left the
 * group but name its temporary directory on their command line (Firefox's crashhelper calls
 * setsid() and gets the profile path). Linux only: /proc/PID/stat field 5 is the group.
 */
export function processesOf(pgid: number, temp: string): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (fields[0] === 'Z') continue; // a zombie is already dead
      if (Number(fields[2]) === pgid || readFileSync(`/proc/${name}/cmdline`, 'utf8').includes(temp)) out.push(Number(name));
    } catch { /* exited meanwhile */ }
  }
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts `web-ext run` on dist/firefox in headless Firefox, opening the given URL. */
export async function runFirefox(startUrl: string, options: { verbose?: boolean } = {}): Promise<FirefoxRun> {
  const missing = firefoxMissing();
  if (missing !== undefined) throw new Error(`${missing}, and ZHENGWEN_REQUIRE_BROWSER is set`);
  if (!existsSync(join(FIREFOX_DIST, 'manifest.json'))) throw new Error('dist/firefox is missing: run `npm run build` first');
  const temp = await mkdtemp(join(tmpdir(), 'zhengwen-firefox-'));
  const args = [
    WEB_EXT, 'run',
    '--source-dir', FIREFOX_DIST,
    '--firefox', FIREFOX,
    '--target', 'firefox-desktop',
    '--no-input', '--no-reload', '--no-config-discovery',
    // web-ext 10 has no --headless option of its own: pass Firefox's.
    '--arg=--headless',
    '--start-url', startUrl,
    ...Object.entries(PREFS).map(([k, v]) => `--pref=${k}=${v}`),
  ];
  if (options.verbose !== false) args.push('--verbose');
  const started = Date.now();
  const child = spawn(process.execPath, args, {
    cwd: temp,
    detached: true, // its own process group, which Firefox joins
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TMPDIR: temp, MOZ_HEADLESS: '1', MOZ_CRASHREPORTER_DISABLE: '1', MOZ_REMOTE_SETTINGS_DEVTOOLS: '1', HOME: temp },
  });
  const pgid = child.pid!;
  running.set(pgid, temp);
  let log = '';
  let installed: number | undefined;
  const collect = (chunk: Buffer) => {
    log += chunk.toString('utf8');
    if (installed === undefined && /Installed .* as a temporary add-on/.test(log)) installed = Date.now() - started;
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  let exited = false;
  child.once('exit', () => { exited = true; });

  return {
    process: child,
    output: () => log,
    installedAfter: () => installed,
    close: async () => {
      const alive = () => processesOf(pgid, temp);
      try { process.kill(-pgid, 'SIGTERM'); } catch { /* already gone */ }
      for (let i = 0; i < 50 && alive().length > 0; i++) await sleep(100);
      if (alive().length > 0) {
        try { process.kill(-pgid, 'SIGKILL'); } catch { /* gone */ }
        for (const pid of alive()) try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ }
        for (let i = 0; i < 50 && alive().length > 0; i++) await sleep(100);
      }
      const left = alive();
      running.delete(pgid);
      if (!exited) await Promise.race([new Promise((r) => child.once('exit', r)), sleep(2000)]);
      await rm(temp, { recursive: true, force: true });
      if (left.length > 0) throw new Error(`processes still running after SIGKILL: ${left.join(' ')}`);
    },
  };
}

/**
 * Playwright cannot drive Firefox with an add-on, so test pages report what they show by POSTing to
 * /report: each body goes to `onReport` (as text); every other request to the test server's own handler.
 */
export function receiveReports(server: TestServer, onReport: (body: string) => void): void {
  const [serve] = server.server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.server.removeAllListeners('request');
  server.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST' || req.url !== '/report') return serve!(req, res);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      res.writeHead(204).end();
      onReport(Buffer.concat(chunks).toString('utf8'));
    });
  });
}
