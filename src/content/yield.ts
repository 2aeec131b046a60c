/** Gives the page's own tasks a turn between slices of our work. */
export function yieldToPage(): Promise<void> {
  // scheduler.yield() keeps our place at the front of the queue where it exists (Chromium 129+).
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
