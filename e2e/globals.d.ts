// Code passed to page.evaluate / worker.evaluate runs inside extension pages and the
// service worker, where `chrome` exists; the tests only need it to type-check.
declare const chrome: any; // eslint-disable-line @typescript-eslint/no-explicit-any
