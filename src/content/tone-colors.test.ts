import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { contrast, DARK_TONES, hexToRgb, LIGHT_TONES, luminance, paletteFor, parseCssColor } from './tone-colors.ts';

const grey = (v: number): [number, number, number] => [v, v, v];
/** Page backgrounds seen in the wild: white, off-white, sepia, paper, light grey; black, dark grey, night themes. */
const LIGHT_PAGES = ['#ffffff', '#fafafa', '#f5f5f5', '#eeeeee', '#fdf6e3', '#fffbe6', '#f4ecd8', '#e8f0fe'];
const DARK_PAGES = ['#000000', '#121212', '#1e1e1e', '#202124', '#282c34', '#2b2b2b', '#333333', '#002b36', '#1a1a2e'];

test('contrast follows WCAG 2: black on white is 21:1, a colour on itself 1:1', () => {
  assert.equal(Math.round(contrast(grey(0), grey(255)) * 100) / 100, 21);
  assert.equal(contrast(hexToRgb('#1d5fc2'), hexToRgb('#1d5fc2')), 1);
  assert.equal(luminance(grey(255)), 1);
});

test('every tone colour passes WCAG AA (4.5:1) on the light and dark pages it is picked for', () => {
  for (const bg of LIGHT_PAGES) {
    assert.equal(paletteFor(hexToRgb(bg)), 'light', bg);
    for (const c of LIGHT_TONES) assert.ok(contrast(hexToRgb(c), hexToRgb(bg)) >= 4.5, `${c} on ${bg}: ${contrast(hexToRgb(c), hexToRgb(bg)).toFixed(2)}`);
  }
  for (const bg of DARK_PAGES) {
    assert.equal(paletteFor(hexToRgb(bg)), 'dark', bg);
    for (const c of DARK_TONES) assert.ok(contrast(hexToRgb(c), hexToRgb(bg)) >= 4.5, `${c} on ${bg}: ${contrast(hexToRgb(c), hexToRgb(bg)).toFixed(2)}`);
  }
});

test('on every grey from black to white, the picked palette passes AA except on mid greys (luminance 0.07–0.75), where it still does its best', () => {
  for (let v = 0; v <= 255; v++) {
    const bg = grey(v);
    const palette = paletteFor(bg) === 'light' ? LIGHT_TONES : DARK_TONES;
    const weakest = Math.min(...palette.map((c) => contrast(hexToRgb(c), bg)));
    const l = luminance(bg);
    if (l <= 0.07 || l >= 0.75) assert.ok(weakest >= 4.5, `grey ${v}: ${weakest.toFixed(2)}`);
    const other = palette === LIGHT_TONES ? DARK_TONES : LIGHT_TONES;
    assert.ok(weakest >= Math.min(...other.map((c) => contrast(hexToRgb(c), bg))), `grey ${v}: the better palette`);
  }
});

test('computed colours parse; transparent and mostly transparent ones do not count as a background', () => {
  assert.deepEqual(parseCssColor('rgb(18, 18, 18)'), [18, 18, 18]);
  assert.deepEqual(parseCssColor('rgba(255, 255, 255, 0.9)'), [255, 255, 255]);
  assert.equal(parseCssColor('rgba(0, 0, 0, 0)'), undefined);
  assert.equal(parseCssColor('rgba(0, 0, 0, 0.2)'), undefined);
  assert.equal(parseCssColor('color(srgb 1 0 0)'), undefined);
});

test('content.css uses exactly these colours, light and dark', () => {
  const css = readFileSync(new URL('./content.css', import.meta.url), 'utf8');
  LIGHT_TONES.forEach((c, i) => assert.match(css, new RegExp(`ruby\\[data-zhengwen-ruby\\] > rt \\.t${i + 1} \\{ color: ${c}; \\}`), `light tone ${i + 1}`));
  DARK_TONES.forEach((c, i) => assert.match(css, new RegExp(`ruby\\[data-zhengwen-ruby="dark"\\] > rt \\.t${i + 1} \\{ color: ${c}; \\}`), `dark tone ${i + 1}`));
});
