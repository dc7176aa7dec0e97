import { PAGE_TYPES, resolvePageTypes, type ResolvedPage } from '../e2e/page-types';
import { listenTestApp, type ListeningApp } from './listening-app';

let t: ListeningApp;
let pages: ResolvedPage[];
beforeAll(async () => {
  t = await listenTestApp();
  pages = await resolvePageTypes({
    db: t.runtime.db,
    get: async (path) => {
      const res = await t.http.get(path);
      return { status: res.status, text: res.text };
    },
  });
});
afterAll(async () => t.close());

type Headers = Record<string, string | string[] | undefined>;

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name.toLowerCase(), values]));
}

/** What every response must carry; returns the problems so a failure lists all of them. */
export function headerProblems(h: Headers): string[] {
  const problems: string[] = [];
  const csp = String(h['content-security-policy'] ?? '');
  if (!csp) problems.push('no Content-Security-Policy');
  const d = directives(csp);
  const scripts = d.get('script-src') ?? d.get('default-src');
  if (!scripts) problems.push('CSP has neither script-src nor default-src');
  for (const bad of ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'http:', 'https:']) if (scripts?.includes(bad)) problems.push(`script sources allow ${bad}`);
  const frames = d.get('frame-ancestors');
  if (!frames || !(frames.length === 1 && (frames[0] === "'none'" || frames[0] === "'self'"))) problems.push(`frame-ancestors is ${frames ? frames.join(' ') : 'missing'}`);
  if (h['x-content-type-options'] !== 'nosniff') problems.push('no X-Content-Type-Options: nosniff');
  const referrer = String(h['referrer-policy'] ?? '');
  if (!['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin'].includes(referrer)) problems.push(`Referrer-Policy is "${referrer}"`);
  if (h['x-powered-by']) problems.push('X-Powered-By is sent');
  return problems;
}

describe('security headers', () => {
  it.each(PAGE_TYPES.map((p) => p.name))('when the %s page type is fetched, then the response carries every security header', async (name) => {
    const p = pages.find((x) => x.name === name)!;
    const res = await t.http.get(p.path);
    expect(res.status).toBe(p.status);
    expect(headerProblems(res.headers)).toEqual([]);
  });

  it('when a cached page is revalidated (304) or fetched with HEAD, then the headers are still there', async () => {
    const first = await t.http.get('/products').set('Host', 'shop.test').expect(200);
    const revalidated = await t.http.get('/products').set('Host', 'shop.test').set('If-None-Match', String(first.headers.etag)).expect(304);
    expect(headerProblems(revalidated.headers)).toEqual([]);
    const head = await t.http.head('/').expect(200);
    expect(headerProblems(head.headers)).toEqual([]);
  });

  it('when an unknown path, a bad method or a malformed URL is requested, then the error response carries the headers', async () => {
    for (const [method, path, status] of [['get', '/no/such/page', 404], ['post', '/products', 404], ['get', '/p/%E0%A4%A', 400], ['get', '/media/%2e%2e%2fqipei.sqlite', 404]] as const) {
      const res = await t.http[method](path);
      expect({ path, status: res.status }).toEqual({ path, status });
      expect({ path, problems: headerProblems(res.headers) }).toEqual({ path, problems: [] });
    }
  });

  it('when an HTML page is served, then its CSP forbids plugins and foreign bases and forms', async () => {
    const res = await t.http.get('/').expect(200);
    const d = directives(String(res.headers['content-security-policy']));
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'self'"]);
    expect(d.get('form-action')).toEqual(["'self'"]);
    expect(d.get('style-src')).not.toContain("'unsafe-inline'");
  });
});
