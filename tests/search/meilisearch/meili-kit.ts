import type { Knex } from 'knex';
import { schemaOf } from '../../../src/db/knex';
import { migrateLatest } from '../../../src/db/migrate';
import { MeilisearchEngine, type MeilisearchEngineOptions } from '../../../src/search/meilisearch';
import type { SearchDocument, SearchQuery } from '../../../src/search/search-engine';
import { startMeiliStub, type MeiliStub } from '../../helpers/meili-stub';
import { createTestDb } from '../../helpers/test-db';

export interface TestDb {
  readonly db: Knex;
  readonly file: string;
  close(): Promise<void>;
}

/**
 * A database of its own, migrated: a real SQLite file in a fresh temp dir, or under
 * `npm run test:pg` a fresh PostgreSQL schema (tests/helpers/test-db.ts), so test files can run
 * in parallel without sharing an outbox.
 */
export async function openTestDb(): Promise<TestDb> {
  const t = await createTestDb();
  try {
    await migrateLatest(t.db);
  } catch (err) {
    await t.close();
    throw err;
  }
  return { db: t.db, file: t.dialect === 'pg' ? `schema ${schemaOf(t.db)}` : String(t.db.client.config.connection.filename), close: t.close };
}

export function product(id: number, over: Partial<SearchDocument> = {}): SearchDocument {
  return {
    type: 'product',
    id,
    title: `产品 ${id}`,
    subtitle: '',
    body: '',
    url: `/p/product-${id}`,
    price: 100 + id,
    image: null,
    category: 'misc',
    categoryName: '其他',
    tags: [],
    vehicles: [],
    universal: false,
    publishedAt: null,
    createdAt: 1_700_000_000_000 + id,
    ...over,
  };
}

export function article(id: number, over: Partial<SearchDocument> = {}): SearchDocument {
  return product(id, { type: 'article', url: `/news/a-${id}`, price: null, category: null, categoryName: null, publishedAt: '2024-09-21T05:32:44+08:00', ...over });
}

export function query(over: Partial<SearchQuery> = {}): SearchQuery {
  return { q: '', type: 'all', sort: 'relevance', page: 1, perPage: 20, ...over };
}

/** The documents a reindex reads: a stand-in for the catalogue, kept in memory by the test. */
export class Catalogue {
  readonly docs = new Map<string, SearchDocument>();
  /** Runs between reindex batches, to act while a reindex is under way. */
  betweenBatches: (() => Promise<void>) | null = null;

  put(doc: SearchDocument): void {
    this.docs.set(`${doc.type}-${doc.id}`, doc);
  }

  async *load(batchSize = 2): AsyncIterable<SearchDocument[]> {
    const all = [...this.docs.values()];
    for (let i = 0; i < all.length; i += batchSize) {
      yield all.slice(i, i + batchSize);
      await this.betweenBatches?.();
    }
  }
}

export function makeEngine(stub: MeiliStub, db: Knex, catalogue = new Catalogue(), over: Partial<MeilisearchEngineOptions> = {}): MeilisearchEngine {
  return new MeilisearchEngine({
    db,
    host: stub.url,
    apiKey: stub.apiKey,
    indexPrefix: 'test_',
    loadSynonyms: async () => ({ 尾燈: ['tail light'], 尾灯: ['tail light', 'taillight'], 'tail light': ['尾灯'], taillight: ['尾灯'] }),
    loadDocuments: () => catalogue.load(),
    countDocuments: async () => catalogue.docs.size,
    taskPollMs: 5,
    worker: { retryBaseMs: 1, retryMaxMs: 20, idleMs: 10, maxAttempts: 3 },
    ...over,
  });
}

/** Indexes the documents in a committed transaction, as the catalogue service will. */
export async function write(engine: MeilisearchEngine, db: Knex, docs: SearchDocument[]): Promise<void> {
  await db.transaction(async (trx) => engine.index(trx, docs));
}

export async function outboxRows(db: Knex): Promise<{ id: number; op: string; doc_id: number; attempts: number; dead: number | boolean; last_error: string | null }[]> {
  return db('search_outbox').orderBy('id');
}

/** Polls until `check` passes; for background work (the worker loop). Fails after many rounds, not a clock. */
export async function eventually(check: () => Promise<boolean>, rounds = 400): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('condition never became true');
}

/**
 * The end state every fault test must reach: the outbox is empty (nothing pending, nothing dead
 * that was the server's fault) and the live index holds exactly `truth` (uid → title), nothing lost.
 */
export async function expectIndexEqualsTruth(stub: MeiliStub, engine: MeilisearchEngine, db: Knex, truth: Iterable<SearchDocument>): Promise<void> {
  expect(await outboxRows(db)).toEqual([]);
  const stored = [...(stub.indexes.get(engine.indexUid)?.docs.values() ?? [])].map((d) => [d.uid, d.title]).sort();
  const expected = [...truth].map((d) => [`${d.type}-${d.id}`, d.title]).sort();
  expect(stored).toEqual(expected);
}

export interface LogEntry {
  readonly level: 'info' | 'warn' | 'error';
  readonly obj: object;
  readonly msg: string;
}

/** A logger that keeps what the adapter reports, for tests that check an operator would see it. */
export function recordingLogger(): { entries: LogEntry[]; info(obj: object, msg: string): void; warn(obj: object, msg: string): void; error(obj: object, msg: string): void } {
  const entries: LogEntry[] = [];
  return {
    entries,
    info: (obj, msg) => entries.push({ level: 'info', obj, msg }),
    warn: (obj, msg) => entries.push({ level: 'warn', obj, msg }),
    error: (obj, msg) => entries.push({ level: 'error', obj, msg }),
  };
}

/** A stub, a database and an engine per test, with the catalogue standing for the database's truth. */
export interface StubRig {
  stub: MeiliStub;
  t: TestDb;
  engine: MeilisearchEngine;
  catalogue: Catalogue;
  /** A committed write: into the outbox (the engine's transaction) and the catalogue a reindex reads. */
  commit(docs: SearchDocument[]): Promise<void>;
}

/** Registers beforeEach/afterEach that build and tear down a StubRig; every test ends with no contract violation. */
export function useStubRig(): StubRig {
  const rig = {
    async commit(docs: SearchDocument[]): Promise<void> {
      await write(rig.engine, rig.t.db, docs);
      for (const d of docs) rig.catalogue.put(d);
    },
  } as StubRig;
  beforeEach(async () => {
    rig.stub = await startMeiliStub();
    rig.t = await openTestDb();
    rig.catalogue = new Catalogue();
    rig.engine = makeEngine(rig.stub, rig.t.db, rig.catalogue);
  });
  afterEach(async () => {
    rig.stub.holdTasks(null);
    await rig.engine.stop();
    await rig.t.close();
    await rig.stub.close();
    expect(rig.stub.violations).toEqual([]);
  });
  return rig;
}
