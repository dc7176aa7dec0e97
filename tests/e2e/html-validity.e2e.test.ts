import { startE2eServer, type E2eServer } from './e2e-server';
import { nuCheck } from './nu-checker';
import { httpResolveContext, resolvePageTypes } from './page-types';

let server: E2eServer;
beforeAll(async () => {
  server = await startE2eServer();
});
afterAll(async () => server?.close());

describe('the Nu HTML Checker', () => {
  it('when every HTML page type is checked, then there are no errors', async () => {
    const pages = (await resolvePageTypes(httpResolveContext(server.runtime.db, server.baseUrl))).filter((p) => p.kind === 'html');
    const docs = [];
    for (const p of pages) {
      const res = await fetch(server.baseUrl + p.path);
      expect({ page: p.name, status: res.status }).toEqual({ page: p.name, status: p.status });
      docs.push({ name: p.name, html: await res.text() });
    }
    // A canary the checker must reject proves it ran and that its report was parsed.
    const canary = '<!doctype html><html lang="en"><head><title>x</title></head><body><p><div>bad</div></p><span id="a"></span><span id="a"></span></body></html>';
    const results = await nuCheck([...docs, { name: 'canary', html: canary }]);
    expect(results.get('canary')!.length).toBeGreaterThan(0);
    results.delete('canary');
    const errors = [...results].flatMap(([name, msgs]) => msgs.filter((m) => m.type === 'error' || m.subType === 'fatal').map((m) => `${name}:${m.lastLine ?? '?'}: ${m.message} «${(m.extract ?? '').trim()}»`));
    expect(results.size).toBeGreaterThanOrEqual(docs.length);
    expect(errors).toEqual([]);
  });
});
