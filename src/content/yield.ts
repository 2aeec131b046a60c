/**
 * Gives the page's own tasks a turn between slices of our work. A plain
 * timer task, not scheduler.yield(): Chromium runs scheduler.yield()
 * continuations ahead of the page's timers, so 4 s of sliced work let a page's
 * 20 ms setInterval fire zero times (found by the hostile-page tests).
 */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
