import { Presets, SingleBar } from 'cli-progress';
import { loadConfigOrExit } from '../config/config';
import { bootstrap } from '../app/bootstrap';

/**
 * `npm run reindex`: rebuilds the search index from the database. Embedded: in one transaction,
 * so searches see the old index until the new one commits. Meilisearch: a fresh index, filled,
 * caught up with the outbox and swapped in, so search never goes empty.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit('reindex');
  const runtime = await bootstrap(config, { seed: false, startWorkers: false });
  const bar = new SingleBar({ format: `reindex (${runtime.search.name}) [{bar}] {percentage}% {value}/{total} documents | {duration}s` }, Presets.shades_classic);
  let started = false;
  const t0 = Date.now();
  try {
    await runtime.search.reindex((done, total) => {
      if (!started) bar.start(total, 0);
      started = true;
      bar.update(done);
    });
  } finally {
    if (started) bar.stop();
    await runtime.close();
  }
  process.stdout.write(`reindex: done in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
}

main().catch((err) => {
  process.stderr.write(`reindex failed: ${(err as Error).message}\n`);
  process.exit(1);
});
