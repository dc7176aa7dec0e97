import fs from 'node:fs';
import path from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import { loadConfigOrExit } from '../config/config';
import { bootstrap } from '../app/bootstrap';
import { exportProducts } from '../catalog-io';

const USAGE = 'usage: npm run export -- FILE.csv|FILE.xlsx [--english]   (Chinese headers unless --english)';

export function parseArgs(argv: readonly string[]): { file: string; format: 'csv' | 'xlsx'; language: 'zh' | 'en' } | null {
  let file: string | null = null;
  let language: 'zh' | 'en' = 'zh';
  for (const a of argv) {
    if (a === '--english') language = 'en';
    else if (!a.startsWith('--') && file === null) file = a;
    else return null;
  }
  if (!file) return null;
  return { file, format: path.extname(file).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv', language };
}

/** `npm run export`: every product in the import's columns; written to FILE.tmp, then renamed. */
async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (!args) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const runtime = await bootstrap(loadConfigOrExit('export'), { seed: false, startWorkers: false });
  const tmp = `${args.file}.${process.pid}.tmp`;
  const bar = new SingleBar({ format: 'export [{bar}] {percentage}% {value}/{total} products', stream: process.stderr }, Presets.shades_classic);
  let started = false;
  try {
    const n = await exportProducts(runtime.db, fs.createWriteStream(tmp), {
      format: args.format,
      language: args.language,
      onProgress: (done, total) => {
        if (!started) bar.start(total, 0);
        started = true;
        bar.update(done);
      },
    });
    if (started) bar.stop();
    fs.renameSync(tmp, args.file);
    process.stdout.write(`exported ${n} products to ${args.file}\n`);
    return 0;
  } catch (err) {
    if (started) bar.stop();
    fs.rmSync(tmp, { force: true });
    throw err;
  } finally {
    await runtime.close();
  }
}

if (require.main === module) {
  main().then((code) => process.exit(code), (err: unknown) => {
    process.stderr.write(`export failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
