import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/test-app';

/**
 * Errors raised before the view setup runs (the NUL check, the page cache) still render the full
 * error page in the layout, and a request id is sent and quoted the same way on every response.
 */
describe('error pages raised early in the pipeline', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('when a URL carries an encoded NUL, then the 400 page is a whole document in the layout with the reason code', async () => {
    const res = await request(t.app).get('/p/%00').expect(400);
    expect(res.text).toMatch(/^<!doctype html>/i);
    expect(res.text).toContain('data-code="invalid_characters"');
    expect(res.headers['content-security-policy']).toBeDefined();
  });

  it('when a request brings a well-formed X-Request-Id, then it is echoed; when it brings a malformed one, then a fresh id replaces it', async () => {
    const kept = await request(t.app).get('/products').set('X-Request-Id', 'trace-42_abc').expect(200);
    expect(kept.headers['x-request-id']).toBe('trace-42_abc');
    const replaced = await request(t.app).get('/products').set('X-Request-Id', 'bad id\twith "quotes"').expect(200);
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
