import { PRICE_BUCKETS } from '../price-buckets';
import type { Raw } from './text-ranker';

/**
 * The few facts ranking and facets need about every indexed document (type, category, price and
 * its vehicles), held in this process's memory as typed columns indexed by document number.
 *
 * Why: counting facets over a query's thousand matches, and checking each match's fitment against
 * the vehicle a query names, were SQL joins that visit a page of search_docs or search_vehicles per
 * document (3–14 ms of a 15 ms search at 100k products). Here they are array reads.
 *
 * Why it stays true: the index writer never changes a document in place; a changed document is
 * deleted and written again under a new, higher number (index-writer.ts), and numbers are never
 * reused. So what was loaded for a number stays right for as long as that number exists, and
 * catching up means reading the numbers above the highest one loaded. A deleted document's facts
 * linger harmlessly: FTS5 no longer returns its number. When most of what is held is such garbage
 * (a reindex, many re-imports) everything is read again.
 */

/** Rows per statement while loading: other requests get the SQLite connection in between. */
const LOAD_BATCH = 50_000;
const NONE = -1;

/** A typed array that grows as documents are appended. */
class Column<A extends Int32Array | Float64Array | Uint8Array | Int16Array> {
  constructor(public data: A, private readonly make: (n: number) => A) {}

  set(i: number, v: number): void {
    if (i >= this.data.length) {
      const next = this.make(Math.max(i + 1, this.data.length * 2, 1024));
      next.set(this.data);
      this.data = next;
    }
    this.data[i] = v;
  }

  get bytes(): number {
    return this.data.byteLength;
  }
}

/** Strings as small numbers: a few hundred categories, makes and models across a million documents. */
class Strings {
  private readonly ids = new Map<string, number>();
  readonly list: string[] = [];
  private sorted: Int32Array = new Int32Array(0);

  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.list.length;
      this.list.push(s);
      this.ids.set(s, id);
    }
    return id;
  }

  /** The ids in SQLite's binary order of their strings (worked out again only when strings were added). */
  inOrder(): Int32Array {
    if (this.sorted.length !== this.list.length) {
      this.sorted = Int32Array.from(this.list.keys()).sort((a, b) => binaryCompare(this.list[a], this.list[b]));
    }
    return this.sorted;
  }

  /** Counts by id as { string: count }, in binary order, values counted at least once. */
  named(counts: Int32Array): Record<string, number> {
    const out: Record<string, number> = {};
    for (const id of this.inOrder()) if (counts[id] > 0) out[this.list[id]] = counts[id];
    return out;
  }
}

/** A model name as the query's named models are written: ASCII lower case, no spaces or hyphens (Model 3 → model3). */
export function modelKey(model: string): string {
  return model.replace(/[A-Z]/g, (c) => c.toLowerCase()).replace(/[ -]/g, '');
}

export interface FitQuery {
  /** Model keys (see modelKey) of the vehicle the query names. */
  readonly models: ReadonlySet<string>;
  readonly yearFrom: number | null;
  readonly yearTo: number | null;
}

export type FacetDistribution = Record<string, Record<string, number>>;

interface DocRowFacts {
  doc: number;
  category: string | null;
  price: number | null;
}

interface VehicleRowFacts {
  doc: number;
  make: string;
  model: string;
  year_from: number | null;
  year_to: number | null;
}

/** The columns, indexed by document number minus the lowest number live at the last full load. */
class Columns {
  readonly present = new Column(new Uint8Array(0), (n) => new Uint8Array(n));
  readonly category = new Column(new Int32Array(0), (n) => new Int32Array(n));
  readonly price = new Column(new Float64Array(0), (n) => new Float64Array(n));
  /** Per document, where its vehicles start in the vehicle columns and how many there are. */
  readonly vStart = new Column(new Int32Array(0), (n) => new Int32Array(n));
  readonly vCount = new Column(new Int32Array(0), (n) => new Int32Array(n));
  readonly vMake = new Column(new Int32Array(0), (n) => new Int32Array(n));
  readonly vModel = new Column(new Int32Array(0), (n) => new Int32Array(n));
  /** Year bounds; 0 when open. */
  readonly vFrom = new Column(new Int16Array(0), (n) => new Int16Array(n));
  readonly vTo = new Column(new Int16Array(0), (n) => new Int16Array(n));
  vehicles = 0;

  constructor(readonly base: number) {}

