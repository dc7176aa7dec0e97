import fs from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import { ensureSchema } from './knex';

interface MigrationModule {
  up(knex: Knex): Promise<void>;
  down(knex: Knex): Promise<void>;
}

const MIGRATION_FILE = /^\d{4}_[a-z0-9_]+\.(ts|js)$/;

/**
 * Reads `migrations/` next to the running code (TypeScript under jest, JavaScript in dist),
 * so the same files run in tests and in production without knex's extension guessing.
 */
class DirectoryMigrationSource implements Knex.MigrationSource<string> {
  constructor(private readonly dir: string) {}

  async getMigrations(): Promise<string[]> {
    return fs
      .readdirSync(this.dir)
      .filter((f) => MIGRATION_FILE.test(f) && !f.endsWith('.d.ts'))
      .sort();
  }

  getMigrationName(file: string): string {
    return file.replace(/\.(ts|js)$/, '');
  }

  async getMigration(file: string): Promise<MigrationModule> {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(path.join(this.dir, file)) as MigrationModule;
  }
}

export const migrationsDir = path.resolve(__dirname, '../../migrations');

function config(): Knex.MigratorConfig {
  return { migrationSource: new DirectoryMigrationSource(migrationsDir), tableName: 'knex_migrations' };
}

export async function migrateLatest(db: Knex): Promise<void> {
  await ensureSchema(db);
  await db.migrate.latest(config());
}

export async function migrateRollbackAll(db: Knex): Promise<void> {
  await db.migrate.rollback(config(), true);
}
