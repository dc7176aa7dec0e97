import http from 'node:http';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/test-app';

export interface ListeningApp extends TestApp {
  server: http.Server;
  /** supertest bound to the one listening server (supertest(app) would listen anew per request). */
  http: ReturnType<typeof request>;
}

export async function listenTestApp(opts: Parameters<typeof createTestApp>[0] = {}): Promise<ListeningApp> {
  const t = await createTestApp(opts);
  const server = http.createServer(t.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    ...t,
    server,
    http: request(server),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await t.close();
    },
  };
}
