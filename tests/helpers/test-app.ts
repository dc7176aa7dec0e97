import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import { loadConfig } from '../../src/config/config';
import { bootstrap, type Runtime } from '../../src/app/bootstrap';
import { createApp } from '../../src/app/create-app';

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
  /** The environment the app's config came from: a second instance started with it shares everything. */
  env: Readonly<Record<string, string>>;
  close(): Promise<void>;
}

/**
 * A fresh data directory per test file: a copy of the seeded template built once by
 * tests/helpers/global-setup.ts (real SQLite file, real media files), or an empty one.
 */
export async function createTestApp(opts: { seeded?: boolean; env?: Record<string, string> } = {}): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qipei-test-'));
  if (opts.seeded ?? true) fs.cpSync(templateDir(), dataDir, { recursive: true });
  const env = Object.freeze({ NODE_ENV: 'test', DATA_DIR: dataDir, SEED_ON_START: 'false', ...opts.env });
  const config = loadConfig(env);
  const runtime = await bootstrap(config, { seed: false });
  const app = createApp(runtime);
  return {
    app,
    runtime,
    dataDir,
    env,
    async close() {
      await runtime.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
