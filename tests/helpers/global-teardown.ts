import fs from 'node:fs';
import { dropRunSchemas, withPgAdmin } from './pg-schemas';
import { pgUrl, testDialect } from './test-db';

export default async function globalTeardown(): Promise<void> {
  const dir = process.env.QIPEI_TEMPLATE_DIR;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  // The template, plus any schema a crashed test file did not drop.
  const run = process.env.QIPEI_PG_RUN;
  if (testDialect() === 'pg' && run) await withPgAdmin(pgUrl(), (admin) => dropRunSchemas(admin, run));
}
