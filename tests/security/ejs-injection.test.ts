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

const join = (p: string, qs: string) => `${p}${p.includes('?') ? '&' : '?'}${qs}`;

describe('EJS option injection through the query string', () => {
  it.each(PAGE_TYPES.filter((p) => (p.kind ?? 'html') === 'html').map((p) => p.name))('when the %s page gets every EJS option probe, then it renders exactly as without them and runs nothing', async (name) => {
    const page = pages.find((p) => p.name === name)!;
    const baseline = await t.http.get(page.path).set('Host', 'shop.test');
    expect(baseline.status).toBe(page.status);
    // The `q` probe is a real parameter and changes the page legitimately; it has its own test.
    const optionProbes = EJS_PROBES.filter(([k]) => k !== 'q');
    for (const probe of [...optionProbes.map((p) => [p]), optionProbes]) {
      const res = await t.http.get(join(page.path, probeQuery(probe, marker))).set('Host', 'shop.test');
      expect({ probe: probe[0][0], status: res.status }).toEqual({ probe: probe[0][0], status: page.status });
      expect(res.text).toBe(baseline.text);
    }
    expect(fs.existsSync(marker)).toBe(false);
  });

  it('when template syntax is searched for, then it is shown as text, not evaluated', async () => {
    const q = EJS_PROBES.find(([k]) => k === 'q')![1];
    const res = await t.http.get(`/products?${probeQuery([['q', q]], marker)}`).expect(200);
    expect(res.text).toContain('&lt;%= 7*7 %&gt;&lt;%- &#34;&lt;b&gt;raw&lt;/b&gt;&#34; %&gt;');
    expect(res.text).not.toContain('<b>raw</b>');
  });
});
