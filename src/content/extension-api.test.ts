import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { ext, onMessage } from './extension-api.ts';

type Listener = (message: unknown, sender: unknown, sendResponse: (r?: unknown) => void) => unknown;

/** A stand-in for chrome.runtime.onMessage that records its listener. */
function fakeChrome(): { listeners: Listener[] } {
  const listeners: Listener[] = [];
  (globalThis as Record<string, unknown>).chrome = { runtime: { onMessage: { addListener: (f: Listener) => listeners.push(f) } } };
  return { listeners };
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).chrome;
  delete (globalThis as Record<string, unknown>).browser;
});

test('ext is Firefox’s browser when there is one, else chrome', () => {
  fakeChrome();
  assert.equal(ext(), (globalThis as Record<string, unknown>).chrome);
  const browser = { runtime: {} };
  (globalThis as Record<string, unknown>).browser = browser;
  assert.equal(ext(), browser);
});

test('onMessage answers with the promised value, leaves other messages alone, and reports failures as the polyfill did', async () => {
  const { listeners } = fakeChrome();
  onMessage((m) => (m === 'ok' ? Promise.resolve(42) : m === 'bad' ? Promise.reject(new Error('boom')) : undefined));
  const listener = listeners[0]!;
  const answer = (m: unknown): Promise<{ kept: unknown; response?: unknown }> =>
    new Promise((resolve) => {
      const kept = listener(m, {}, (response) => resolve({ kept, response }));
      if (kept === false) resolve({ kept });
    });
  assert.deepEqual(await answer('ok'), { kept: true, response: 42 });
  assert.deepEqual(await answer('other'), { kept: false });
  assert.deepEqual(await answer('bad'), { kept: true, response: { __mozWebExtensionPolyfillReject__: true, message: 'boom' } });
});
