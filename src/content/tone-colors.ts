/**
 * Tone colours for ruby pinyin that pass WCAG AA (4.5:1) on the page: one
 * palette for light backgrounds, one for dark, picked from the block's
 * computed background. Colour is never the only cue: the tone marks or
 * numbers stay in the text. content.css holds the same colours (a unit test
 * keeps them equal).
 */

/** Tone 1–4 and 5 (neutral), as #rrggbb. */
export type Palette = readonly [string, string, string, string, string];

export const LIGHT_TONES: Palette = ['#c41e1e', '#8f5100', '#1a6e2e', '#1d5fc2', '#5a5a5a'];
export const DARK_TONES: Palette = ['#ffa8a0', '#ffc05c', '#7ee08e', '#a3c6ff', '#c8c8c8'];

type Rgb = [number, number, number];

/** Relative luminance (WCAG 2) of an sRGB colour. */
export function luminance([r, g, b]: Rgb): number {
  const lin = (c: number): number => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** Contrast ratio (WCAG 2) between two colours, 1–21. */
export function contrast(a: Rgb, b: Rgb): number {
  const x = luminance(a);
  const y = luminance(b);
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

/** Parses #rrggbb. */
export function hexToRgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Parses a computed colour ("rgb(1, 2, 3)" or "rgba(1, 2, 3, 0.5)"); undefined when transparent or unreadable. */
export function parseCssColor(value: string): Rgb | undefined {
  const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(value.trim());
  if (!m) return undefined;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number.parseFloat(m[4]) / 100 : Number(m[4]);
  // A mostly transparent background shows what is behind it: keep looking further up.
  if (alpha < 0.5) return undefined;
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** The palette whose weakest tone stands out best against a background. */
export function paletteFor(background: Rgb): 'light' | 'dark' {
  const weakest = (p: Palette): number => Math.min(...p.map((c) => contrast(hexToRgb(c), background)));
  return weakest(DARK_TONES) > weakest(LIGHT_TONES) ? 'dark' : 'light';
}

/**
 * The palette for text in an element: from the first opaque background up
 * the tree; with none, a light text colour means a dark page (and dark text
 * a light one).
 */
export function paletteForElement(element: Element): 'light' | 'dark' {
  const view = element.ownerDocument.defaultView;
  if (!view) return 'light';
  for (let e: Element | null = element; e; e = e.parentElement) {
    const bg = parseCssColor(view.getComputedStyle(e).backgroundColor);
    if (bg) return paletteFor(bg);
  }
  const text = parseCssColor(view.getComputedStyle(element).color);
  return text && luminance(text) > 0.4 ? 'dark' : 'light';
}
