/**
 * The benchmark pages, built from the project's own samples and its
 * mirror-damage generator (the same builders as the demo and e2e tests).
 * Sizes are in characters (JS string length) of the page's text.
 */
import { damage } from '../src/damage/mirror-damage.ts';
import { seededRandom } from '../src/damage/random.ts';
import { escapeHtml, newsPage, sampleLines } from '../demo/site.ts';

/** Damage like a real mirror page: a per-site table of ~30% of the Traditional-only characters annotates ~10–12% of Han characters. */
const DAMAGE = { tableShare: 0.3, commaRate: 0.3 };
const NEWS = Array.from({ length: 12 }, (_, i) => `news/simplified-${String(i + 1).padStart(2, '0')}.txt`);

/** Clean Simplified paragraphs cycling through the samples until `chars` characters. */
function cleanText(chars: number): string[] {
  const out: string[] = [];
  let n = 0;
  for (let i = 0; n < chars; i++) {
    for (const line of sampleLines(NEWS[i % NEWS.length]!)) {
      if (n >= chars) break;
      out.push(line);
      n += line.length;
    }
  }
  return out;
}

/**
 * Damaged paragraphs of about `chars` characters, with the clean Simplified
 * text they came from. The whole page is damaged in one call, so one per-site
 * table applies to all of it, as on a real mirror.
 */
export function damagedText(chars: number, seed: number): { damaged: string[]; clean: string[] } {
  // Damage adds ~50% (annotations, commas): start from less clean text.
  const clean = cleanText(chars / 1.5);
  return { damaged: damage(clean.join('\n'), { seed, ...DAMAGE }).split('\n'), clean };
}

/** Joins paragraphs until each has at least `size` characters: 130 gives ~200-character paragraphs, ~5,000 per million characters. */
function regroup(lines: string[], size: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const l of lines) {
    cur += l;
    if (cur.length >= size) { out.push(cur); cur = ''; }
  }
  if (cur) out.push(cur);
  return out;
}

/** Share of Han characters followed by an inline-pinyin annotation. */
export function annotationDensity(text: string): number {
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  const annotated = (text.match(/\p{Script=Han}[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü ]+[)）]/gu) ?? []).length;
  return han ? annotated / han : 0;
}

/** A plain English page: generated sentences, no Han character anywhere (title, nav, attributes). */
function englishPage(chars: number): string {
  const random = seededRandom(42);
  const words = ('the council said on monday that the new budget would fund schools roads and hospitals across the region while ' +
    'officials warned that costs had risen sharply over the past year and that further delays were likely unless ' +
    'lawmakers agreed on a plan before the end of the month according to a statement released by the ministry').split(' ');
  const pick = (): string => words[Math.floor(random() * words.length)]!;
  const paragraphs: string[] = [];
  let n = 0;
  while (n < chars) {
    const sentences: string[] = [];
    for (let s = 0; s < 5; s++) {
      const w = Array.from({ length: 12 + Math.floor(random() * 10) }, pick).join(' ');
      sentences.push(w[0]!.toUpperCase() + w.slice(1) + '.');
    }
    const p = sentences.join(' ');
    paragraphs.push(p);
    n += p.length;
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Council approves budget</title>
<style>body{font:17px/1.6 serif;max-width:760px;margin:24px auto}</style></head>
<body><header><nav><a href="/">Home</a> <a href="/" title="News centre">News</a></nav></header>
<article id="article"><h1>Council approves budget</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article>
<footer>Generated for the Zhengwen benchmark</footer></body></html>`;
}

/**
 * A page that keeps appending damaged paragraphs (a live blog, an infinite
 * feed): one every `everyMs` ms, `count` in all. Each appended paragraph has
 * data-i, and its append time is kept in window.__appended[i] (page clock).
 */
function streamPage(first: string[], more: string[], everyMs: number): string {
  const script = `<script>
  window.__appended = [];
  const more = ${JSON.stringify(more).replace(/</g, '\\u003c')};
  const article = document.getElementById('article');
  let i = 0;
  window.addEventListener('load', () => {
    const timer = setInterval(() => {
      if (i >= more.length) { clearInterval(timer); window.__streamDone = performance.now(); return; }
      const p = document.createElement('p');
      p.dataset.i = String(i);
      p.textContent = more[i];
      article.append(p);
      window.__appended[i++] = performance.now();
    }, ${everyMs});
  });
</script>`;
  return newsPage(first[0]!, first.slice(1).map(escapeHtml), script);
}

export interface BenchPage {
  path: string;
  html: string;
  /** The page's paragraphs before damage (typical page only), to check the repaired page against. */
  clean?: string[];
  /** What the page is, for the report. */
  about: string;
  /** Characters of text (paragraphs as written). */
  chars: number;
  paragraphs: number;
}

/** Stream page parameters: how often, and how many paragraphs. */
export const STREAM = { everyMs: 40, count: 75 };

/** Builds every benchmark page once. */
export function buildPages(): Record<'typical' | 'long' | 'english' | 'stream', BenchPage> {
  const { damaged: typical, clean } = damagedText(5_000, 2026);
  const long = regroup(damagedText(1_000_000, 7).damaged, 130);
  const english = englishPage(100_000);
  const stream = damagedText(20_000, 11).damaged;
  const streamFirst = stream.slice(0, 6);
  const streamMore = stream.slice(6, 6 + STREAM.count);
  const size = (ls: string[]): number => ls.reduce((n, l) => n + l.length, 0);
  const textOf = (html: string): string => html.replace(/<style>[\s\S]*?<\/style>|<[^>]+>/g, '');
  return {
    typical: {
      path: '/typical.html', html: newsPage(typical[0]!, typical.slice(1).map(escapeHtml)), clean,
      about: `typical mirror article, ${(annotationDensity(typical.join('')) * 100).toFixed(0)}% of Han characters annotated`,
      chars: size(typical), paragraphs: typical.length,
    },
    long: {
      path: '/long.html', html: newsPage(long[0]!.slice(0, 30), long.map(escapeHtml)),
      about: 'long mirror page', chars: size(long), paragraphs: long.length,
    },
    english: {
      path: '/english.html', html: english, about: 'English page, no Han character',
      chars: textOf(english).length, paragraphs: english.split('<p>').length - 1,
    },
    stream: {
      path: '/stream.html', html: streamPage(streamFirst, streamMore, STREAM.everyMs),
      about: `mirror page appending a damaged paragraph every ${STREAM.everyMs} ms`,
      chars: size(streamFirst) + size(streamMore), paragraphs: streamFirst.length + streamMore.length,
    },
  };
}
