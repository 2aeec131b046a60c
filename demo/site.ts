/**
 * The demo site: pages built from the project's own sample texts, damaged by
 * its mirror-damage generator, laid out like news pages. Served by the demo
 * (npm start) and reused by the e2e tests.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { damage, mirrorConvert } from '../src/damage/mirror-damage.ts';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIXTURE = join(ROOT, '../shared/fixtures/zigong-garbled.txt');

/** A sample text's lines. */
export function sampleLines(name: string): string[] {
  return readFileSync(join(ROOT, 'samples', name), 'utf8').replace(/\n$/, '').split('\n');
}

export const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

const STYLE = `<style>
  body { margin: 0; font: 17px/1.8 "Noto Serif CJK SC", "Noto Sans CJK SC", serif; color: #222; background: #f6f4ef; }
  header { background: #8c1c13; color: #fff; padding: 10px 24px; font: 15px sans-serif; }
  header a { color: #fff; margin-right: 16px; text-decoration: none; }
  article { max-width: 760px; margin: 24px auto; background: #fff; padding: 24px 40px; box-shadow: 0 1px 3px #0002; }
  h1 { font-size: 26px; line-height: 1.4; }
  .meta { color: #777; font: 13px sans-serif; }
  p { text-indent: 2em; margin: 0 0 1em; }
  footer { text-align: center; color: #999; font: 12px sans-serif; padding: 24px; }
</style>`;

/** A news-like page: header, headline, article of paragraphs (given as HTML), footer. */
export function newsPage(title: string, paragraphs: string[], extra = '', lang = 'zh'): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>${STYLE}</head>
<body><header><nav><a href="/">首頁</a><a href="/" title="新聞中心">新聞</a><a href="/">財經</a><a href="/">社會</a></nav></header>
<article id="article"><h1>${escapeHtml(title)}</h1><div class="meta">2026-05-12 08:30</div>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article>${extra}
<footer>© 2026 Zhengwen demo site — fictional articles written for the project</footer></body></html>`;
}

/** A mirror-damaged article from a Simplified sample, with its clean and converted forms. */
export function damagedParagraphs(sample: string, seed: number): { damaged: string[]; clean: string[]; traditional: string[] } {
  const clean = sampleLines(sample);
  const damaged = damage(clean.join('\n'), { seed, tableShare: 0.7, commaRate: 0.3 }).split('\n');
  const traditional = mirrorConvert(clean.join('\n')).split('\n');
  return { damaged, clean, traditional };
}

/** True when the real damaged page from ../shared is available. */
export const hasFixture = (): boolean => existsSync(FIXTURE);

/**
 * A heading from the start of a damaged line: at most `max` characters, never
 * ending inside a bracket (a cut "葉衛(wè" is no longer an annotation, and no
 * repair could make it read well).
 */
export function headline(line: string, max: number): string {
  let h = line.slice(0, max);
  while (h.lastIndexOf('(') > h.lastIndexOf(')')) h = h.slice(0, h.lastIndexOf('('));
  return h.replace(/[,，、\s]+$/u, '');
}

/** The demo pages by path, each with a one-line description. */
export function demoPages(): Record<string, { title: string; about: string; html: () => string }> {
  const mirror = damagedParagraphs('news/simplified-01.txt', 2026);
  const pages: Record<string, { title: string; about: string; html: () => string }> = {
    '/mirror.html': {
      title: headline(mirror.damaged[0]!, 24), about: 'a mirror copy of a news article: Traditional, inline pinyin, stray commas',
      html: () => newsPage(mirror.damaged[0]!, mirror.damaged.slice(1).map(escapeHtml)),
    },
    '/taiwan.html': {
      title: '中央社新聞', about: 'a genuine Taiwan news article (left as it is)',
      html: () => { const l = sampleLines('news/taiwan-01.txt'); return newsPage(l[0]!, l.slice(1).map(escapeHtml), '', 'zh-TW'); },
    },
    '/learner.html': {
      title: '生词表', about: 'a learner vocabulary list with pinyin in brackets (left as it is)',
      html: () => { const l = sampleLines('learner/simplified-vocabulary.txt'); return newsPage('生词表', l.map(escapeHtml), '', 'zh-CN'); },
    },
    '/infinite.html': {
      title: '滾動加載', about: 'a page that loads more damaged paragraphs as you scroll',
      html: () => {
        const first = damagedParagraphs('news/simplified-02.txt', 7);
        const rest = ['news/simplified-03.txt', 'news/simplified-04.txt', 'news/simplified-05.txt', 'news/simplified-06.txt']
          .map((s, i) => damagedParagraphs(s, 8 + i).damaged);
        return newsPage(first.damaged[0]!, first.damaged.slice(1).map(escapeHtml), `<div id="more" style="text-align:center;color:#999">…</div><script>
          const batches = ${JSON.stringify(rest)};
          const article = document.getElementById('article');
          const loadMore = () => {
            const batch = batches.shift();
            if (!batch) { document.getElementById('more').textContent = '—'; return; }
            for (const text of batch) { const p = document.createElement('p'); p.className = 'loaded'; p.textContent = text; article.append(p); }
          };
          new IntersectionObserver((e) => { if (e[0].isIntersecting) setTimeout(loadMore, 300); }).observe(document.getElementById('more'));
        </script>`);
      },
    },
  };
  if (hasFixture()) {
    pages['/fixture.html'] = {
      title: '自貢網訊', about: 'the real damaged page from ../shared/fixtures',
      html: () => {
        const lines = readFileSync(FIXTURE, 'utf8').replace(/\n$/, '').split('\n');
        return newsPage(headline(lines[0]!, 30), lines.map(escapeHtml));
      },
    };
  }
  return pages;
}

/** The demo's index page. */
export function indexPage(pages: ReturnType<typeof demoPages>): string {
  const items = Object.entries(pages).map(([path, p]) => `<li><a href="${path}">${escapeHtml(p.title)}</a> — ${escapeHtml(p.about)}</li>`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Zhengwen demo</title>${STYLE}</head><body>
<header>Zhengwen demo site</header><article><h1>Zhengwen demo</h1>
<p>Open a page: the extension repairs mirror damage and restores mirror pages to Simplified. Its toolbar button shows what changed and can show the original.</p>
<ul>${items.join('\n')}</ul></article></body></html>`;
}
