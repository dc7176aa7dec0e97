import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { createTestApp, type TestApp } from '../../helpers/test-app';

/**
 * The outside review's 125 queries on the demo catalogue: an expected slug in the top 3. They were
 * tuned on freely, so this is a floor that must not fall, not the measure of relevance (that is the
 * held-out set in held-out.test.ts).
 */
const REVIEW_FLOOR = 123;
/** Through the Meilisearch adapter (pg suite, against the stub): 124/125, run-on pinyin is its known gap. */
const MEILI_REVIEW_FLOOR = 123;

interface ReviewQuery {
  readonly q: string;
  readonly group: string;
  readonly expected: readonly string[];
}

function reviewQueries(): ReviewQuery[] {
  const text = fs.readFileSync(path.join(__dirname, '../../fixtures/search-review-queries.tsv'), 'utf8');
  return text.split('\n').filter((l) => l.trim() && !l.startsWith('#')).map((l) => {
    const [q, group, expected] = l.split('\t');
    return { q, group, expected: expected.split('|').filter(Boolean) };
  });
}

describe('outside review queries on the demo catalogue', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it(`when the review's queries are searched, then at least ${REVIEW_FLOOR} have an expected product in the top 3`, async () => {
    const queries = reviewQueries();
    const misses: string[] = [];
    for (const r of queries) {
      const res = await request(t.app).get('/api/search').query({ q: r.q, type: 'product', per_page: 3 });
      expect(res.status).toBe(200);
      const slugs = (res.body.hits as { url: string }[]).map((h) => h.url.replace(/^\/p\//, ''));
      if (!slugs.some((s) => r.expected.includes(s))) misses.push(`${r.group}\t${r.q}\t→ ${slugs.join(', ')}`);
    }
    const passed = queries.length - misses.length;
    process.stdout.write(`review queries: ${passed}/${queries.length} with an expected item in the top 3\n${misses.join('\n')}\n`);
    expect(queries.length).toBe(125);
    expect(passed).toBeGreaterThanOrEqual(t.runtime.search.name === 'embedded' ? REVIEW_FLOOR : MEILI_REVIEW_FLOOR);
  }, 180_000);
});
