import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/config';
import { bootstrap } from '../../src/app/bootstrap';
import { dropRunSchemas, startPgRun, templateSchema, withPgAdmin } from './pg-schemas';
import { startTestSearch } from './search-env';
import { pgUrl, testDialect } from './test-db';

/**
 * Seeds one template per test run; test files copy it. SQLite: a database file plus media in a
 * temp dir. PostgreSQL: schema qt_<run>_tmpl plus the media in the temp dir.
 */
export default async function globalSetup(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qipei-template-'));
  process.env.QIPEI_TEMPLATE_DIR = dir;
  let databaseEnv: Record<string, string> = {};
  if (testDialect() === 'pg') {
    const run = startPgRun();
    await withPgAdmin(pgUrl(), (admin) => dropRunSchemas(admin, null));
    databaseEnv = { DATABASE_URL: pgUrl(), DATABASE_SCHEMA: templateSchema(run) };
  }
  const search = await startTestSearch();
  try {
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dir, ...databaseEnv, ...search.env });
    const runtime = await bootstrap(config, { seed: true });
    try {
      if (config.database.client === 'sqlite3') await runtime.db.raw('PRAGMA wal_checkpoint(TRUNCATE)');
    } finally {
      await runtime.close();
    }
  } finally {
    await search.close();
  }
}
