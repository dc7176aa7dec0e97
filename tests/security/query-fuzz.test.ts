import fc from 'fast-check';
import { listenTestApp, type ListeningApp } from './listening-app';
import { FUZZ_ROUTES, resolveFuzzRoutes, type ResolvedFuzzRoute } from './fuzz-targets';
import { queryArb, segmentArb } from './query-arbitraries';

const TOTAL_CASES = Number(process.env.FUZZ_CASES ?? 10_000);
const ALLOWED = [200, 304, 400, 404];
/** A route may hand off to another page (e.g. a listing with `q` to /search), never off-site. */
function sameSiteRedirect(status: number, location: string | undefined): boolean {
  return [301, 302, 303, 307, 308].includes(status) && typeof location === 'string' && /^\/(?![/\\])/.test(location);
}
// Node refuses request heads over 16 KiB (431) before the app sees them; stay below that.
const MAX_URL = 14_000;

let t: ListeningApp;
let routes: ResolvedFuzzRoute[];
beforeAll(async () => {
  t = await listenTestApp();
  routes = await resolveFuzzRoutes(t.runtime.db);
});
afterAll(async () => t.close());

describe('query and path fuzzing', () => {
  it.each(FUZZ_ROUTES.map((r) => r.name))(`when %s gets ${Math.ceil(TOTAL_CASES / FUZZ_ROUTES.length)} random query strings and path segments, then it answers 200/304/400/404 (or a same-site redirect) and never 500`, async (name) => {
    const route = routes.find((r) => r.name === name)!;
    const statuses = new Map<number, number>();
    const urlArb = fc
      .tuple(route.validSlug ? segmentArb(route.validSlug) : fc.constant(''), queryArb(route.params))
      .map(([seg, qs]) => `${route.template.replace('{slug}', seg)}${qs ? `?${qs}` : ''}`)
      .filter((url) => url.length <= MAX_URL);
    await fc.assert(
      fc.asyncProperty(urlArb, async (url) => {
        const res = await t.http.get(url).set('Accept', route.json ? 'application/json' : 'text/html');
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (!ALLOWED.includes(res.status) && !sameSiteRedirect(res.status, res.headers.location)) throw new Error(`${url} → ${res.status} ${res.headers.location ?? ''}: ${res.text.slice(0, 300)}`);
      }),
      { numRuns: Math.ceil(TOTAL_CASES / FUZZ_ROUTES.length), seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined },
    );
    // The generators must reach both the happy path and the validators, or the run proved little.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(0);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(0);
  });
});
