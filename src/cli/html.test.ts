import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { htmlPieces, type HtmlPiece } from './html.ts';

/** The pieces as [kind, text] pairs, after checking they are well-formed spans. */
function pieces(html: string): [HtmlPiece['kind'], string][] {
  const list = htmlPieces(html);
  let last = 0;
  for (const p of list) {
    assert.ok(p.start >= last, `pieces overlap or are out of order at ${p.start} in ${JSON.stringify(html)}`);
    assert.ok(p.end > p.start, `empty piece at ${p.start} in ${JSON.stringify(html)}`);
    assert.ok(p.end <= html.length);
    last = p.end;
  }
  return list.map((p) => [p.kind, html.slice(p.start, p.end)]);
}

/** Only the text, for cases where kinds do not matter. */
const texts = (html: string): string[] => pieces(html).map(([, s]) => s);

describe('htmlPieces', () => {
  test('text between tags and the four readable attributes, nothing else', () => {
    assert.deepEqual(
      pieces('<p class="網" id=x data-title="網" title="標題" alt="圖" placeholder="搜尋" aria-label="導覽" aria-labelledby="y">正文</p>'),
      [['attribute', '標題'], ['attribute', '圖'], ['attribute', '搜尋'], ['attribute', '導覽'], ['text', '正文']],
    );
    assert.deepEqual(texts('before<b>bold</b>after'), ['before', 'bold', 'after']);
    assert.deepEqual(texts('no markup at all'), ['no markup at all']);
    assert.deepEqual(htmlPieces(''), []);
    // Empty values give no piece.
    assert.deepEqual(pieces('<img alt="" title=\'\'>'), []);
  });

  test('comments are skipped entirely, including markup inside them', () => {
    assert.deepEqual(texts('a<!-- 網(wǎng) <p title="x">b</p> -->c'), ['a', 'c']);
    assert.deepEqual(texts('a<!---->b<!-- -- -->c'), ['a', 'b', 'c']);
    // An unterminated comment runs to the end of the document.
    assert.deepEqual(texts('a<!-- 網(wǎng) <p>b</p>'), ['a']);
  });

  test('abruptly closed comments <!--> and <!---> end right there (HTML spec)', () => {
    assert.deepEqual(texts('a<!-->b<p>c</p><!-- real -->d'), ['a', 'b', 'c', 'd']);
    assert.deepEqual(texts('a<!--->b'), ['a', 'b']);
  });

  test('doctype, processing instructions and CDATA-like sections are not text', () => {
    assert.deepEqual(texts('<!DOCTYPE html>\n<html>x</html>'), ['\n', 'x']);
    assert.deepEqual(texts('<!doctype html PUBLIC "-//W3C//DTD HTML 4.01//EN">y'), ['y']);
    assert.deepEqual(texts('<?xml version="1.0"?>z'), ['z']);
    assert.deepEqual(texts('a<![CDATA[網(wǎng)]]>b'), ['a', 'b']);
    // In HTML (outside SVG/MathML), <![CDATA[ is a bogus comment that ends at the first ">",
    // as browsers parse it: what follows is text.
    assert.deepEqual(texts('<![CDATA[ x > y ]]>'), [' y ]]>']);
  });

  test('a ">" inside a quoted attribute value does not end the tag', () => {
    assert.deepEqual(
      pieces('<a title="a>b" href=\'x>y\' alt=\'它說"好">\'>link</a>'),
      [['attribute', 'a>b'], ['attribute', '它說"好">'], ['text', 'link']],
    );
    assert.deepEqual(pieces('<img alt="a/>b">t'), [['attribute', 'a/>b'], ['text', 't']]);
  });

  test('unquoted attributes, spaces around "=", no space between attributes', () => {
    assert.deepEqual(pieces('<img src=x.png alt=網站標誌 width=10>'), [['attribute', '網站標誌']]);
    assert.deepEqual(pieces('<img alt = "有空格" >'), [['attribute', '有空格']]);
    assert.deepEqual(pieces('<img alt="甲"title="乙">'), [['attribute', '甲'], ['attribute', '乙']]);
    assert.deepEqual(pieces('<img alt=標誌 />x'), [['attribute', '標誌'], ['text', 'x']]);
    // "title=" inside another attribute's value is not the title attribute.
    assert.deepEqual(pieces('<a href="?title=網&alt=x" title="真">y</a>'), [['attribute', '真'], ['text', 'y']]);
    assert.deepEqual(pieces('<a data-x=\'title="假"\'>y</a>'), [['text', 'y']]);
    // Offsets of unquoted values are exact.
    const html = '<img alt=甲乙 title=丙>';
    assert.deepEqual(htmlPieces(html).map((p) => html.slice(p.start, p.end)), ['甲乙', '丙']);
  });

  test('uppercase and mixed-case tag and attribute names', () => {
    assert.deepEqual(
      pieces('<SCRIPT>var a = "<p>網</p>";</SCRIPT><P TITLE="標題" Alt="圖">文</P><StYlE>p{}</sTyLe>後'),
      [['attribute', '標題'], ['attribute', '圖'], ['text', '文'], ['text', '後']],
    );
    assert.deepEqual(texts('<PRE>網(wǎng)</PRE>ok'), ['ok']);
  });

  test('a script containing "</div>" and other tags is skipped up to its own end tag', () => {
    assert.deepEqual(texts('<div><script>document.write("</div><p title=\'網\'>網</p>")</script><p>後</p></div>'), ['後']);
    assert.deepEqual(texts('<style>/* </p> */ a::before{content:"<b>"}</style>x'), ['x']);
    assert.deepEqual(texts('<textarea placeholder="請輸入"><b>網(wǎng)</b></textarea>y'), ['請輸入', 'y']);
  });

  test('raw-text end tags are found case-insensitively without shifting offsets (Turkish İ before them)', () => {
    // "İ".toLowerCase() is two UTF-16 units long: searching a lowercased copy would shift every later offset.
    assert.deepEqual(texts('<p>İstanbul İzmir</p><script>var x = "網";</script><p>後</p>'), ['İstanbul İzmir', '後']);
    assert.deepEqual(texts('İ<title>標題</title>後'), ['İ', '標題', '後']);
  });

  test('title is raw text but readable: its content is one text piece, tags and all', () => {
    assert.deepEqual(texts('<title>a <b> c</title>d'), ['a <b> c', 'd']);
  });

  test('nested skipped elements: <pre><code>, and code inside pre with other markup', () => {
    assert.deepEqual(texts('<pre><code>網(wǎng)</code> still pre 網</pre>after'), ['after']);
    assert.deepEqual(texts('<pre>a<b>b</i>c<code>d</code>e</pre>f'), ['f']);
    assert.deepEqual(texts('<p>x<code>a<code>b</code>c</code>y</p>'), ['x', 'y']);
    // Ruby annotations: the base text is readable, rt/rp are not.
    assert.deepEqual(texts('<ruby>漢<rp>(</rp><rt>hàn</rt><rp>)</rp>字</ruby>'), ['漢', '字']);
    // Attributes of elements inside skipped content are not touched either.
    assert.deepEqual(pieces('<pre><img alt="網(wǎng)"></pre>'), []);
  });

  test('an end tag that closes an outer skipped element also closes the inner ones', () => {
    // Browsers close <code> when </pre> comes: the text after </pre> is ordinary text again.
    assert.deepEqual(texts('<pre><code>網(wǎng)</pre>after<p>more</p>'), ['after', 'more']);
  });

  test('self-closing syntax and void elements never open a skipped region', () => {
    assert.deepEqual(texts('a<br/>b<br />c<hr>d'), ['a', 'b', 'c', 'd']);
    assert.deepEqual(texts('<svg viewBox="0 0 1 1"/>after'), ['after']);
    assert.deepEqual(texts('<svg><circle r="1"/><text>網</text></svg>after'), ['after']);
    assert.deepEqual(pieces('<p>a<img src=x alt="說明">b<input placeholder="搜尋">c</p>'), [
      ['text', 'a'], ['attribute', '說明'], ['text', 'b'], ['attribute', '搜尋'], ['text', 'c'],
    ]);
    // Void elements inside skipped content do not unbalance it.
    assert.deepEqual(texts('<pre>a<br>b<img alt="x">c</pre>d'), ['d']);
  });

  test('a lone "<" is text', () => {
    assert.deepEqual(texts('a < b'), ['a ', '<', ' b']);
    assert.deepEqual(texts('P<0.05'), ['P', '<', '0.05']);
    assert.deepEqual(texts('end<'), ['end', '<']);
    assert.deepEqual(texts('<'), ['<']);
    // ...but not inside skipped content.
    assert.deepEqual(texts('<pre>a < b</pre>c'), ['c']);
  });

  test('removing the pieces leaves exactly the markup (reassembly is exact)', () => {
    const html = '<!DOCTYPE html><html><head><title>標題</title><script>if (a < b) x("</p>")</script></head>'
      + '<body><!-- c --><p title="說明" data-a=\'x>y\'>正文 a < b</p><pre><code>碼</code></pre><img alt=圖/></body></html>';
    const list = htmlPieces(html);
    let rebuilt = '';
    let pos = 0;
    for (const p of list) { rebuilt += html.slice(pos, p.start) + `[${html.slice(p.start, p.end)}]`; pos = p.end; }
    rebuilt += html.slice(pos);
    assert.equal(rebuilt,
      '<!DOCTYPE html><html><head><title>[標題]</title><script>if (a < b) x("</p>")</script></head>'
      + '<body><!-- c --><p title="[說明]" data-a=\'x>y\'>[正文 a ][<][ b]</p><pre><code>碼</code></pre><img alt=[圖/]></body></html>');
  });
});
