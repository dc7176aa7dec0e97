import { htmlToText, sanitizeArticleHtml } from '../../../src/news';

describe('article body sanitiser', () => {
  it.each([
    ['script', '<p>before<script>alert(1)</script>after</p>', '<p>beforeafter</p>'],
    ['script outside a paragraph', '<script src="https://evil.example/x.js"></script><p>text</p>', '<p>text</p>'],
    ['onerror on an image', '<p>x</p><img src="/media/a.jpg" onerror="alert(1)">', '<p>x</p><img src="/media/a.jpg" />'],
    ['onclick on a paragraph', '<p onclick="alert(1)">hi</p>', '<p>hi</p>'],
    ['javascript: link', '<p><a href="javascript:alert(1)">click</a></p>', '<p>click</p>'],
    ['obfuscated javascript: link', '<p><a href="  JaVaScRiPt:alert(1)">click</a></p>', '<p>click</p>'],
    ['entity-encoded javascript: link', '<p><a href="&#106;avascript:alert(1)">click</a></p>', '<p>click</p>'],
    ['iframe', '<p>a</p><iframe src="https://evil.example">fallback</iframe>', '<p>a</p>'],
    ['style element', '<style>body{display:none}</style><p>a</p>', '<p>a</p>'],
    ['style attribute', '<p style="position:fixed">a</p>', '<p>a</p>'],
    ['svg payload', '<svg onload="alert(1)"><script>alert(1)</script><text>t</text></svg><p>a</p>', '<p>a</p>'],
    ['math payload', '<math><mtext><img src=x onerror=alert(1)></mtext></math><p>a</p>', '<p>a</p>'],
    ['empty strong', '<p>In this <strong></strong>2019 April</p>', '<p>In this 2019 April</p>'],
    ['empty paragraphs and emphasis', '<p></p><p> <em> </em> </p><p>a</p>', '<p>a</p>'],
    ['data: image', '<p>a</p><img src="data:image/svg+xml;base64,PHN2Zz4=">', '<p>a</p>'],
    ['data: link', '<p><a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">x</a></p>', '<p>x</p>'],
    ['vbscript: link', '<p><a href="vbscript:msgbox(1)">x</a></p>', '<p>x</p>'],
    ['object and embed', '<object data="x.swf"></object><embed src="x.swf"><p>a</p>', '<p>a</p>'],
    ['form controls', '<form action="/x"><input name="a"><button>go</button></form><p>a</p>', 'go<p>a</p>'],
  ])('when the body has %s, then it is neutralised', (_name, input, expected) => {
    expect(sanitizeArticleHtml(input)).toBe(expected);
  });

  it('when the body has allowed structure, then paragraphs, emphasis, lists, quotes, figures and safe links stay', () => {
    const html = '<h2>标题</h2><p><strong>粗</strong><em>斜</em></p><ul><li>一</li></ul><ol><li>二</li></ol><blockquote><p>引用</p></blockquote>'
      + '<figure><img src="https://cdn.example/a.jpg" alt="图"><figcaption>说明</figcaption></figure><p><a href="/p/x">站内</a> <a href="https://example.com/">站外</a> <a href="mailto:a@b.example">邮件</a></p>';
    expect(sanitizeArticleHtml(html)).toBe(
      '<h2>标题</h2><p><strong>粗</strong><em>斜</em></p><ul><li>一</li></ul><ol><li>二</li></ol><blockquote><p>引用</p></blockquote>'
      + '<figure><img src="https://cdn.example/a.jpg" alt="图" /><figcaption>说明</figcaption></figure><p><a href="/p/x">站内</a> <a href="https://example.com/" rel="nofollow noopener noreferrer">站外</a> <a href="mailto:a@b.example">邮件</a></p>',
    );
  });

  it('when b and i are used, then they become strong and em', () => {
    expect(sanitizeArticleHtml('<p><b>a</b><i>b</i></p>')).toBe('<p><strong>a</strong><em>b</em></p>');
  });

  it('when text has quotes and apostrophes, then they are escaped as EJS escapes them', () => {
    expect(sanitizeArticleHtml(`<p>Korea's "new strategic level," & more</p>`)).toBe('<p>Korea&#39;s &#34;new strategic level,&#34; &amp; more</p>');
  });

  it('when sanitised HTML is sanitised again, then nothing changes', () => {
    const once = sanitizeArticleHtml(`<p>Korea's "x" <a href="https://e.example">y</a> &lt;z&gt;</p><ul><li>a</li></ul>`);
    expect(sanitizeArticleHtml(once)).toBe(once);
  });

  it('when converted to text, then tags are gone, entities decoded and blocks are lines', () => {
    expect(htmlToText(sanitizeArticleHtml(`<p>Korea's "x" &amp; y</p><ul><li>one</li><li>two</li></ul>`))).toBe(`Korea's "x" & y\none\ntwo`);
  });
});
