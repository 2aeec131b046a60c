/**
 * The few extension APIs the content scripts use, called directly rather
 * than through webextension-polyfill: the polyfill alone would triple the
 * bootstrap, and in the engine its CommonJS wrapper made esbuild split
 * helpers into a chunk fetched after the engine, a second round trip
 * (~20 ms) before the first repair. Chrome (Manifest V3) and Firefox both
 * return promises from these calls.
 */

type Event<A extends unknown[]> = { addListener(listener: (...args: A) => unknown): void };

export interface Ext {
  runtime: {
    getURL(path: string): string;
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: Event<[message: unknown, sender: unknown, sendResponse: (response?: unknown) => void]>;
  };
  /** Missing in some test set-ups; always present in extension contexts. */
  i18n?: { getMessage(name: string, substitutions?: string | string[]): string };
  storage: {
    sync: { get(keys: null): Promise<Record<string, unknown>> };
    local: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
    onChanged: Event<[changes: Record<string, unknown>, area: string]>;
  };
}

/** Firefox's `browser`, else Chrome's `chrome`; read only when needed (the bindings are built on first access). */
export const ext = (): Ext => (globalThis as { browser?: Ext }).browser ?? (globalThis as unknown as { chrome: Ext }).chrome;

/**
 * Answers runtime messages with the value of the promise a handler returns
 * (undefined: not ours, left to other listeners). A failure is answered the
 * way webextension-polyfill answers it, so its senders (popup, background)
 * reject as before.
 */
export function onMessage(handle: (message: unknown) => Promise<unknown> | undefined): void {
  ext().runtime.onMessage.addListener((message, _sender, sendResponse) => {
    const answer = handle(message);
    if (!answer) return false;
    answer.then(sendResponse, (e: unknown) => {
      const text = e instanceof Error || typeof (e as { message?: unknown })?.message === 'string' ? (e as Error).message : 'An unexpected error occurred';
      sendResponse({ __mozWebExtensionPolyfillReject__: true, message: text });
    });
    return true;
  });
}
