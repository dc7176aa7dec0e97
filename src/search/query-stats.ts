import type { Knex } from 'knex';
import { fold } from './text';

export const QUERY_STATS_TABLE = 'search_query_stats';
export const MAX_STORED_QUERY = 100;
const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The form queries are counted in: folded (全角/繁體/case), spaces collapsed, capped. Empty → null. */
export function normalizeQuery(q: string): string | null {
  const n = fold(q).replace(/\s+/g, ' ').trim();
  return n ? Array.from(n).slice(0, MAX_STORED_QUERY).join('').trim() : null;
}

/** The calendar day in Asia/Shanghai (no DST there), as the shop's admins count days. */
export function shanghaiDay(ms: number): string {
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

interface Tally {
  searches: number;
  zero: number;
}

export interface QueryStatsOptions {
  readonly flushMs?: number;
  /** Distinct (query, day) pairs held before an early flush; bounds memory under a flood of unique queries. */
  readonly maxPending?: number;
  readonly now?: () => number;
  readonly onError?: (err: unknown) => void;
}

/**
 * Counting must not slow search down: a search adds to an in-memory tally, and a timer writes
 * the tallies with one additive upsert per (query, day). The upsert adds to what is stored, so
 * any number of app instances flushing at any time sum correctly on SQLite and PostgreSQL alike.
 */
export class QueryStatsRecorder {
  private pending = new Map<string, Tally>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private readonly flushMs: number;
  private readonly maxPending: number;
  private readonly now: () => number;

  constructor(
    private readonly db: Knex,
    private readonly opts: QueryStatsOptions = {},
  ) {
    this.flushMs = opts.flushMs ?? 10_000;
    this.maxPending = opts.maxPending ?? 5000;
    this.now = opts.now ?? Date.now;
  }

  record(q: string, totalHits: number): void {
    const query = normalizeQuery(q);
    if (!query) return;
    const key = `${shanghaiDay(this.now())}\u0000${query}`;
    const tally = this.pending.get(key) ?? { searches: 0, zero: 0 };
    tally.searches += 1;
    if (totalHits === 0) tally.zero += 1;
    this.pending.set(key, tally);
    if (this.pending.size >= this.maxPending) void this.flush();
  }

  /** Writes what is pending; tallies of a failed write go back into the pending map (bounded). */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.write());
    return this.flushing;
  }

  private async write(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    const rows = [...batch].map(([key, t]) => {
      const [day, query] = key.split('\u0000');
      return { query, day, searches: t.searches, zero_results: t.zero };
    });
    try {
      for (let i = 0; i < rows.length; i += 200) {
        await this.db(QUERY_STATS_TABLE)
          .insert(rows.slice(i, i + 200))
          .onConflict(['query', 'day'])
          .merge({
            searches: this.db.raw(`${QUERY_STATS_TABLE}.searches + excluded.searches`),
            zero_results: this.db.raw(`${QUERY_STATS_TABLE}.zero_results + excluded.zero_results`),
          });
      }
    } catch (err) {
      // Chunks already written stay written; the rest waits for the next flush unless memory is short.
      for (const [key, t] of batch) {
        if (this.pending.size >= this.maxPending) break;
        const cur = this.pending.get(key) ?? { searches: 0, zero: 0 };
        this.pending.set(key, { searches: cur.searches + t.searches, zero: cur.zero + t.zero });
      }
      this.opts.onError?.(err);
    }
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.flush(), this.flushMs);
    this.timer.unref();
  }

  /** Stops the timer and writes what is left (graceful shutdown). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }
}

export interface QueryCount {
  readonly query: string;
  readonly searches: number;
  readonly zeroResults: number;
}

function since(days: number, now: number): string {
  return shanghaiDay(now - (days - 1) * DAY_MS);
}

/** Per query over the window: total searches and zero-result searches. */
function perQuery(db: Knex, days: number, now = Date.now()): Knex.QueryBuilder {
  return db(QUERY_STATS_TABLE)
    .where('day', '>=', since(days, now))
    .groupBy('query')
    .select('query')
    .sum({ total: 'searches', zero: 'zero_results' });
}

async function counts(q: Knex.QueryBuilder): Promise<QueryCount[]> {
  const rows = (await q) as { query: string; total: number | string; zero: number | string }[];
  return rows.map((r) => ({ query: r.query, searches: Number(r.total), zeroResults: Number(r.zero) }));
}

/** Most searched queries of the last `days` days (today included). */
export function topQueries(db: Knex, opts: { days: number; limit: number; now?: number }): Promise<QueryCount[]> {
  return counts(perQuery(db, opts.days, opts.now).orderBy([{ column: 'total', order: 'desc' }, { column: 'query' }]).limit(opts.limit));
}

/** Queries that found nothing in the last `days` days, most frequent first. */
export function zeroResultQueries(db: Knex, opts: { days: number; limit: number; now?: number }): Promise<QueryCount[]> {
  return counts(perQuery(db, opts.days, opts.now).havingRaw('sum(zero_results) > 0').orderBy([{ column: 'zero', order: 'desc' }, { column: 'query' }]).limit(opts.limit));
}

/**
 * Queries shoppers ran that found something, often enough to be shown to other shoppers. A lone
 * search (possibly a phone number or a name typed by mistake) is never suggested, nor anything
 * that looks like a phone number or an e-mail address.
 */
export async function queriesWithResults(db: Knex, opts: { days: number; minSearches: number; limit: number; now?: number }): Promise<QueryCount[]> {
  const q = perQuery(db, opts.days, opts.now)
    .havingRaw('sum(searches) - sum(zero_results) >= ?', [opts.minSearches])
    .orderBy([{ column: 'total', order: 'desc' }, { column: 'query' }])
    .limit(opts.limit);
  return (await counts(q)).filter((r) => !/\d{6,}|@/.test(r.query));
}
