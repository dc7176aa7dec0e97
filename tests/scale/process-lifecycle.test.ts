import { spawn } from 'node:child_process';
import path from 'node:path';
import { startAppProcess } from '../helpers/app-process';
import { createTestApp, type TestApp } from '../helpers/test-app';

const ROOT = path.resolve(__dirname, '../..');

function runServer(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-r', path.join(ROOT, 'tests/helpers/swc-register.js'), path.join(ROOT, 'src/server.ts')], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

describe('process lifecycle', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('when SIGTERM arrives under load, then every started response completes and the process exits 0 within 10 s', async () => {
    const app = await startAppProcess({ ...t.env });
    let completed = 0;
    let truncated = 0;
    let refused = 0;
    let stopping = false;
    // Eight clients in a loop; once the server stops accepting, a client's next request is refused.
    const client = async (i: number) => {
      for (let n = 0; ; n++) {
        let res: Response;
        try {
          res = await fetch(`${app.url}/api/search?q=${encodeURIComponent(['尾灯', 'charger', 'grille', 'baojun'][(i + n) % 4])}`);
        } catch {
          refused++;
          if (stopping) return;
          throw new Error('request refused before shutdown');
        }
        try {
          const body = (await res.json()) as { hits: unknown[] };
          if (res.status === 200 && Array.isArray(body.hits)) completed++;
          else truncated++;
        } catch {
          truncated++;
        }
      }
    };
    const clients = Array.from({ length: 8 }, (_, i) => client(i));
    await new Promise((r) => setTimeout(r, 500));
    stopping = true;
    const started = Date.now();
    const code = await app.stop();
    const elapsed = Date.now() - started;
    await Promise.all(clients);
    expect(code).toBe(0);
    expect(elapsed).toBeLessThan(10_000);
    expect(truncated).toBe(0);
    expect(completed).toBeGreaterThan(0);
    expect(refused).toBe(8);
    await expect(fetch(`${app.url}/healthz`)).rejects.toThrow();
  });

  it.each([
    [{ NODE_ENV: 'production', PUBLIC_URL: 'https://shop.example' }, /SESSION_SECRET/],
    [{ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) }, /^qipei: invalid configuration: PUBLIC_URL: required in production/m],
    [{ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), PUBLIC_URL: 'https://shop.example', TRUST_PROXY: 'true' }, /^qipei: invalid configuration: TRUST_PROXY: /m],
    [{ PORT: 'eighty' }, /^qipei: invalid configuration: PORT: /m],
    [{ SEARCH_ENGINE: 'solr' }, /SEARCH_ENGINE: .*embedded, meilisearch/],
    [{ DATABASE_URL: 'postgres://127.0.0.1:1/none' }, /MEILI_URL: required with DATABASE_URL=postgres/],
  ])('when started with %j, then it refuses with one clear line naming the variable', async (env, line) => {
    const { code, stderr } = await runServer({ DATA_DIR: t.dataDir, SEED_ON_START: 'false', ...env });
    expect(code).toBe(1);
    expect(stderr).toMatch(line);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});
