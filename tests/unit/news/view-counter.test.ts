import { formatViews, isCountableView } from '../../../src/news';

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36';

describe('which requests count as a view', () => {
  it.each([
    ['a browser GET', { method: 'GET', userAgent: CHROME, purpose: undefined }, true],
    ['WeChat in-app browser', { method: 'GET', userAgent: `${CHROME} MicroMessenger/8.0`, purpose: undefined }, true],
    ['HEAD', { method: 'HEAD', userAgent: CHROME, purpose: undefined }, false],
    ['a prefetch', { method: 'GET', userAgent: CHROME, purpose: 'prefetch' }, false],
    ['no user agent', { method: 'GET', userAgent: undefined, purpose: undefined }, false],
    ['blank user agent', { method: 'GET', userAgent: '   ', purpose: undefined }, false],
    ['Googlebot', { method: 'GET', userAgent: 'Mozilla/5.0 (compatible; Googlebot/2.1)', purpose: undefined }, false],
    ['Bingbot', { method: 'GET', userAgent: 'Mozilla/5.0 (compatible; bingbot/2.0)', purpose: undefined }, false],
    ['Baiduspider', { method: 'GET', userAgent: 'Baiduspider+(+http://www.baidu.com/search/spider.htm)', purpose: undefined }, false],
    ['Sogou web spider', { method: 'GET', userAgent: 'Sogou web spider/4.0', purpose: undefined }, false],
    ['Yahoo Slurp', { method: 'GET', userAgent: 'Yahoo! Slurp', purpose: undefined }, false],
    ['curl', { method: 'GET', userAgent: 'curl/8.5.0', purpose: undefined }, false],
    ['wget', { method: 'GET', userAgent: 'Wget/1.21', purpose: undefined }, false],
    ['python-requests', { method: 'GET', userAgent: 'python-requests/2.31', purpose: undefined }, false],
    ['headless Chrome', { method: 'GET', userAgent: 'Mozilla/5.0 HeadlessChrome/124.0', purpose: undefined }, false],
  ])('when %s, then counted = %s', (_name, req, expected) => {
    expect(isCountableView(req)).toBe(expected);
  });
});

describe('counter label', () => {
  it.each([[0, '点击:000'], [3, '点击:003'], [42, '点击:042'], [999, '点击:999'], [1000, '点击:1000'], [123456, '点击:123456']])('when views = %i, then it reads %s', (n, label) => {
    expect(formatViews(n)).toBe(label);
  });
});
