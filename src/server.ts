import http from 'node:http';
import { loadConfigOrExit } from './config/config';
import { bootstrap } from './app/bootstrap';
import { createApp } from './app/create-app';

const SHUTDOWN_TIMEOUT_MS = 10_000;

async function main(): Promise<void> {
  const config = loadConfigOrExit('qipei');
  const runtime = await bootstrap(config);
  const app = createApp(runtime);
  let stopping = false;
  // While stopping, every response tells the client to drop its keep-alive connection, so busy
  // clients move to another instance instead of holding this one open past the deadline.
  const server = http.createServer((req, res) => {
    if (stopping) res.setHeader('Connection', 'close');
    app(req, res);
  });
  server.listen(config.port, () => {
    runtime.logger.info({ port: config.port, engine: config.search.engine, database: config.database.client }, `qipei listening on http://localhost:${config.port}`);
  });
  server.keepAliveTimeout = 5_000;

  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    runtime.logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      runtime.logger.error('shutdown timed out; exiting');
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS);
    force.unref();
    server.close(async () => {
      await runtime.close();
      runtime.logger.info('stopped');
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err) => {
  process.stderr.write(`qipei: failed to start: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
