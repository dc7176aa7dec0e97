import { highlight } from '../../../src/search/text';

const match = (terms: string[], prefixes: string[] = []) => ({ terms: new Set(terms), prefixes });

describe('highlighter', () => {
  it('when a title holds HTML, then everything is escaped and only marks are tags', () => {
    const html = highlight('<script>alert("x")</script> 尾灯', match(['尾灯']));
    expect(html).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; <mark>尾灯</mark>');
  });

  it('when the text is traditional or full-width, then the original characters are marked', () => {
    expect(highlight('後尾燈 １２Ｖ', match(['尾灯', '12v']))).toBe('後<mark>尾燈</mark> <mark>１２Ｖ</mark>');
  });

  it('when the query was pinyin or a prefix, then the Chinese word and the word being typed are marked', () => {
    expect(highlight('宝骏730尾灯', match(['baojun']))).toBe('<mark>宝骏</mark>730尾灯');
    expect(highlight('Vladivostok, Russia', match([], ['vladi']))).toBe('<mark>Vladivostok</mark>, Russia');
  });

  it('when a body is long, then it is cropped around the first match', () => {
    const text = 'a '.repeat(200) + 'Putin' + ' b'.repeat(200);
    const html = highlight(text, match(['putin']), { crop: 60 });
    expect(html).toContain('<mark>Putin</mark>');
    expect(html.startsWith('…')).toBe(true);
    expect(html.length).toBeLessThan(120);
  });
});
