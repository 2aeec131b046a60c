/** Test pages built from the project's own samples and its mirror-damage generator. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { damage, mirrorConvert } from '../src/damage/mirror-damage.ts';
import { ROOT } from './harness.ts';

/** A sample text's lines. */
export function sampleLines(name: string): string[] {
  return readFileSync(join(ROOT, 'samples', name), 'utf8').replace(/\n$/, '').split('\n');
}

export const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** A news-like page: header, article of paragraphs, footer. */
export function newsPage(title: string, paragraphs: string[], extra = ''): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body><header><nav><a href="/">首頁</a> <a href="/news" title="新聞">新聞</a></nav></header>
<article id="article">${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article>${extra}
<footer>© 2026</footer></body></html>`;
}

/** A mirror-damaged article made from a Simplified sample (paragraphs as HTML-escaped text). */
export function damagedParagraphs(sample: string, seed: number): { damaged: string[]; clean: string[]; traditional: string[] } {
  const clean = sampleLines(sample);
  const damaged = damage(clean.join('\n'), { seed, tableShare: 0.7, commaRate: 0.3 }).split('\n');
  const traditional = mirrorConvert(clean.join('\n')).split('\n');
  return { damaged, clean, traditional };
}
