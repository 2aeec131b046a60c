/**
 * A small HTML scanner for `fix --html`: it finds the text between tags and the
 * values of the attributes people read (title, alt, placeholder, aria-label),
 * and nothing else, so everything else stays byte-identical.
 */

/** A stretch of the document the engine may change. */
export interface HtmlPiece { start: number; end: number; kind: 'text' | 'attribute' }

/** Elements whose content is never changed (code, scripts, editable text, ruby annotations). */
const SKIPPED = new Set(['script', 'style', 'textarea', 'code', 'pre', 'kbd', 'samp', 'rt', 'rp', 'noscript', 'template', 'svg', 'math']);
/** Elements whose content is raw text, not markup. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const READABLE_ATTRIBUTES = new Set(['title', 'alt', 'placeholder', 'aria-label']);

/** Lists the text and readable attribute values of an HTML document. */
export function htmlPieces(html: string): HtmlPiece[] {
  const pieces: HtmlPiece[] = [];
  let skipDepth = 0;
  const skipStack: string[] = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const textEnd = lt === -1 ? html.length : lt;
    if (textEnd > i && skipDepth === 0) pieces.push({ start: i, end: textEnd, kind: 'text' });
    if (lt === -1) break;
    if (html.startsWith('<!--', lt)) {
      // From lt + 2, so that the abruptly closed "<!-->" and "<!--->" end where browsers end them.
      const end = html.indexOf('-->', lt + 2);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?') {
      const end = html.indexOf('>', lt);
      i = end === -1 ? html.length : end + 1;
      continue;
    }
    const tag = /^<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)/.exec(html.slice(lt, lt + 64));
    if (!tag) {
      // A lone "<" is text.
      if (skipDepth === 0) pieces.push({ start: lt, end: lt + 1, kind: 'text' });
      i = lt + 1;
      continue;
    }
    const closing = tag[1] === '/';
    const name = tag[2]!.toLowerCase();
    const tagEnd = endOfTag(html, lt + tag[0].length);
    if (!closing && skipDepth === 0) pieces.push(...attributePieces(html, lt + tag[0].length, tagEnd));
    i = tagEnd;
    const selfClosing = html[tagEnd - 2] === '/';
    if (closing) {
      // </pre> also closes a <code> left open inside it, as in browsers.
      const open = skipStack.lastIndexOf(name);
      if (open !== -1) { skipStack.length = open; skipDepth = open; }
      continue;
    }
    if (SKIPPED.has(name) && !VOID.has(name) && !selfClosing) { skipStack.push(name); skipDepth++; }
    if (RAW_TEXT.has(name) && !selfClosing) {
      // Case-insensitive search in place: lowercasing a copy can change its length ("İ") and shift offsets.
      const closeTag = new RegExp(`</${name}`, 'gi');
      closeTag.lastIndex = i;
      const close = closeTag.exec(html)?.index ?? -1;
      const end = close === -1 ? html.length : close;
      if (skipDepth === 0 && end > i) pieces.push({ start: i, end, kind: 'text' });
      i = end;
    }
  }
  return pieces;
}

function endOfTag(html: string, i: number): number {
  let quote = '';
  for (; i < html.length; i++) {
    const c = html[i];
    if (quote) { if (c === quote) quote = ''; }
    else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i + 1;
  }
  return html.length;
}

function attributePieces(html: string, from: number, to: number): HtmlPiece[] {
  const pieces: HtmlPiece[] = [];
  const re = /([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  const inside = html.slice(from, to);
  for (const m of inside.matchAll(re)) {
    const name = m[1]!.toLowerCase();
    const value = m[2] ?? m[3] ?? m[4];
    if (!READABLE_ATTRIBUTES.has(name) || value === undefined || value === '') continue;
    const valueStart = from + m.index! + m[0].length - value.length - (m[4] === undefined ? 1 : 0);
    pieces.push({ start: valueStart, end: valueStart + value.length, kind: 'attribute' });
  }
  return pieces;
}
