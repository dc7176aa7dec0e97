import request from 'supertest';
import { createTestApp, type TestApp } from '../../helpers/test-app';

const LINK = '<link rel="alternate" type="application/atom+xml" title="汽配资讯" href="/news/feed.xml">';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('feed discovery', () => {
  it.each(['/', '/products', '/p/baojun-730-tail-light-assembly', '/news', '/news/tail-light-modification-rules', '/vehicles/baojun/730', '/search?q=尾灯', '/no-such-page'])(
    'when %s is rendered, then its head advertises the Atom feed once',
    async (path) => {
      const res = await request(t.app).get(path);
      const head = res.text.slice(0, res.text.indexOf('</head>'));
      expect(head.split(LINK).length - 1).toBe(1);
    },
  );

  it('when the advertised feed is fetched, then it is Atom', async () => {
    const res = await request(t.app).get('/news/feed.xml').expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/atom\+xml/);
  });
});
