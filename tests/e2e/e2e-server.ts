import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Runtime } from '../../src/app/bootstrap';
import { createTestApp } from '../helpers/test-app';

export interface E2eServer {
  baseUrl: string;
  runtime: Runtime;
  server: http.Server;
  close(): Promise<void>;
}

/** The real app (seeded copy of the template) on a real loopback port, for a browser to drive. */
export async function startE2eServer(opts: { env?: Record<string, string> } = {}): Promise<E2eServer> {
  const t = await createTestApp({ seeded: true, env: opts.env });
  const server = http.createServer(t.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    runtime: t.runtime,
    server,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await t.close();
    },
  };
}
