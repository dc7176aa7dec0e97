import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import { loadConfig } from '../../src/config/config';
import { bootstrap, type Runtime } from '../../src/app/bootstrap';
import { createApp } from '../../src/app/create-app';
import { createDb } from '../../src/db/knex';
import { migrateLatest } from '../../src/db/migrate';
import { copySchemaRows, dropSchema, newTestSchema, templateSchema, withPgAdmin } from './pg-schemas';
import { startTestSearch } from './search-env';
import { pgUrl, testDialect } from './test-db';

/** Set by global-setup.ts for this run only, so parallel jest runs never share a template. */
export function templateDir(): string {
  const dir = process.env.QIPEI_TEMPLATE_DIR;
  if (!dir) throw new Error('QIPEI_TEMPLATE_DIR is not set: run tests through jest (global setup builds the template)');
  return dir;
}

export interface TestApp {
  app: Express;
  runtime: Runtime;
  dataDir: string;
  /**
   * The environment the app's config was loaded from (data dir, database, search, overrides):
   * `loadConfig({ ...t.env, … })` configures a second runtime on the same database and search.
   */
  env: Readonly<Record<string, string>>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Start from a copy of the seeded template (default) or from an empty, migrated database. */
  seeded?: boolean;
  /** Extra environment for the app's config; wins over everything createTestApp sets. */
  env?: Record<string, string>;
}

type Cleanup = () => Promise<void>;

/**
 * PostgreSQL: a fresh schema of this test file's own, migrated, and filled with the template's
 * rows when seeded (the media files come with the template dir, so image rows and files agree).
 */
async function preparePgSchema(seeded: boolean, cleanups: Cleanup[]): Promise<Record<string, string>> {
  const url = pgUrl();
  const schema = newTestSchema();
  cleanups.push(() => withPgAdmin(url, (admin) => dropSchema(admin, schema)));
  const db = createDb({ client: 'pg', url, schema });
  try {
    await migrateLatest(db);
    if (seeded) await copySchemaRows(db, templateSchema(), schema);
  } finally {
    await db.destroy();
  }
  return { DATABASE_URL: url, DATABASE_SCHEMA: schema };
}

/**
 * A fresh data directory per test file: a copy of the seeded template built once by
 * tests/helpers/global-setup.ts (real SQLite file or PostgreSQL schema, real media files),
 * or an empty one. The dialect follows DATABASE_URL (see test-db.ts).
 */
export async function createTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const seeded = opts.seeded ?? true;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qipei-test-'));
  const cleanups: Cleanup[] = [async () => fs.rmSync(dataDir, { recursive: true, force: true })];
  // Last in, first out (app, then its search stub, then its schema, then its files); every step
  // runs even if an earlier one failed, and the first failure is reported.
  const cleanUp = async () => {
    const failures: unknown[] = [];
    for (const c of cleanups.splice(0).reverse()) await c().catch((err: unknown) => failures.push(err));
    if (failures.length) throw failures[0];
  };
  try {
    if (seeded) fs.cpSync(templateDir(), dataDir, { recursive: true });
    const databaseEnv = testDialect() === 'pg' ? await preparePgSchema(seeded, cleanups) : {};
    const search = await startTestSearch(opts.env);
    cleanups.push(() => search.close());
    const env = Object.freeze({ NODE_ENV: 'test', DATA_DIR: dataDir, SEED_ON_START: 'false', ...databaseEnv, ...search.env, ...opts.env });
    const config = loadConfig(env);
    const runtime = await bootstrap(config, { seed: false });
    cleanups.push(() => runtime.close());
    // This file's Meilisearch stub starts empty: build its index from the copied rows, as
    // `npm run reindex` would, so searches see the seeded catalogue from the first request.
    if (seeded && config.search.engine === 'meilisearch' && !opts.env?.MEILI_URL) await runtime.search?.reindex();
    const app = createApp(runtime);
    return {
      app,
      runtime,
      dataDir,
      env,
      close: cleanUp,
    };
  } catch (err) {
    await cleanUp();
    throw err;
  }
}
