/**
 * Hover inside shadow trees: a glossary term in a closed shadow root shows
 * its popover like one in the page (the caret is found with the roots the
 * content script has read passed to caretPositionFromPoint).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchWithExtension, openProcessed, startServer, type ExtensionBrowser, type TestServer } from './harness.ts';
import { hoverPoint } from './popover-helpers.ts';

const PAGE = `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>新闻</title></head>
<body><p>今天的新闻。</p><zw-card></zw-card>
<script>
  customElements.define('zw-card', class extends HTMLElement {
    constructor() {
      super();
      const root = this.attachShadow({ mode: 'closed' });
      root.innerHTML = '<p style="font-size: 32px">自贡市政协主席参加考察。</p>';
      window.__closedRoot = root;
    }
  });
</script></body></html>`;

let server: TestServer;
let ext: ExtensionBrowser;

before(async () => {
  server = await startServer({ '/shadow-hover.html': PAGE });
  ext = await launchWithExtension();
});

after(async () => {
  await ext?.close();
  await server?.close();
});

test('hovering a glossary term inside a closed shadow root shows its entry', async () => {
  const page = await openProcessed(ext, `${server.origin}/shadow-hover.html`);
  const { x, y } = await page.evaluate(() => {
    const t = (window as unknown as { __closedRoot: ShadowRoot }).__closedRoot.querySelector('p')!.firstChild as Text;
    const r = document.createRange();
    const at = t.data.indexOf('政协');
    r.setStart(t, at);
    r.setEnd(t, at + 1);
    const rect = r.getClientRects()[0]!;
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  });
  const text = await hoverPoint(page, { x, y });
  assert.match(text, /政协/);
  assert.match(text, /Chinese People's Political Consultative Conference|CPPCC/i);
  await page.close();
});
