import type { Knex } from 'knex';
import { BadRequestError } from '../shared/errors';
import { fitmentStatus, type ActiveVehicle, type FitmentStatus } from './fitment-status';
import type { FitmentKind } from './fitment-types';
import {
  fittingProductIds,
  listMakes,
  listModels,
  modelYears,
  productVehicles,
  resolveVehicle,
  seedVehicles,
  statusesFor,
  type MakeOption,
  type ModelOption,
  type VehicleQuery,
} from './fitment-service';
import type { GarageCookie, GarageEntry } from './garage-cookie';
import { listProductVehicleRows as productVehicleRows } from './fitment-repository';
import { SHOP_TEXT, specLabel, yearsLabel } from './shop-strings';
import { asKind, badgeOf, modelDate, toShopperVehicle, type FitBadge, type FitBoxModel, type GarageState, type GarageVehicle, type ShopperVehicle } from './fit-view-models';
import { vehicleCatalog } from './vehicle-catalog';

export type { FitBadge, FitBoxModel, FitTableRow, GarageState, GarageVehicle, ShopperVehicle } from './fit-view-models';
export { toShopperVehicle } from './fit-view-models';

/** Product ids a listing may be narrowed to; `key` separates cached counts per vehicle. */
export interface FitsScope {
  readonly key: string;
  readonly ids: () => Knex.QueryBuilder;
}

const FITMENT_CODES = new Set(['unknown_make', 'unknown_model', 'year_out_of_range', 'invalid_year', 'model_requires_make', 'year_requires_model']);

/** True for the 400s resolveVehicle raises, which pages answer with the picker instead of a bare error. */
export function isVehicleError(err: unknown): err is BadRequestError {
  return err instanceof BadRequestError && FITMENT_CODES.has(err.code);
}


/**
 * The shopper side of fitment: the garage, badges, the product fit box, the picker options and
 * the landing-page data. Routes call it; it never sees req/res.
 */
