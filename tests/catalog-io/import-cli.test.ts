import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { csvText, goodRow, jpeg, mediaFiles, referencedKeys, writeFile } from './catalog-io-kit';

const ROOT = path.resolve(__dirname, '../..');

function startCli(t: TestApp, args: string[]): { child: ChildProcess; done: Promise<{ code: number | null; signal: string | null; out: string; err: string }> } {
  const child = spawn(process.execPath, ['-r', path.join(ROOT, 'tests/helpers/swc-register.js'), path.join(ROOT, 'src/cli/import.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...t.env, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const done = new Promise<{ code: number | null; signal: string | null; out: string; err: string }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, out, err })),
  );
  return { child, done };
}

const runCli = (t: TestApp, args: string[]) => startCli(t, args).done;

describe('npm run import (the CLI as a real process)', () => {
  let t: TestApp;
  let dir: string;

  beforeAll(async () => {
    t = await createTestApp({ seeded: false });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qipei-cli-'));
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const count = async (table = 'products') => Number((await t.runtime.db(table).count({ n: '*' }).first())?.n);

  it('when it is run wrongly or on an unusable file, then it exits 2 with a message and writes nothing', async () => {
    const usage = await runCli(t, []);
    expect([usage.code, usage.err]).toEqual([2, expect.stringContaining('usage: npm run import')]);
    const missing = await runCli(t, [path.join(dir, 'nope.csv')]);
    expect([missing.code, missing.err]).toEqual([2, expect.stringContaining('no such file')]);
    const noCols = await runCli(t, [writeFile(dir, 'nocols.csv', 'name,cost\nx,1\n')]);
    expect([noCols.code, noCols.err]).toEqual([2, expect.stringContaining('[import_missing_columns]')]);
    expect(await count()).toBe(0);
  }, 90_000);

  it('when a row fails, then it exits 1 after importing the good rows (dry run: same report, nothing written); when all pass, then 0', async () => {
    const file = writeFile(dir, 'mixed.csv', csvText([goodRow('C-1'), goodRow('C-2', { stock: '-1' })]));
    const dry = await runCli(t, [file, '--dry-run']);
    expect(dry.code).toBe(1);
    expect(dry.out).toContain('created 1, updated 0, unchanged 0, failed 1');
    expect(dry.out).toMatch(/line 3 \(C-2\): .*\[stock_negative\]/);
    expect(await count()).toBe(0);
    const real = await runCli(t, [file]);
    expect([real.code, real.out.replace(/^dry run.*\n/, '')]).toEqual([1, expect.stringContaining('created 1, updated 0, unchanged 0, failed 1')]);
    const good = await runCli(t, [writeFile(dir, 'good.csv', csvText([goodRow('C-1'), goodRow('C-3')]))]);
    expect([good.code, good.out]).toEqual([0, expect.stringContaining('created 1, updated 0, unchanged 1, failed 0')]);
  }, 90_000);

  it('when the import is killed with SIGKILL mid-run, then only whole products exist, and a re-run finishes the job with no orphan media file', async () => {
    const imgDir = fs.mkdtempSync(path.join(dir, 'kill-img-'));
    const N = 24;
    const rows = [];
    for (let i = 0; i < N; i++) {
      writeFile(imgDir, `k${i}-1.jpg`, await jpeg(i * 2 + 1, 700, 500));
      writeFile(imgDir, `k${i}-2.jpg`, await jpeg(i * 2 + 2, 700, 500));
      rows.push(goodRow(`K-${i}`, { images: `k${i}-1.jpg|k${i}-2.jpg` }));
    }
    const file = writeFile(dir, 'kill.csv', csvText(rows));
    const skus = rows.map((r) => r.sku);
    const before = await count();

    const run = startCli(t, [file, '--images', imgDir, '--batch-size', '2']);
    let seen = 0;
    while (seen < 4) {
      const exited = await Promise.race([run.done.then(() => true), new Promise((r) => setTimeout(() => r(false), 50))]);
      if (exited) throw new Error(`the import finished before it could be killed: ${(await run.done).out}`);
      seen = Number((await t.runtime.db('products').whereIn('sku', skus).count({ n: '*' }).first())?.n);
    }
    run.child.kill('SIGKILL');
    expect((await run.done).signal).toBe('SIGKILL');

    const whole = async () => {
      const products: { id: number }[] = await t.runtime.db('products').whereIn('sku', skus).select('id');
      for (const p of products) {
        expect(Number((await t.runtime.db('product_variants').where({ product_id: p.id }).count({ n: '*' }).first())?.n)).toBe(2);
        expect(Number((await t.runtime.db('product_images').where({ product_id: p.id }).count({ n: '*' }).first())?.n)).toBe(2);
      }
      return products.length;
    };
    const survived = await whole();
    expect(survived).toBeGreaterThanOrEqual(4);
    expect(survived).toBeLessThan(N);
    const referenced = await referencedKeys(t.runtime.db);
    const files = mediaFiles(t.dataDir);
    for (const key of referenced) expect(files).toContain(key);
    // Files of the batch in flight are not referenced, but every one of them is journalled for the sweep.
    // A write killed before its rename leaves `<key>.<random>.tmp`: it belongs to that key, and
    // deleting the key removes it (the last assertion below checks nothing is left).
    const ownerOf = (f: string) => f.replace(/\.[0-9a-f]{12}\.tmp$/, '');
    const journalled = new Set<string>(await t.runtime.db('media_pending').pluck('key'));
    expect(files.filter((f) => !referenced.includes(f) && !journalled.has(ownerOf(f)))).toEqual([]);
    const leftovers = new Set(files.filter((f) => !referenced.includes(f)).map(ownerOf)).size;

    const rerun = await runCli(t, [file, '--images', imgDir]);
    expect(rerun.code).toBe(0);
    if (leftovers > 0) expect(rerun.out).toContain(`removed ${leftovers} media files left by an interrupted import`);
    expect(rerun.out).toContain(`created ${N - survived}, updated 0, unchanged ${survived}, failed 0`);
    expect(await whole()).toBe(N);
    expect(await count()).toBe(before + N);
    expect(mediaFiles(t.dataDir)).toEqual(await referencedKeys(t.runtime.db));
    expect(await count('media_pending')).toBe(0);
  }, 150_000);
});
