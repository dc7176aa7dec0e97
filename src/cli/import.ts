import fs from 'node:fs';
import { Presets, SingleBar } from 'cli-progress';
import { loadConfigOrExit } from '../config/config';
import { bootstrap } from '../app/bootstrap';
import { directorySource, NO_IMAGES, reportLines, runImport } from '../catalog-io';
import { AppError } from '../shared/errors';

const USAGE = 'usage: npm run import -- FILE.csv|FILE.xlsx [--dry-run] [--images DIR] [--batch-size N (products per transaction, default 100)]';

export function parseArgs(argv: readonly string[]): { file: string; dryRun: boolean; images: string | null; batchSize: number } | null {
  let file: string | null = null;
  let dryRun = false;
  let images: string | null = null;
  let batchSize = 100;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--dry-run') dryRun = true;
    else if (a === '--images' && i + 1 < argv.length) images = argv[++i];
    else if (a.startsWith('--images=')) images = a.slice('--images='.length);
    else if (a === '--batch-size' && /^[1-9]\d{0,3}$/.test(argv[i + 1] ?? '')) batchSize = Number(argv[++i]);
    else if (!a.startsWith('--') && file === null) file = a;
    else return null;
  }
  return file ? { file, dryRun, images, batchSize } : null;
}

/**
 * `npm run import`: exit 0 when every row was imported (or unchanged), 1 when any row failed,
 * 2 when the file itself could not be used (usage, missing file, missing columns, bad encoding).
 */
async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (!args) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (!fs.existsSync(args.file) || !fs.statSync(args.file).isFile()) {
    process.stderr.write(`import: no such file: ${args.file}\n`);
    return 2;
  }
  const config = loadConfigOrExit('import');
  const runtime = await bootstrap(config, { seed: false, startWorkers: false });
  const bar = new SingleBar({ format: 'import [{bar}] {percentage}% | {rows} rows | {duration}s', stream: process.stderr }, Presets.shades_classic);
  let started = false;
  try {
    const images = args.images ? directorySource(args.images) : NO_IMAGES;
    const report = await runImport(runtime, {
      file: args.file,
      dryRun: args.dryRun,
      images,
      batchSize: args.batchSize,
      onProgress: (p) => {
        if (!started) bar.start(Math.max(1, p.size), 0, { rows: 0 });
        started = true;
        bar.update(Math.min(p.bytes, p.size), { rows: p.rows });
      },
    });
    if (started) bar.stop();
    started = false;
    process.stdout.write(`${reportLines(report).join('\n')}\n`);
    return report.failed > 0 ? 1 : 0;
  } catch (err) {
    if (started) bar.stop();
    if (err instanceof AppError && err.status < 500) {
      process.stderr.write(`import: ${err.message} [${err.code}]\n`);
      return 2;
    }
    throw err;
  } finally {
    await runtime.close();
  }
}

if (require.main === module) {
  main().then((code) => process.exit(code), (err: unknown) => {
    process.stderr.write(`import failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
