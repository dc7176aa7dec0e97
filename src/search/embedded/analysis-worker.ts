import { parentPort } from 'node:worker_threads';
import type { SearchDocument } from '../search-engine';
import { ftsColumns } from './index-writer';

/**
 * Runs in a worker thread during a rebuild (see analysis-pool.ts): turns batches of documents into
 * their FTS columns, the segmenting and pinyin work that is most of a rebuild's CPU.
 */
const port = parentPort;
if (port) {
  port.on('message', (m: { id: number; docs: SearchDocument[] }) => {
    try {
      port.postMessage({ id: m.id, columns: m.docs.map(ftsColumns) });
    } catch (err) {
      port.postMessage({ id: m.id, error: err instanceof Error ? err.message : String(err) });
    }
  });
  port.postMessage({ ready: true });
}
