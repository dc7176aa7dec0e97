import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/config';
import { bootstrap } from '../../src/app/bootstrap';

/** Seeds one template database (and its media) per test run; test files copy it. */
export default async function globalSetup(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qipei-template-'));
  process.env.QIPEI_TEMPLATE_DIR = dir;
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dir });
  const runtime = await bootstrap(config, { seed: true });
  if (config.database.client === 'sqlite3') await runtime.db.raw('PRAGMA wal_checkpoint(TRUNCATE)');
  await runtime.close();
}
