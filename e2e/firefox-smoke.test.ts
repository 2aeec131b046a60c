/**
 * Smoke test in real Firefox: `web-ext run` installs dist/firefox as a temporary
 * add-on in headless Firefox ESR and opens the real damaged page; the page itself
 * reports its paragraphs to the test server every 200 ms (Playwright cannot drive
 * Firefox with an extension loaded), until they read as the Simplified repair.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { readShared, skipUnlessShared } from '../src/testing/shared.ts';
import { receiveReports, runFirefox, skipUnlessFirefox, type FirefoxRun } from './firefox.ts';
import { startServer, type TestServer } from './harness.ts';
import { clause } from './hostile/pages.ts';

const GARBLED = 'fixtures/zigong-garbled.txt';
const CLEAN = 'fixtures/zigong-clean.zh-Hans.txt';
const skip = skipUnlessShared(GARBLED) || skipUnlessShared(CLEAN) || skipUnlessFirefox();
const TIMEOUT = 60_000;

const lines = (text: string) => text.replace(/\n$/, '').split('\n');

/** The real damaged page, one <p> per line, reporting its paragraphs' text to /report every 200 ms. */
function fixturePage(): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const paragraphs = lines(readShared(GARBLED));
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escape(paragraphs[0]!.slice(0, 20))}</title></head>
<body><header><nav><a href="#">首頁</a></nav></header><article id="article">${paragraphs.map((l) => `<p>${escape(l)}</p>`).join('\n')}</article>
<script>
  let last = '';
  setInterval(() => {
    const text = JSON.stringify([...document.querySelectorAll('#article p')].map((p) => p.innerText));
    if (text === last) return;
    last = text;
    fetch('/report', { method: 'POST', headers: { 'content-type': 'text/plain;charset=utf-8' }, body: text }).catch(() => { last = ''; });
  }, 200);
</script></body></html>`;
}

/** Damaged text in an open shadow root, a closed one, and a closed one nested in an open one. */
const SHADOW_CLAUSES = { open: 41, closed: 42, nested: 49, light: 40 } as const;

/** A page with text in shadow roots, reporting what each holds to /report every 200 ms. */
function shadowPage(): string {
  const d = (k: keyof typeof SHADOW_CLAUSES) => JSON.stringify(clause(SHADOW_CLAUSES[k]).damaged);
  return `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>網(wǎng)絡(luò)新聞</title></head>
<body><p id="light"></p><zw-open></zw-open><zw-closed></zw-closed><zw-nest></zw-nest>
<script>
  const roots = {};
  const make = (name, mode, key, html, text) => customElements.define(name, class extends HTMLElement {
    constructor() {
      super();
      const root = this.attachShadow({ mode });
      root.innerHTML = html;
      const p = root.querySelector('p');
      if (p) p.textContent = text;
      roots[key] = root;
    }
  });
  document.getElementById('light').textContent = ${d('light')};
  make('zw-open', 'open', 'open', '<p></p>', ${d('open')});
  make('zw-closed', 'closed', 'closed', '<div><p></p></div>', ${d('closed')});
  make('zw-inner', 'closed', 'nested', '<p></p>', ${d('nested')});
  make('zw-nest', 'open', 'outer', '<section><zw-inner></zw-inner></section>', '');
  let last = '';
  setInterval(() => {
    const text = JSON.stringify([document.getElementById('light').textContent, ...['open', 'closed', 'nested'].map((k) => roots[k].querySelector('p').textContent)]);
    if (text === last) return;
    last = text;
    fetch('/report', { method: 'POST', headers: { 'content-type': 'text/plain;charset=utf-8' }, body: text }).catch(() => { last = ''; });
  }, 200);
