import crypto from 'node:crypto';
import type { Knex } from 'knex';
import { createDb } from '../../src/db/knex';

/**
 * PostgreSQL isolation for tests: every jest run gets a run id, its seeded template lives in
 * schema `qt_<run>_tmpl`, and every test file gets its own schema `qt_<run>_<random>` on the
 * same DATABASE_URL (connections pick it through DATABASE_SCHEMA → knex searchPath). Test files
 * can therefore run in parallel, and parallel jest runs never see each other's rows.
 */
const PREFIX = 'qt_';
/** Schemas of runs older than this are leftovers of crashed runs and are dropped at setup. */
const STALE_AFTER_SECONDS = 6 * 3600;

/** qt_<run = started-seconds base36 _ random hex>_<tmpl | random hex> */
const OUR_SCHEMA = /^qt_(([0-9a-z]{6,8})_[0-9a-f]{6})_(tmpl|[0-9a-f]{8})$/;

function runIdNow(): string {
  // Seconds since the epoch first, so a later run can tell how old a leftover schema is.
  return `${Math.floor(Date.now() / 1000).toString(36)}_${crypto.randomBytes(3).toString('hex')}`;
}

/** The run id global setup chose; set in process.env so jest workers inherit it. */
export function pgRunId(): string {
  const id = process.env.QIPEI_PG_RUN;
  if (!id) throw new Error('QIPEI_PG_RUN is not set: run tests through jest (global setup creates the PostgreSQL template)');
  return id;
}

export function startPgRun(): string {
  const id = runIdNow();
  process.env.QIPEI_PG_RUN = id;
  return id;
}

export function templateSchema(run = pgRunId()): string {
  return `${PREFIX}${run}_tmpl`;
}

export function newTestSchema(run = pgRunId()): string {
  return `${PREFIX}${run}_${crypto.randomBytes(4).toString('hex')}`;
}

/** A connection with no search_path override: used to create, fill and drop test schemas. */
export async function withPgAdmin<T>(url: string, fn: (db: Knex) => Promise<T>): Promise<T> {
  const db = createDb({ client: 'pg', url });
  try {
    return await fn(db);
  } finally {
    await db.destroy();
  }
}

export async function dropSchema(db: Knex, schema: string): Promise<void> {
  await db.raw('drop schema if exists ?? cascade', [schema]);
}

/** Drops this run's schemas and any left behind by runs that crashed hours ago. */
export async function dropRunSchemas(db: Knex, run: string | null): Promise<string[]> {
  const rows: { nspname: string }[] = (await db.raw(`select nspname from pg_namespace where nspname like 'qt\\_%'`)).rows;
  const nowSeconds = Math.floor(Date.now() / 1000);
  const doomed = rows
    .map((r) => r.nspname)
    .filter((name) => {
      // Only names this file makes; anything else in the database is none of the tests' business.
      const m = OUR_SCHEMA.exec(name);
      if (!m) return false;
      if (run !== null && m[1] === run) return true;
      return nowSeconds - parseInt(m[2], 36) > STALE_AFTER_SECONDS;
    });
  for (const schema of doomed) await dropSchema(db, schema);
  return doomed;
}

interface ColumnRow {
  table_name: string;
  column_name: string;
  is_generated: string;
  seq: string | null;
}

/** Orders tables so that every table comes after the tables its foreign keys point to. */
function parentsFirst(tables: string[], edges: { child: string; parent: string }[]): string[] {
  const ordered: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (t: string) => {
    if (state.get(t) === 'done' || state.get(t) === 'visiting') return;
    state.set(t, 'visiting');
    for (const e of edges) if (e.child === t && e.parent !== t && tables.includes(e.parent)) visit(e.parent);
    state.set(t, 'done');
    ordered.push(t);
  };
  tables.forEach(visit);
  return ordered;
}

/**
 * Copies every row of `from` into the already-migrated schema `to` (same migrations, so the
 * same tables), then moves each serial sequence past the copied ids: inserts made by the test
 * get fresh ids, exactly as they would in the template. knex's own bookkeeping is not copied;
 * migrating `to` wrote it already.
 */
export async function copySchemaRows(db: Knex, from: string, to: string): Promise<void> {
  const columns: ColumnRow[] = (
    await db.raw(
      `select c.table_name, c.column_name, c.is_generated,
              pg_get_serial_sequence(quote_ident(c.table_schema) || '.' || quote_ident(c.table_name), c.column_name) as seq
         from information_schema.columns c
         join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = ? and t.table_type = 'BASE TABLE' and c.table_name not like 'knex\\_migrations%'
        order by c.table_name, c.ordinal_position`,
      [to],
    )
  ).rows;
  const edges: { child: string; parent: string }[] = (
    await db.raw(
      `select child.relname as child, parent.relname as parent
         from pg_constraint k
         join pg_class child on child.oid = k.conrelid
         join pg_class parent on parent.oid = k.confrelid
         join pg_namespace n on n.oid = child.relnamespace
        where k.contype = 'f' and n.nspname = ?`,
      [to],
    )
  ).rows;
  const byTable = new Map<string, ColumnRow[]>();
  for (const c of columns) byTable.set(c.table_name, [...(byTable.get(c.table_name) ?? []), c]);

  await db.transaction(async (trx) => {
    // Migrations may have written rows of their own (e.g. the outbox lease); the template has them too.
    const tables = [...byTable.keys()];
    if (tables.length) await trx.raw(`truncate table ${tables.map(() => '??.??').join(', ')}`, tables.flatMap((t) => [to, t]));
    for (const table of parentsFirst(tables, edges)) {
      const cols = byTable.get(table)!.filter((c) => c.is_generated !== 'ALWAYS').map((c) => c.column_name);
      const list = cols.map(() => '??').join(', ');
      await trx.raw(`insert into ??.?? (${list}) overriding system value select ${list} from ??.??`, [to, table, ...cols, ...cols, from, table]);
      for (const c of byTable.get(table)!) {
        if (!c.seq) continue;
        await trx.raw(`select setval(?::regclass, coalesce((select max(??) from ??.??), 0) + 1, false)`, [c.seq, c.column_name, to, table]);
      }
    }
  });
}
