// The in-page probe, installed before any page script (addInitScript) in the
// page's main world, in both browsers. The content script runs in an isolated
// world of the same document: the probe sees its DOM writes, never its
// variables. Everything is timed on the page's clock (performance.now()).
(() => {
  if (window !== window.top) return;
  const b = {
    // Text writes after DOMContentLoaded: the benchmark pages have no script that writes text, so these are the extension's.
    writes: { count: 0, first: null, last: null, times: [] },
    // Stream page: when each appended paragraph (data-i) was first rewritten.
    repaired: {},
    loaf: [],
    longtasks: [],
    // Hover: the mousemove, the frame after it, the popover shown, and the frame it was painted in.
    hover: { move: null, frame: null, shown: null, painted: null },
  };
  window.__bench = b;

  // A task posted from a rAF callback runs after that frame has been painted.
  const afterPaint = (done) => requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => done(performance.now());
    ch.port2.postMessage(0);
  });

  new MutationObserver((records) => {
    if (document.readyState === 'loading') return; // the parser building the page
    const now = performance.now();
    const before = b.writes.count;
    for (const r of records) {
      // Text is written as Text.data (characterData); the title through document.title (childList of <title>).
      if (r.type === 'characterData' || (r.type === 'childList' && r.target.nodeName === 'TITLE')) {
        b.writes.count++;
        b.writes.first ??= now;
        b.writes.last = now;
        const p = (r.target.parentElement ?? r.target).closest?.('[data-i]');
        if (p) b.repaired[p.dataset.i] ??= now;
      } else if (r.type === 'attributes' && r.target.nodeName === 'ZHENGWEN-POPOVER') {
        if (r.target.style.display === 'block' && b.hover.move !== null && b.hover.shown === null) {
          b.hover.shown = now;
          afterPaint((t) => { b.hover.painted = t; });
        }
      }
    }
    if (b.writes.count > before) b.writes.times.push(now);
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['style'] });

  addEventListener('mousemove', () => {
    if (b.hover.move !== null) return;
    b.hover.move = performance.now();
    afterPaint((t) => { b.hover.frame = t; });
  }, { capture: true, passive: true });

  for (const type of ['long-animation-frame', 'longtask']) {
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          if (type === 'longtask') b.longtasks.push({ start: e.startTime, duration: e.duration });
          else b.loaf.push({ start: e.startTime, duration: e.duration, blocking: e.blockingDuration ?? 0, renderStart: e.renderStart, styleAndLayoutStart: e.styleAndLayoutStart });
        }
      }).observe({ type, buffered: true });
    } catch { /* entry type not supported */ }
  }
})();
