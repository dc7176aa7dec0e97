import { ConfigError, loadConfig } from '../config/config';
import { createDb } from '../db/knex';
import { migrateLatest } from '../db/migrate';

/** `npm run migrate`: runs pending migrations once, e.g. from a deploy job before instances roll. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      for (const line of err.lines) process.stderr.write(`migrate: invalid configuration: ${line}\n`);
      process.exit(2);
    }
    throw err;
  }
  const db = createDb(config.database);
  try {
    await migrateLatest(db);
    process.stdout.write(`migrate: schema up to date (${config.database.client})\n`);
  } finally {
    await db.destroy();
  }
}

main().catch((err) => {
  process.stderr.write(`migrate failed: ${(err as Error).message}\n`);
  process.exit(1);
});
