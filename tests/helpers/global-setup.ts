import fs from 'node:fs';
import { loadConfig } from '../../src/config/config';
import { bootstrap } from '../../src/app/bootstrap';
import { TEMPLATE_DIR } from './test-app';

/** Seeds one template database (and its media) per test run; test files copy it. */
export default async function globalSetup(): Promise<void> {
  fs.rmSync(TEMPLATE_DIR, { recursive: true, force: true });
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: TEMPLATE_DIR });
  const runtime = await bootstrap(config, { seed: true });
  await runtime.db.raw('PRAGMA wal_checkpoint(TRUNCATE)');
  await runtime.close();
}