</script></body></html>`;
}

let server: TestServer;
let firefox: FirefoxRun | undefined;
/** Every report the page posted, in order. */
const reports: string[][] = [];
let onReport: (() => void) | undefined;

before(async () => {
  if (skipUnlessFirefox()) return;
  server = await startServer({ '/fixture.html': fixturePage, '/shadow.html': shadowPage });
  receiveReports(server, (body) => {
    try { reports.push(JSON.parse(body) as string[]); } catch { /* ignore a torn report */ }
    onReport?.();
  });
});

after(async () => {
  await firefox?.close();
  await server?.close();
});

/** Resolves when a report satisfies `ok`; rejects after `ms`, or as soon as web-ext (and so Firefox) exits. */
function waitForReport(run: FirefoxRun, ok: (r: string[]) => boolean, ms: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const done = () => { clearTimeout(timer); onReport = undefined; run.process.off('exit', exited); };
    const check = () => {
      const hit = reports.find(ok);
      if (hit) { done(); resolve(hit); }
    };
    const exited = (code: number | null, signal: string | null) => { done(); reject(new Error(`web-ext exited early (code ${code}, signal ${signal})`)); };
    const timer = setTimeout(() => { done(); reject(new Error(`timed out after ${ms} ms`)); }, ms);
    onReport = check;
    run.process.once('exit', exited);
    check();
  });
}

test('Firefox: the add-on repairs the fixture page to the Simplified text', { skip, timeout: TIMEOUT + 30_000 }, async (t) => {
  const want = lines(readShared(CLEAN));
  const garbled = lines(readShared(GARBLED));
  const started = Date.now();
  firefox = await runFirefox(`${server.origin}/fixture.html`);
  const same = (r: string[]) => r.length === want.length && r.every((l, i) => l === want[i]);
  try {
    await waitForReport(firefox, same, TIMEOUT);
  } catch (e) {
    const last = reports.at(-1);
    const wrong = last ? last.reduce((n, l, i) => n + (l === want[i] ? 0 : 1), 0) : undefined;
    const state = last === undefined ? 'the page never reported (did it load?)'
      : last.every((l, i) => l === garbled[i]) ? 'the page still reads exactly as the damaged original'
        : `${wrong} of ${want.length} paragraphs differ from the repair in the last report`;
    // Firefox's failed attempts to reach its own services (the network is closed), web-ext's connection
    // retries and its list of prefs would drown the rest.
    const noise = /^\s*$|services\.settings|Network request failed|Utils\.sys\.mjs|RemoteSettings|^\s*(Message|Stack):\s*$|Retrying Firefox|Connecting to Firefox on port|^\s+"[\w.-]+": /;
    const log = firefox.output().split('\n').filter((l) => !noise.test(l)).slice(-80).join('\n');
    assert.fail(`${(e as Error).message}: ${state}.\n--- last lines of web-ext run --verbose ---\n${log}`);
  }
  t.diagnostic(`add-on installed after ${firefox.installedAfter() ?? '?'} ms; page repaired after ${Date.now() - started} ms; ${reports.length} reports`);
});

test('Firefox: text in open, closed and nested shadow roots is repaired (element.openOrClosedShadowRoot)', { skip: skipUnlessFirefox(), timeout: TIMEOUT + 30_000 }, async (t) => {
  await firefox?.close();
  firefox = undefined;
  reports.length = 0;
  const keys = ['light', 'open', 'closed', 'nested'] as const;
  const want = keys.map((k) => clause(SHADOW_CLAUSES[k]).clean);
  const damaged = keys.map((k) => clause(SHADOW_CLAUSES[k]).damaged);
  const started = Date.now();
  firefox = await runFirefox(`${server.origin}/shadow.html`);
  const same = (r: string[]) => r.length === want.length && r.every((l, i) => l === want[i]);
  try {
    await waitForReport(firefox, same, TIMEOUT);
  } catch (e) {
    const last = reports.at(-1);
    const state = last === undefined ? 'the page never reported (did it load?)'
      : keys.map((k, i) => `${k}: ${last[i] === want[i] ? 'repaired' : last[i] === damaged[i] ? 'damaged' : JSON.stringify(last[i])}`).join(', ');
    const noise = /^\s*$|services\.settings|Network request failed|Utils\.sys\.mjs|RemoteSettings|^\s*(Message|Stack):\s*$|Retrying Firefox|Connecting to Firefox on port|^\s+"[\w.-]+": /;
    const log = firefox.output().split('\n').filter((l) => !noise.test(l)).slice(-60).join('\n');
    assert.fail(`${(e as Error).message}: ${state}.\n--- last lines of web-ext run --verbose ---\n${log}`);
  }
  t.diagnostic(`shadow roots repaired after ${Date.now() - started} ms; ${reports.length} reports`);
});
