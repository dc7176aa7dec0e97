import fs from 'node:fs';
import path from 'node:path';
import { PAGE_TYPES, resolvePageTypes, type ResolvedPage } from '../e2e/page-types';
import { EJS_PROBES, probeQuery } from './ejs-probes';
import { listenTestApp, type ListeningApp } from './listening-app';

let t: ListeningApp;
let pages: ResolvedPage[];
let marker: string;
beforeAll(async () => {
  t = await listenTestApp();
  marker = path.join(t.dataDir, 'ejs-probe-ran');
  pages = (await resolvePageTypes({ db: t.runtime.db, get: async (p) => ({ status: 200, text: (await t.http.get(p)).text }) })).filter((p) => p.kind === 'html');
});
afterAll(async () => t.close());

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;');

/**
 * A page may echo its own URL: verbatim (escaped) or, in "return to" fields, replaced by a safe
 * fallback when the URL looks odd. Those echoes, and per-request CSRF tokens (random by design),
 * are the only differences allowed.
 */
function withoutEcho(text: string, url: string, basePath: string): string {
  const suffix = url.slice(basePath.length);
  return text
    .replaceAll(escapeHtml(suffix), '')
    .replaceAll(escapeHtml(encodeURIComponent(suffix)), '')
    .replace(/(name="(?:return|next|returnTo)" value=")[^"]*(")/g, '$1…$2')
    .replace(/(name="(?:csrf-token|_csrf)" (?:content|value)=")[0-9a-f.]+(")/g, '$1…$2');
}

const join = (p: string, qs: string) => `${p}${p.includes('?') ? '&' : '?'}${qs}`;

describe('EJS option injection through the query string', () => {
  it.each(PAGE_TYPES.filter((p) => (p.kind ?? 'html') === 'html').map((p) => p.name))('when the %s page gets every EJS option probe, then it renders exactly as without them and runs nothing', async (name) => {
    const page = pages.find((p) => p.name === name)!;
    const baseline = await t.http.get(page.path).set('Host', 'shop.test');
    expect(baseline.status).toBe(page.status);
    // The `q` probe is a real parameter and changes the page legitimately; it has its own test.
    const optionProbes = EJS_PROBES.filter(([k]) => k !== 'q');
    for (const probe of [...optionProbes.map((p) => [p]), optionProbes]) {
      const url = join(page.path, probeQuery(probe, marker));
      const res = await t.http.get(url).set('Host', 'shop.test');
      expect({ probe: probe[0][0], status: res.status }).toEqual({ probe: probe[0][0], status: page.status });
      // A page may echo its own URL (a "return to" field); escaped, that echo is the only change allowed.
      expect(withoutEcho(res.text, url, page.path)).toBe(withoutEcho(baseline.text, page.path, page.path));
    }
    expect(fs.existsSync(marker)).toBe(false);
  });

  it('when template syntax is searched for, then it is shown as text, not evaluated', async () => {
    const q = EJS_PROBES.find(([k]) => k === 'q')![1];
    // Followed: a listing may hand a text query on to the search page.
    const res = await t.http.get(`/products?${probeQuery([['q', q]], marker)}`).redirects(2).expect(200);
    expect(res.text).toContain('&lt;%= 7*7 %&gt;&lt;%- &#34;&lt;b&gt;raw&lt;/b&gt;&#34; %&gt;');
    expect(res.text).not.toContain('<b>raw</b>');
  });
});
