import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SearchDocument } from '../search-engine';
import { ftsColumns, type FtsColumns } from './index-writer';

/** How long a worker may take to load the dictionaries before the rebuild goes on without it. */
const READY_TIMEOUT_MS = 30_000;

/** Analyses batches of documents into FTS columns, in a worker thread when one could be started. */
export interface Analyzer {
  readonly inWorker: boolean;
  analyse(docs: readonly SearchDocument[]): Promise<FtsColumns[]>;
  close(): Promise<void>;
}

const inline: Analyzer = {
  inWorker: false,
  analyse: async (docs) => docs.map(ftsColumns),
  close: async () => undefined,
};

/**
 * A rebuild on two cores: the worker segments and transliterates one batch while this thread reads
 * the next and SQLite writes the last. Where no worker can load this module (TypeScript sources run
 * by a test runner that transforms only its own thread), the same analysis runs inline.
 */
export async function startAnalyzer(): Promise<Analyzer> {
  const file = path.join(__dirname, `analysis-worker${path.extname(__filename)}`);
  let worker: Worker;
  try {
    worker = new Worker(`require(${JSON.stringify(file)})`, { eval: true });
  } catch {
    return inline;
  }
  const ready = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS);
    worker.once('message', (m: { ready?: boolean }) => {
      clearTimeout(timer);
      resolve(m.ready === true);
    });
    worker.once('error', () => {
      clearTimeout(timer);
      resolve(false);
    });
  });
  if (!ready) {
    await worker.terminate();
    return inline;
  }
  let nextId = 0;
  let dead: Error | null = null;
  const waiting = new Map<number, { resolve: (c: FtsColumns[]) => void; reject: (e: Error) => void }>();
  const failAll = (err: Error) => {
    dead ??= err;
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  worker.on('message', (m: { id: number; columns?: FtsColumns[]; error?: string }) => {
    const w = waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id);
    if (m.columns) w.resolve(m.columns);
    else w.reject(new Error(`analysis worker: ${m.error ?? 'no result'}`));
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`analysis worker exited (${code})`)));
  return {
    inWorker: true,
    analyse(docs) {
      const id = nextId++;
      if (dead) return Promise.reject(dead);
      return new Promise<FtsColumns[]>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, docs });
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}
