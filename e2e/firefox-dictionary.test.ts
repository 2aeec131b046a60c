/**
 * The dictionary in real Firefox: `web-ext run` loads dist/firefox; the page
 * itself moves a (synthetic) pointer over 银行 once it is loaded and reports
 * what the popover's open shadow root says, since Playwright cannot drive
 * Firefox with an extension. The lookup runs as for a reader: caret position,
 * message to the background, the dictionary file fetched there.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { receiveReports, runFirefox, skipUnlessFirefox, type FirefoxRun } from './firefox.ts';
import { startServer, type TestServer } from './harness.ts';

const skip = skipUnlessFirefox();
const TIMEOUT = 60_000;

const PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>银行</title>
<style>p { font-size: 24px; margin: 40px; }</style></head>
<body><p id="p">重庆银行调整了客户服务。</p>
<script>
  setInterval(() => {
    const node = document.getElementById('p').firstChild;
    const range = document.createRange();
    range.setStart(node, 3);
    range.setEnd(node, 4);
    const r = range.getBoundingClientRect();
    const at = { clientX: r.left + r.width / 2, clientY: r.top + r.height / 2, bubbles: true };
    document.getElementById('p').dispatchEvent(new MouseEvent('mousemove', at));
    const host = document.querySelector('zhengwen-popover');
    const text = host && host.style.display !== 'none' ? host.shadowRoot.querySelector('.box').textContent : '';
    fetch('/report', { method: 'POST', body: text || '' }).catch(() => {});
  }, 500);
</script></body></html>`;

let server: TestServer;
let firefox: FirefoxRun | undefined;
const reports: string[] = [];

before(async () => {
  if (skip) return;
  server = await startServer({ '/bank.html': () => PAGE });
  receiveReports(server, (body) => reports.push(body));
});

after(async () => {
  await firefox?.close();
  await server?.close();
});

test('Firefox: hovering 银行 shows its definition from the dictionary', { skip, timeout: TIMEOUT + 30_000 }, async () => {
  firefox = await runFirefox(`${server.origin}/bank.html`);
  const started = Date.now();
  while (Date.now() - started < TIMEOUT && !reports.some((r) => /bank/.test(r))) await new Promise((r) => setTimeout(r, 250));
  const shown = reports.find((r) => /bank/.test(r));
  assert.ok(shown, `no popover with a definition; last reports: ${JSON.stringify(reports.slice(-3))}`);
  assert.match(shown, /^银行銀行/);
  assert.match(shown, /yínháng/);
});
