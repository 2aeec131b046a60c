/**
 * The e2e harness: a local test server, and real Chromium with the built
 * extension (dist/chrome) loaded. Every request the browser makes is recorded,
 * so a test can prove the extension talks to nobody.
 */
import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const DIST = join(ROOT, 'dist/chrome');
const PAGES = join(ROOT, 'e2e/pages');

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.txt': 'text/plain; charset=utf-8' };

/** Extra routes a test serves: path → HTML (or a function making it). */
export type Routes = Record<string, string | (() => string | Promise<string>)>;

export interface TestServer {
  server: Server;
  /** http://127.0.0.1:PORT */
  origin: string;
  /** The same server under another origin (http://localhost:PORT), for cross-origin frames. */
  otherOrigin: string;
  /** Every path requested, in order. */
  requests: string[];
  /** Adds routes after start. */
  routes: Routes;
  close(): Promise<void>;
}

/** Serves e2e/pages/ and the given routes on 127.0.0.1. */
export async function startServer(routes: Routes = {}): Promise<TestServer> {
  const requests: string[] = [];
  const all: Routes = { ...routes };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push(url.pathname);
    const route = all[url.pathname];
    try {
      if (route !== undefined) {
        const body = typeof route === 'function' ? await route() : route;
        res.writeHead(200, { 'content-type': TYPES['.html']! });
        res.end(body);
        return;
      }
      const file = join(PAGES, url.pathname.replace(/^\/pages\//, ''));
      if (!file.startsWith(PAGES) || !url.pathname.startsWith('/pages/') || !existsSync(file)) {
        res.writeHead(404).end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(await readFile(file));
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    server, requests, routes: all,
    origin: `http://127.0.0.1:${port}`,
    otherOrigin: `http://localhost:${port}`,
    close: () => new Promise<void>((r) => {
      // Keep-alive sockets would hold close() open forever.
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** Every URL any page, frame or worker requested. */
  requests: string[];
  close(): Promise<void>;
}

/** Launches Chromium with the built extension (or the unpacked one in `dir`) loaded, a fresh profile each time. */
export async function launchWithExtension(options: { extension?: boolean; dir?: string } = {}): Promise<ExtensionBrowser> {
  const withExtension = options.extension !== false;
  const dist = options.dir ?? DIST;
  if (withExtension && !existsSync(join(dist, 'manifest.json'))) {
    throw new Error(`${dist} has no manifest.json: run \`npm run build\` first`);
  }
  const profile = await mkdtemp(join(tmpdir(), 'zhengwen-e2e-'));
  const args = [
    '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync',
    // Without these, Chromium tries Google's hosts at start; the network here is closed.
    '--disable-background-networking', '--disable-component-update', '--disable-default-apps',
  ];
  if (withExtension) args.push(`--disable-extensions-except=${dist}`, `--load-extension=${dist}`);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args,
    viewport: { width: 1200, height: 900 },
  });
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  let extensionId = '';
  let worker = undefined as unknown as Worker;
  if (withExtension) {
    worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
    extensionId = new URL(worker.url()).host;
  }
  return {
    context, extensionId, worker, requests,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Opens a page and waits until the extension finished its first pass on it (asked through get-state). */
export async function openProcessed(ext: ExtensionBrowser, url: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(url);
  await waitUntilProcessed(ext, page);
  return page;
}

/** Waits until the content script in the page's top frame reports its first pass done. */
export async function waitUntilProcessed(ext: ExtensionBrowser, page: Page, timeout = 20_000): Promise<number> {
  const tabId = await tabIdOf(ext, page);
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const ready = await ext.worker.evaluate(async (id) => {
      try {
        const s = await chrome.tabs.sendMessage(id, { type: 'get-state' }, { frameId: 0 });
        return Boolean(s?.ready);
      } catch { return false; }
    }, tabId);
    if (ready) return tabId;
    await page.waitForTimeout(50);
  }
  throw new Error(`the extension did not finish on ${page.url()} within ${timeout} ms`);
}

/** The tab id of a page, as the extension sees it: bring it to the front and ask for the active tab. */
export async function tabIdOf(ext: ExtensionBrowser, page: Page): Promise<number> {
  await page.bringToFront();
  const id = await ext.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id;
  });
  if (typeof id !== 'number') throw new Error('no active tab');
  return id;
}

/** Opens the popup as a page about the given tab. */
export async function openPopup(ext: ExtensionBrowser, tabId: number): Promise<Page> {
  const popup = await ext.context.newPage();
  await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForSelector('body[data-ready="true"]');
  return popup;
}

/** Every text node's data and every readable attribute, for comparing DOMs exactly. */
export async function domSnapshot(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.nodeType === Node.TEXT_NODE) out.push('#' + (n as Text).data);
      else for (const a of (n as Element).attributes) out.push(`@${(n as Element).tagName}.${a.name}=${a.value}`);
    }
    out.push('title=' + document.title);
    return out;
  });
}
