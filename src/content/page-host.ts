/**
 * The host name the per-site choice applies to. about:blank, about:srcdoc and
 * script-written frames have no host of their own (location.hostname is
 * empty) but run with their parent's origin: they follow the parent's choice.
 */
export function pageHost(win: { location: { hostname: string }; origin?: string } = globalThis as unknown as Window): string {
  if (win.location.hostname) return win.location.hostname;
  const origin = win.origin;
  if (!origin || origin === 'null') return '';
  try {
    return new URL(origin).hostname;
  } catch {
    return '';
  }
}