  get bytes(): number {
    return [this.present, this.category, this.price, this.vStart, this.vCount, this.vMake, this.vModel, this.vFrom, this.vTo].reduce((n, c) => n + c.bytes, 0);
  }
}

export class DocFacts {
  private cols = new Columns(0);
  private readonly categories = new Strings();
  private readonly makes = new Strings();
  private readonly models = new Strings();
  /** Model keys by model id, filled as models are first seen. */
  private readonly keys: string[] = [];
  private loadedUpTo = 0;
  /** Documents read since the last full load, against how many were live then. */
  private appended = 0;
  private liveAtFullLoad = 0;
  private loading: Promise<void> | null = null;

  constructor(private readonly raw: Raw) {}

  /** The highest document number held. */
  get upTo(): number {
    return this.loadedUpTo;
  }

  get bytes(): number {
    return this.cols.bytes;
  }

  /**
   * Catches up with the index: reads documents numbered above the highest one held, or everything
   * again after a rebuild or once garbage outweighs the live documents. Concurrent callers share
   * one read.
   */
  refresh(): Promise<void> {
    this.loading ??= this.catchUp().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  /**
   * Makes sure every one of `docs` is held (one committed after the last refresh). A refresh
   * already running may have read the highest number before it was committed: then one
   * more, and no more (a number that does not exist must not loop).
   */
  async ensure(docs: readonly number[]): Promise<void> {
    let doc = 0;
    for (const d of docs) if (d > doc) doc = d;
    if (doc > this.loadedUpTo) await this.refresh();
    if (doc > this.loadedUpTo) await this.refresh();
  }

  private async catchUp(): Promise<void> {
    const rows = await this.raw<{ lo: number | null; hi: number | null }>('SELECT min(doc) AS lo, max(doc) AS hi FROM search_docs', []);
    const lo = Number(rows[0]?.lo ?? 0);
    const hi = Number(rows[0]?.hi ?? 0);
    // Everything held is below the lowest live number (a reindex), or garbage dominates: start over.
    // The first load is a full one too: it sets where the columns start and how many documents live.
    const first = this.loadedUpTo === 0;
    const rebuilt = !first && lo > this.loadedUpTo;
    const bloated = this.appended > 2 * this.liveAtFullLoad + 10_000;
    if (first || rebuilt || bloated) await this.reset(lo);
    while (this.loadedUpTo < hi) await this.loadBatch(hi);
  }

  private async reset(lo: number): Promise<void> {
    this.cols = new Columns(Math.max(0, lo - 1));
    this.loadedUpTo = this.cols.base;
    this.appended = 0;
    const n = await this.raw<{ n: number }>('SELECT count(*) AS n FROM search_docs', []);
    this.liveAtFullLoad = Number(n[0]?.n ?? 0);
  }

  private async loadBatch(hi: number): Promise<void> {
    const from = this.loadedUpTo;
    const docs = await this.raw<DocRowFacts>('SELECT doc, category, price FROM search_docs WHERE doc > ? AND doc <= ? ORDER BY doc LIMIT ?', [from, hi, LOAD_BATCH]);
    const to = docs.length === LOAD_BATCH ? docs[docs.length - 1].doc : hi;
    const vehicles = await this.raw<VehicleRowFacts>('SELECT doc, make, model, year_from, year_to FROM search_vehicles WHERE doc > ? AND doc <= ? ORDER BY doc', [from, to]);
    const c = this.cols;
    let v = 0;
    for (const d of docs) {
      const i = d.doc - c.base;
      c.present.set(i, 1);
      c.category.set(i, d.category === null ? NONE : this.categories.id(d.category));
      c.price.set(i, d.price === null ? Number.NaN : Number(d.price));
      while (v < vehicles.length && vehicles[v].doc < d.doc) v++;
      c.vStart.set(i, c.vehicles);
      let count = 0;
      for (; v < vehicles.length && vehicles[v].doc === d.doc; v++, count++) this.addVehicle(vehicles[v]);
      c.vCount.set(i, count);
    }
    this.appended += docs.length;
    this.loadedUpTo = to;
  }

  private addVehicle(r: VehicleRowFacts): void {
    const c = this.cols;
    const i = c.vehicles++;
    const model = this.models.id(r.model);
    if (this.keys[model] === undefined) this.keys[model] = modelKey(r.model);
    c.vMake.set(i, this.makes.id(r.make));
    c.vModel.set(i, model);
    c.vFrom.set(i, r.year_from ?? 0);
    c.vTo.set(i, r.year_to ?? 0);
  }

  /** The column index of a document held, or -1. */
  private slot(doc: number): number {
    const i = doc - this.cols.base;
    const present = this.cols.present.data;
    return i > 0 && i < present.length && present[i] === 1 ? i : NONE;
  }

  /**
   * How a document fits the vehicle a query names (text-ranker's tiers): 0 when a fitment row has
   * exactly that model and some fitment row's years contain the query's years, +2 without the exact
   * model, +1 without the years. No year in the query: any fitment row will do for the years.
   */
  fitTier(doc: number, fit: FitQuery): number {
    const c = this.cols;
    const d = this.slot(doc);
    const start = d === NONE ? 0 : c.vStart.data[d];
    const end = start + (d === NONE ? 0 : c.vCount.data[d]);
    const vModel = c.vModel.data;
    const vFrom = c.vFrom.data;
    const vTo = c.vTo.data;
    let exact = false;
    let inYear = false;
    for (let i = start; i < end; i++) {
      if (!exact && fit.models.has(this.keys[vModel[i]])) exact = true;
      if (!inYear) {
        if (fit.yearFrom === null || fit.yearTo === null) inYear = true;
        else {
          const from = vFrom[i];
          const to = vTo[i];
          inYear = (from === 0 || from <= fit.yearTo) && (to === 0 || to >= fit.yearFrom);
        }
      }
    }
    return (exact ? 0 : 2) + (inYear ? 0 : 1);
  }

  /**
   * Facet counts over documents: category, make and model (a document counts once per value, however
   * many of its vehicles carry it) and price buckets; values in SQLite's binary order, as GROUP BY gave.
   */
  facets(docs: readonly number[]): FacetDistribution {
    // The arrays themselves, one kind per local: reads through Column.get see four kinds of typed
    // array at one site, which V8 cannot make fast.
    const c = this.cols;
    const base = c.base;
    const present = c.present.data;
    const categories = c.category.data;
    const prices = c.price.data;
    const vStart = c.vStart.data;
    const vCount = c.vCount.data;
    const vMake = c.vMake.data;
    const vModel = c.vModel.data;
    const category = new Int32Array(this.categories.list.length);
    const make = new Int32Array(this.makes.list.length);
    const model = new Int32Array(this.models.list.length);
    const price = new Int32Array(PRICE_BUCKETS.length);
    // The last document counted for each make and model: a document counts once per value.
    const makeSeen = new Int32Array(make.length).fill(-1);
    const modelSeen = new Int32Array(model.length).fill(-1);
    for (let k = 0; k < docs.length; k++) {
      const d = docs[k] - base;
      if (d <= 0 || d >= present.length || present[d] === 0) continue;
      const cat = categories[d];
      if (cat !== NONE) category[cat]++;
      const p = prices[d];
      if (!Number.isNaN(p)) price[bucketOf(p)]++;
      const start = vStart[d];
      const end = start + vCount[d];
      for (let i = start; i < end; i++) {
        const mk = vMake[i];
        if (makeSeen[mk] !== k) {
          makeSeen[mk] = k;
          make[mk]++;
        }
        const md = vModel[i];
        if (modelSeen[md] !== k) {
          modelSeen[md] = k;
          model[md]++;
        }
      }
    }
    return {
      category: this.categories.named(category),
      make: this.makes.named(make),
      model: this.models.named(model),
      price: PRICE_NAMES.named(price),
    };
  }
}

/** The price buckets' keys as strings like the others (ids in PRICE_BUCKETS' order). */
const PRICE_NAMES = new Strings();
for (const b of PRICE_BUCKETS) PRICE_NAMES.id(b.key);
/** Upper bounds, Infinity for the open bucket: SQLite's price CASE takes the first bucket whose bound is above the price. */
const PRICE_BOUNDS = Float64Array.from(PRICE_BUCKETS, (b) => b.to ?? Number.POSITIVE_INFINITY);

function bucketOf(price: number): number {
  for (let i = 0; i < PRICE_BOUNDS.length; i++) if (price < PRICE_BOUNDS[i]) return i;
  return PRICE_BOUNDS.length - 1;
}

/** SQLite's BINARY collation compares UTF-8 bytes; for the BMP text here, code-unit order is the same. */
function binaryCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