export function createFitmentShop(db: Knex, opts: { now?: () => Date } = {}) {
  const now = opts.now ?? (() => new Date());
  let makesCache: Promise<MakeOption[]> | null = null;

  /** resolveVehicle, plus: a model still on sale cannot be from more than a year ahead. */
  async function resolve(query: VehicleQuery): Promise<ShopperVehicle | null> {
    const v = await resolveVehicle(db, query);
    if (!v) return null;
    const latest = now().getFullYear() + 1;
    if (v.year !== null && v.modelYearTo === null && v.year > latest) {
      throw new BadRequestError(`年份不在${v.modelName}的生产年份内（${v.modelYearFrom}–至今）`, 'year_out_of_range', { yearFrom: v.modelYearFrom, yearTo: null });
    }
    return toShopperVehicle(v);
  }

  async function kindsOf(productIds: readonly number[]): Promise<Map<number, { kind: FitmentKind; spec: string | null }>> {
    if (productIds.length === 0) return new Map();
    const rows: { id: number; fitment_kind: string; fitment_spec: string | null }[] = await db('products')
      .whereIn('id', productIds as number[])
      .select('id', 'fitment_kind', 'fitment_spec');
    return new Map(rows.map((r) => [Number(r.id), { kind: asKind(r.fitment_kind), spec: r.fitment_spec ?? null }]));
  }

  async function statuses(productIds: readonly number[], vehicle: ActiveVehicle | null): Promise<Map<number, FitmentStatus>> {
    const kinds = await kindsOf(productIds);
    return statusesFor(db, new Map([...kinds].map(([id, k]) => [id, k.kind])), vehicle);
  }

  async function badges(productIds: readonly number[], vehicle: ActiveVehicle | null): Promise<Map<number, FitBadge>> {
    const kinds = await kindsOf(productIds);
    const status = vehicle ? await statusesFor(db, new Map([...kinds].map(([id, k]) => [id, k.kind])), vehicle) : null;
    const out = new Map<number, FitBadge>();
    for (const [id, k] of kinds) {
      const badge = badgeOf(k.kind, k.spec, status ? (status.get(id) ?? 'unknown') : null);
      if (badge) out.set(id, badge);
    }
    return out;
  }

  return {
    resolve,
    statuses,
    badges,

    /** `fits` of /api/search hits: true only for 'fits' (the README rule), false for 'no_fit', else null. */
    async fitsFlags(productIds: readonly number[], vehicle: ActiveVehicle | null): Promise<Map<number, boolean | null>> {
      const map = await statuses(productIds, vehicle);
      return new Map([...map].map(([id, s]) => [id, s === 'fits' ? true : s === 'no_fit' ? false : null]));
    },

    /** The fitment part of a search document (SearchDocument.vehicles / universal). Make-wide rows carry model ''. */
    async searchFields(productIds: readonly number[]): Promise<Map<number, { vehicles: { make: string; model: string; yearFrom: number | null; yearTo: number | null }[]; universal: boolean }>> {
      const [kinds, rows] = await Promise.all([kindsOf(productIds), productVehicleRows(db, productIds)]);
      const out = new Map(productIds.map((id) => [id, { vehicles: [] as { make: string; model: string; yearFrom: number | null; yearTo: number | null }[], universal: kinds.get(id)?.kind === 'universal' }]));
      for (const r of rows) out.get(r.product_id)?.vehicles.push({ make: r.make_name, model: r.model_name ?? '', yearFrom: r.year_from, yearTo: r.year_to });
      return out;
    },

    /**
     * Brings the vehicle tables up to the reference data on every start: when any make or model
     * is missing or differs (name, years), the idempotent upsert runs. Existing ids are kept, so
     * product_fitments rows stay valid; a database made before a data update catches up here.
     */
    async ensureVehicles(): Promise<void> {
      const rows: { make: string; slug: string; name: string; year_from: number; year_to: number | null }[] = await db('vehicle_models as m')
        .join('vehicle_makes as k', 'k.id', 'm.make_id')
        .select('k.slug as make', 'm.slug', 'm.name', 'm.year_from', 'm.year_to');
      const stored = new Set(rows.map((r) => `${r.make}|${r.slug}|${r.name}|${r.year_from}|${r.year_to ?? ''}`));
      const current = vehicleCatalog().makes.some((mk) => mk.models.some((m) => !stored.has(`${mk.slug}|${m.slug}|${m.name}|${m.yearFrom}|${m.yearTo ?? ''}`)));
      if (current) await seedVehicles(db);
      makesCache = null;
    },

    /** The header picker's makes; vehicle tables only change at start-up (ensureVehicles). */
    makes(): Promise<MakeOption[]> {
      makesCache ??= listMakes(db).catch((err: unknown) => {
        makesCache = null;
        throw err;
      });
      return makesCache;
    },

    models(make: string): Promise<ModelOption[]> {
      return listModels(db, make);
    },

    async years(make: string, model: string): Promise<number[]> {
      const v = await resolve({ make, model });
      if (!v || v.modelId === null) throw new BadRequestError(SHOP_TEXT.picker.chooseModel, 'model_required');
      const latest = v.modelYearTo ?? now().getFullYear();
      return (await modelYears(db, make, model, latest)).filter((y) => y <= latest);
    },

    /** Resolves each saved vehicle; entries that no longer resolve (or were tampered with) drop out. */
    async readGarage(cookie: GarageCookie): Promise<GarageState> {
      const vehicles: GarageVehicle[] = [];
      const kept: GarageEntry[] = [];
      let active = 0;
      for (const [i, entry] of cookie.entries.entries()) {
        let v: ShopperVehicle | null = null;
        try {
          v = await resolve(entry);
        } catch (err) {
          if (!isVehicleError(err)) throw err;
        }
        if (!v || v.modelId === null) continue;
        if (i === cookie.active) active = kept.length;
        vehicles.push({ ...v, index: kept.length, entry });
        kept.push(entry);
      }
      return { cookie: { entries: kept, active }, vehicles, active: vehicles[active] ?? null };
    },

    /** Cards with `fitBadge` set for the shopper's car (universal/spec badges even without one). */
    async withBadges<T extends { id: number }>(cards: readonly T[], vehicle: ActiveVehicle | null): Promise<(T & { fitBadge?: FitBadge })[]> {
      const map = await badges(
        cards.map((c) => c.id),
        vehicle,
      );
      return cards.map((c) => (map.has(c.id) ? { ...c, fitBadge: map.get(c.id) } : c));
    },

    /** Listing scope for fits=1: parts for the car plus universal parts. */
    fitsScope(vehicle: ActiveVehicle, opts: { includeUniversal?: boolean } = { includeUniversal: true }): FitsScope {
      return {
        key: `${vehicle.makeId}:${vehicle.modelId ?? '*'}:${vehicle.year ?? '*'}:${opts.includeUniversal ? 'u' : ''}`,
        ids: () => fittingProductIds(db, vehicle, opts),
      };
    },

    async fitBox(product: { id: number; url: string }, vehicle: ShopperVehicle | null): Promise<FitBoxModel> {
      const [rows, kinds] = await Promise.all([productVehicles(db, product.id), kindsOf([product.id])]);
      const { kind, spec } = kinds.get(product.id) ?? { kind: 'unknown' as const, spec: null };
      const status = fitmentStatus(rows, kind, vehicle);
      const t = SHOP_TEXT.fitBox;
      let message: string;
      if (kind === 'universal') message = t.universal;
      else if (kind === 'spec') message = t.spec(specLabel(spec) ?? '12V/24V');
      else if (rows.length === 0) message = t.unknownKind;
      else if (!vehicle) message = t.choose;
      else message = status === 'fits' ? t.fits(vehicle.label) : status === 'no_fit' ? t.noFit(vehicle.label) : t.maybe(vehicle.label);
      return {
        kind,
        status,
        badge: badgeOf(kind, spec, vehicle ? status : null),
        message,
        vehicle,
        rows: rows.map((r) => ({
          make: r.make_name,
          makeUrl: `/vehicles/${r.make_slug}`,
          model: r.model_name ?? t.allModels,
          modelUrl: r.model_slug ? `/vehicles/${r.make_slug}/${r.model_slug}` : null,
          years: yearsLabel(r.year_from, r.year_to),
          position: r.position,
          note: r.note,
        })),
        pickerUrl: `/garage/select?return=${encodeURIComponent(product.url)}`,
      };
    },

    /** schema.org Product.isAccessoryOrSparePartFor: one Car per listed vehicle. */
    async accessoryFor(productId: number): Promise<Record<string, unknown>[]> {
      const seen = new Set<string>();
      const out: Record<string, unknown>[] = [];
      for (const r of await productVehicles(db, productId)) {
        const date = modelDate(r.year_from, r.year_to);
        const key = `${r.make_id}|${r.model_id}|${date}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({
          '@type': 'Car',
          name: r.model_name ? `${r.make_name} ${r.model_name}` : r.make_name,
          brand: { '@type': 'Brand', name: r.make_name },
          ...(r.model_name ? { model: r.model_name } : {}),
          ...(date ? { vehicleModelDate: date } : {}),
        });
      }
      return out;
    },

    /** Make and model pages worth listing in the sitemap: those with published parts. */
    async landingPaths(): Promise<string[]> {
      const rows: { make_slug: string; model_slug: string | null }[] = await db('product_fitments as f')
        .join('products as p', 'p.id', 'f.product_id')
        .join('vehicle_makes as mk', 'mk.id', 'f.make_id')
        .leftJoin('vehicle_models as md', 'md.id', 'f.model_id')
        .where('p.status', 'published')
        .distinct('mk.slug as make_slug', 'md.slug as model_slug')
        .orderBy([{ column: 'make_slug' }, { column: 'model_slug' }]);
      const paths = new Set<string>(['/vehicles']);
      for (const r of rows) {
        paths.add(`/vehicles/${r.make_slug}`);
        if (r.model_slug) paths.add(`/vehicles/${r.make_slug}/${r.model_slug}`);
      }
      return [...paths];
    },

    /** Published part counts per model slug of one make; key null = parts for every model of it. */
    async modelPartCounts(makeId: number): Promise<Map<string | null, number>> {
      const rows: { model_slug: string | null; n: number | string }[] = await db('product_fitments as f')
        .join('products as p', 'p.id', 'f.product_id')
        .leftJoin('vehicle_models as md', 'md.id', 'f.model_id')
        .where('p.status', 'published')
        .andWhere('f.make_id', makeId)
        .groupBy('md.slug')
        .select('md.slug as model_slug')
        .countDistinct({ n: 'f.product_id' });
      return new Map(rows.map((r) => [r.model_slug ?? null, Number(r.n)]));
    },
  };
}

export type FitmentShop = ReturnType<typeof createFitmentShop>;
