import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Knex } from 'knex';
import { createDb, type Dialect } from '../../src/db/knex';
import { dropSchema, newTestSchema, withPgAdmin } from './pg-schemas';

/**
 * The database the suite runs on is chosen the way the app chooses it: DATABASE_URL unset
 * (or sqlite://) means SQLite files in temp dirs; postgres://… means PostgreSQL
 * (`npm run test:pg`), one fresh schema per test file.
 */
export function testDialect(): Dialect {
  return /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '') ? 'pg' : 'sqlite';
}

export function pgUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url || testDialect() !== 'pg') throw new Error('pgUrl() needs DATABASE_URL=postgres://…');
  return url;
}

/** `describe` on the given dialect, `describe.skip` on the other (e.g. PRAGMA checks, the embedded engine). */
export function describeOn(dialect: Dialect): jest.Describe {
  return testDialect() === dialect ? describe : describe.skip;
}

export interface TestDb {
  db: Knex;
  dialect: Dialect;
  /** Destroys the pool, then removes the SQLite dir or drops the PostgreSQL schema. */
  close(): Promise<void>;
}

/**
 * An empty, unmigrated database of its own for tests that drive knex directly (migrations,
 * repositories): a SQLite file in a temp dir, or a fresh schema on the PostgreSQL server.
 */
export async function createTestDb(): Promise<TestDb> {
  if (testDialect() === 'pg') {
    const url = pgUrl();
    const schema = newTestSchema();
    await withPgAdmin(url, (admin) => admin.raw('create schema ??', [schema]));
    const db = createDb({ client: 'pg', url, schema });
    return {
      db,
      dialect: 'pg',
      async close() {
        await db.destroy();
        await withPgAdmin(url, (admin) => dropSchema(admin, schema));
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qipei-db-'));
  const db = createDb({ client: 'sqlite3', filename: path.join(dir, 'test.sqlite') });
  return {
    db,
    dialect: 'sqlite',
    async close() {
      await db.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
