import { loadConfigOrExit } from '../config/config';
import { createDb } from '../db/knex';
import { migrateLatest } from '../db/migrate';

/** `npm run migrate`: runs pending migrations once, e.g. from a deploy job before instances roll. */
async function main(): Promise<void> {
  const config = loadConfigOrExit('migrate');
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
